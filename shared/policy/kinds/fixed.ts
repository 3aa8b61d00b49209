import type { CompiledItem } from '../compile';
import { toYuanString } from '../decimal';
import { formatMoney } from '../format';
import type { Scope } from '../scope';
import type { FixedItem, Stage } from '../types';
import { checkConditions } from './conditions';
import { eligible, ineligible, type Outcome } from './outcome';

/** 给予 X万元: the amount of the record, once its conditions hold. */
export function evaluateFixed(ci: CompiledItem, s: Scope): Outcome {
  const item = ci.item as FixedItem;
  const stages: Stage[] = [];
  const failed = checkConditions(item.conditions, s, stages);
  if (failed) return ineligible('exact', 'condition', `不满足条件：${failed.quote}`, stages);
  const amount = ci.amount!.value;
  stages.push({ step: 'amount', label: '定额', text: `给予 ${formatMoney(amount)}`, quote: item.quote, value: toYuanString(amount) });
  return eligible('exact', amount, amount, stages);
}
