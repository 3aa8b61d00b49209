/**
 * A measure's current application windows from the `deadlines` cloud function (issue 6), as
 * loadDeadlines gives them (a DeadlineView each). The list itself has no dates: when none is known,
 * or the cloud cannot be reached, the page says so and never shows a made-up date.
 */
import { callCloud } from '@/services/cloud'

export interface DeadlineView {
  id: string
  batchTitle: string
  /** YYYY-MM-DD, Asia/Shanghai. */
  opensOn: string
  closesOn: string
  issuer?: string
  sourceUrl?: string
  /** A local sample (示例), never an official date. */
  sample?: boolean
  /** The items the batch is for; empty: the whole measure. */
  itemIds: string[]
  itemTitles: string[]
  status: 'upcoming' | 'open' | 'closed'
  /** closesOn − today in days. */
  daysToClose: number
}

export type DeadlinesResult = { ok: true; list: DeadlineView[] } | { ok: false; message: string }

export const UNAVAILABLE = '申报时间暂时查询不到。清单本身没有写申报日期，以主管部门发布的申报通知为准。'

export async function loadDeadlines(measureId: string): Promise<DeadlinesResult> {
  const env = await callCloud('deadlines', { action: 'list', measureId, scope: 'current', limit: 20 })
  if (!env.ok || env.data.action !== 'list') return { ok: false, message: UNAVAILABLE }
  const list = env.data.deadlines
    .filter((d) => d.measureId === measureId)
    .map((d) => ({
      id: d.id,
      batchTitle: d.batchTitle,
      opensOn: d.opensOn,
      closesOn: d.closesOn,
      issuer: d.issuer,
      sourceUrl: d.sourceUrl,
      sample: d.sample,
      itemIds: d.itemIds ?? [],
      itemTitles: d.itemTitles ?? [],
      status: d.status,
      daysToClose: d.daysToClose,
    }))
  return { ok: true, list }
}
