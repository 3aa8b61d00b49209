/**
 * The mini calculator of one measure: which questions it asks (only this measure's facts and
 * project entries, plus the region facts its thresholds read), the profile its answers make, and
 * the engine's result for it. The figure shown is `evaluate(profile).total` — the engine's own; the
 * profile holds nothing but this measure's answers, so every other item stays unanswered.
 */
import { catalog2022 } from './catalog';
import { COMMON_FACTS } from './catalog/common-facts';
import { evaluate } from './evaluate';
import { formatInterval, formatMoney } from './format';
import { parseProfile } from './schema';
import type { Catalog, EvaluateResult, FactDef, Interval, Item, ItemResult, Measure, Profile, Status } from './types';

export type Entity = Profile['entity'];

export interface CalcRepeat {
  item: Item;
  noun: string;
  facts: FactDef[];
}

export interface CalcSpec {
  /** Who the calculator may answer for; the first is the default. */
  entities: Entity[];
  /** Region facts (脱贫地区, 革命老区) when a threshold of the measure depends on them. */
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
  const entities: Entity[] = [];
  if (measure.audience.some((a) => a !== 'park')) entities.push('enterprise');
  if (measure.audience.includes('park')) entities.push('park');
  const needsRegion = measure.items.some((i) => 'threshold' in i && i.threshold?.reduced);
  const region = needsRegion ? COMMON_FACTS.filter((f) => f.id.startsWith('region.')) : [];
  const repeats = measure.items
    .filter((i) => i.repeat)
    .map((item) => ({ item, noun: item.repeat!.noun, facts: item.repeat!.facts }));
  const guidance = measure.items.flatMap((i) =>
    i.kind === 'nonMonetary' || i.kind === 'unquantified' ? [{ id: i.id, title: i.title, tag: i.tag, guidance: i.guidance, quote: i.quote }] : [],
  );
  const computable = measure.items.some((i) => i.kind !== 'nonMonetary' && i.kind !== 'unquantified');
  return { entities, region, facts: measure.facts, repeats, computable, guidance };
}

/** An answer as the form holds it: a flag or choice value, 'unknown' (不确定), or the text typed. */
export type Answer = boolean | 'unknown' | string;

export interface CalcForm {
  entity: Entity;
  /**
   * Answers by field key — the same path the schema names in its messages:
   * 'facts/m01.techCenter', 'region/poverty', 'projects/m08.upgrade/0/investment'.
   */
  answers: Record<string, Answer>;
  /** Number of entries shown per repeated item (at least 1). */
  entries: Record<string, number>;
}

export const factKey = (id: string) => (id.startsWith('region.') ? `region/${id.slice(7)}` : `facts/${id}`);
export const entryKey = (itemId: string, index: number, factId: string) => `projects/${itemId}/${index}/${factId}`;

export function emptyForm(measure: Measure): CalcForm {
  const spec = calcSpec(measure);
  return { entity: spec.entities[0], answers: {}, entries: Object.fromEntries(spec.repeats.map((r) => [r.item.id, 1])) };
}

function value(a: Answer | undefined): Answer | undefined {
  if (a === undefined) return undefined;
  if (typeof a === 'string' && a !== 'unknown') {
    const t = a.trim();
    return t === '' ? undefined : t;
  }
  return a;
}

/** The profile the form describes: only answered facts; an entry only when something of it is answered. */
export function buildProfile(measure: Measure, form: CalcForm): Profile {
  const spec = calcSpec(measure);
  const profile: Profile = { version: 1, entity: form.entity };
  const facts: Record<string, Answer> = {};
  for (const f of spec.facts) {
    const v = value(form.answers[factKey(f.id)]);
    if (v !== undefined) facts[f.id] = v;
  }
  if (Object.keys(facts).length > 0) profile.facts = facts;
  const region: NonNullable<Profile['region']> = {};
  for (const f of spec.region) {
    const v = value(form.answers[factKey(f.id)]);
    if (v === true || v === false || v === 'unknown') region[f.id.slice(7) as 'poverty' | 'oldRevolutionary'] = v;
  }
  if (Object.keys(region).length > 0) profile.region = region;
  const projects: NonNullable<Profile['projects']> = {};
  for (const r of spec.repeats) {
    const list = [];
    for (let i = 0; i < (form.entries[r.item.id] ?? 1); i++) {
      const entry: Record<string, Answer> = {};
      for (const f of r.facts) {
        const v = value(form.answers[entryKey(r.item.id, i, f.id)]);
        if (v !== undefined) entry[f.id] = v;
      }
      if (Object.keys(entry).length > 0) list.push({ facts: entry });
    }
    if (list.length > 0) projects[r.item.id] = list;
  }
  if (Object.keys(projects).length > 0) profile.projects = projects;
  // Typed text goes to the schema as is; it checks numbers and names the field when one is wrong.
  return profile as Profile;
}

export interface MeasureCalc {
  /** Schema messages by field key; empty when the answers are valid. */
  errors: Record<string, string>;
  /** The engine's result (absent while an answer is invalid). */
  result?: EvaluateResult;
  /** This measure's items from the result. */
  items: ItemResult[];
  /** Something was answered. */
  answered: boolean;
}

export function runMeasure(measure: Measure, form: CalcForm, catalog: Catalog = catalog2022): MeasureCalc {
  const profile = buildProfile(measure, form);
  const answered = profile.facts !== undefined || profile.projects !== undefined;
  const parsed = parseProfile(profile, catalog);
  if (!parsed.ok) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.issues) errors[issue.field] ??= issue.message;
    return { errors, items: [], answered };
  }
  const result = evaluate(parsed.profile, catalog);
  return { errors: {}, result, items: result.items.filter((i) => i.measure === measure.id), answered };
}

// ---------------------------------------------------------------------------------------------
// Words for the result (formatting only; the figures are the engine's).

export const STATUS_TEXT: Record<Status, string> = {
  eligible: '可申请',
  needsInfo: '需补充信息',
  ineligible: '暂不符合',
  notForYou: '未填写',
};

/** '500万元', '至少 130万元（总额不超过 300万元）', '最高 300万元', '可免缴 20万元', '电价支持'. */
export function itemAmountText(r: ItemResult): string {
  const { min, max } = r.amount;
  switch (r.kind) {
    case 'atLeast':
      return min === max ? formatMoney(min) : `至少 ${formatMoney(min)}（总额不超过 ${formatMoney(max)}）`;
    case 'upTo':
      return `最高 ${formatMoney(max)}（由主管部门核定）`;
    case 'saving':
      return max === '0.00' ? '可减免（填写应缴费用可算出金额）' : `可少缴 ${formatInterval(r.amount)}`;
    case 'nonMonetary':
    case 'unquantified':
      return r.stages[0]?.label ?? '非资金支持';
    default:
      return r.open ? `${formatInterval(r.amount)} 起（未设上限）` : formatInterval(r.amount);
  }
}

/** The measure's figure: the engine's total for a profile holding only this measure's answers. */
export function totalText(total: Interval): string {
  return formatInterval(total);
}
