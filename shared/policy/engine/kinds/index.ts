/** The item kinds' rules, by the `kind` of the records each computes. A new kind is a new file and its line here. */
import type { Item, ItemKind, ItemOf } from '../types';
import { advanceShare } from './advance-share';
import { feeReduction } from './fee-reduction';
import { fixed } from './fixed';
import type { AnyKindRule, KindRule } from './kind';
import { level } from './level';
import { nonMonetary } from './non-monetary';
import { proportional } from './proportional';
import { unquantified } from './unquantified';
import { upTo } from './up-to';

export const KIND_RULES = {
  fixed,
  level,
  percent: proportional,
  perUnit: proportional,
  perCount: proportional,
  advanceShare,
  upTo,
  feeReduction,
  nonMonetary,
  unquantified,
} satisfies { readonly [K in ItemKind]: KindRule<ItemOf<K>, object> };

/** The rule that computes the record, by its `kind`. */
export function ruleOf(item: Item): AnyKindRule {
  return KIND_RULES[item.kind];
}
