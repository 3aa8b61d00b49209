/**
 * evaluate(profile): every item of every measure, with status, amount interval, kind and the working.
 * Amounts stay exact Decimals until `settle` (item.ts) rounds each item's figures once (0.01 元);
 * the totals add those rounded figures, so the items shown add up to the total.
 *
 * `explain: false` is the screening run (a register of thousands of enterprises): the same
 * statuses, figures, kinds, reasons, hints, alternatives and totals, without the working's texts
 * (`stages` stays empty except in results shared by every profile). A result is explained by
 * evaluating its one profile again with `explain` on — test/unit/policy/screening.test.ts holds
 * the two runs to the same figures.
 */
import { catalog2022 } from './catalog';
import { compileCatalog, type CompiledCatalog, type CompiledMeasure } from './compile';
import { applyGroupCaps } from './group-caps';
import { constantFor, evaluateItem, settle, type Settled, type WorkingItem } from './item';
import { Tally } from './tally';
import type { Catalog, EvaluateResult, ItemResult, Profile } from './types';

export interface EvaluateOptions {
  /** Build the working (stages' texts); default true. */
  explain?: boolean;
}

/** Measures with at least one answered fact or entry (fact ids and item ids start with the measure id). */
function measuresTouched(cc: CompiledCatalog, profile: Profile): Set<string> {
  const ids = new Set<string>();
  const of = (k: string) => cc.measureOf.get(k) ?? k.slice(0, k.indexOf('.'));
  for (const k in profile.facts) ids.add(of(k));
  for (const k in profile.projects) if (profile.projects[k]?.length) ids.add(of(k));
  return ids;
}

/** A measure the profile says nothing about: its items' shared results, and what they add to the totals. */
interface UntouchedMeasure {
  settled: readonly Settled[];
  tally: Tally;
}

const untouchedCache = new WeakMap<CompiledMeasure, Map<string, UntouchedMeasure>>();

/**
 * Depends only on who answers and whether an enterprise chose the measure's topic (constantFor's
 * inputs when nothing is answered), so it is built once per measure for each of those.
 */
function untouched(cc: CompiledCatalog, cm: CompiledMeasure, profile: Profile): UntouchedMeasure {
  const offTopic = profile.entity === 'enterprise' && !!profile.topics && !profile.topics.includes(cm.measure.topic);
  const key = offTopic ? 'offTopic' : profile.entity;
  let byKey = untouchedCache.get(cm);
  if (!byKey) untouchedCache.set(cm, (byKey = new Map()));
  let block = byKey.get(key);
  if (!block) {
    const settled = Object.freeze(cm.items.map((ci) => constantFor(cc, ci, profile)!));
    const tally = new Tally();
    for (const s of settled) tally.add(s);
    byKey.set(key, (block = { settled, tally }));
  }
  return block;
}

export function evaluate(profile: Profile, catalog: Catalog = catalog2022, options: EvaluateOptions = {}): EvaluateResult {
  const explain = options.explain ?? true;
  const cc = compileCatalog(catalog);
  const items: ItemResult[] = [];
  const tally = new Tally();
  const touched = measuresTouched(cc, profile);
  for (const cm of cc.measures) {
    if (!touched.has(cm.measure.id)) {
      const block = untouched(cc, cm, profile);
      for (const s of block.settled) items.push(s.result);
      tally.addTally(block.tally);
      continue;
    }
    // Items the profile answers are computed; the rest are shared constant results.
    const slots: (Settled | WorkingItem)[] = [];
    const working: WorkingItem[] = [];
    for (const ci of cm.items) {
      const c = constantFor(cc, ci, profile);
      if (c) slots.push(c);
      else {
        const w = evaluateItem(cc, ci, profile, explain);
        working.push(w);
        slots.push(w);
      }
    }
    if (working.length > 0 && cm.measure.groups) applyGroupCaps(working, explain);
    for (const slot of slots) {
      const s = 'ci' in slot ? settle(slot) : slot;
      items.push(s.result);
      tally.add(s);
    }
  }
  return {
    catalog: { id: catalog.id, title: catalog.title, year: catalog.year, issuer: catalog.issuer },
    items,
    ...tally.totals(),
  };
}
