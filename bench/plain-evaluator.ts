/**
 * The benchmark's lower bound: the same rules of the same catalog evaluated with plain JS numbers,
 * amounts and statuses only — no decimals, no stages, no texts. It is NOT used for money anywhere:
 * it only shows how fast the rules themselves can be walked on this machine.
 */
import { catalog2022, type FactValue, type Profile, compileCatalog } from '../shared/policy/engine';

const cc = compileCatalog(catalog2022);
const num = (d: { toNumber(): number } | undefined) => (d ? d.toNumber() : 0);

interface PlainItem {
  id: string;
  kind: string;
  audience: string[];
  repeat: boolean;
  reads: string[];
  conditions: string[];
  base?: string;
  baseFactor: number;
  rate: number;
  cap: number;
  amount: number;
  levels?: Map<string, number>;
  levelMax: number;
  tFact?: string;
  tMin: number;
  tReduced: number;
  advance: number;
  group?: string;
  groupCap: number;
  passed?: string;
  accepted?: string;
  fee?: string;
}

const items: PlainItem[] = [...cc.items.values()].map((ci) => {
  const it = ci.item as never as Record<string, unknown> & { id: string; kind: string; audience: string[] };
  const baseId = (it.base as string | undefined) ?? (it.fee as string | undefined);
  const def = baseId ? (ci.defs.get(baseId) as { unit?: string } | undefined) : undefined;
  return {
    id: it.id,
    kind: it.kind,
    audience: it.audience,
    repeat: Boolean(it.repeat),
    reads: ci.reads,
    conditions: ((it.conditions as { fact: string }[] | undefined) ?? []).map((c) => c.fact),
    base: baseId,
    baseFactor: def?.unit ? 10 ** (cc.unitShift.get(def.unit) ?? 0) : 1,
    rate: num(ci.rate?.value ?? ci.share?.value),
    cap: ci.cap ? num(ci.cap.value) : Infinity,
    amount: num(ci.amount?.value),
    levels: ci.levels ? new Map([...ci.levels].map(([k, v]) => [k, num(v.amount.value)])) : undefined,
    levelMax: num(ci.levelMax),
    tFact: (it.threshold as { fact: string } | undefined)?.fact,
    tMin: num(ci.threshold?.min.value),
    tReduced: num(ci.threshold?.reducedMin?.value),
    advance: num(ci.advance?.value),
    group: ci.group?.id,
    groupCap: ci.group ? num(ci.group.cap.value) : Infinity,
    passed: it.passedFact as string | undefined,
    accepted: it.advanceFact as string | undefined,
  };
});

/** 0 eligible, 1 ineligible, 2 needs info, 3 not for you. */
function entry(p: PlainItem, v: Record<string, FactValue> | undefined, region: Profile['region']): [number, number, number] {
  for (const c of p.conditions) {
    const x = v?.[c];
    if (x === false) return [1, 0, 0];
    if (x !== true) return [2, 0, p.cap === Infinity ? p.amount : p.cap];
  }
  switch (p.kind) {
    case 'fixed':
      return [0, p.amount, p.amount];
    case 'level': {
      const x = v?.[[...p.reads].pop()!];
      const a = typeof x === 'string' ? p.levels!.get(x) : undefined;
      return a === undefined ? (x === 'unknown' ? [2, 0, p.levelMax] : [1, 0, 0]) : [0, a, a];
    }
    case 'percent':
    case 'perUnit':
    case 'perCount': {
      const b = v?.[p.base!];
      if (typeof b !== 'number') return [2, 0, p.cap];
      const base = b * p.baseFactor;
      if (p.tFact) {
        const t = (v?.[p.tFact] as number) * p.baseFactor;
        let min = p.tMin;
        if (t < min && p.tReduced && (region?.poverty === true || region?.oldRevolutionary === true)) min = p.tReduced;
        if (t < min) return [1, 0, 0];
      }
      const a = Math.min(base * p.rate, p.cap);
      return [0, a, a];
    }
    case 'advanceShare': {
      const passed = v?.[p.passed!] === true;
      if (!passed && v?.[p.accepted!] !== true) return [1, 0, 0];
      if (!passed) return [0, p.advance, p.advance];
      const b = v?.[p.base!];
      if (typeof b !== 'number') return [2, p.advance, p.cap];
      return [0, Math.min(p.advance + b * p.baseFactor * p.rate, p.cap), p.cap];
    }
    case 'upTo':
      return [0, 0, p.cap];
    case 'feeReduction': {
      const f = v?.[p.fee!];
      if (typeof f !== 'number') return [2, 0, 0];
      const a = f * p.baseFactor * p.rate;
      return [0, a, a];
    }
    default:
      return [0, 0, 0];
  }
}

export function plainEvaluate(profile: Profile): { total: [number, number]; statuses: number[] } {
  let tmin = 0;
  let tmax = 0;
  const statuses: number[] = [];
  const used = new Map<string, number>();
  for (const p of items) {
    const forPark = p.audience.includes('park');
    if (profile.entity === 'park' ? !forPark : p.audience.every((a) => a === 'park')) {
      statuses.push(3);
      continue;
    }
    let st = 3;
    let mn = 0;
    let mx = 0;
    if (p.repeat) {
      const list = profile.projects?.[p.id];
      if (list && list.length > 0) {
        st = 1;
        for (const e of list) {
          const [s, a, b] = entry(p, e.facts, profile.region);
          if (s === 0 || s === 2) {
            st = st === 2 || s === 2 ? 2 : 0;
            mn += a;
            mx += b;
          }
        }
      }
    } else if (p.reads.length === 0 || p.reads.some((id) => profile.facts?.[id] !== undefined)) {
      [st, mn, mx] = entry(p, profile.facts, profile.region);
    }
    if (p.group && (st === 0 || st === 2)) {
      const left = p.groupCap - (used.get(p.group) ?? 0);
      mx = Math.min(mx, left);
      mn = Math.min(mn, mx);
      used.set(p.group, (used.get(p.group) ?? 0) + mx);
    }
    if (st === 0) {
      tmin += mn;
      tmax += mx;
    }
    statuses.push(st);
  }
  return { total: [tmin, tmax], statuses };
}
