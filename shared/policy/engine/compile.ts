/**
 * Turns catalog figures into Decimals once per catalog (compileCatalog, memoized: a CompiledCatalog
 * of CompiledItem records), so evaluating a profile does no parsing. Nothing here decides anything:
 * it only reads the data records (and asks audience.ts once). measureAt places a fact, item or
 * project key in its measure.
 */
import { isFor, paidToPerson } from './audience';
import { Dec } from './decimal';
import { ruleOf, type Item, type ItemKind, type ItemOf, type KIND_RULES } from './kinds';
import type { Compiled } from './kinds/kind';
import type { Catalog, FactDef, Measure } from './types';
import { UNITS } from './units';

/** The figures the compile step of kind K returns. */
type FiguresOf<K extends ItemKind> = ReturnType<(typeof KIND_RULES)[K]['compile']>;
type FigureName = { [K in ItemKind]: keyof FiguresOf<K> }[ItemKind];

/**
 * A compiled item of kind K (any kind by default): its record, the facts it reads, and the figures
 * its kind's compile step parsed. Figures of other kinds are declared absent, so code that takes
 * any item may ask for `ci.cap`.
 */
export type CompiledItem<K extends ItemKind = ItemKind> = K extends ItemKind
  ? Compiled<ItemOf<K>, FiguresOf<K>> & { readonly [N in Exclude<FigureName, keyof FiguresOf<K>>]?: undefined }
  : never;

export interface CompiledMeasure {
  measure: Measure;
  items: CompiledItem[];
}

export interface CompiledCatalog {
  catalog: Catalog;
  measures: CompiledMeasure[];
  items: Map<string, CompiledItem>;
  /** All global (non-entry) facts by id, including the common ones. */
  facts: Map<string, FactDef>;
  /**
   * Each unit's factor to its dimension's base unit as a power of ten (万元 → 4, % → -2): a typed
   * amount is read straight into the base unit, and shown back in its unit, by moving the point.
   */
  unitShift: Map<string, number>;
  /**
   * Position in `measures` of each measure, by its id and by the ids of the facts and items that
   * start with it ('m08', 'm08.upgrade' → 7): where a profile's answers belong, read once.
   */
  measureIndex: Map<string, number>;
  /**
   * For each fact an item reads: its measure (as measureIndex places it) and the positions, in
   * catalog order, of the items that read it — one look-up per answer marks both.
   */
  readers: Map<string, { measure: number | undefined; items: number[] }>;
  /** Each topic of the catalog's measures as one bit: a choice of topics read as one number. */
  topicBit: Map<string, number>;
}

const cache = new WeakMap<Catalog, CompiledCatalog>();

function compileItem(item: Item, measure: Measure, globalFacts: Map<string, FactDef>): CompiledItem {
  const rule = ruleOf(item);
  const defs = new Map<string, FactDef>();
  for (const f of item.repeat?.facts ?? []) defs.set(f.id, f);
  const reads = [...new Set([...(item.conditions ?? []).map((c) => c.fact), ...rule.facts(item)])];
  for (const id of reads) {
    if (!defs.has(id)) {
      const def = globalFacts.get(id);
      if (!def) throw new Error(`Catalog item ${item.id} reads undeclared fact ${id}`);
      defs.set(id, def);
    }
  }
  const forEntity = { enterprise: isFor(item.audience, 'enterprise'), park: isFor(item.audience, 'park') };
  const paid = paidToPerson(item.audience);
  // TypeScript cannot tie ruleOf(item) to the item's own kind; the registry's check (kinds/index.ts) does.
  return { item, measure, rule, defs, reads, forEntity, paidToPerson: paid, ...rule.compile(item, measure) } as CompiledItem;
}

/** The measure (by position) a fact, item or project key belongs to: its own entry, or its measure id's (ids start with it). */
export function measureAt(measureIndex: CompiledCatalog['measureIndex'], key: string): number | undefined {
  return measureIndex.get(key) ?? measureIndex.get(key.slice(0, key.indexOf('.')));
}

export function compileCatalog(catalog: Catalog): CompiledCatalog {
  const hit = cache.get(catalog);
  if (hit) return hit;
  const facts = new Map<string, FactDef>();
  for (const f of catalog.facts) facts.set(f.id, f);
  for (const m of catalog.measures) for (const f of m.facts) facts.set(f.id, f);
  const items = new Map<string, CompiledItem>();
  const measures = catalog.measures.map((measure) => ({
    measure,
    items: measure.items.map((item) => {
      const ci = compileItem(item, measure, facts);
      items.set(item.id, ci);
      return ci;
    }),
  }));
  const unitShift = new Map<string, number>();
  for (const [u, d] of Object.entries(UNITS)) {
    const f = new Dec(d.factor);
    if (!f.eq(new Dec(10).pow(f.e))) throw new Error(`Unit ${u}: factor ${d.factor} is not a power of ten`);
    unitShift.set(u, f.e);
  }
  const measureIndex = new Map<string, number>(catalog.measures.map((m, i) => [m.id, i]));
  for (const id of [...facts.keys(), ...items.keys()]) {
    const i = measureIndex.get(id.slice(0, id.indexOf('.')));
    if (i !== undefined) measureIndex.set(id, i);
  }
  const readers = new Map<string, { measure: number | undefined; items: number[] }>();
  let position = 0;
  for (const m of measures) {
    for (const ci of m.items) {
      for (const id of ci.reads) {
        let r = readers.get(id);
        if (!r) readers.set(id, (r = { measure: measureAt(measureIndex, id), items: [] }));
        if (!r.items.includes(position)) r.items.push(position);
      }
      position += 1;
    }
  }
  const topicBit = new Map<string, number>();
  for (const m of catalog.measures) if (!topicBit.has(m.topic)) topicBit.set(m.topic, 2 ** topicBit.size);
  const compiled = { catalog, measures, items, facts, unitShift, measureIndex, readers, topicBit };
  cache.set(catalog, compiled);
  return compiled;
}
