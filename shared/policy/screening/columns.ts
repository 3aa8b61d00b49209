/**
 * The screening table's columns, derived from the catalog the way docs/profile.md is (profile-doc.ts):
 * one row per enterprise (or park), one column per question. The template, the reader, the row
 * writer and docs/screening.md all take their columns from here, so a fact added to the catalog
 * gets its column everywhere (test/unit/screen/columns.test.ts counts them against the catalog).
 *
 * Order: 名称, 主体类型, the common facts (中小企业, place, the region flags), every measure's facts in
 * catalog order, then each repeated item's facts as numbered slots (技术改造项目1：…, 技术改造项目2：…).
 *
 * A column's header is the question's label without its question mark, the unit in brackets
 * ('技术改造项目1：项目实际完成投资额（万元）'); its id is the profile path it fills (paths.ts), so the
 * schema's messages (FieldIssue.field) lead back to it. The template's second row is `explain`.
 * screenColumns gives a Column per template column (TEMPLATE_SLOTS project slots each), readableColumns
 * every column a file may have, repeatedItems the items with slots, headerCell a column's header; the
 * words a cell may hold are FLAG_WORDS, UNSURE_WORDS and ENTITY_ALIASES.
 */
import { commonFact, MAX_ENTRIES, MAX_TEXT, PLACES, entryPath, factPath, typedUnitNote, type Catalog, type ChoiceFact, type FactDef, type FlagFact, type Item } from '../engine';

/** Project slots per repeated item in the template: the questionnaire's users enter one or two; more can be added by copying columns (up to MAX_ENTRIES). */
export const TEMPLATE_SLOTS = 3;

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
  | { to: 'entry'; def: FactDef; item: Item; slot: number };

export interface Column {
  /** The header's first line, and the column's name in every message: '技术改造项目1：项目实际完成投资额（万元）'. */
  header: string;
  /** The header's second line: the profile path the cell fills ('facts/m13.level'); '名称' has none of its own. */
  id: string;
  /** The template's second row: what to type. */
  explain: string;
  target: Target;
}

/** The words a yes/no cell takes, and what each means in the profile (the schema's true / false / 'unknown'). */
export const FLAG_WORDS: Record<string, true | false | 'unknown'> = { 是: true, 否: false, 不确定: 'unknown', true: true, false: false, unknown: 'unknown' };
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

function factColumn(f: FactDef, target: Target, header = shortLabel(f) + unitOf(f), id = factPath(f.id)): Column {
  return { header, id, explain: explainFact(f), target };
}

/** The columns of one project slot of a repeated item. */
function slotColumns(item: Item, slot: number): Column[] {
  const repeat = item.repeat!;
  return repeat.facts.map((f) =>
    factColumn(f, { to: 'entry', def: f, item, slot }, `${repeat.noun}${slot}：${shortLabel(f)}${unitOf(f)}`, entryPath(item.id, slot - 1, f.id)),
  );
}

/** The repeated items of a catalog, in catalog order. */
export function repeatedItems(catalog: Catalog): Item[] {
  return catalog.measures.flatMap((m) => m.items.filter((i) => i.repeat));
}

/** Every column, with `slots` project slots per repeated item (the template has TEMPLATE_SLOTS). */
export function screenColumns(catalog: Catalog, slots = TEMPLATE_SLOTS): Column[] {
  const entity = commonFact('entity');
  const common = (['sme', 'region.poverty', 'region.oldRevolutionary'] as const).map((id) => commonFact(id));
  const cols: Column[] = [
    { header: '名称', id: '名称', explain: '企业或园区名称，结果表按它列出（本行是填写说明，从下一行起每行填一家）', target: { to: 'name' } },
    {
      header: '主体类型',
      id: factPath(entity.id),
      explain: `必填：${entity.options.map((o) => o.label).join(' 或 ')}（也可写 ${Object.keys(ENTITY_ALIASES).join('、')}）`,
      target: { to: 'entity', def: entity },
    },
    factColumn(common[0], { to: 'common', def: common[0] }),
    ...PLACE_FIELDS.map(
      (p): Column => ({
        header: p.label,
        id: p.path,
        explain: p.key === 'countyCode' ? '选填：6 位数字（GB/T 2260 行政区划代码）' : `选填：不超过 ${MAX_TEXT} 个字（仅用于显示）`,
        target: { to: 'place', key: p.key },
      }),
    ),
    ...common.slice(1).map((f) => factColumn(f, { to: 'common', def: f })),
    ...catalog.measures.flatMap((m) => m.facts.map((f) => factColumn(f, { to: 'fact', def: f }))),
  ];
  for (const item of repeatedItems(catalog)) for (let s = 1; s <= slots; s++) cols.push(...slotColumns(item, s));
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

/** The header cell as the template writes it: the label, and the id on a second line. */
export function headerCell(c: Column): string {
  return c.id === c.header ? c.header : `${c.header}\n${c.id}`;
}
