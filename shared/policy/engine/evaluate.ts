/**
 * evaluate(profile): every item of every measure, with status, amount interval, amount kind and the working.
 * Amounts stay exact Decimals until `settle` (item.ts) rounds each item's figures once (0.01 元);
 * the totals add those rounded figures, so the items shown add up to the total.
 *
 * `explain: false` is the screening run (a register of thousands of enterprises): the same
 * statuses, figures, amount kinds, reasons, hints, alternatives and totals, without the working's texts
 * (`stages` stays empty except in results shared by every profile). A result is explained by
 * evaluating its one profile again with `explain` on — test/unit/policy/screening.test.ts holds
 * the two runs to the same figures.
 */
import { catalog2022 } from './catalog';
import { compileCatalog, measureAt, type CompiledCatalog } from './compile';
import { applyGroupCaps } from './group-caps';
import { constantFor, evaluateItem, settle, type Settled, type WorkingItem } from './item';
import { Tally } from './tally';
import type { Catalog, EvaluateResult, ItemResult, Profile } from './types';

export interface EvaluateOptions {
  /** Build the working (stages' texts); default true. */
  explain?: boolean;
}

/** What a profile answers: measures with at least one answered fact or entry, and items with an answered fact, by position. */
interface Answered {
  measures: boolean[];
  /** By position in catalog order (the baseline's `items`): some fact the item reads has an answer. */
  items: boolean[];
}

/**
 * What the profile answers, in one pass over its facts and entries (fact ids and item ids start
 * with the measure id); undefined when it answers nothing.
 */
function answersOf(cc: CompiledCatalog, profile: Profile): Answered | undefined {
  let answered: Answered | undefined;
  const { facts, projects } = profile;
  if (facts) {
    for (const k in facts) {
      const r = cc.readers.get(k);
      const i = r ? r.measure : measureAt(cc.measureIndex, k);
      if (i !== undefined) (answered ??= { measures: [], items: [] }).measures[i] = true;
      if (r && facts[k] !== undefined) {
        answered ??= { measures: [], items: [] };
        for (const p of r.items) answered.items[p] = true;
      }
    }
  }
  if (projects) {
    for (const k in projects) {
      if (!projects[k]?.length) continue;
      const i = measureAt(cc.measureIndex, k);
      if (i !== undefined) (answered ??= { measures: [], items: [] }).measures[i] = true;
    }
  }
  return answered;
}


/**
 * What every profile of one entity (and, for an enterprise, one choice of topics) shares: each
 * measure's results when the profile says nothing about it (constantFor's answers, which depend on
 * nothing else), and what those add up to. A profile starts from these sums and replaces the
 * measures it answers.
 */
interface Baseline {
  /** Every item's shared result, in catalog order. */
  items: readonly ItemResult[];
  /** By measure position: where its items start in `items`, and what they add up to. */
  measures: { start: number; tally: Tally }[];
  /** All the measures' sums together. */
  tally: Tally;
}

/** Baselines of one catalog: a park's, an enterprise's without topics, and by choice of topics (topicBit's sum). */
interface Baselines {
  park?: Baseline;
  enterprise?: Baseline;
  byTopics: Map<number, Baseline>;
}

const baselines = new WeakMap<CompiledCatalog, Baselines>();

function baselineOf(cc: CompiledCatalog, profile: Profile): Baseline {
  let all = baselines.get(cc);
  if (!all) baselines.set(cc, (all = { byTopics: new Map() }));
  // Only the catalog's topics change what is shared (constantFor asks whether a measure's topic was chosen).
  let topics = 0;
  if (profile.entity === 'enterprise' && profile.topics) for (const t of profile.topics) topics |= cc.topicBit.get(t) ?? 0;
  let base = profile.entity === 'park' ? all.park : profile.topics ? all.byTopics.get(topics) : all.enterprise;
  if (!base) {
    // The same profile with nothing answered: every item is a shared result.
    const blank: Profile = { version: profile.version, entity: profile.entity, topics: profile.topics };
    const tally = new Tally();
    const items: ItemResult[] = [];
    const measures = cc.measures.map((cm) => {
      const start = items.length;
      const own = new Tally();
      for (const ci of cm.items) {
        const s = constantFor(cc, ci, blank)!;
        items.push(s.result);
        own.add(s);
      }
      tally.addTally(own);
      return { start, tally: own };
    });
    // Not frozen: slicing a frozen array takes V8's slow path (3.5 µs against 0.08 µs for 54 items, measured here).
    base = { items, measures, tally };
    if (profile.entity === 'park') all.park = base;
    else if (profile.topics) all.byTopics.set(topics, base);
    else all.enterprise = base;
  }
  return base;
}

const headers = new WeakMap<CompiledCatalog, EvaluateResult['catalog']>();

/** The catalog's header, one per catalog and shared by its results (frozen, as their shared items are). */
function headerOf(cc: CompiledCatalog): EvaluateResult['catalog'] {
  let h = headers.get(cc);
  if (!h) {
    const { id, title, year, issuer } = cc.catalog;
    headers.set(cc, (h = Object.freeze({ id, title, year, issuer })));
  }
  return h;
}

export function evaluate(profile: Profile, catalog: Catalog = catalog2022, options: EvaluateOptions = {}): EvaluateResult {
  const explain = options.explain ?? true;
  const cc = compileCatalog(catalog);
  const base = baselineOf(cc, profile);
  const answered = answersOf(cc, profile);
  // Every item as shared; the measures the profile answers are then taken item by item.
  const items = base.items.slice();
  const tally = base.tally.copy();
  for (let m = 0; answered && m < cc.measures.length; m++) {
    if (!answered.measures[m]) continue;
    const shared = base.measures[m];
    tally.removeTally(shared.tally);
    const cm = cc.measures[m];
    if (cm.measure.groups) {
      // Shared caps take the measure's answered items together before any is settled.
      const slots: (Settled | WorkingItem)[] = [];
      const working: WorkingItem[] = [];
      for (let j = 0; j < cm.items.length; j++) {
        const ci = cm.items[j];
        const c = constantFor(cc, ci, profile, answered.items[shared.start + j] === true);
        if (c) slots.push(c);
        else {
          const w = evaluateItem(cc, ci, profile, explain);
          working.push(w);
          slots.push(w);
        }
      }
      if (working.length > 0) applyGroupCaps(working, explain);
      for (let j = 0; j < slots.length; j++) {
        const slot = slots[j];
        const s = 'ci' in slot ? settle(slot) : slot;
        items[shared.start + j] = s.result;
        tally.add(s);
      }
      continue;
    }
    for (let j = 0; j < cm.items.length; j++) {
      const ci = cm.items[j];
      const s = constantFor(cc, ci, profile, answered.items[shared.start + j] === true) ?? settle(evaluateItem(cc, ci, profile, explain));
      items[shared.start + j] = s.result;
      tally.add(s);
    }
  }
  return tally.result(headerOf(cc), items);
}
