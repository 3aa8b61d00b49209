/**
 * Properties over random valid profiles (fast-check): never negative, never above the cap, monotone
 * in the base, zero below the threshold and base × rate (capped) at or above it, totals add up, same
 * profile → same result.
 *
 * Each property counts the cases that reached the code it is about (an item computed through its
 * formula: a 'rate' stage, a threshold checked, a cap applied) and asserts that most did: a property
 * whose cases all stop at an unanswered question or a condition answered 否 passes without testing
 * anything. The generators that get there (arbitraries.ts) read conditions, thresholds and caps from
 * the catalog's records; no figure is written here.
 * PROPERTY_COUNTS=1 prints the counts.
 */
import fc from 'fast-check';
import { evaluate, parseProfile, type ItemResult, type Profile, Dec } from '../../../shared/policy/engine';
import {
  amountDef,
  amountIn,
  baseValues,
  claim,
  claimingProfileArb,
  conditionsMet,
  inUnitOf,
  profileArb,
  proportionalItems,
  reachingFacts,
  records,
  regionArb,
  stepOf,
  thresholdItems,
  thresholdsOf,
  type ProportionalRec,
} from './arbitraries';

const RUNS = { numRuns: 300 };
const AWARDS = ['exact', 'atLeast', 'upTo'];
/** Random profiles as they come, and profiles that claim some items through their formula. */
const anyProfile = fc.oneof(profileArb, claimingProfileArb);

const stage = (r: ItemResult, step: string) => r.stages.find((s) => s.step === step);
const computed = (r: ItemResult) => stage(r, 'rate') !== undefined || (r.status !== 'notForYou' && r.amount.max !== '0.00');
const itemOf = (p: Profile, id: string) => evaluate(p).items.find((i) => i.id === id)!;
/** Awards the clause pays to people (（七）: 奖励对象是工匠本人), from the item's audience in the catalog. */
const toPeople = (r: ItemResult) => records.get(r.id)!.item.audience.includes('person');

/** Counts cases by what they reached; `atLeast` checks a count against a share of the runs. */
function counter() {
  const n: Record<string, number> = {};
  return {
    hit: (k: string, yes = true) => void (n[k] = (n[k] ?? 0) + (yes ? 1 : 0)),
    n,
    atLeast(k: string, share: number, runs = RUNS.numRuns) {
      const got = n[k] ?? 0;
      const floor = Math.ceil(share * runs);
      if (process.env.PROPERTY_COUNTS) console.log(`${k} ${got}/${runs}`);
      // Named in the failure, with the numbers.
      expect({ [k]: got >= floor ? 'enough' : `${got} of ${runs} runs, fewer than ${floor}` }).toEqual({ [k]: 'enough' });
    },
  };
}

describe('engine properties over random valid profiles', () => {
  it('every generated profile passes the schema', () => {
    fc.assert(fc.property(anyProfile, (p) => parseProfile(p).ok), RUNS);
  });

  it('amounts are never negative and min ≤ max, with two decimals', () => {
    const c = counter();
    fc.assert(
      fc.property(anyProfile, (p) => {
        const items = evaluate(p).items;
        const TWO = /^\d+\.\d\d$/;
        // One expect per profile (not per item): the offenders, with their amounts.
        const bad = items.filter((r) => !TWO.test(r.amount.min) || !TWO.test(r.amount.max) || new Dec(r.amount.min).gt(r.amount.max));
        expect(bad.map((r) => [r.id, r.amount])).toEqual([]);
        c.hit('a non-zero figure', items.some((r) => r.amount.max !== '0.00'));
        c.hit('a range (min < max)', items.some((r) => r.amount.min !== r.amount.max));
      }),
      RUNS,
    );
    c.atLeast('a non-zero figure', 0.8);
    c.atLeast('a range (min < max)', 0.6);
  });

  it('no item exceeds its cap (per entry × entries), its fixed amount, or its level maximum; groups stay within theirs', () => {
    const c = counter();
    fc.assert(
      fc.property(anyProfile, (p) => {
        const res = evaluate(p);
        const groupSum = new Map<string, Dec>();
        let capped = false, capBinds = false, groupBinds = false;
        const over: unknown[] = [];
        for (const r of res.items) {
          const rec = records.get(r.id)!;
          const max = new Dec(r.amount.max);
          const n = rec.item.repeat ? (p.projects?.[r.id]?.length ?? 0) : 1;
          if (rec.cap && max.gt(rec.cap.times(n))) over.push([r.id, 'cap × entries', r.amount.max]);
          if (rec.amount && max.gt(rec.amount)) over.push([r.id, 'amount', r.amount.max]);
          if (rec.levelMax && max.gt(rec.levelMax)) over.push([r.id, 'level maximum', r.amount.max]);
          for (const e of r.entries ?? []) if (rec.cap && new Dec(e.amount.max).gt(rec.cap)) over.push([r.id, `entry ${e.index} cap`, e.amount.max]);
          if (rec.group) groupSum.set(rec.group.id, (groupSum.get(rec.group.id) ?? new Dec(0)).plus(max));
          if (rec.cap && max.gt(0)) capped = true;
          // The cap applied: the cap stage's figure is the cap itself.
          if (rec.cap && r.stages.some((s) => s.step === 'cap' && s.value !== undefined && new Dec(s.value).eq(rec.cap!))) capBinds = true;
        }
        for (const [id, sum] of groupSum) {
          const cap = [...records.values()].find((rec) => rec.group?.id === id)!.group!.cap;
          if (sum.gt(cap)) over.push([id, 'group cap', sum.toFixed(2)]);
          if (sum.eq(cap)) groupBinds = true;
        }
        expect(over).toEqual([]);
        c.hit('a capped item with a figure', capped);
        c.hit('a cap that binds', capBinds);
        c.hit('a group cap that binds', groupBinds);
      }),
      RUNS,
    );
    c.atLeast('a capped item with a figure', 0.75);
    c.atLeast('a cap that binds', 0.7);
    c.atLeast('a group cap that binds', 0.5);
  });

  // Awards paid to people (（七）) may be in the total or in a figure of their own: both readings are
  // accepted, nothing else. A multi-project item's figure is taken as the engine gives it.
  it('the total is the sum of the eligible awards (with or without those paid to people); pending likewise; savings', () => {
    const c = counter();
    fc.assert(
      fc.property(anyProfile, (p) => {
        const res = evaluate(p);
        const sum = (st: string, amountKinds: string[], people: boolean) => {
          const of = (side: 'min' | 'max') =>
            res.items
              .filter((r) => r.status === st && amountKinds.includes(r.amountKind) && toPeople(r) === people)
              .reduce((a, r) => a.plus(r.amount[side]), new Dec(0));
          return { min: of('min'), max: of('max') };
        };
        const either = (own: { min: Dec; max: Dec }, people: { min: Dec; max: Dec }) => [
          { min: own.min.toFixed(2), max: own.max.toFixed(2) },
          { min: own.min.plus(people.min).toFixed(2), max: own.max.plus(people.max).toFixed(2) },
        ];
        expect(either(sum('eligible', AWARDS, false), sum('eligible', AWARDS, true))).toContainEqual(res.total);
        const pendingKinds = [...AWARDS, 'saving'];
        expect(either(sum('needsInfo', pendingKinds, false), sum('needsInfo', pendingKinds, true))).toContainEqual(res.pending);
        const saving = (side: 'min' | 'max') =>
          res.items.filter((r) => r.status === 'eligible' && r.amountKind === 'saving').reduce((a, r) => a.plus(r.amount[side]), new Dec(0)).toFixed(2);
        expect(res.savings).toEqual({ min: saving('min'), max: saving('max') });
        expect(Object.values(res.counts).reduce((a, b) => a + b, 0)).toBe(res.items.length);
        c.hit('a non-zero total', res.total.max !== '0.00');
        c.hit('several eligible awards', res.items.filter((r) => r.status === 'eligible' && AWARDS.includes(r.amountKind) && r.amount.max !== '0.00').length >= 2);
        c.hit('a non-zero pending', res.pending.max !== '0.00');
        c.hit('an award paid to people', res.items.some((r) => r.status === 'eligible' && toPeople(r) && r.amount.max !== '0.00'));
      }),
      RUNS,
    );
    c.atLeast('a non-zero total', 0.8);
    c.atLeast('several eligible awards', 0.7);
    c.atLeast('a non-zero pending', 0.75);
    c.atLeast('an award paid to people', 0.2);
  });

  it('the same profile gives the same result (deterministic, no hidden state)', () => {
    const c = counter();
    const runs = { numRuns: 100 };
    fc.assert(
      fc.property(anyProfile, (p) => {
        const a = evaluate(p);
        evaluate({ version: 1, entity: 'park' });
        expect(evaluate(JSON.parse(JSON.stringify(p)) as Profile)).toEqual(a);
        c.hit('computed items', a.items.filter(computed).length >= 2);
      }),
      runs,
    );
    c.atLeast('computed items', 0.75, runs.numRuns);
  });

  it('a larger base never gives less (monotone), for every proportional item, whatever else the profile says', () => {
    const c = counter();
    const arb = fc.constantFrom(...proportionalItems).chain((ci) =>
      fc.record({
        ci: fc.constant(ci),
        background: profileArb,
        facts: reachingFacts(ci),
        a: baseValues(ci),
        b: baseValues(ci),
      }),
    );
    fc.assert(
      fc.property(arb, ({ ci, background, facts, a, b }) => {
        const { base } = ci.item;
        const at = (x: string) => itemOf(claim(background, ci, { ...facts, [base]: x }), ci.item.id);
        const [lo, hi] = new Dec(a).lte(b) ? [at(a), at(b)] : [at(b), at(a)];
        expect(new Dec(lo.amount.max).lte(hi.amount.max)).toBe(true);
        expect(new Dec(lo.amount.min).lte(hi.amount.min)).toBe(true);
        c.hit('both computed (rate stage)', stage(lo, 'rate') !== undefined && stage(hi, 'rate') !== undefined);
        c.hit('both eligible, with a rate stage', [lo, hi].every((r) => r.status === 'eligible' && stage(r, 'rate')));
        c.hit('the larger one capped', hi.stages.some((s) => s.step === 'cap' || s.step === 'groupCap'));
        c.hit('different figures', lo.amount.max !== hi.amount.max);
      }),
      RUNS,
    );
    c.atLeast('both computed (rate stage)', 0.95);
    c.atLeast('both eligible, with a rate stage', 0.4);
    c.atLeast('the larger one capped', 0.6);
    c.atLeast('different figures', 0.45);
  });

  /** The threshold fact's unit and precision, and the value one typed step below `x`. */
  const below = (ci: ProportionalRec, x: Dec) => x.minus(stepOf(amountDef(ci, thresholdsOf(ci)!.fact)));

  it('below its threshold an item gives nothing, in any region; between the reduced and the general threshold, outside the areas, too', () => {
    const c = counter();
    const arb = fc.constantFrom(...thresholdItems).chain((ci) => {
      const t = thresholdsOf(ci)!;
      const def = amountDef(ci, t.fact);
      const item = ci.item;
      const lowest = t.reduced ?? t.min;
      // Known to be outside every area that lowers it: the general threshold applies.
      const outside = Object.fromEntries(t.when.map((f) => [f, false]));
      const cases = [fc.record({ band: fc.constant(false), value: amountIn(def, new Dec(0), below(ci, lowest)), region: regionArb })];
      if (t.reduced) {
        cases.push(
          fc.record({ band: fc.constant(true), value: amountIn(def, t.reduced, below(ci, t.min)), region: regionArb.map((r) => ({ ...r, ...outside })) }),
        );
      }
      return fc.record({
        ci: fc.constant(ci),
        background: profileArb,
        // A base of its own (e.g. 利息 beside 投资) is positive: only the threshold can stop the item.
        base: t.fact === item.base ? fc.constant(undefined) : baseValues(ci, { min: stepOf(amountDef(ci, item.base)) }),
        below: fc.oneof(...cases),
      });
    });
    fc.assert(
      fc.property(arb, ({ ci, background, base, below: { band, value, region } }) => {
        const item = ci.item;
        const facts = { ...conditionsMet(ci), ...(base !== undefined ? { [item.base]: base } : {}), [item.threshold!.fact]: value };
        const r = itemOf(claim({ ...background, region }, ci, facts), ci.item.id);
        expect(r.amount).toEqual({ min: '0.00', max: '0.00' });
        expect(r.status).toBe('ineligible');
        expect(r.reasonCode).toBe('threshold');
        const reached = stage(r, 'rate') !== undefined && stage(r, 'threshold')?.pass === false;
        c.hit('threshold checked and missed after the rate', reached);
        c.hit('between the reduced and the general threshold', reached && band);
      }),
      RUNS,
    );
    c.atLeast('threshold checked and missed after the rate', 1);
    c.atLeast('between the reduced and the general threshold', 0.05);
  });

  it('at or above its threshold (以上 includes it) an item pays base × rate up to its cap', () => {
    const c = counter();
    const arb = fc.constantFrom(...thresholdItems).chain((ci) => {
      const t = thresholdsOf(ci)!;
      const def = amountDef(ci, t.fact);
      const item = ci.item;
      const outside = Object.fromEntries(t.when.map((f) => [f, false]));
      // From the threshold up: when it is on the base, past the point where the cap binds too.
      const from = (min: Dec) =>
        fc.oneof(fc.constant(min.toFixed()), t.fact === item.base ? baseValues(ci, { min }) : amountIn(def, min, t.min.times(2)));
      const cases = [fc.record({ value: from(t.min), region: regionArb.map((r) => ({ ...r, ...outside })) })];
      if (t.reduced) {
        // One area answered 是 is enough for the reduced threshold.
        const inside = fc.constantFrom(...t.when).chain((f) => regionArb.map((r) => ({ ...r, [f]: true })));
        cases.push(fc.record({ value: from(t.reduced), region: inside }));
      }
      return fc.record({
        ci: fc.constant(ci),
        background: profileArb,
        base: t.fact === item.base ? fc.constant(undefined) : baseValues(ci),
        above: fc.oneof(...cases),
      });
    });
    fc.assert(
      fc.property(arb, ({ ci, background, base, above: { value, region } }) => {
        const item = ci.item;
        const facts = { ...conditionsMet(ci), ...(base !== undefined ? { [item.base]: base } : {}), [item.threshold!.fact]: value };
        const r = itemOf(claim({ ...background, region }, ci, facts), ci.item.id);
        // In 元 (or 吨…): the typed amount times its unit, times the record's rate, up to its cap.
        const baseValue = new Dec(facts[item.base] as string).div(inUnitOf(amountDef(ci, item.base), new Dec(1)));
        const raw = baseValue.times(ci.rate);
        const expected = (ci.cap ? Dec.min(raw, ci.cap) : raw).toFixed(2, Dec.ROUND_HALF_UP);
        if (raw.isZero()) {
          expect(r.status).toBe('ineligible');
          return;
        }
        expect(r.status).toBe('eligible');
        expect(r.amount).toEqual({ min: expected, max: expected });
        expect(stage(r, 'threshold')?.pass).toBe(true);
        c.hit('eligible with a rate stage', r.status === 'eligible' && stage(r, 'rate') !== undefined);
        c.hit('exactly at the threshold', new Dec(value).eq(thresholdsOf(ci)!.min) || new Dec(value).eq(thresholdsOf(ci)!.reduced ?? -1));
        c.hit('capped', ci.cap !== undefined && raw.gt(ci.cap));
      }),
      RUNS,
    );
    c.atLeast('eligible with a rate stage', 0.9);
    c.atLeast('exactly at the threshold', 0.3);
    c.atLeast('capped', 0.15);
  });
});
