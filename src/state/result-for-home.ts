/**
 * What the home page needs of the user's last result, kept on the device only (Taro storage): the
 * items the results page showed as claimable, for the craftsmen, needing information or as support
 * without money, each with the figure its card showed. The results page writes it from the
 * engine's result (src/pages/results/for-home.ts); the home page, which does not load the engine
 * (the main package's size budget), reads it to match new deadline batches — one rule, the engine's.
 * It holds for the answers it was computed from: once they change, nothing is shown until the
 * results are seen again.
 * saveResultForHome and loadResultForHome keep the items (ResultItemForHome, under RESULT_FOR_HOME_KEY);
 * newDeadlineMatches is the matching.
 */
import Taro from '@tarojs/taro'
import { appliesToItem, type Deadline } from '@cloud-api'
import type { Draft } from './draft-core'

export const RESULT_FOR_HOME_KEY = 'policy-abacus:result-for-home:v1'

export interface ResultItemForHome {
  /** Item id, 'm08.upgrade'. */
  id: string
  measureId: string
  /** The item's title, as its card shows it. */
  title: string
  /** The card's figure with its kind word ('420万元', '240万元（待确认）'), from shared/policy/view/result-view. */
  figure: string
}

interface Stored {
  v: 1
  /** The answers the result was computed from (as stored). */
  answers: string
  items: ResultItemForHome[]
}

const answersOf = (draft: Draft): string => JSON.stringify(draft)

function isItem(x: unknown): x is ResultItemForHome {
  const o = x as Record<string, unknown> | null
  return !!o && typeof o.id === 'string' && typeof o.measureId === 'string' && typeof o.title === 'string' && typeof o.figure === 'string'
}

export function saveResultForHome(draft: Draft, items: ResultItemForHome[]): void {
  const stored: Stored = { v: 1, answers: answersOf(draft), items }
  try {
    Taro.setStorageSync(RESULT_FOR_HOME_KEY, stored)
  } catch {
    // storage full or unavailable: home simply shows no matches
  }
}

/** The saved items when they were computed from exactly these answers; else none. */
export function loadResultForHome(draft: Draft | undefined): ResultItemForHome[] {
  if (!draft) return []
  try {
    const s = Taro.getStorageSync(RESULT_FOR_HOME_KEY) as Partial<Stored> | ''
    if (!s || s.v !== 1 || s.answers !== answersOf(draft) || !Array.isArray(s.items) || !s.items.every(isItem)) return []
    return s.items
  } catch {
    return []
  }
}

export interface NewDeadlineMatch {
  deadline: Deadline
  /** The saved result's items this batch is for. */
  items: ResultItemForHome[]
}

/**
 * Batches published after `since` (the previous visit; none on a first visit) that are for an item
 * of the saved result (shared/cloud/deadline-items.ts: the items the batch names, or its whole measure).
 */
export function newDeadlineMatches(deadlines: Deadline[], since: string | null, items: ResultItemForHome[]): NewDeadlineMatch[] {
  if (since === null || items.length === 0) return []
  const after = Date.parse(since)
  return deadlines.flatMap((deadline) => {
    const published = deadline.createdAt ? Date.parse(deadline.createdAt) : NaN
    if (!(published > after) || deadline.status === 'closed') return []
    const mine = items.filter((i) => i.measureId === deadline.measureId && appliesToItem(deadline, i.id))
    return mine.length > 0 ? [{ deadline, items: mine }] : []
  })
}
