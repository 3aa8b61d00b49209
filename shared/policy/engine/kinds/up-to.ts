/**
 * The 最高不超过 kind without a formula (upTo): decided case by case, anywhere from 0 to the cap. Its
 * record type is UpToItem.
 */
import { ZERO, toYuanString } from '../decimal';
import { parseFigure, type ParsedFigure } from '../figure';
import type { Cap, ItemBase } from '../types';
import { checkConditions } from './conditions';
import type { KindRule } from './kind';
import { eligible, ineligible } from './outcome';

/** 最高不超过 with no formula: a discretionary award from 0 up to the cap. */
export interface UpToItem extends ItemBase {
  kind: 'upTo';
  cap: Cap;
}

/** 最高不超过 X万元 with no formula: the award is decided case by case, anywhere from 0 to the cap. */
export const upTo: KindRule<UpToItem, { cap: ParsedFigure }> = {
  kinds: ['upTo'],
  amountKind: 'upTo',
  facts: () => [],
  compile: (item) => ({ cap: parseFigure(item.cap.amount) }),

  evaluate(ci, s) {
    const { item } = ci;
    const stages = s.stages();
    const failed = checkConditions(item.conditions, s, stages);
    if (failed) return ineligible(upTo.amountKind, 'condition', `不满足条件：${failed.quote}`, stages);
    const cap = ci.cap.value;
    if (s.explain) stages.push({
      step: 'cap',
      label: '上限',
      text: `清单未给出计算公式，由主管部门核定：0 至 ${ci.cap.text}`,
      quote: item.cap.quote,
      value: toYuanString(cap),
    });
    return eligible('upTo', ZERO, cap, stages);
  },

  figures: (item) => [[item.cap.amount, item.cap.quote]],
  ceiling: (ci) => ci.cap.value,
  rateText: (item) => `不定额，最高 ${item.cap.amount}`,
};
