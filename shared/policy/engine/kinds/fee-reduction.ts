/**
 * The 免收 / 减半 kind (feeReduction): the share of a fee the user would otherwise pay — a saving, not
 * a payment. Its record type is FeeReductionItem.
 */
import { ZERO, toYuanString } from '../decimal';
import { parseFigure, type ParsedFigure } from '../figure';
import { formatMoney } from '../format';
import type { Figure, ItemBase } from '../types';
import { checkConditions } from './conditions';
import type { KindRule } from './kind';
import { eligible, ineligible, needsInfo } from './outcome';

/** 免收 / 减半: a reduction of a fee the user may state. */
export interface FeeReductionItem extends ItemBase {
  kind: 'feeReduction';
  /** The clause's word and the share of the fee it waives: 免收 = '100%', 减半 = '50%'. */
  word: '免收' | '减半';
  share: Figure;
  /** The fee the user would otherwise pay (optional fact; without it the saving has no amount). */
  fee: string;
}

/** 免收 / 减半征收: the share of a fee the user would otherwise pay (a saving, not a payment). */
export const feeReduction: KindRule<FeeReductionItem, { share: ParsedFigure }> = {
  kinds: ['feeReduction'],
  amountKind: 'saving',
  facts: (item) => [item.fee],
  compile: (item) => ({ share: parseFigure(item.share) }),

  evaluate(ci, s) {
    const { item } = ci;
    const stages = s.stages();
    const failed = checkConditions(item.conditions, s, stages);
    if (failed) return ineligible(feeReduction.amountKind, 'condition', `不满足条件：${failed.quote}`, stages);
    const fee = s.amount(item.fee);
    if (fee === undefined) {
      if (s.explain) stages.push({ step: 'rate', label: item.word, text: `城市基础设施配套费${item.word}（${ci.share.text}）`, quote: item.quote });
      return needsInfo('saving', ZERO, undefined, stages, `填写${s.label(item.fee)}，即可算出减免金额`);
    }
    const saving = fee.times(ci.share.value);
    if (s.explain) {
      stages.push({ step: 'base', label: '应缴费用', text: `${s.label(item.fee)}：${formatMoney(fee)}` });
      stages.push({
        step: 'rate',
        label: item.word,
        text: `${formatMoney(fee)} × ${ci.share.text}（${item.word}）= 少缴 ${formatMoney(saving)}`,
        quote: item.quote,
        value: toYuanString(saving),
      });
    }
    return eligible('saving', saving, saving, stages);
  },

  // The share is read from the word (免收 = 100%, 减半 = 50%): the word is the figure.
  figures: () => [],
  ceiling: () => undefined,
  summary: (items) => `配套费${[...new Set(items.map((i) => i.word))].join('或')}`,
  rateText: (item) => `${item.word}（${item.share}）`,
};
