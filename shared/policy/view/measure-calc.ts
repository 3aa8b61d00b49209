/**
 * The mini calculator of one measure: which questions it asks (calcSpec: only this measure's facts
 * and project entries, plus the region facts its thresholds read) and the engine's result for it
 * (runMeasure).
 *
 * The answers are the questionnaire's: the calculator keeps a questionnaire draft limited to this
 * measure (src/state/draft.ts, `scope`), which becomes a profile through the same draft → profile →
 * schema code as the questionnaire's. The figure shown is `evaluate(profile).total` — the engine's
 * own; the profile holds nothing but this measure's answers, so every other item stays unanswered.
 */
import { catalog2022, regionFactsOf, evaluate, FIGURED_AMOUNT_KINDS, entitiesFor, type Entity, ruleOf, type Catalog, type EvaluateResult, type FactDef, type Item, type ItemResult, type Measure, type Profile } from '../engine';



export interface CalcRepeat {
  item: Item;
  noun: string;
  facts: FactDef[];
}

export interface CalcSpec {
  /** Who the calculator may answer for; the first is the default. */
  entities: Entity[];
  /** Region facts (脱贫地区, 革命老区) when a threshold of the measure depends on them (the catalog's common facts). */
  region: FactDef[];
  /** The measure's own non-repeated facts. */
  facts: FactDef[];
  /** Items entered per project (or product, variety): their entry facts. */
  repeats: CalcRepeat[];
  /** The measure has an item with an amount (or a fee saving) to compute. */
  computable: boolean;
  /** Non-monetary or unquantified items: what they mean. */
  guidance: { id: string; title: string; tag: string; guidance: string; quote: string }[];
}

export function calcSpec(measure: Measure): CalcSpec {
  const entities = entitiesFor(measure.audience);
  const repeats = measure.items
    .filter((i) => i.repeat)
    .map((item) => ({ item, noun: item.repeat!.noun, facts: item.repeat!.facts }));
  // Records without a figure carry their meaning instead (tag, guidance).
  const guidance = measure.items.flatMap((i) => ('guidance' in i ? [{ id: i.id, title: i.title, tag: i.tag, guidance: i.guidance, quote: i.quote }] : []));
  const computable = measure.items.some((i) => FIGURED_AMOUNT_KINDS.has(ruleOf(i).amountKind));
  return { entities, region: regionFactsOf(measure), facts: measure.facts, repeats, computable, guidance };
}

export interface MeasureRun {
  /** The engine's result on the profile. */
  result: EvaluateResult;
  /** This measure's items from the result. */
  items: ItemResult[];
}

/** The engine on a validated profile (the calculator's: only this measure's answers), and this measure's items. */
export function runMeasure(measure: Measure, profile: Profile, catalog: Catalog = catalog2022): MeasureRun {
  const result = evaluate(profile, catalog);
  return { result, items: result.items.filter((i) => i.measure === measure.id) };
}
