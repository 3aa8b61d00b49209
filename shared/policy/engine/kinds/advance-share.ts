/**
 * The 先行补助 + 后续补助 kind (advanceShare): a fixed advance, then 不低于 a share of a base once the
 * variety passes, under a total cap — the generic-drug consistency evaluation clause. Its record
 * type is AdvanceShareItem.
 */
import { lesser, toYuanString } from '../decimal';
import { parseFigure, type ParsedFigure } from '../figure';
import { formatMoney } from '../format';
import type { Cap, Figure, ItemBase } from '../types';
import { checkConditions } from './conditions';
import type { KindRule } from './kind';
import { eligible, ineligible, needsInfo } from './outcome';

/** 先行补助 + 不低于 share of a base, with a total cap (generic-drug consistency evaluation). */
export interface AdvanceShareItem extends ItemBase {
  kind: 'advanceShare';
  /** Condition for the advance (受理 or 备案临床试验). */
  advanceFact: string;
  advance: Figure;
  advanceQuote: string;
  /** Condition for the follow-up share (通过一致性评价). */
  passedFact: string;
  base: string;
  /** Lower bound of the share (不低于). */
  minRate: Figure;
  shareQuote: string;
  cap: Cap;
}

/**
 * 先行补助 30万元，通过…的品种再给予不低于总投入 20%后续补助，单个品种补助总额不超过 300万元.
 * 不低于 is a lower bound: after passing, the total is at least advance + 20% × 总投入 (capped) and
 * at most the cap; before passing, only the advance is due (exact).
 */
export const advanceShare: KindRule<AdvanceShareItem, { advance: ParsedFigure; share: ParsedFigure; cap: ParsedFigure }> = {
  kinds: ['advanceShare'],
  amountKind: 'exact',
  facts: (item) => [item.advanceFact, item.passedFact, item.base],
  // 总投入 only counts once the variety has passed.
  gates: (item, fact) => (fact === item.base ? [item.passedFact] : []),
  compile: (item) => ({ advance: parseFigure(item.advance), share: parseFigure(item.minRate), cap: parseFigure(item.cap.amount) }),

  evaluate(ci, s) {
    const { item } = ci;
    const stages = s.stages();
    const failed = checkConditions(item.conditions, s, stages);
    if (failed) return ineligible(advanceShare.amountKind, 'condition', `不满足条件：${failed.quote}`, stages);

    const cap = ci.cap.value;
    const advance = ci.advance.value;
    // Passing implies the application was accepted, so a known 通过 settles the advance too.
    const passedKnown = s.isKnown(item.passedFact);
    const passed = s.flag(item.passedFact);
    const accepted = (passedKnown && passed) || s.flag(item.advanceFact);
    if (!accepted) {
      return ineligible(advanceShare.amountKind, 'condition', `尚未达到节点：${item.advanceQuote.split('，')[0]}`, stages);
    }
    if (s.explain) stages.push({
      step: 'advance',
      label: '先行补助',
      text: `已受理或备案临床试验：先行补助 ${formatMoney(advance)}`,
      quote: item.advanceQuote,
      value: toYuanString(advance),
    });
    if (!passed) {
      if (s.explain) stages.push({
        step: 'share',
        label: '后续补助',
        text: `尚未通过一致性评价：通过后再给予不低于总投入 ${ci.share.text} 的后续补助，总额不超过 ${ci.cap.text}`,
        quote: item.shareQuote,
      });
      return eligible('exact', advance, advance, stages);
    }
    const base = s.amount(item.base);
    if (base === undefined) return needsInfo('atLeast', advance, cap, stages, `需要填写：${s.label(item.base)}`);
    const share = base.times(ci.share.value);
    const sum = advance.plus(share);
    const min = lesser(sum, cap);
    if (s.explain) {
      stages.push({
        step: 'share',
        label: '后续补助（下限）',
        text: `总投入 ${formatMoney(base)} × ${ci.share.text} = ${formatMoney(share)}（不低于此数）`,
        quote: item.shareQuote,
        value: toYuanString(share),
      });
      stages.push({
        step: 'cap',
        label: '总额上限',
        text: sum.gte(cap)
          ? `${formatMoney(advance)} + ${formatMoney(share)} = ${formatMoney(sum)}，达到总额上限，按 ${ci.cap.text} 计`
          : `${formatMoney(advance)} + 至少 ${formatMoney(share)} = 至少 ${formatMoney(sum)}，总额不超过 ${ci.cap.text}`,
        quote: item.cap.quote,
        value: toYuanString(min),
      });
    }
    return eligible(min.eq(cap) ? 'exact' : 'atLeast', min, cap, stages);
  },

  figures: (item) => [
    [item.advance, item.advanceQuote],
    [item.minRate, item.shareQuote],
    [item.cap.amount, item.cap.quote],
  ],
  ceiling: (ci) => ci.cap.value,
  rateText: (item) => `先行补助 ${item.advance}；通过后不低于总投入 ${item.minRate}`,
  conditionQuotes: (item) => [item.advanceQuote, item.shareQuote],
};
