/**
 * Drafts as the device stores them, for suites that open the results page without walking the
 * questionnaire (test/weapp/*, test/e2e/shares.test.ts).
 */
import { catalog2022 } from '../../shared/policy/engine';
import { emptyDraft, type Draft, type EntryDraft, type Value } from '../../src/state/draft-core';

/**
 * One 技术改造 project: 2100万元 in the chain. Clause （八）: 2100万元 ≥ 2000万元, × 20% = 420万元
 * (under the 500万元 cap) — a figure of this user's, not of the clause.
 */
export const UPGRADE_2100_DRAFT: Draft = {
  v: 1,
  step: 'questions',
  entity: 'enterprise',
  topics: ['investment'],
  values: {},
  texts: {},
  projects: { 'm08.upgrade': [{ key: 'e1', name: '', values: { chain: true }, texts: { investment: '2100' } }] },
  nextKey: 2,
};

/** A persona's profile as test/support/personas.ts writes it (flags as true / false / 'unknown'). */
export interface PersonaProfile {
  entity: string;
  sme?: boolean | string;
  region?: { countyCode: string; poverty?: boolean | string; oldRevolutionary?: boolean | string };
  topics?: string[];
  facts?: Record<string, boolean | string>;
  projects?: Record<string, { name?: string; facts: Record<string, boolean | string> }[]>;
}

const FACTS = new Map(catalog2022.measures.flatMap((m) => m.facts.map((f) => [f.id, f] as const)));
const REPEATS = new Map(catalog2022.measures.flatMap((m) => m.items.flatMap((i) => (i.repeat ? [[i.id, i.repeat] as const] : []))));

/**
 * A persona's profile (test/support/personas.ts) as the device stores the answers that make it, at
 * the questions step — so a suite can open the results page as if the questionnaire had been walked.
 * Amounts go in as typed text, everything else as values.
 */
export function draftOf(p: PersonaProfile): Draft {
  const split = (facts: Record<string, boolean | string>, isAmount: (id: string) => boolean) => {
    const values: Record<string, Value> = {};
    const texts: Record<string, string> = {};
    for (const [id, v] of Object.entries(facts)) {
      if (isAmount(id) && typeof v === 'string' && v !== 'unknown') texts[id] = v;
      else values[id] = v as Value;
    }
    return { values, texts };
  };
  const d: Draft = { ...emptyDraft(p.entity as Draft['entity']), step: 'questions', topics: (p.topics ?? []) as Draft['topics'] };
  const tri = (v: boolean | string) => v as Draft['sme'];
  if (p.sme !== undefined) d.sme = tri(p.sme);
  if (p.region) {
    d.countyCode = p.region.countyCode;
    d.cityCode = `${p.region.countyCode.slice(0, 4)}00`;
    if (p.region.poverty !== undefined) d.poverty = tri(p.region.poverty);
    if (p.region.oldRevolutionary !== undefined) d.oldRevolutionary = tri(p.region.oldRevolutionary);
  }
  Object.assign(d, split(p.facts ?? {}, (id) => FACTS.get(id)?.type === 'amount'));
  let key = 1;
  for (const [itemId, entries] of Object.entries(p.projects ?? {})) {
    const repeat = REPEATS.get(itemId)!;
    d.projects[itemId] = entries.map(
      (e): EntryDraft => ({ key: `e${key++}`, name: e.name ?? '', ...split(e.facts, (id) => repeat.facts.find((f) => f.id === id)?.type === 'amount') }),
    );
  }
  d.nextKey = key;
  return d;
}
