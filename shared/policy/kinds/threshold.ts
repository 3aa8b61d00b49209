/**
 * 投资 2000万元及以上（脱贫地区、革命老区投资 1000万元及以上）: a lower bound on a fact, inclusive
 * (以上 / 及以上 / 含 all include the threshold), lowered where the project is in one of the areas.
 */
import type { CompiledThreshold } from '../compile';
import { Dec } from '../decimal';
import { NEAR_MISS_SHARE } from '../config';
import { formatInUnit } from '../format';
import type { Scope } from '../scope';
import type { Hint, Stage, Threshold } from '../types';

const NEAR = new Dec(NEAR_MISS_SHARE);

export interface ThresholdCheck {
  pass: boolean;
  /** Why it failed, in Chinese. */
  reason?: string;
  hint?: Hint;
}

/** `value` is in the base unit of the fact's dimension. */
export function checkThreshold(t: Threshold, ct: CompiledThreshold, value: Dec, s: Scope, stages: Stage[]): ThresholdCheck {
  const factor = s.unitFactor.get(s.unit(t.fact)) ?? new Dec(1);
  const unit = s.unit(t.fact);
  const shown = formatInUnit(value.div(factor), unit);
  let min = ct.min;
  let quote = t.quote;
  let note = '';
  if (ct.reducedMin && t.reduced && value.lt(ct.min.value) && value.gte(ct.reducedMin.value)) {
    // Only here does the region matter: ask it, known answers first (a known 是 settles it).
    const flags = t.reduced.when.map((f) => `region.${f}`);
    const knownYes = flags.some((f) => s.isKnown(f) && s.raw(f) === true);
    const inArea = knownYes || flags.filter((f) => !s.isKnown(f)).map((f) => s.flag(f)).some(Boolean);
    if (inArea) {
      min = ct.reducedMin;
      quote = t.reduced.quote;
      const assumed = !knownYes;
      note = assumed ? '（未确定是否位于脱贫地区或革命老区，按“是”计算）' : '（项目位于脱贫地区或革命老区）';
    } else {
      note = '（项目不在脱贫地区或革命老区，适用一般门槛）';
    }
  }
  const pass = value.gte(min.value);
  stages.push({
    step: 'threshold',
    label: '门槛',
    text: `${s.label(t.fact)} ${shown} ${pass ? '≥' : '<'} ${min.text}（“${t.word}”含本数）${note}`,
    quote,
    pass,
  });
  if (pass) return { pass };
  const gap = min.value.minus(value);
  const gapShown = formatInUnit(gap.div(factor), unit);
  const check: ThresholdCheck = { pass, reason: `未达到门槛：${quote}（${s.label(t.fact)} ${shown}）` };
  if (value.gte(min.value.times(NEAR))) {
    check.hint = {
      text: `${s.label(t.fact)}再增加 ${gapShown} 即可达到 ${min.text} 门槛`,
      fact: s.path(t.fact),
      gap: gap.div(factor).toFixed(),
    };
  }
  return check;
}
