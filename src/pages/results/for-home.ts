/**
 * The result's items the home page matches new deadline batches against (itemsForHome, for
 * src/state/result-for-home.ts): what this page shows as claimable, for the craftsmen, needing
 * information or as support without money, each with the figure its card shows (with the kind word
 * a shared card adds: an estimate still 待确认 says so).
 */
import type { ResultCardView } from '@/components/result-card'
import type { ResultItemForHome } from '@/state/result-for-home'
import { sharedFigure } from './card-view'

const FOR_HOME: ResultCardView['tone'][] = ['eligible', 'people', 'needsInfo', 'nonMonetary']

export function itemsForHome(views: Iterable<ResultCardView>): ResultItemForHome[] {
  return [...views]
    .filter((v) => FOR_HOME.includes(v.tone))
    .map((v) => ({ id: v.id, measureId: v.measureId, title: v.title, figure: (v.tone === 'nonMonetary' ? v.figure : sharedFigure(v)) ?? '' }))
}
