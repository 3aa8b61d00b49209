import type { CompiledItem } from '../compile';
import { ZERO, toYuanString } from '../decimal';
import type { Scope } from '../scope';
import type { Stage, UpToItem } from '../types';
import { checkConditions } from './conditions';
import { eligible, ineligible, type Outcome } from './outcome';

/** 最高不超过 X万元 with no formula: the award is decided case by case, anywhere from 0 to the cap. */
export function evaluateUpTo(ci: CompiledItem, s: Scope): Outcome {
  const item = ci.item as UpToItem;
  const stages: Stage[] = [];
  const failed = checkConditions(item.conditions, s, stages);
  if (failed) return ineligible('upTo', 'condition', `不满足条件：${failed.quote}`, stages);
  const cap = ci.cap!.value;
  stages.push({
    step: 'cap',
    label: '上限',
    text: `清单未给出计算公式，由主管部门核定：0 至 ${ci.cap!.text}`,
    quote: item.cap.quote,
    value: toYuanString(cap),
  });
  return eligible('upTo', ZERO, cap, stages);
}
