/**
 * Support without an amount in the text (land, power price, bonds, funds; or 奖补 with no standard):
 * GuidanceItem is what such a record says instead, guidanceRule makes the rule of its two kinds
 * (nonMonetary, unquantified).
 */
import { ZERO } from '../decimal';
import type { ItemBase } from '../types';
import { checkConditions } from './conditions';
import type { KindRule } from './kind';
import { eligible, ineligible } from './outcome';

/** What such a record says instead of an amount (its kind: nonMonetary or unquantified, in their files). */
export interface GuidanceItem extends ItemBase {
  kind: 'nonMonetary' | 'unquantified';
  /** Two to six characters for cards: '电价支持', '用地支持'. */
  tag: string;
  /** What it means for the user, in plain Chinese. */
  guidance: string;
}

/** The kind rule of such records; `amountKind` says whether money is promised (unquantified) or not. */
export function guidanceRule<I extends GuidanceItem>(
  kind: I['kind'],
  amountKind: 'nonMonetary' | 'unquantified',
): KindRule<I, Record<never, never>> {
  return {
    kinds: [kind],
    amountKind,
    facts: () => [],
    compile: () => ({}),
    evaluate(ci, s) {
      const { item } = ci;
      const stages = s.stages();
      const failed = checkConditions(item.conditions, s, stages);
      if (failed) return ineligible(amountKind, 'condition', `不满足条件：${failed.quote}`, stages);
      if (s.explain) stages.push({ step: 'amount', label: item.tag, text: item.guidance, quote: item.quote });
      return eligible(amountKind, ZERO, ZERO, stages);
    },
    figures: () => [],
    ceiling: () => undefined,
    rateText: (item) => item.tag,
  };
}
