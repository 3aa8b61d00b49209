import type { CompiledItem } from '../compile';
import { Dec, ZERO, toYuanString } from '../decimal';
import { formatInUnit, formatMoney } from '../format';
import type { Scope } from '../scope';
import type { Hint, ProportionalItem, Stage } from '../types';
import { checkConditions } from './conditions';
import { eligible, ineligible, needsInfo, type Outcome } from './outcome';
import { checkThreshold } from './threshold';

/**
 * base × rate, in named stages: base → rate → threshold → cap. Covers 按…的 20%（percent）,
 * 每节约 1 吨标准煤给予 200元（perUnit）and 每个标准 30万元（perCount）: the rate's unit says which.
 */
export function evaluateProportional(ci: CompiledItem, s: Scope): Outcome {
  const item = ci.item as ProportionalItem;
  const stages: Stage[] = [];
  const hints: Hint[] = [];
  const failed = checkConditions(item.conditions, s, stages);
  if (failed) return ineligible('exact', 'condition', `不满足条件：${failed.quote}`, stages);

  const cap = ci.cap?.value;
  const base = s.amount(item.base);
  const thresholdValue = item.threshold ? (item.threshold.fact === item.base ? base : s.amount(item.threshold.fact)) : undefined;
  if (base === undefined || (item.threshold && thresholdValue === undefined)) {
    // A threshold already missed settles it, whatever the missing base would be.
    if (item.threshold && thresholdValue !== undefined) {
      const t = checkThreshold(item.threshold, ci.threshold!, thresholdValue, s, stages);
      if (!t.pass) return ineligible('exact', 'threshold', t.reason!, stages, t.hint ? [t.hint] : []);
    }
    const missing = base === undefined ? item.base : item.threshold!.fact;
    return needsInfo('exact', ZERO, cap, stages, `需要填写：${s.label(missing)}`);
  }

  // Stage 1 — base, in the unit the user typed.
  const unit = s.unit(item.base);
  const factor = s.unitFactor.get(unit) ?? new Dec(1);
  stages.push({ step: 'base', label: '基数', text: `${s.label(item.base)}：${formatInUnit(base.div(factor), unit)}` });

  // Stage 2 — rate.
  const raw = base.times(ci.rate!.value);
  const rateText = item.kind === 'percent' ? ci.rate!.text : `每${item.per} ${ci.rate!.text}`;
  const baseText = item.kind === 'percent' ? formatMoney(base) : formatInUnit(base.div(factor), unit);
  stages.push({
    step: 'rate',
    label: '按标准计算',
    text: `${baseText} × ${rateText} = ${formatMoney(raw)}`,
    quote: item.rateQuote,
    value: toYuanString(raw),
  });

  // Stage 3 — threshold.
  if (item.threshold) {
    const t = checkThreshold(item.threshold, ci.threshold!, thresholdValue!, s, stages);
    if (t.hint) hints.push(t.hint);
    if (!t.pass) return ineligible('exact', 'threshold', t.reason!, stages, hints);
  }
  if (raw.isZero()) return ineligible('exact', 'zero', `${s.label(item.base)}为 0`, stages, hints);

  // Stage 4 — cap (per project / per enterprise; a cap shared between items comes later, per measure).
  let amount = raw;
  if (cap && item.cap) {
    amount = Dec.min(raw, cap);
    stages.push({
      step: 'cap',
      label: '上限',
      text: raw.gt(cap) ? `${formatMoney(raw)} 超过上限，按 ${ci.cap!.text} 计` : `${formatMoney(raw)} 未超过上限 ${ci.cap!.text}`,
      quote: item.cap.quote,
      value: toYuanString(amount),
    });
  }
  return eligible('exact', amount, amount, stages, hints);
}
