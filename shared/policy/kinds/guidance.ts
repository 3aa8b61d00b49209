import type { CompiledItem } from '../compile';
import { ZERO } from '../decimal';
import type { Scope } from '../scope';
import type { NonMonetaryItem, Stage, UnquantifiedItem } from '../types';
import { checkConditions } from './conditions';
import { eligible, ineligible, type Outcome } from './outcome';

/** Support without an amount in the text (land, power price, bonds, funds; or 奖补 with no standard). */
export function evaluateGuidance(ci: CompiledItem, s: Scope): Outcome {
  const item = ci.item as NonMonetaryItem | UnquantifiedItem;
  const kind = item.kind === 'nonMonetary' ? 'nonMonetary' : 'unquantified';
  const stages: Stage[] = [];
  const failed = checkConditions(item.conditions, s, stages);
  if (failed) return ineligible(kind, 'condition', `不满足条件：${failed.quote}`, stages);
  stages.push({ step: 'amount', label: item.tag, text: item.guidance, quote: item.quote });
  return eligible(kind, ZERO, ZERO, stages);
}
