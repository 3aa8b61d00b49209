/**
 * ItemResult → what a result card shows (cardView), and the figure a shared card may carry
 * (sharedFigure). Every figure is the engine's, formatted by shared/policy; nothing here computes money.
 */
import { catalog2022, type ItemResult } from '@policy/engine'
import { GROUP_TITLES, AMOUNT_KIND_LABEL, alternativeLine, figureInGroup, measureLabel, pathLabel, whyText, type GroupId } from '@policy/view'
import type { ResultCardView } from '@/components/result-card'

export function cardView(r: ItemResult, group: GroupId): ResultCardView {
  const measure = catalog2022.measures[r.measureNumber - 1]
  const item = measure?.items.find((i) => i.id === r.id)
  const questions: ResultCardView['questions'] = []
  const seen = new Set<string>()
  const ask = (path: string, action: string) => {
    if (seen.has(path)) return
    seen.add(path)
    questions.push({ path, label: pathLabel(path), action })
  }
  if (group === 'needsInfo') for (const p of r.missing) ask(p, '去填写')
  if (group === 'nearMiss') for (const h of r.hints) ask(h.fact, '修改')
  return {
    id: r.id,
    measureId: r.measure,
    measureLabel: measureLabel(r),
    measureTitle: measure?.title ?? '',
    title: r.title,
    ...figureInGroup(r, group),
    why: whyText(r),
    stages: r.stages,
    alternatives: group === 'needsInfo' ? r.alternatives.map((a) => alternativeLine(r, a, { short: true })) : [],
    questions,
    entryNames: r.entries?.map((e) => e.name),
    noun: item?.repeat?.noun,
    tone: group,
  }
}

/**
 * The figure a shared card carries when the user ticked it: the card's figure with its kind word
 * where the figure does not already say it (an estimate still 待确认 must not travel as a sure
 * one), and an award to the craftsmen says whose it is. None where the card shows none.
 */
export function sharedFigure(v: ResultCardView): string | undefined {
  if (!v.figure) return undefined
  const label = v.amountLabel && v.amountLabel !== AMOUNT_KIND_LABEL.exact && !v.figure.includes(v.amountLabel) ? `（${v.amountLabel}）` : ''
  const figure = `${v.figure}${label}`
  return v.tone === 'people' ? `${GROUP_TITLES.people} ${figure}` : figure
}
