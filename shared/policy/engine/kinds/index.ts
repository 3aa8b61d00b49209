/**
 * The item kinds' rules, by the `kind` of the records each computes, and the catalog record types
 * derived from them: `Item` is the union of the records the registered rules compute, so a new kind
 * is a new file (its record type and its rule) and its line here.
 * KIND_RULES is that registry: ItemKind is its keys, ItemOf the record type of one kind, ruleOf an
 * item's rule.
 */
import { advanceShare } from './advance-share';
import { feeReduction } from './fee-reduction';
import { fixed } from './fixed';
import type { AnyKindRule, KindRule } from './kind';
import { level } from './level';
import { nonMonetary } from './non-monetary';
import { proportional } from './proportional';
import { unquantified } from './unquantified';
import { upTo } from './up-to';

export type { AdvanceShareItem } from './advance-share';
export type { FeeReductionItem } from './fee-reduction';
export type { FixedItem } from './fixed';
export type { GuidanceItem } from './guidance';
export type { LevelItem } from './level';
export type { NonMonetaryItem } from './non-monetary';
export type { ProportionalItem } from './proportional';
export type { UnquantifiedItem } from './unquantified';
export type { UpToItem } from './up-to';

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
};

/** The record type a rule computes: FixedItem for `fixed`. */
type RecordOf<R> = R extends KindRule<infer I, infer _F> ? I : never;

/** A catalog record: one of the records the registered rules compute. */
export type Item = RecordOf<(typeof KIND_RULES)[keyof typeof KIND_RULES]>;
/** The item kind, the record's `kind` ('fixed', 'percent' …). */
export type ItemKind = Item['kind'];
/** The record of an item kind: ItemOf<'perUnit'> is ProportionalItem. */
export type ItemOf<K extends ItemKind> = Item extends infer I ? (I extends Item ? (K extends I['kind'] ? I : never) : never) : never;

/** The registry read by kind: each key is a kind, and its rule computes that kind's records (else tsc fails here). */
const BY_KIND: { readonly [K in ItemKind]: KindRule<ItemOf<K>, object> } & { readonly [K in Exclude<keyof typeof KIND_RULES, ItemKind>]: never } = KIND_RULES;

/** The rule that computes the record, by its `kind`. */
export function ruleOf(item: Item): AnyKindRule {
  return BY_KIND[item.kind];
}
