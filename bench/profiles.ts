/**
 * Seeded generators of valid profiles for the benchmarks.
 *  - questionnaire: what a user who picked 1–3 topics sends (the product's real load);
 *  - dense: every fact of every measure answered at random (a worst case).
 */
import { catalog2022, type FactDef, type FactValue, type Profile, type TopicId } from '../shared/policy/engine';

function value(f: FactDef, r: () => number): FactValue {
  switch (f.type) {
    case 'flag': {
      const x = r();
      return x < 0.5 ? true : x < 0.85 ? false : 'unknown';
    }
    case 'choice': {
      const opts = [...f.options.map((o) => o.value), 'unknown'];
      return opts[Math.floor(r() * opts.length)];
    }
    case 'amount': {
      if (f.integer) return Math.floor(r() * 6);
      // log-uniform: 10 … 50000 万元, 100 … 200000 吨
      const [lo, hi] = f.unit === '万元' ? [10, 50000] : [100, 200000];
      const v = lo * Math.pow(hi / lo, r());
      return Math.round(v * 100) / 100;
    }
  }
}

const measures = catalog2022.measures;

export function questionnaireProfile(r: () => number): Profile {
  const entity = r() < 0.85 ? 'enterprise' : 'park';
  const topics = [...new Set(measures.filter((m) => (entity === 'park' ? m.audience.includes('park') : !m.audience.every((a) => a === 'park'))).map((m) => m.topic))];
  const chosen = new Set<TopicId>();
  const n = 1 + Math.floor(r() * 3);
  while (chosen.size < Math.min(n, topics.length)) chosen.add(topics[Math.floor(r() * topics.length)]);
  const facts: Record<string, FactValue> = {};
  const projects: Record<string, { facts: Record<string, FactValue> }[]> = {};
  for (const m of measures) {
    if (!chosen.has(m.topic)) continue;
    for (const f of m.facts) if (r() < 0.7) facts[f.id] = value(f, r);
    for (const i of m.items) {
      if (!i.repeat) continue;
      const k = Math.floor(r() * 3);
      if (k > 0) projects[i.id] = Array.from({ length: k }, () => ({ facts: Object.fromEntries(i.repeat!.facts.map((f) => [f.id, value(f, r)])) }));
    }
  }
  const tri = (): true | false | 'unknown' => (r() < 0.3 ? true : r() < 0.8 ? false : 'unknown');
  return { version: 1, entity, topics: [...chosen], region: { poverty: tri(), oldRevolutionary: tri() }, facts, projects };
}

export function denseProfile(r: () => number): Profile {
  const facts: Record<string, FactValue> = {};
  const projects: Record<string, { facts: Record<string, FactValue> }[]> = {};
  for (const m of measures) {
    for (const f of m.facts) facts[f.id] = value(f, r);
    for (const i of m.items) {
      if (i.repeat) projects[i.id] = [{ facts: Object.fromEntries(i.repeat.facts.map((f) => [f.id, value(f, r)])) }];
    }
  }
  return { version: 1, entity: 'enterprise', region: { poverty: 'unknown', oldRevolutionary: false }, facts, projects };
}
