/**
 * The questionnaire's follow-up questions are derived from the catalog: every fact an item reads is
 * asked in its measure's topic, for the entity the item is for, and nothing else is asked.
 */
import { catalog2022, parseProfile, type FactDef, type TopicId } from '../../../shared/policy/engine';
import { itemIsFor, questionsFor, topicOfPath, topicsFor, type Entity, type FactQuestion } from '../../../shared/policy/view';

const ALL_TOPICS = topicsFor('enterprise').map((t) => t.id);

function flat(entity: Entity, topics: TopicId[]) {
  const facts: FactQuestion[] = [];
  const repeats: { itemId: string; facts: FactQuestion[] }[] = [];
  for (const t of questionsFor(entity, topics)) for (const m of t.measures) {
    facts.push(...m.facts);
    repeats.push(...m.repeats);
  }
  return { facts, repeats };
}

it('offers the nine enterprise topics to an enterprise and only the park topic to a park', () => {
  expect(ALL_TOPICS).toEqual(['platforms', 'standards', 'investment', 'digital', 'resources', 'green', 'pharma', 'craftsmen', 'landFees']);
  expect(topicsFor('park').map((t) => t.id)).toEqual(['park']);
});

it.each<Entity>(['enterprise', 'park'])('%s: every fact of every item for it is asked, once, in its measure’s topic', (entity) => {
  const topics = topicsFor(entity).map((t) => t.id);
  const { facts, repeats } = flat(entity, topics);
  const asked = facts.map((q) => q.def.id);
  expect(new Set(asked).size).toBe(asked.length);
  const expected = new Set<string>();
  const expectedRepeats: string[] = [];
  for (const m of catalog2022.measures) {
    for (const item of m.items.filter((i) => itemIsFor(i, entity))) {
      if (item.repeat) expectedRepeats.push(item.id);
      else for (const f of m.facts) if (JSON.stringify(item).includes(`"${f.id}"`)) expected.add(f.id);
    }
  }
  expect(new Set(asked)).toEqual(expected);
  expect(repeats.map((r) => r.itemId).sort()).toEqual(expectedRepeats.sort());
  for (const t of questionsFor(entity, topics)) {
    for (const m of t.measures) expect(catalog2022.measures.find((x) => x.id === m.measureId)!.topic).toBe(t.topic);
  }
});

it('asks only the chosen topics, in catalog order', () => {
  const qs = questionsFor('enterprise', ['green', 'platforms']);
  expect(qs.map((t) => t.topic)).toEqual(['platforms', 'green']);
  expect(qs[1].measures.map((m) => m.measureId)).toEqual(['m21']);
  expect(qs[1].measures[0].facts.map((q) => q.def.id)).toEqual(['m21.nationalGreen', 'm21.regionalGreen']);
});

it('gates a fact behind the yes/no condition of the items that read it', () => {
  const { facts, repeats } = flat('enterprise', ALL_TOPICS);
  const gates = (id: string) => facts.find((q) => q.def.id === id)!.gates;
  expect(gates('m14.benchmarkCost')).toEqual(['m14.benchmark']);
  expect(gates('m24.rebuildFee')).toEqual(['m24.rebuild']);
  expect(gates('m14.cloudCost')).toEqual([]);
  expect(gates('m14.benchmark')).toEqual([]);
  const entry = (item: string, id: string) => repeats.find((r) => r.itemId === item)!.facts.find((q) => q.def.id === id)!.gates;
  expect(entry('m08.upgrade', 'investment')).toEqual(['chain']);
  expect(entry('m09.interest-subsidy', 'interest')).toEqual(['keyChain', 'producedThisYear']);
  expect(entry('m05.generic-drug', 'investment')).toEqual(['passed']);
  expect(entry('m05.generic-drug', 'accepted')).toEqual([]);
});

it('answering every question "不确定" gives a profile the shared schema accepts', () => {
  const unknown = (defs: FactDef[]) => Object.fromEntries(defs.map((d) => [d.id, 'unknown']));
  const { facts, repeats } = flat('enterprise', ALL_TOPICS);
  const profile = {
    version: 1,
    entity: 'enterprise',
    topics: ALL_TOPICS,
    facts: unknown(facts.map((q) => q.def)),
    projects: Object.fromEntries(repeats.map((r) => [r.itemId, [{ facts: unknown(r.facts.map((q) => q.def)) }]])),
  };
  const parsed = parseProfile(profile);
  expect(parsed.ok ? [] : parsed.issues).toEqual([]);
});

it('knows which step and topic ask a path', () => {
  expect(topicOfPath('region/poverty')).toBe('who');
  expect(topicOfPath('sme')).toBe('who');
  expect(topicOfPath('facts/m13.level')).toBe('digital');
  expect(topicOfPath('projects/m08.robots/0/hazardous')).toBe('investment');
  expect(topicOfPath('facts/nope')).toBeUndefined();
});
