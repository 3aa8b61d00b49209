/** fast-check arbitraries for valid profiles, derived from the catalog's fact definitions. */
import fc from 'fast-check';
import { catalog2022, type AmountFact, type FactDef, type FactValue, type Figure, type Item, type Measure, type Profile, type ProportionalItem, type RegionFlag, PLACES, Dec, parseFigure, UNITS } from '../../../shared/policy/engine';

const tri = fc.constantFrom<true | false | 'unknown'>(true, false, 'unknown');

/** Amounts in the fact's unit: mostly realistic sizes, sometimes 0 or exact thresholds' neighbourhoods. */
export function factValue(f: FactDef): fc.Arbitrary<FactValue> {
  switch (f.type) {
    case 'flag':
      return tri;
    case 'choice':
      return fc.constantFrom(...f.options.map((o) => o.value), 'unknown');
    case 'amount':
      if (f.integer) return fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant('unknown'));
      return fc.oneof(
        fc.integer({ min: 0, max: 200000 }),
        fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 100),
        // typed text, as the questionnaire sends it
        fc.integer({ min: 0, max: 10_000_000 }).map((n) => (n / 1000).toFixed(3)),
        fc.constantFrom(0, 1000, 2000, 50000, 10000, 100000, 'unknown'),
      );
  }
}

function factsOf(defs: FactDef[]): fc.Arbitrary<Record<string, FactValue>> {
  return fc.record(Object.fromEntries(defs.map((f) => [f.id, factValue(f)])), { requiredKeys: [] }) as fc.Arbitrary<
    Record<string, FactValue>
  >;
}

const measureFacts = catalog2022.measures.flatMap((m) => m.facts);
const repeats = catalog2022.measures.flatMap((m) => m.items).filter((i) => i.repeat);

export const profileArb: fc.Arbitrary<Profile> = fc.record(
  {
    version: fc.constant(1 as const),
    entity: fc.constantFrom<'enterprise' | 'park'>('enterprise', 'enterprise', 'park'),
    sme: tri,
    region: fc.record({ poverty: tri, oldRevolutionary: tri }, { requiredKeys: [] }),
    facts: factsOf(measureFacts),
    projects: fc.record(
      Object.fromEntries(
        repeats.map((i) => [i.id, fc.array(factsOf(i.repeat!.facts).map((facts) => ({ facts })), { maxLength: 3 })]),
      ),
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['version', 'entity'] },
) as fc.Arbitrary<Profile>;

// ---------------------------------------------------------------------------------------------
// Entries that reach an item's formula. A random profile mostly leaves an item unanswered, answers a
// condition 否 or 不确定, or misses a threshold, so a property over it alone passes without running
// the code it is about. These build the item's facts from its catalog record (the data, not the
// engine's compiled form): every condition answered 是, amounts placed around the record's own
// threshold, reduced threshold and cap, in the unit and precision the fact is typed in. No figure is
// written here.

/** A figure of the record, in its dimension's base unit (元, 吨, 个; 20% → 0.2). */
export const figure = (f: Figure): Dec => parseFigure(f).value;

/** One catalog record with what the properties read of it. */
export interface Rec {
  item: Item;
  measure: Measure;
  /** The facts it reads, by the id the record uses (entry-local for repeated items). */
  defs: Map<string, FactDef>;
  /** Its own cap (per entry or per enterprise), fixed amount, or largest level amount, in 元. */
  cap?: Dec;
  amount?: Dec;
  levelMax?: Dec;
  /** The cap it shares with other items of its measure. */
  group?: { id: string; cap: Dec };
}

/** A base × rate record (percent, perUnit, perCount). */
export interface ProportionalRec extends Rec {
  item: ProportionalItem;
  /** 元 per base unit of the base fact. */
  rate: Dec;
}

function recordOf(item: Item, measure: Measure): Rec {
  const defs = new Map<string, FactDef>();
  for (const f of [...catalog2022.facts, ...measure.facts, ...(item.repeat?.facts ?? [])]) defs.set(f.id, f);
  const rec: Rec = { item, measure, defs };
  if ('cap' in item && item.cap) rec.cap = figure(item.cap.amount);
  if (item.kind === 'fixed') rec.amount = figure(item.amount);
  if (item.kind === 'level') rec.levelMax = Dec.max(...item.levels.map((l) => figure(l.amount)));
  if ('group' in item && item.group) {
    const g = measure.groups!.find((x) => x.id === item.group)!;
    rec.group = { id: g.id, cap: figure(g.amount) };
  }
  if ('rate' in item) (rec as ProportionalRec).rate = figure(item.rate);
  return rec;
}

/** Every catalog record, by item id. */
export const records: Map<string, Rec> = new Map(
  catalog2022.measures.flatMap((m) => m.items.map((item) => [item.id, recordOf(item, m)] as [string, Rec])),
);

const PROPORTIONAL: Item['kind'][] = ['percent', 'perUnit', 'perCount'];

/** Every base × rate record, repeated (projects) or not. */
export const proportionalItems: ProportionalRec[] = [...records.values()].filter((r): r is ProportionalRec => PROPORTIONAL.includes(r.item.kind));

/** Those with a threshold on one of their facts. */
export const thresholdItems: ProportionalRec[] = proportionalItems.filter((r) => r.item.threshold);

export function amountDef(rec: Rec, id: string): AmountFact {
  const def = rec.defs.get(id);
  if (def?.type !== 'amount') throw new Error(`${rec.item.id}: ${id} is not an amount fact`);
  return def;
}

/** The step an amount is typed in: 1 for whole numbers, else 0.001 (or its unit's precision if coarser). */
export function stepOf(def: AmountFact): Dec {
  const places = def.integer ? 0 : Math.min(PLACES[def.unit] ?? 6, 3);
  return new Dec(1).div(new Dec(10).pow(places));
}

/** A value in its dimension's base unit (元, 吨…) in the unit `def` is typed in (万元 …). */
export function inUnitOf(def: AmountFact, value: Dec): Dec {
  return value.div(UNITS[def.unit].factor);
}

/** A typed amount in [lo, hi] (the fact's unit; both ends included, clipped to what the schema accepts), as text. */
export function amountIn(def: AmountFact, lo: Dec, hi: Dec): fc.Arbitrary<string> {
  const step = stepOf(def);
  const from = BigInt(Dec.max(lo, 0).div(step).ceil().toFixed(0));
  const to = BigInt(Dec.min(hi, def.max).div(step).floor().toFixed(0));
  if (to < from) throw new Error(`no ${def.id} amount in [${lo}, ${hi}]`);
  const text = (n: bigint) => new Dec(n.toString()).times(step).toFixed();
  return fc.oneof(fc.constantFrom(from, to), fc.bigInt({ min: from, max: to })).map(text);
}

/** A record's threshold in its fact's unit: the general one, the reduced one and the areas that lower it. */
export function thresholdsOf(rec: ProportionalRec): { fact: string; min: Dec; reduced?: Dec; when: RegionFlag[] } | undefined {
  const t = rec.item.threshold;
  if (!t) return undefined;
  const def = amountDef(rec, t.fact);
  return {
    fact: t.fact,
    min: inUnitOf(def, figure(t.min)),
    reduced: t.reduced ? inUnitOf(def, figure(t.reduced.min)) : undefined,
    when: t.reduced?.when ?? [],
  };
}

/** The base at which the item's own cap (or its group's) is reached, in the base fact's unit. */
function capBase(rec: ProportionalRec): Dec | undefined {
  const caps = [rec.cap, rec.group?.cap].filter((c): c is Dec => c !== undefined);
  if (caps.length === 0) return undefined;
  return inUnitOf(amountDef(rec, rec.item.base), Dec.max(...caps).div(rec.rate));
}

/**
 * Values of the base fact that matter to the formula: at each threshold and cap point and one typed
 * step either side, anywhere below, between and above them (up to twice the largest), and anywhere
 * in the accepted range. `min`: nothing below it.
 */
export function baseValues(rec: ProportionalRec, opts: { min?: Dec } = {}): fc.Arbitrary<string> {
  const { base } = rec.item;
  const def = amountDef(rec, base);
  const step = stepOf(def);
  const lo = opts.min ?? new Dec(0);
  const t = thresholdsOf(rec);
  const marks = [capBase(rec), t?.fact === base ? t.min : undefined, t?.fact === base ? t.reduced : undefined].filter(
    (m): m is Dec => m !== undefined,
  );
  const top = Dec.max(marks.length ? Dec.max(...marks).times(2) : def.max, lo);
  // A point between two typed values (a cap reached at 1666.666…万元) gives both neighbours.
  const near = marks
    .flatMap((m) => {
      const down = m.div(step).floor().times(step);
      const up = m.div(step).ceil().times(step);
      return [down.minus(step), down, up, up.plus(step)];
    })
    .filter((m) => m.gte(lo) && m.lte(def.max));
  return fc.oneof(
    { weight: 2, arbitrary: near.length ? fc.constantFrom(...near.map((m) => m.toFixed())) : amountIn(def, lo, top) },
    { weight: 5, arbitrary: amountIn(def, lo, top) },
    { weight: 1, arbitrary: amountIn(def, lo, new Dec(def.max)) },
  );
}

/** Every condition of the record answered 是. */
export function conditionsMet(rec: Rec): Record<string, FactValue> {
  return Object.fromEntries((rec.item.conditions ?? []).map((c) => [c.fact, true]));
}

/** The entity the record is for (an enterprise answers for its projects and its people). */
export function entityFor(rec: Rec): Profile['entity'] {
  return rec.item.audience.some((a) => a !== 'park') ? 'enterprise' : 'park';
}

/**
 * `background` with the record's item claimed by `facts`: as the one project entry of a repeated
 * item, or merged over the background's facts; the entity is the one the item is for.
 */
export function claim(background: Profile, rec: Rec, facts: Record<string, FactValue>): Profile {
  const entity = entityFor(rec);
  if (rec.item.repeat) return { ...background, entity, projects: { ...background.projects, [rec.item.id]: [{ facts }] } };
  return { ...background, entity, facts: { ...background.facts, ...facts } };
}

/** Region answers: poverty / oldRevolutionary each 是, 否, 不确定 or unanswered. */
export const regionArb: fc.Arbitrary<NonNullable<Profile['region']>> = fc.record({ poverty: tri, oldRevolutionary: tri }, { requiredKeys: [] });

/**
 * Facts that reach the record's formula: conditions 是, the base around its landmarks, a threshold on
 * another fact (利息 beside 投资) met.
 */
export function reachingFacts(rec: ProportionalRec, opts: { base?: fc.Arbitrary<string> } = {}): fc.Arbitrary<Record<string, FactValue>> {
  const t = thresholdsOf(rec);
  const other = t && t.fact !== rec.item.base ? t : undefined;
  return fc
    .record({
      base: opts.base ?? baseValues(rec),
      threshold: other ? amountIn(amountDef(rec, other.fact), other.min, other.min.times(2)) : fc.constant(''),
    })
    .map(({ base, threshold }) => ({ ...conditionsMet(rec), [rec.item.base]: base, ...(other ? { [other.fact]: threshold } : {}) }));
}

/**
 * A random profile with one to six base × rate items claimed through their formula (see
 * reachingFacts): for properties about figures (caps, totals), so that most cases have some.
 */
export const claimingProfileArb: fc.Arbitrary<Profile> = fc
  .tuple(profileArb, fc.subarray(proportionalItems, { minLength: 1, maxLength: 6 }))
  .chain(([background, recs]) =>
    fc.tuple(...recs.map((rec) => reachingFacts(rec))).map((facts) => recs.reduce((p, rec, i) => claim(p, rec, facts[i]), background)),
  );
