/**
 * 投资 2000万元及以上（脱贫地区、革命老区投资 1000万元及以上）: a lower bound on a fact, inclusive
 * (以上 / 及以上 / 含 all include the threshold), lowered where the project is in one of the areas.
 * compileThreshold parses it once (a CompiledThreshold); checkThreshold applies it.
 */
import { Dec } from '../decimal';
import { NEAR_MISS_SHARE } from '../config';
import { parseFigure, type ParsedFigure } from '../figure';
import type { Scope } from '../scope';
import { REGION_NAME } from '../catalog/common-facts';
import type { Hint, RegionFlag, Stage, Threshold } from '../types';

const NEAR = new Dec(NEAR_MISS_SHARE);

export interface CompiledThreshold {
  rule: Threshold;
  min: ParsedFigure;
  reducedMin?: ParsedFigure;
}

export function compileThreshold(rule: Threshold): CompiledThreshold {
  return { rule, min: parseFigure(rule.min), reducedMin: rule.reduced ? parseFigure(rule.reduced.min) : undefined };
}

export type ThresholdCheck =
  | { pass: true }
  /** `reason`: why it failed, in Chinese; `hint`: how far off, when near. */
  | { pass: false; reason: string; hint?: Hint };

const regionFact = (flag: RegionFlag) => `region.${flag}`;

/** '脱贫地区或革命老区': the areas (only those whose fact is in `facts`, when given), as the list names them. */
function areaNames(when: readonly RegionFlag[], facts?: readonly string[]): string {
  return when.filter((f) => !facts || facts.includes(regionFact(f))).map((f) => REGION_NAME[f]).join('或');
}

/** `value` is in the base unit of the fact's dimension. */
export function checkThreshold(ct: CompiledThreshold, value: Dec, s: Scope, stages: Stage[]): ThresholdCheck {
  const t = ct.rule;
  // The value as typed: said only in the working and in a miss's reason.
  const shown = () => s.typed(t.fact, value);
  let min = ct.min;
  let quote = t.quote;
  let note = '';
  if (ct.reducedMin && t.reduced && value.lt(ct.min.value) && value.gte(ct.reducedMin.value)) {
    // Only here does the region matter: one 是 among the areas suffices (脱贫地区、革命老区 → 或).
    const when = t.reduced.when;
    const flags = when.map(regionFact);
    // The areas still unsure, when the answer had to be assumed (none when a known 是 settled it).
    let unsure = '';
    const inArea = s.anyFlag(flags, (unknown) => {
      unsure = areaNames(when, unknown);
      return { yes: `项目位于${unsure}`, no: `项目不在${unsure}` };
    });
    if (inArea) {
      min = ct.reducedMin;
      quote = t.reduced.quote;
      note = unsure ? `（未确定是否位于${unsure}，按“是”计算）` : `（项目位于${areaNames(when)}）`;
    } else {
      note = `（项目不在${areaNames(when)}，适用一般门槛）`;
    }
  }
  const pass = value.gte(min.value);
  if (s.explain) {
    stages.push({
      step: 'threshold',
      label: '门槛',
      text: `${s.label(t.fact)} ${shown()} ${pass ? '≥' : '<'} ${min.text}（“${t.word}”含本数）${note}`,
      quote,
      pass,
    });
  }
  if (pass) return { pass: true };
  const gap = min.value.minus(value);
  const check: ThresholdCheck = { pass: false, reason: `未达到门槛：${quote}（${s.label(t.fact)} ${shown()}）` };
  if (value.gte(min.value.times(NEAR))) {
    check.hint = {
      text: `${s.label(t.fact)}再增加 ${s.typed(t.fact, gap)} 即可达到 ${min.text} 门槛`,
      fact: s.path(t.fact),
      gap: s.inUnit(t.fact, gap).toFixed(),
    };
  }
  return check;
}
