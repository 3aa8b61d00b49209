/** The 给予 X万元 kind (fixed): the record's amount, once its conditions hold. Its record type is FixedItem. */
import { toYuanString } from '../decimal';
import { parseFigure, type ParsedFigure } from '../figure';
import { formatMoney } from '../format';
import type { Figure, ItemBase } from '../types';
import { checkConditions } from './conditions';
import type { KindRule } from './kind';
import { eligible, ineligible } from './outcome';

/** A fixed amount (e.g. 对新认定的自治区级企业技术中心，给予 50万元). The first condition is the recognition. */
export interface FixedItem extends ItemBase {
  kind: 'fixed';
  amount: Figure;
}

/** 给予 X万元: the amount of the record, once its conditions hold. */
export const fixed: KindRule<FixedItem, { amount: ParsedFigure }> = {
  kinds: ['fixed'],
  amountKind: 'exact',
  facts: () => [],
  compile: (item) => ({ amount: parseFigure(item.amount) }),

  evaluate(ci, s) {
    const { item } = ci;
    const stages = s.stages();
    const failed = checkConditions(item.conditions, s, stages);
    if (failed) return ineligible(fixed.amountKind, 'condition', `不满足条件：${failed.quote}`, stages);
    const amount = ci.amount.value;
    if (s.explain) stages.push({ step: 'amount', label: '定额', text: `给予 ${formatMoney(amount)}`, quote: item.quote, value: toYuanString(amount) });
    return eligible('exact', amount, amount, stages);
  },

  figures: (item) => [[item.amount, item.quote]],
  ceiling: (ci) => ci.amount.value,
  ceilingIsAmount: true,
  rateText: (item) => item.amount,
  noCapText: '定额',
};
