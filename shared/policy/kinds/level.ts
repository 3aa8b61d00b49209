import type { CompiledItem } from '../compile';
import { ZERO, toYuanString } from '../decimal';
import { formatMoney } from '../format';
import type { Scope } from '../scope';
import type { LevelItem, Stage } from '../types';
import { checkConditions } from './conditions';
import { eligible, ineligible, needsInfo, type Outcome } from './outcome';

/** 分别给予 300万元、200万元…: the amount of the level the user reached. */
export function evaluateLevel(ci: CompiledItem, s: Scope): Outcome {
  const item = ci.item as LevelItem;
  const stages: Stage[] = [];
  const failed = checkConditions(item.conditions, s, stages);
  if (failed) return ineligible('exact', 'condition', `不满足条件：${failed.quote}`, stages);
  const value = s.choice(item.fact);
  if (value === undefined) {
    const out = needsInfo('exact', ZERO, ci.levelMax!, stages, `需要确认：${s.label(item.fact)}`);
    out.alternatives = item.levels.map((l) => {
      const yuan = toYuanString(ci.levels!.get(l.value)!.amount.value);
      return { assume: l.label, amount: { min: yuan, max: yuan }, status: 'eligible' as const };
    });
    return out;
  }
  const level = ci.levels!.get(value);
  if (!level) return ineligible('exact', 'level', `${s.label(item.fact).replace(/？$/, '')}：未达到任何一级`, stages);
  const amount = level.amount.value;
  stages.push({
    step: 'level',
    label: '按级别',
    text: `${level.label}：给予 ${formatMoney(amount)}`,
    quote: level.quote,
    value: toYuanString(amount),
  });
  return eligible('exact', amount, amount, stages);
}
