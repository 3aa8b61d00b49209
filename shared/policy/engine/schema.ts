/**
 * The one profile schema (valibot), built from the catalog's fact definitions, used by the pages,
 * the cloud functions and the CLI. parseProfile never throws: any input gets either the profile or
 * a list of Chinese messages, each a FieldIssue naming its field.
 *
 * A typed number is read once, here, for every door (readTypedNumber: 万/亿 and the field's unit,
 * full-width digits); typedOtherUnit names a unit typed in the wrong field, and typedUnitNote says
 * in the generated docs how a field's numbers may be typed.
 *
 * parseProfileByValibot is the same answer through valibot alone and checkProfileFast the compiled
 * check alone (./schema-check), for the property test that holds them equal and for the bench.
 */
import * as v from 'valibot';
import { catalog2022 } from './catalog';
import { TOPICS } from './catalog/common-facts';
import { MAX_ENTRIES, MAX_TEXT, PLACES } from './config';
import { Dec } from './decimal';
import { halfWidth } from './half-width';
import { MSG, fill } from './messages';
import { entryPath, readPath } from './paths';
import { REFUSED, compileCheck } from './schema-check';
import type { Item } from './kinds';
import type { AmountFact, Catalog, FactDef, Profile } from './types';
import { BASE_UNIT, MAGNITUDES, unitParts } from './units';

export interface FieldIssue {
  /** Path in the profile: 'facts/m01.techCenter', 'projects/m08.upgrade/0/investment', 'region/poverty'. */
  field: string;
  message: string;
}
export type ParseResult = { ok: true; profile: Profile } | { ok: false; issues: FieldIssue[] };

const SIGNED_DECIMAL = /^-?\d+(\.\d+)?$/;
/** Digits grouped by thousands: "2,500", "1,200,000.5" (after full-width commas became ","). */
const GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** Base unit words a number (and its 万/亿) may be followed by in some field ('吨标准煤', '元', '吨', '人'…), longest first. */
const UNIT_WORDS = [...new Set(Object.values(BASE_UNIT).filter((w) => w !== ''))].sort((a, b) => b.length - a.length);

/** A number with no unit, as plain decimal text ("2,500" → "2500", "-5"), or null. */
function plainNumber(t: string): string | null {
  const n = GROUPED.test(t) ? t.replace(/,/g, '') : t;
  return SIGNED_DECIMAL.test(n) ? n : null;
}

/** The text without `word` at its end (and the spaces before it), or null when it does not end so. */
function withoutEnd(t: string, word: string): string | null {
  return word !== '' && t.endsWith(word) ? t.slice(0, -word.length).trimEnd() : null;
}

/** The text without a 万/亿 at its end, and that magnitude's factor ('10000', '100000000'), or none. */
function withoutMagnitude(t: string): { rest: string; magnitude?: string } {
  for (const [word, factor] of Object.entries(MAGNITUDES)) {
    const rest = withoutEnd(t, word);
    if (rest !== null) return { rest, magnitude: factor };
  }
  return { rest: t };
}

/**
 * A number as a user types it, read the one way every door reads it (the pages, the cloud
 * functions, the CLI, file imports): surrounding spaces ignored, full-width digits ("２５００"),
 * thousands separators ("2,500", "2，500"), a magnitude 万 or 亿 after the number in any field, and
 * the field's unit word after that ("2500万", "2500万元", "0.25亿" in a 万元 field; "3000吨", "6万吨",
 * "6万" in a 吨 field; "3人" in a 人 field). 万 and 亿 are numerals, not units (issue 22): "6万吨" in a
 * 吨 field is 60000, "0.25亿" in a 万元 field 2500, multiplied exactly (Decimal).
 *
 * Returns the plain decimal text ("2500", "-5", "1.5", "60000"), sign kept so the schema can say
 * 不能为负数, or null when the text is not a number in this unit ("abc", "1e9", "1,20", "3000吨" in a
 * 万元 field, "2500元" in a 万元 field: another unit is never converted). Nothing is rounded: "1.5人"
 * reads as "1.5", which a 人 field then refuses; a number typed in the field's own unit stays as typed.
 */
export function readTypedNumber(text: string, unit?: string): string | null {
  // Plain decimal text (what the pages and most cells send) reads as itself in every unit.
  if (SIGNED_DECIMAL.test(text)) return text;
  const { factor, base } = unitParts(unit ?? '');
  const t = halfWidth(text).trim();
  const unitless = withoutEnd(t, base);
  const { rest, magnitude } = withoutMagnitude(unitless ?? t);
  const n = plainNumber(rest);
  if (n === null) return null;
  // "2500元" in a 万元 field: a number of 元, which the schema does not convert.
  if (magnitude === undefined) return unitless !== null && factor !== '1' ? null : n;
  if (magnitude === factor) return n;
  return new Dec(n).times(magnitude).div(factor).toFixed();
}

/**
 * The unit word after a number typed in a field of another unit: "吨" for "3000吨" in a 吨标准煤
 * field, "元" for "2500元" in a 万元 field, "吨" for "12万吨" in a 万元 field; null when the text reads
 * as a number in this field's unit (readTypedNumber) or is no number followed by a known unit word.
 */
export function typedOtherUnit(text: string, unit?: string): string | null {
  if (readTypedNumber(text, unit) !== null) return null;
  const t = halfWidth(text).trim();
  const word = UNIT_WORDS.find((w) => t.endsWith(w));
  return word !== undefined && plainNumber(withoutMagnitude(withoutEnd(t, word)!).rest) !== null ? word : null;
}

/**
 * How a field's numbers may be typed, for the generated docs: "可带单位吨和万、亿（6万吨 = 60000吨）",
 * the example read by readTypedNumber itself.
 */
export function typedUnitNote(unit: string): string {
  const { factor, base } = unitParts(unit);
  const example = factor === '1' ? `6万${base}` : `0.25亿${base}`;
  return `可带单位${unit}和万、亿（${example} = ${readTypedNumber(example, unit)}${unit}）`;
}

/** The number a user typed, as a Decimal, or null if it is not a plain decimal (sign allowed). */
function toDec(x: unknown): Dec | null {
  if (typeof x === 'number') return Number.isFinite(x) ? new Dec(x) : null;
  if (typeof x === 'string' && SIGNED_DECIMAL.test(x)) return new Dec(x);
  return null;
}

/**
 * Negative zero is zero. JSON's `-0` (and the text "-0", "-0.00") is the same amount as 0, so it is
 * not "negative" and is kept as 0 ("0", "0.00"): the sign is dropped, so no "-0.00" reaches a result.
 * This is also what every door already saw: a cloud function never gets -0 (WeChat's transport and
 * runHandler's JSON round trip both turn it into 0), so the CLI, the pages, the local cloud and
 * WeChat all read the profile the same way.
 */
function unsignedZero(x: number | string, d: Dec): number | string {
  if (typeof x === 'number') return Object.is(x, -0) ? 0 : x;
  return x.startsWith('-') && d.isZero() ? x.slice(1) : x;
}

/**
 * What is wrong with a JSON number as an amount, decided on the number itself (a Decimal made from a
 * number costs more than the rest of the check). decimal.js reads a number through its shortest text
 * (String(x)), so the number is what that text says: it compares with a maximum that a number holds
 * exactly as the text does, and the text has at most `places` decimals exactly when the nearest
 * number with `places` decimals (toFixed) is the same number (below 2^52, where two such neighbours
 * are never one step apart). null when nothing is wrong; undefined when the maximum is no exact
 * number (the Decimal decides then).
 */
function numberProblem(x: number, maxNumber: number | null, integer: boolean, places: number): string | null | undefined {
  if (!Number.isFinite(x)) return 'notNumber';
  if (x < 0) return 'negative';
  if (maxNumber === null) return undefined;
  if (x > maxNumber) return 'tooLarge';
  if (Number.isInteger(x)) return null;
  if (integer) return 'notInteger';
  return Number(x.toFixed(places)) === x ? null : 'tooPrecise';
}

/** What is wrong with an amount read into a Decimal, or null. */
function decimalProblem(d: Dec, max: Dec, integer: boolean, places: number): string | null {
  if (d.isNegative() && !d.isZero()) return 'negative';
  if (d.gt(max)) return 'tooLarge';
  if (integer && !d.isInteger()) return 'notInteger';
  return d.decimalPlaces() > places ? 'tooPrecise' : null;
}

function amountSchema(f: AmountFact) {
  const max = new Dec(f.max);
  const maxNumber = String(Number(f.max)) === max.toString() && Number(f.max) < 2 ** 52 ? Number(f.max) : null;
  const integer = f.integer === true;
  const places = f.integer ? 0 : (PLACES[f.unit] ?? 6);
  // 'unknown' (不确定) is allowed: the item then needs information instead of disappearing.
  // Typed text is read by readTypedNumber ("２,５００万" → "2500") and the number into a Decimal once
  // (issue 24: it was read up to five times; a JSON number needs none); the first thing wrong is
  // named, in this order: a number in another unit ("3000吨" in 万元), no number, negative, over the
  // field's maximum, a fraction where whole numbers are asked, more decimals than the unit keeps.
  return v.pipe(
    v.union([v.number(), v.string()], 'notNumber'),
    v.rawTransform<number | string, number | string>(({ dataset, addIssue, NEVER }) => {
      const x = dataset.value;
      if (x === 'unknown') return x;
      const typed = typeof x === 'string' ? readTypedNumber(x, f.unit) : x;
      if (typed === null) {
        addIssue({ message: typedOtherUnit(x as string, f.unit) !== null ? 'wrongUnit' : 'notNumber' });
        return NEVER;
      }
      if (typeof typed === 'number') {
        const problem = numberProblem(typed, maxNumber, integer, places);
        if (problem === null) return Object.is(typed, -0) ? 0 : typed;
        if (problem !== undefined) {
          addIssue({ message: problem });
          return NEVER;
        }
      }
      const d = toDec(typed);
      const problem = d === null ? 'notNumber' : decimalProblem(d, max, integer, places);
      if (problem !== null) {
        addIssue({ message: problem });
        return NEVER;
      }
      return unsignedZero(typed, d!);
    }),
  );
}

const tri = v.union([v.literal(true), v.literal(false), v.literal('unknown')], 'tri');

function factSchema(f: FactDef) {
  switch (f.type) {
    case 'flag':
      return tri;
    case 'choice':
      return v.picklist([...f.options.map((o) => o.value), 'unknown'], 'choice');
    case 'amount':
      return amountSchema(f);
  }
}

const text = v.pipe(v.string('text'), v.maxLength(MAX_TEXT, 'text'));

const isPlainObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A strict object that also refuses arrays (valibot's object accepts [] as {} otherwise). */
function obj<E extends v.ObjectEntries>(entries: E) {
  return v.pipe(v.custom<Record<string, unknown>>(isPlainObject, 'objectField'), v.strictObject(entries, 'unknownField'));
}

function factsObject(defs: FactDef[]) {
  return obj(Object.fromEntries(defs.map((f) => [f.id, v.optional(factSchema(f))])));
}

const REGION_TEXT: Record<string, string> = { cityName: '盟市名称', countyName: '旗县区名称', countyCode: '旗县区代码' };

interface Lookup {
  facts: Map<string, FactDef>;
  repeats: Map<string, Item>;
}

function buildSchema(catalog: Catalog) {
  const measureFacts = catalog.measures.flatMap((m) => m.facts);
  const repeats = catalog.measures.flatMap((m) => m.items).filter((i) => i.repeat);
  const entry = (item: Item) =>
    obj({ name: v.optional(text), facts: factsObject(item.repeat!.facts) });
  const schema = v.strictObject(
    {
      version: v.literal(1, 'version'),
      entity: v.picklist(['enterprise', 'park'], 'entity'),
      sme: v.optional(tri),
      region: v.optional(
        obj(
          {
            countyCode: v.optional(v.pipe(v.string('countyCode'), v.regex(/^\d{6}$/, 'countyCode'))),
            countyName: v.optional(text),
            cityName: v.optional(text),
            poverty: v.optional(tri),
            oldRevolutionary: v.optional(tri),
          },
        ),
      ),
      topics: v.optional(v.pipe(v.array(v.picklist(TOPICS.map((t) => t.id), 'topics'), 'topics'), v.maxLength(TOPICS.length, 'topics'))),
      facts: v.optional(factsObject(measureFacts)),
      projects: v.optional(
        obj(
          Object.fromEntries(
            repeats.map((item) => [item.id, v.optional(v.pipe(v.array(entry(item), 'notArray'), v.maxLength(MAX_ENTRIES, 'tooManyEntries')))]),
          ),
        ),
      ),
    },
    'unknownField',
  );
  const facts = new Map<string, FactDef>();
  for (const f of [...catalog.facts, ...measureFacts]) facts.set(f.id, f);
  const lookup: Lookup = { facts, repeats: new Map(repeats.map((i) => [i.id, i])) };
  return { schema, lookup, check: undefined as ReturnType<typeof compileCheck> | undefined, parsed: 0 };
}

const built = new WeakMap<Catalog, ReturnType<typeof buildSchema>>();

/** The compiled check, made at its first use. */
function checkOf(b: ReturnType<typeof buildSchema>): ReturnType<typeof compileCheck> {
  return (b.check ??= compileCheck(b.schema));
}

function describe(issue: v.BaseIssue<unknown>, lookup: Lookup): FieldIssue {
  const keys = (issue.path ?? []).map((p) => String((p as { key: unknown }).key));
  const code = issue.message as keyof typeof MSG;
  // Where the path points, in the profile's own terms, and the question it belongs to.
  let def: FactDef | undefined;
  let field = keys.join('/');
  let context = '';
  let label = keys[keys.length - 1] ?? '档案';
  const common = readPath(field);
  if (common && common.itemId === undefined && common.factId !== 'entity') def = lookup.facts.get(common.factId);
  if (keys[0] === 'region' && REGION_TEXT[keys[1]]) label = REGION_TEXT[keys[1]];
  if (keys[0] === 'projects' && keys.length >= 2) {
    const item = lookup.repeats.get(keys[1]);
    if (item) {
      label = item.repeat!.noun;
      if (keys.length >= 3) context = `${item.repeat!.noun}第 ${Number(keys[2]) + 1} 项：`;
      if (keys[3] === 'facts' && keys.length === 5) {
        def = item.repeat!.facts.find((f) => f.id === keys[4]);
        field = entryPath(keys[1], Number(keys[2]), keys[4]);
      }
      if (keys[3] === 'name') label = '项目名称';
    }
  }
  if (def) label = def.label.replace(/？$/, '');
  if (issue.type === 'custom' && code === 'objectField') {
    if (keys[0] === 'projects' && keys.length === 3) return { field, message: fill(MSG.entryObject, { label, n: Number(keys[2]) + 1 }) };
    return { field, message: context + fill(MSG.objectField, { field: keys[keys.length - 1] ?? '档案' }) };
  }
  if (issue.type === 'strict_object') {
    const last = keys[keys.length - 1] ?? '';
    if (issue.expected === 'never') return { field, message: fill(MSG.unknownField, { field: last }) };
    if (issue.expected === 'Object') {
      if (keys[0] === 'projects' && keys.length === 3) return { field, message: fill(MSG.entryObject, { label, n: Number(keys[2]) + 1 }) };
      return { field, message: fill(MSG.objectField, { field: field || '档案' }) };
    }
    return { field, message: context + fill(MSG.required, { field: last }) };
  }
  const unit = def?.type === 'amount' ? def.unit : '';
  const template = MSG[code] ?? MSG.notObject;
  const message = fill(template, {
    label,
    field,
    unit,
    max: def?.type === 'amount' ? def.max : MAX_ENTRIES,
    places: def?.type === 'amount' ? (def.integer ? 0 : (PLACES[def.unit] ?? 6)) : 0,
    options: def?.type === 'choice' ? def.options.map((o) => `${o.value}（${o.label}）`).join('、') + '、unknown（不确定）' : '',
    maxText: MAX_TEXT,
    n: keys[2] !== undefined ? Number(keys[2]) + 1 : '',
    typed: code === 'wrongUnit' ? (typedOtherUnit(String(issue.input), unit) ?? '') : '',
  }).replace(/（[^（）]*\/[^（）]*）/, '');
  return { field, message: context + message };
}

function builtFor(catalog: Catalog) {
  let b = built.get(catalog);
  if (!b) {
    b = buildSchema(catalog);
    built.set(catalog, b);
  }
  return b;
}

/**
 * The profile, or why not. Accepted inputs take the compiled check (compileCheck, generated from the
 * schema below: same verdict, same output); anything it refuses is parsed again by valibot, which
 * words every message — and whose verdict is the one returned.
 */
export function parseProfile(input: unknown, catalog: Catalog = catalog2022): ParseResult {
  if (!isPlainObject(input)) return { ok: false, issues: [{ field: '', message: MSG.notObject }] };
  const b = builtFor(catalog);
  // A catalog's first profile goes to valibot alone: compiling the check costs more than it saves on
  // one profile, and a cloud function's cold start answers one (issue 24: `calculate` cold ≤ 30 ms).
  if (b.parsed++ === 0) return parseProfileByValibot(input, catalog);
  const fast = checkOf(b)(input);
  if (fast !== REFUSED) return { ok: true, profile: fast as Profile };
  return parseProfileByValibot(input, catalog);
}

/** parseProfile through valibot alone (the compiled check's reference, in its property test and the bench). */
export function parseProfileByValibot(input: unknown, catalog: Catalog = catalog2022): ParseResult {
  const b = builtFor(catalog);
  if (!isPlainObject(input)) return { ok: false, issues: [{ field: '', message: MSG.notObject }] };
  const result = v.safeParse(b.schema, input, { abortPipeEarly: true });
  if (result.success) return { ok: true, profile: result.output as Profile };
  const lookup = b.lookup;
  return { ok: false, issues: result.issues.map((i) => describe(i, lookup)) };
}

/** The compiled check alone: the profile it accepts, or null (parseProfile then asks valibot why). */
export function checkProfileFast(input: unknown, catalog: Catalog = catalog2022): Profile | null {
  if (!isPlainObject(input)) return null;
  const fast = checkOf(builtFor(catalog))(input);
  return fast === REFUSED ? null : (fast as Profile);
}
