/**
 * The questionnaire's follow-up questions, DERIVED from the catalog (there is no second list):
 * questionsFor an Entity and the topics it chose (topicsFor lists them) gives TopicQuestions, each
 * measure of those topics (MeasureQuestions) with the facts its items read (a FactQuestion: yes/no,
 * amounts with their unit, levels as choices) and its repeatable entries (projects, products,
 * varieties) with their entry facts; itemIsFor says whether an item is for the entity.
 *
 * A fact that only matters once a yes/no condition holds (登云投入 after 登云标杆企业) is "gated":
 * the questionnaire hides it while that condition is answered 否. The gates come from the items'
 * own `conditions` (and, for 先行补助 + 后续补助, from `passedFact`).
 *
 * Paths are the ones the schema (FieldIssue.field) and the engine (ItemResult.missing) use:
 * 'facts/m01.techCenter', 'projects/m08.upgrade/0/investment', 'region/poverty', 'sme'; topicOfPath
 * leads a path back to its topic.
 */
import { isFor, catalog2022, TOPICS, ruleOf, readPath, stepOfPath, type Catalog, type FactDef, type Item, type Measure, type Profile, type TopicId } from '../engine';

export interface FactQuestion {
  def: FactDef;
  /** Flag facts (same scope: measure facts or the entry's facts) that must not be 否 for this one to be asked. */
  gates: string[];
}

export interface RepeatQuestion {
  itemId: string;
  /** What one entry is: '技术改造项目'. */
  noun: string;
  /** The item's title, to say what the entries are for. */
  itemTitle: string;
  facts: FactQuestion[];
}

export interface MeasureQuestions {
  measureId: string;
  label: string;
  title: string;
  facts: FactQuestion[];
  repeats: RepeatQuestion[];
}

export interface TopicQuestions {
  topic: TopicId;
  label: string;
  measures: MeasureQuestions[];
}

export type Entity = Profile['entity'];

/** Is an item asked of this entity? The engine's reading of `audience` (audience.ts). */
export function itemIsFor(item: Item, entity: Entity): boolean {
  return isFor(item.audience, entity);
}

/** Condition facts that gate `factId` in one item (empty: not gated by this item). */
function gatesIn(item: Item, factId: string): string[] {
  const conditions = (item.conditions ?? []).map((c) => c.fact);
  if (conditions.includes(factId)) return [];
  return [...conditions, ...(ruleOf(item).gates?.(item, factId) ?? [])];
}

function readsFact(item: Item, factId: string): boolean {
  return (item.conditions ?? []).some((c) => c.fact === factId) || ruleOf(item).facts(item).includes(factId);
}

/** A fact is gated by the flags that gate it in every item that reads it. */
function factQuestion(def: FactDef, readers: Item[]): FactQuestion {
  let gates: string[] | null = null;
  for (const item of readers) {
    const g = gatesIn(item, def.id);
    gates = gates === null ? g : gates.filter((x) => g.includes(x));
  }
  return { def, gates: gates ?? [] };
}

function measureQuestions(measure: Measure, entity: Entity): MeasureQuestions | null {
  const items = measure.items.filter((i) => itemIsFor(i, entity));
  const facts: FactQuestion[] = [];
  for (const def of measure.facts) {
    const readers = items.filter((i) => !i.repeat && readsFact(i, def.id));
    if (readers.length > 0) facts.push(factQuestion(def, readers));
  }
  const repeats: RepeatQuestion[] = items
    .filter((i) => i.repeat)
    .map((i) => ({
      itemId: i.id,
      noun: i.repeat!.noun,
      itemTitle: i.title,
      facts: i.repeat!.facts.map((def) => factQuestion(def, [i])),
    }));
  if (facts.length === 0 && repeats.length === 0) return null;
  return { measureId: measure.id, label: measure.label, title: measure.title, facts, repeats };
}

/** Topics that have at least one question for this entity, in the catalog's topic order. */
export function topicsFor(entity: Entity, catalog: Catalog = catalog2022): { id: TopicId; label: string; measures: number }[] {
  return TOPICS.map((t) => ({
    id: t.id,
    label: t.label,
    measures: catalog.measures.filter((m) => m.topic === t.id && measureQuestions(m, entity) !== null).length,
  })).filter((t) => t.measures > 0);
}

/** The follow-up questions of the chosen topics, in topic order, measures in catalog order. */
export function questionsFor(entity: Entity, topics: readonly TopicId[], catalog: Catalog = catalog2022): TopicQuestions[] {
  const out: TopicQuestions[] = [];
  for (const t of TOPICS) {
    if (!topics.includes(t.id)) continue;
    const measures = catalog.measures
      .filter((m) => m.topic === t.id)
      .map((m) => measureQuestions(m, entity))
      .filter((m): m is MeasureQuestions => m !== null);
    if (measures.length > 0) out.push({ topic: t.id, label: t.label, measures });
  }
  return out;
}

/** Which topic asks a fact path (for "back to this question" from the results); 'who' for the first step's. */
export function topicOfPath(path: string, catalog: Catalog = catalog2022): TopicId | 'who' | undefined {
  if (stepOfPath(path) === 'who') return 'who';
  const p = readPath(path);
  if (!p) return undefined;
  if (p.itemId !== undefined) return catalog.measures.find((m) => m.items.some((i) => i.id === p.itemId))?.topic;
  return catalog.measures.find((m) => m.facts.some((f) => f.id === p.factId))?.topic;
}
