/**
 * Share cards (WeChat 转发 and 朋友圈) and their deep links. Titles carry the measure's headline
 * from the engine (never typed by hand); paths open the same measure. A result share never carries
 * the user's figures — not in the title, never in the path — unless the user ticked the box that
 * says so (`includeFigures`).
 */
import { formatInterval } from '@policy/format'
import { headline } from '@policy/headline'
import type { Interval, Measure } from '@policy/types'
import { POLICY_LIST_YEAR } from './policy-list'

export const APP_NAME = '政策算盘'
/** The list, short, for share titles: '内蒙古 2022 制造业政策'. */
export const LIST_SHORT = `内蒙古 ${POLICY_LIST_YEAR} 制造业政策`
export const TAGLINE = `${LIST_SHORT} · 逐条测算`

export const BROWSE_PATH = '/pages/policy/browse/index'
export const DETAIL_PATH = '/pages/policy/detail/index'
export const HOME_PATH = '/pages/index/index'

export interface AppMessageShare {
  title: string
  path: string
}
export interface TimelineShare {
  title: string
  /** 朋友圈 opens the same page with this query (no path: WeChat uses the current page). */
  query: string
}

/** '/pages/policy/detail/index?id=m08' — the route of a measure's detail page. */
export function measurePath(measureId: string): string {
  return `${DETAIL_PATH}?id=${encodeURIComponent(measureId)}`
}

/** '引导企业增加技术改造投入：投资额 20%，最高 500万元｜内蒙古 2022 制造业政策'. */
export function measureShareTitle(measure: Measure): string {
  return `${measure.title}：${headline(measure)}｜${LIST_SHORT}`
}

export function measureShare(measure: Measure): AppMessageShare {
  return { title: measureShareTitle(measure), path: measurePath(measure.id) }
}

export function measureTimeline(measure: Measure): TimelineShare {
  return { title: measureShareTitle(measure), query: `id=${encodeURIComponent(measure.id)}` }
}

/** The browser page; a search or a filter travels with the link so the group sees the same list. */
export function browseShare(count: number, query?: string): AppMessageShare {
  const q = query?.trim()
  return {
    title: q ? `“${q}”相关的 ${count} 条扶持政策｜${LIST_SHORT}` : `${count} 条制造业扶持政策一览，哪条适合你？｜${LIST_SHORT}`,
    path: q ? `${BROWSE_PATH}?q=${encodeURIComponent(q)}` : BROWSE_PATH,
  }
}

export function browseTimeline(count: number, query?: string): TimelineShare {
  const q = query?.trim()
  return { title: browseShare(count, q).title, query: q ? `q=${encodeURIComponent(q)}` : '' }
}

export interface ResultShareInput {
  /** The engine's total (EvaluateResult.total). */
  total: Interval
  /** How many measures it covers (EvaluateResult.measuresCovered). */
  measures?: number
  /** The user ticked "在分享卡片中显示我的测算金额". Default: not shown. */
  includeFigures: boolean
}

/**
 * For the results page. Without the tick the card is an invitation with no figure of the user's;
 * with it, the title names the total. The path is always the home page, carrying no figures.
 */
export function resultShare({ total, measures, includeFigures }: ResultShareInput): AppMessageShare {
  if (!includeFigures) return { title: `算一算你的企业能申请多少制造业政策资金｜${APP_NAME}`, path: HOME_PATH }
  const covered = measures ? `（${measures} 项政策）` : ''
  return { title: `我按清单测算可申请 ${formatInterval(total)}${covered}，你也算算｜${APP_NAME}`, path: HOME_PATH }
}

export function resultTimeline(input: ResultShareInput): TimelineShare {
  return { title: resultShare(input).title, query: '' }
}

/** The H5 address of a route (hash router): for "复制链接" outside WeChat. */
export function h5Url(path: string, location: { origin: string; pathname: string } | undefined = typeof window !== 'undefined' ? window.location : undefined): string {
  if (!location) return `#${path}`
  return `${location.origin}${location.pathname}#${path}`
}
