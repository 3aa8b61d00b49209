/**
 * What an item kind computes (its KindRule). Each kind is one rule object in its own file (./fixed,
 * ./level, ./proportional…), registered in ./index: the records it computes, the facts they read,
 * their figures parsed once per catalog, the formula, and what browsing and headlines show of them.
 * Compiled is an item with its parsed figures; AnyKindRule is any kind's rule.
 */
import type { CompiledItem } from '../compile';
import type { Dec } from '../decimal';
import type { Scope } from '../scope';
import type { AmountKind, FactDef, Figure, ItemBase, Measure } from '../types';
import type { Item } from './index';
import type { Outcome } from './outcome';

/** What every compiled item has, whatever its kind. */
export interface CompiledBase<I extends ItemBase = Item> {
  item: I;
  measure: Measure;
  /** The rule of the item's kind (kinds/index.ts `ruleOf`). */
  rule: AnyKindRule;
  /** Fact definitions this item reads, by id (entry-local ids for repeated items). */
  defs: Map<string, FactDef>;
  /** Facts whose absence, all together, means the user did not claim this item. */
  reads: string[];
  /** Who answers for it (audience.ts `isFor`), decided once per catalog: every profile asks. */
  forEntity: Readonly<Record<'enterprise' | 'park', boolean>>;
  /** Paid to people, not the enterprise (audience.ts `paidToPerson`). */
  paidToPerson: boolean;
}

/** An item with the figures its kind's compile step parsed. */
export type Compiled<I extends ItemBase, F extends object> = CompiledBase<I> & F;

/** What an item kind computes: the rule object of one kind (or of several sharing a formula, as percent/perUnit/perCount). */
export interface KindRule<I extends ItemBase, F extends object> {
  /** The `kind` of the records it computes. */
  readonly kinds: readonly I['kind'][];
  /** What a result that computes nothing shows: not for you, not answered, a condition not met. */
  readonly amountKind: AmountKind;
  /** Facts read besides the yes/no conditions (base, threshold, level, fee…), in the order they are asked. */
  facts(item: I): string[];
  /** Flags, besides the conditions, that must not be 否 for `fact` to be asked. */
  gates?(item: I, fact: string): string[];
  /** The record's figures, parsed once per catalog (evaluating parses nothing). */
  compile(item: I, measure: Measure): F;
  /** The formula: one entry (or the item) in one scope. */
  evaluate(ci: Compiled<I, F>, s: Scope): Outcome;
  /** Every figure of the record with the phrase that states it. */
  figures(item: I, measure: Measure): [Figure, string][];
  /** The most one entry can give as the clause states it; 'open': a rate with no cap; undefined: no amount. */
  ceiling(ci: Compiled<I, F>): Dec | 'open' | undefined;
  /** The ceiling is the amount itself (给予 50万元), not a maximum. */
  ceilingIsAmount?: boolean;
  /** A measure's headline led by this item's rate; `awards` are the measure's awards, `top` their largest ceiling. */
  headline?(ci: Compiled<I, F>, awards: readonly CompiledItem[], top: Dec | undefined): string;
  /** A measure's headline when it has no award, from its records of this kind. */
  summary?(items: I[]): string;
  /** The item table's rate column: rate, amount or levels as the clause writes them. */
  rateText(item: I): string;
  /** The item table's cap column when the record states no cap (default '—'). */
  noCapText?: string;
  /** Clause phrases that work as conditions besides `conditions` (the 节点 of a 先行补助). */
  conditionQuotes?(item: I): string[];
}

/** Any kind's rule, for code that takes any item (methods are bivariant, so every rule object is one). */
export type AnyKindRule = KindRule<Item, object>;
