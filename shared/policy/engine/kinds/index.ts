/** The item kinds, by the `kind` of the records each computes. A new kind is a new file and its line here. */
import type { Item, ItemKind, ItemOf } from '../types';
import { advanceShare } from './advance-share';
import { feeReduction } from './fee-reduction';
import { fixed } from './fixed';
import type { AnyKind, Kind } from './kind';
import { level } from './level';
import { nonMonetary } from './non-monetary';
import { proportional } from './proportional';
import { unquantified } from './unquantified';
import { upTo } from './up-to';

export const KINDS = {
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
} satisfies { readonly [K in ItemKind]: Kind<ItemOf<K>, object> };

export function kindOf(item: Item): AnyKind {
  return KINDS[item.kind];
}
