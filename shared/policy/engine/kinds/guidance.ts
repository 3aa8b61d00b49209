/** Support without an amount in the text (land, power price, bonds, funds; or 奖补 with no standard). */
import { ZERO } from '../decimal';
import type { NonMonetaryItem, Stage, UnquantifiedItem } from '../types';
import { checkConditions } from './conditions';
import type { KindRule } from './kind';
import { eligible, ineligible } from './outcome';

/** The kind rule of such records; `amountKind` says whether money is promised (unquantified) or not. */
export function guidanceRule<I extends NonMonetaryItem | UnquantifiedItem>(
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
      const stages: Stage[] = [];
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
