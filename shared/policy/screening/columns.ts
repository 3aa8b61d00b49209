/**
 * The screening table's columns, derived from the catalog the way docs/profile.md is (profile-doc.ts):
 * one row per enterprise (or park), one column per question. The template, the reader, the row
 * writer and docs/screening.md all take their columns from here, so a fact added to the catalog
 * gets its column everywhere (test/unit/screen/columns.test.ts counts them against the catalog).
 *
 * Order: 名称, 主体类型, the common facts (中小企业, place, the region flags), every measure's facts in
 * catalog order, then each repeated item's facts as numbered slots (技术改造项目1：…, 技术改造项目2：…).
 *
 * A column's header is what a person reads (issue 27, item 1): the question's label without its
 * question mark, the unit in brackets, and the number of the measure it serves in front
 * ('（八）技术改造项目1：项目实际完成投资额（万元）'); no developer key. Its id is the profile path it
 * fills (paths.ts), kept inside: the schema's messages (FieldIssue.field) lead back to it, and
 * templates handed out before issue 27 wrote it as the header's second line under `legacy` (the
 * label without the measure number), which the reader still knows. The template's second row is
 * `explain`; its 说明 sheet (templateNotes) gives each column its measure and clause.
 *
 * screenColumns gives each Column of a table (every measure with TEMPLATE_SLOTS or N project slots,
 * or a TemplateChoice: the topics and measures a person picked, TEMPLATE_PROJECTS slots unless they
 * ask more),
 * readableColumns every column a file may have, repeatedItems the items with slots, headerCell a
 * column's header, topicOfName / measureOfName read a person's topic or measure; the words a cell
 * may hold are FLAG_WORDS, UNSURE_WORDS and ENTITY_ALIASES.
 */
import { commonFact, compileCatalog, MAX_ENTRIES, MAX_TEXT, PLACES, TOPICS, entryPath, factPath, typedUnitNote, regionKey, type Catalog, type ChoiceFact, type FactDef, type FlagFact, type Item, type Measure, type TopicId } from '../engine';

/** Project slots per repeated item in a table of every column (tests, benchmarks: screenColumns(catalog) with no choice). */
export const TEMPLATE_SLOTS = 3;
/**
 * Project slots per repeated item in a template a person downloads, unless they ask for more: most
 * enterprises have one project per item; more can be added by copying columns (up to MAX_ENTRIES).
 */
export const TEMPLATE_PROJECTS = 1;

/** What a person picks when downloading a template: topics (the questionnaire's), measures, project slots. */
export interface TemplateChoice {
  /** The questionnaire's topics; with `measures`, a measure of either counts. Neither: every measure. */
  topics?: readonly TopicId[];
  /** Measure ids ('m08'). */
  measures?: readonly string[];
  /** Slots per repeated item, 1 to MAX_ENTRIES (TEMPLATE_PROJECTS when not given). */
  projects?: number;
}

/** The profile's place fields (profile.region), by the names the schema's messages give them (schema.ts REGION_TEXT). */
export const PLACE_FIELDS = [
  { key: 'cityName', label: '盟市名称', path: factPath('region.cityName') },
  { key: 'countyName', label: '旗县区名称', path: factPath('region.countyName') },
  { key: 'countyCode', label: '旗县区代码', path: factPath('region.countyCode') },
] as const;
export type PlaceKey = (typeof PLACE_FIELDS)[number]['key'];

/** Where a column's cell goes in the profile. */
export type Target =
  | { to: 'name' }
  | { to: 'entity'; def: ChoiceFact }
  | { to: 'place'; key: PlaceKey }
  /** sme and the region flags (profile.sme, profile.region.*). */
  | { to: 'common'; def: FlagFact }
  /** A measure's fact (profile.facts). */
  | { to: 'fact'; def: FactDef }
  /** A repeated item's fact in project slot `slot` (1, 2, 3…). */
  | { to: 'entry'; def: FactDef; item: Item; slot: number }
  /** A register's 统一社会信用代码 (header-match.ts): the row's identity in the result, read for nothing else. */
  | { to: 'code' };

export interface Column {
  /** The header, and the column's name in every message: '（八）技术改造项目1：项目实际完成投资额（万元）'. */
  header: string;
  /** The profile path the cell fills ('facts/m13.level'); '名称' has none of its own. Never shown in a template. */
  id: string;
  /** The header before issue 27 (without the measure number), which templates handed out earlier carry. */
  legacy?: string;
  /** The measure the column serves (a measure's fact or item); none for the common columns. */
  measure?: Measure;
  /** The template's second row: what to type. */
  explain: string;
  target: Target;
}

/** The words a yes/no cell takes, and what each means in the profile (the schema's true / false / 'unknown'). */
export const FLAG_WORDS: Record<string, true | false | 'unknown'> = {
  是: true,
  否: false,
  不确定: 'unknown',
  true: true,
  false: false,
  unknown: 'unknown',
  // A park's own register (issue 27, item 2) ticks and crosses, or writes 有/无, Y/N (read in lower case too).
  // Not x: a box marked x means yes as often as no.
  '√': true,
  '✓': true,
  '✔': true,
  '×': false,
  '✗': false,
  '✘': false,
  有: true,
  无: false,
  y: true,
  n: false,
  yes: true,
  no: false,
};
/** 不确定 in a choice or amount cell. */
export const UNSURE_WORDS = ['不确定', 'unknown'];
/** The entity's short word (the schema's message says 园区), beside the entity question's own option labels. */
export const ENTITY_ALIASES: Record<string, 'enterprise' | 'park'> = { 园区: 'park' };

const EMPTY = '空着 = 未填写';
const shortLabel = (f: FactDef) => f.label.replace(/？$/, '');
const unitOf = (f: FactDef) => (f.type === 'amount' ? `（${f.unit}）` : '');

/** What to type in a cell of this fact. */
export function explainFact(f: FactDef): string {
  switch (f.type) {
    case 'flag':
      return `是 / 否 / 不确定；${EMPTY}`;
    case 'choice':
      return `${f.options.map((o) => o.label).join(' / ')} / 不确定；${EMPTY}`;
    case 'amount': {
      const places = f.integer ? '整数' : `最多 ${PLACES[f.unit] ?? 6} 位小数`;
      return `数字，单位${f.unit}，${places}，0–${f.max}；${typedUnitNote(f.unit)}或千位逗号；不确定 / ${EMPTY}`;
    }
  }
}

function factColumn(f: FactDef, target: Target, measure?: Measure, legacy = shortLabel(f) + unitOf(f), id = factPath(f.id)): Column {
  return { header: measure ? `${measure.label}${legacy}` : legacy, id, legacy, explain: explainFact(f), target, ...(measure ? { measure } : {}) };
}

/** The columns of one project slot of a repeated item. */
function slotColumns(measure: Measure, item: Item, slot: number): Column[] {
  const repeat = item.repeat!;
  return repeat.facts.map((f) =>
    factColumn(f, { to: 'entry', def: f, item, slot }, measure, `${repeat.noun}${slot}：${shortLabel(f)}${unitOf(f)}`, entryPath(item.id, slot - 1, f.id)),
  );
}

/** The measures a choice covers, in catalog order. */
function chosenMeasures(catalog: Catalog, choice: TemplateChoice): Measure[] {
  const { topics, measures } = choice;
  if (!topics?.length && !measures?.length) return catalog.measures;
  return catalog.measures.filter((m) => topics?.includes(m.topic) || measures?.includes(m.id));
}

/** A topic by the name a person types: its label, or a word only its label contains ('技术改造'). */
export function topicOfName(name: string): TopicId | undefined {
  const word = name.trim();
  const exact = TOPICS.find((t) => t.label === word);
  if (exact) return exact.id;
  const within = word === '' ? [] : TOPICS.filter((t) => t.label.includes(word));
  return within.length === 1 ? within[0].id : undefined;
}

/** A measure by its number as a person writes it: '（八）', '八', '8'. */
export function measureOfName(name: string, catalog: Catalog): Measure | undefined {
  const word = name.trim().replace(/^[（(]|[）)]$/g, '');
  return catalog.measures.find((m) => m.label === `（${word}）` || String(m.number) === word);
}

/** The repeated items of a catalog, in catalog order. */
export function repeatedItems(catalog: Catalog): Item[] {
  return catalog.measures.flatMap((m) => m.items.filter((i) => i.repeat));
}

/**
 * The columns of a table: a number gives every measure with that many project slots per repeated
 * item (tables written by tests and benchmarks); a TemplateChoice the template a person picked — the
 * common columns always, then the chosen measures' facts and their items' slots.
 */
export function screenColumns(catalog: Catalog, choice: number | TemplateChoice = TEMPLATE_SLOTS): Column[] {
  const picked: TemplateChoice = typeof choice === 'number' ? { projects: choice } : choice;
  const slots = picked.projects ?? TEMPLATE_PROJECTS;
  const measures = chosenMeasures(catalog, picked);
  const entity = commonFact('entity');
  const common = (['sme', 'region.poverty', 'region.oldRevolutionary'] as const).map((id) => commonFact(id));
  const cols: Column[] = [
    { header: '名称', id: '名称', legacy: '名称', explain: '企业或园区名称，结果表按它列出（本行是填写说明，从下一行起每行填一家）', target: { to: 'name' } },
    {
      header: '主体类型',
      id: factPath(entity.id),
      legacy: '主体类型',
      explain: `必填：${entity.options.map((o) => o.label).join(' 或 ')}（也可写 ${Object.keys(ENTITY_ALIASES).join('、')}）`,
      target: { to: 'entity', def: entity },
    },
    factColumn(common[0], { to: 'common', def: common[0] }),
    ...PLACE_FIELDS.map(
      (p): Column => ({
        header: p.label,
        id: p.path,
        legacy: p.label,
        explain: p.key === 'countyCode' ? '选填：6 位数字（GB/T 2260 行政区划代码）' : `选填：不超过 ${MAX_TEXT} 个字（仅用于显示）`,
        target: { to: 'place', key: p.key },
      }),
    ),
    ...common.slice(1).map((f) => factColumn(f, { to: 'common', def: f })),
    ...measures.flatMap((m) => m.facts.map((f) => factColumn(f, { to: 'fact', def: f }, m))),
  ];
  for (const m of measures) for (const item of m.items.filter((i) => i.repeat)) for (let s = 1; s <= slots; s++) cols.push(...slotColumns(m, item, s));
  return cols;
}

const reading = new WeakMap<Catalog, Column[]>();

/** The columns a file may have: the template's, and project slots up to MAX_ENTRIES (copied columns, renumbered). */
export function readableColumns(catalog: Catalog): Column[] {
  let cols = reading.get(catalog);
  if (!cols) {
    cols = screenColumns(catalog, MAX_ENTRIES);
    reading.set(catalog, cols);
  }
  return cols;
}

/** The header cell as the template writes it: the Chinese header alone (before issue 27: the label, then the id on a second line). */
export function headerCell(c: Column): string {
  return c.header;
}

/** A column's line on the template's 说明 sheet. */
export interface ColumnNote {
  列名: string;
  怎么填: string;
  /** '（八）引导企业增加技术改造投入'; several measures joined with '；'; empty for 名称 and the place. */
  对应措施: string;
  /** The clause phrases (verbatim, from the catalog's records) the column's answer is read for. */
  条款原文: string;
}

/** The items of `measures` that read common fact `id` (sme), or whose threshold a region flag lowers. */
function itemsOfCommon(catalog: Catalog, measures: readonly Measure[], id: string): { m: Measure; quote: string }[] {
  const cc = compileCatalog(catalog);
  const region = regionKey(id);
  return measures.flatMap((m) =>
    m.items.flatMap((item) => {
      const reduced = 'threshold' in item ? item.threshold?.reduced : undefined;
      if (region && reduced?.when.includes(region as 'poverty')) return [{ m, quote: reduced.quote }];
      return cc.items.get(item.id)?.reads.includes(id) ? [{ m, quote: item.quote }] : [];
    }),
  );
}

const uniqueJoin = (xs: string[], sep: string) => [...new Set(xs)].join(sep);

/**
 * The 说明 sheet's line per column: what to type, the measure it serves and the clause it is asked
 * for (a measure's fact: the phrases of the items that read it; a project slot: its item's phrase;
 * 中小企业 and the region flags: those of the chosen measures that read them).
 */
export function templateNotes(catalog: Catalog, columns: readonly Column[]): ColumnNote[] {
  const measures = [...new Set(columns.flatMap((c) => (c.measure ? [c.measure] : [])))];
  const cc = compileCatalog(catalog);
  return columns.map((c) => {
    const t = c.target;
    let hits: { m: Measure; quote: string }[] = [];
    if (t.to === 'entry') hits = [{ m: c.measure!, quote: t.item.quote }];
    else if (t.to === 'fact') hits = c.measure!.items.filter((i) => cc.items.get(i.id)?.reads.includes(t.def.id)).map((i) => ({ m: c.measure!, quote: i.quote }));
    else if (t.to === 'common') hits = itemsOfCommon(catalog, measures, t.def.id);
    return {
      列名: c.header,
      // The 旗县区 also leads to the 脱贫地区 hint (county-hint.ts), which the explanation row of earlier templates does not say.
      怎么填: t.to === 'place' && t.key === 'countyName' ? `${c.explain}；可从下拉中选，用来提示是否属于脱贫地区（见本表下方的名单）` : c.explain,
      对应措施: uniqueJoin(hits.map((h) => `${h.m.label}${h.m.title}`), '；'),
      条款原文: uniqueJoin(hits.map((h) => `${h.m.label}「${h.quote}」`), '\n'),
    };
  });
}
