/**
 * ItemResult → what a result card shows. Every figure is the engine's, formatted by shared/policy;
 * nothing here computes money.
 */
import { catalog2022 } from '@policy/catalog'
import { formatInterval } from '@policy/format'
import { KIND_LABEL, figureText, measureLabel, pathLabel, whyText, type GroupId } from '@policy/result-view'
import type { ItemResult } from '@policy/types'
import type { ResultCardView } from '@/components/result-card'

/**
 * '「甲」为“是”' → '为“是”' (the why line above already names 甲); several facts → '以上都为“是”';
 * a level ('3A 级') → '为3A 级'.
 */
function alternativeText(assume: string): string {
  if (!assume.startsWith('「')) return `为${assume}`
  const answer = assume.slice(assume.lastIndexOf('」') + 1)
  return (assume.match(/」/g) ?? []).length > 1 ? `以上都${answer}` : answer
}

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
    // Not (yet) due: the reason or the near-miss hint says it; a "0元" would only confuse.
    figure: group === 'ineligible' || group === 'nearMiss' ? '' : figureText(r),
    kindLabel: group === 'ineligible' || group === 'nearMiss' ? '' : group === 'needsInfo' ? '待确认' : KIND_LABEL[r.kind],
    why: whyText(r),
    stages: r.stages,
    alternatives:
      group === 'needsInfo'
        ? r.alternatives.map((a) => ({ assume: alternativeText(a.assume), figure: a.status === 'ineligible' ? '不符合' : formatInterval(a.amount) }))
        : [],
    questions,
    entryNames: r.entries?.map((e) => e.name),
    noun: item?.repeat?.noun,
    tone: group,
  }
}

/** The text a shared card carries (H5 copies it; WeChat's share uses title + path). */
export function shareTitle(v: ResultCardView): string {
  return `${v.measureLabel}${v.measureTitle}：${v.figure}（政策算盘按清单条文估算）`
}
