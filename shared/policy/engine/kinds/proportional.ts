/**
 * The kinds that pay base × rate (proportional: percent, perUnit, perCount), with a threshold, a
 * per-entry cap and a per-enterprise cap. Its record type is ProportionalItem.
 */
import { Dec, ZERO, lesser, toYuanString } from '../decimal';
import { parseFigure, parseQuoted, type ParsedFigure, type QuotedFigure } from '../figure';
import { formatMoney } from '../format';
import type { Cap, Figure, ItemBase, Threshold } from '../types';
import { checkConditions } from './conditions';
import type { KindRule } from './kind';
import { eligible, ineligible, needsInfo } from './outcome';
import { checkThreshold, compileThreshold, type CompiledThreshold } from './threshold';

/** base × rate, with threshold, per-entry cap and per-enterprise cap. */
export interface ProportionalItem extends ItemBase {
  kind: 'percent' | 'perUnit' | 'perCount';
  /** The fact the rate applies to. */
  base: string;
  /** '20%' for percent, '200元' per `per` for perUnit/perCount. */
  rate: Figure;
  /** For perUnit/perCount: the unit the rate is paid per, e.g. '吨标准煤', '个', '人'. */
  per?: string;
  /** What the rate applies to, for headlines: '投资额' (投资额 20%), '标准' (每个标准 30万元), '水' (每吨水 10元). */
  headlineNoun?: string;
  rateQuote: string;
  threshold?: Threshold;
  cap?: Cap;
  /** A cap shared with other items of the same measure, per enterprise and year (e.g. standards). */
  group?: string;
}

export interface ProportionalFigures {
  rate: ParsedFigure;
  /** Per project (or per enterprise). */
  cap?: QuotedFigure;
  threshold?: CompiledThreshold;
  /** A cap shared with other items of the measure, applied per measure (../group-caps). */
  group?: { id: string; cap: ParsedFigure; quote: string };
}

/**
 * base × rate, in named stages: base → rate → threshold → cap. Covers 按…的 20%（percent）,
 * 每节约 1 吨标准煤给予 200元（perUnit）and 每个标准 30万元（perCount）: the rate's unit says which.
 */
export const proportional: KindRule<ProportionalItem, ProportionalFigures> = {
  kinds: ['percent', 'perUnit', 'perCount'],
  amountKind: 'exact',
  facts: (item) => (item.threshold ? [item.base, item.threshold.fact] : [item.base]),

  compile(item, measure) {
    const figures: ProportionalFigures = { rate: parseFigure(item.rate) };
    if (item.cap) figures.cap = parseQuoted(item.cap.amount, item.cap.quote);
    if (item.threshold) figures.threshold = compileThreshold(item.threshold);
    if (item.group) {
      const g = measure.groups?.find((x) => x.id === item.group);
      if (!g) throw new Error(`Catalog item ${item.id} names unknown group ${item.group}`);
      figures.group = { id: g.id, cap: parseFigure(g.amount), quote: g.quote };
    }
    return figures;
  },

  evaluate(ci, s) {
    const { item, threshold } = ci;
    const stages = s.stages();
    const failed = checkConditions(item.conditions, s, stages);
    if (failed) return ineligible(proportional.amountKind, 'condition', `不满足条件：${failed.quote}`, stages);

    const cap = ci.cap;
    const base = s.amount(item.base);
    const thresholdValue = threshold && (threshold.rule.fact === item.base ? base : s.amount(threshold.rule.fact));
    if (base === undefined || (threshold && thresholdValue === undefined)) {
      // A threshold already missed settles it, whatever the missing base would be.
      if (threshold && thresholdValue !== undefined) {
        const t = checkThreshold(threshold, thresholdValue, s, stages);
        if (!t.pass) return ineligible(proportional.amountKind, 'threshold', t.reason, stages, t.hint ? [t.hint] : []);
      }
      const missing = base === undefined || !threshold ? item.base : threshold.rule.fact;
      return needsInfo('exact', ZERO, cap?.value, stages, `需要填写：${s.label(missing)}`);
    }

    // Stage 2 — rate.
    const raw = base.times(ci.rate.value);
    if (s.explain) {
      // Stage 1 — base, in the unit the user typed.
      const typed = s.typed(item.base, base);
      stages.push({ step: 'base', label: '基数', text: `${s.label(item.base)}：${typed}` });
      const rateText = item.kind === 'percent' ? ci.rate.text : `每${item.per} ${ci.rate.text}`;
      const baseText = item.kind === 'percent' ? formatMoney(base) : typed;
      stages.push({
        step: 'rate',
        label: '按标准计算',
        text: `${baseText} × ${rateText} = ${formatMoney(raw)}`,
        quote: item.rateQuote,
        value: toYuanString(raw),
      });
    }

    // Stage 3 — threshold.
    if (threshold && thresholdValue !== undefined) {
      const t = checkThreshold(threshold, thresholdValue, s, stages);
      if (!t.pass) {
        return ineligible(proportional.amountKind, 'threshold', t.reason, stages, t.hint ? [t.hint] : undefined);
      }
    }
    if (raw.isZero()) return ineligible(proportional.amountKind, 'zero', `${s.label(item.base)}为 0`, stages);

    // Stage 4 — cap (per project / per enterprise; a cap shared between items comes later, per measure).
    let amount = raw;
    if (cap) {
      amount = lesser(raw, cap.value);
      if (s.explain) stages.push({
        step: 'cap',
        label: '上限',
        text: raw.gt(cap.value)
          ? `${formatMoney(raw)} 超过上限，按 ${cap.text} 计`
          : raw.eq(cap.value)
            ? `${formatMoney(raw)} 达到上限 ${cap.text}`
            : `${formatMoney(raw)} 未超过上限 ${cap.text}`,
        quote: cap.quote,
        value: toYuanString(amount),
      });
    }
    return eligible('exact', amount, amount, stages);
  },

  figures(item, measure) {
    const pairs: [Figure, string][] = [[item.rate, item.rateQuote]];
    if (item.cap) pairs.push([item.cap.amount, item.cap.quote]);
    if (item.threshold) {
      pairs.push([item.threshold.min, item.threshold.quote]);
      if (item.threshold.reduced) pairs.push([item.threshold.reduced.min, item.threshold.reduced.quote]);
    }
    const g = item.group ? measure.groups?.find((x) => x.id === item.group) : undefined;
    if (g) pairs.push([g.amount, g.quote]);
    return pairs;
  },

  ceiling: (ci) => ci.cap?.value ?? ci.group?.cap.value ?? 'open',

  // '投资额 20%，最高 500万元', '投资额 20% 补偿', '每吨标准煤 200元', '每个标准最高 30万元'.
  headline(ci, awards, top) {
    const { item } = ci;
    const noun = item.headlineNoun ?? '';
    if (item.kind === 'perUnit') return `每${item.per}${noun} ${ci.rate.text}`;
    if (item.kind === 'perCount') return `每${item.per}${noun}最高 ${formatMoney(Dec.max(...awards.flatMap((c) => (c.rate ? [c.rate.value] : []))))}`;
    const rate = `${noun ? `${noun} ` : ''}${ci.rate.text}`;
    return top === undefined ? `${rate} 补偿` : `${rate}，最高 ${formatMoney(top)}`;
  },

  rateText: (item) => (item.kind === 'percent' ? item.rateQuote : `每${item.per} ${item.rate}`),
  noCapText: '条文未设上限',
};
