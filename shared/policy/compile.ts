/**
 * Turns catalog figures into Decimals once per catalog (memoized), so evaluating a profile does no
 * parsing. Nothing here decides anything: it only reads the data records.
 */
import { Dec } from './decimal';
import { parseFigure, type ParsedFigure } from './figure';
import { UNITS } from './units';
import type { Catalog, FactDef, Item, Measure } from './types';

export interface CompiledThreshold {
  min: ParsedFigure;
  reducedMin?: ParsedFigure;
}

export interface CompiledItem {
  item: Item;
  measure: Measure;
  /** Fact definitions this item reads, by id (entry-local ids for repeated items). */
  defs: Map<string, FactDef>;
  /** Facts whose absence, all together, means the user did not claim this item. */
  reads: string[];
  amount?: ParsedFigure;
  levels?: Map<string, { amount: ParsedFigure; label: string; quote: string }>;
  levelMax?: Dec;
  rate?: ParsedFigure;
  threshold?: CompiledThreshold;
  cap?: ParsedFigure;
  advance?: ParsedFigure;
  share?: ParsedFigure;
  group?: { id: string; cap: ParsedFigure; quote: string };
}

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
  /** Unit factor to the base unit, by unit name. */
  unitFactor: Map<string, Dec>;
}

const cache = new WeakMap<Catalog, CompiledCatalog>();

function factsRead(item: Item): string[] {
  const ids: string[] = (item.conditions ?? []).map((c) => c.fact);
  switch (item.kind) {
    case 'level':
      ids.push(item.fact);
      break;
    case 'percent':
    case 'perUnit':
    case 'perCount':
      ids.push(item.base);
      if (item.threshold) ids.push(item.threshold.fact);
      break;
    case 'advanceShare':
      ids.push(item.advanceFact, item.passedFact, item.base);
      break;
    case 'feeReduction':
      ids.push(item.fee);
      break;
    default:
      break;
  }
  return [...new Set(ids)];
}

function compileItem(item: Item, measure: Measure, globalFacts: Map<string, FactDef>): CompiledItem {
  const defs = new Map<string, FactDef>();
  for (const f of item.repeat?.facts ?? []) defs.set(f.id, f);
  const reads = factsRead(item);
  for (const id of reads) {
    if (!defs.has(id)) {
      const def = globalFacts.get(id);
      if (!def) throw new Error(`Catalog item ${item.id} reads undeclared fact ${id}`);
      defs.set(id, def);
    }
  }
  const ci: CompiledItem = { item, measure, defs, reads };
  switch (item.kind) {
    case 'fixed':
      ci.amount = parseFigure(item.amount);
      break;
    case 'level': {
      ci.levels = new Map(item.levels.map((l) => [l.value, { amount: parseFigure(l.amount), label: l.label, quote: l.quote }]));
      ci.levelMax = Dec.max(...[...ci.levels.values()].map((l) => l.amount.value));
      break;
    }
    case 'percent':
    case 'perUnit':
    case 'perCount':
      ci.rate = parseFigure(item.rate);
      if (item.cap) ci.cap = parseFigure(item.cap.amount);
      if (item.threshold) {
        ci.threshold = {
          min: parseFigure(item.threshold.min),
          reducedMin: item.threshold.reduced ? parseFigure(item.threshold.reduced.min) : undefined,
        };
      }
      break;
    case 'advanceShare':
      ci.advance = parseFigure(item.advance);
      ci.share = parseFigure(item.minRate);
      ci.cap = parseFigure(item.cap.amount);
      break;
    case 'upTo':
      ci.cap = parseFigure(item.cap.amount);
      break;
    case 'feeReduction':
      ci.share = parseFigure(item.share);
      break;
    default:
      break;
  }
  if ('group' in item && item.group) {
    const g = measure.groups?.find((x) => x.id === item.group);
    if (!g) throw new Error(`Catalog item ${item.id} names unknown group ${item.group}`);
    ci.group = { id: g.id, cap: parseFigure(g.amount), quote: g.quote };
  }
  return ci;
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
  const unitFactor = new Map(Object.entries(UNITS).map(([u, d]) => [u, new Dec(d.factor)]));
  const compiled = { catalog, measures, items, facts, unitFactor };
  cache.set(catalog, compiled);
  return compiled;
}
