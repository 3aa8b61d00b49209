/**
 * Properties over random valid profiles (fast-check): never negative, never above the cap, monotone
 * in the base, zero below the threshold, totals add up, same profile → same result.
 */
import fc from 'fast-check';
import { catalog2022, evaluate, parseProfile, type Profile } from '../../../shared/policy';
import { compileCatalog } from '../../../shared/policy/compile';
import { Dec } from '../../../shared/policy/decimal';
import { profileArb } from './arbitraries';

const cc = compileCatalog(catalog2022);
const RUNS = { numRuns: 300 };
const AWARDS = ['exact', 'atLeast', 'upTo'];

describe('engine properties over random valid profiles', () => {
  it('every generated profile passes the schema', () => {
    fc.assert(fc.property(profileArb, (p) => parseProfile(p).ok), RUNS);
  });

  it('amounts are never negative and min ≤ max, with two decimals', () => {
    fc.assert(
      fc.property(profileArb, (p) => {
        for (const r of evaluate(p).items) {
          expect(r.amount.min).toMatch(/^\d+\.\d\d$/);
          expect(new Dec(r.amount.min).lte(r.amount.max)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('no item exceeds its cap (per entry × entries), its fixed amount, or its level maximum; groups stay within theirs', () => {
    fc.assert(
      fc.property(profileArb, (p) => {
        const res = evaluate(p);
        const groupSum = new Map<string, Dec>();
        for (const r of res.items) {
          const ci = cc.items.get(r.id)!;
          const max = new Dec(r.amount.max);
          const n = ci.item.repeat ? (p.projects?.[r.id]?.length ?? 0) : 1;
          if (ci.cap) expect(max.lte(ci.cap.value.times(n))).toBe(true);
          if (ci.amount) expect(max.lte(ci.amount.value)).toBe(true);
          if (ci.levelMax) expect(max.lte(ci.levelMax)).toBe(true);
          for (const e of r.entries ?? []) if (ci.cap) expect(new Dec(e.amount.max).lte(ci.cap.value)).toBe(true);
          if (ci.group) groupSum.set(ci.group.id, (groupSum.get(ci.group.id) ?? new Dec(0)).plus(max));
        }
        for (const [id, sum] of groupSum) {
          const cap = [...cc.items.values()].find((ci) => ci.group?.id === id)!.group!.cap.value;
          expect(sum.lte(cap)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('the total is the sum of the eligible awards; pending the sum of those that need information', () => {
    fc.assert(
      fc.property(profileArb, (p) => {
        const res = evaluate(p);
        const sum = (st: string, kinds: string[], side: 'min' | 'max') =>
          res.items
            .filter((r) => r.status === st && kinds.includes(r.kind))
            .reduce((a, r) => a.plus(r.amount[side]), new Dec(0))
            .toFixed(2);
        expect(res.total).toEqual({ min: sum('eligible', AWARDS, 'min'), max: sum('eligible', AWARDS, 'max') });
        expect(res.savings.max).toBe(sum('eligible', ['saving'], 'max'));
        expect(res.pending.max).toBe(sum('needsInfo', [...AWARDS, 'saving'], 'max'));
        expect(Object.values(res.counts).reduce((a, b) => a + b, 0)).toBe(res.items.length);
      }),
      RUNS,
    );
  });

  it('the same profile gives the same result (deterministic, no hidden state)', () => {
    fc.assert(
      fc.property(profileArb, (p) => {
        const a = evaluate(p);
        evaluate({ version: 1, entity: 'park' });
        expect(evaluate(JSON.parse(JSON.stringify(p)) as Profile)).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });

  const proportional = [...cc.items.values()].filter((ci) => ci.rate && ci.item.repeat);

  it('a larger base never gives less (monotone), for every proportional item', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...proportional),
        profileArb,
        fc.integer({ min: 0, max: 100000 }),
        fc.integer({ min: 0, max: 100000 }),
        (ci, p, a, b) => {
          const item = ci.item as { id: string; base: string; threshold?: { fact: string } };
          const entry = p.projects?.[item.id]?.[0]?.facts ?? {};
          const at = (x: number) => {
            const facts = { ...entry, [item.base]: x };
            if (item.threshold) facts[item.threshold.fact] = x;
            const r = evaluate({ ...p, projects: { [item.id]: [{ facts }] } }).items.find((i) => i.id === item.id)!;
            return new Dec(r.amount.max);
          };
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(at(lo).lte(at(hi))).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('below its threshold an item gives nothing, in any region', () => {
    const withThreshold = proportional.filter((ci) => ci.threshold);
    fc.assert(
      fc.property(fc.constantFrom(...withThreshold), profileArb, fc.double({ min: 0, max: 0.9999, noNaN: true }), (ci, p, share) => {
        const item = ci.item as { id: string; base: string; threshold: { fact: string } };
        const lowest = ci.threshold!.reducedMin ?? ci.threshold!.min;
        const def = ci.defs.get(item.threshold.fact) as { unit: string };
        const factor = cc.unitFactor.get(def.unit)!;
        const below = lowest.value.times(share.toFixed(4)).div(factor).toDecimalPlaces(3, Dec.ROUND_DOWN).toNumber();
        const facts = { ...(p.projects?.[item.id]?.[0]?.facts ?? {}), [item.threshold.fact]: below };
        const r = evaluate({ ...p, entity: 'enterprise', projects: { [item.id]: [{ facts }] } }).items.find((i) => i.id === item.id)!;
        expect(r.amount.max).toBe('0.00');
        expect(['ineligible', 'needsInfo']).toContain(r.status);
        if (r.status === 'needsInfo') expect(r.missing.some((m) => m.endsWith(item.threshold.fact) || m.startsWith('projects'))).toBe(true);
      }),
      RUNS,
    );
  });
});
