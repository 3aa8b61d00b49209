/**
 * The measures' cases, read from their tables (test/cases/mNN.yaml, one file per measure, in the form
 * of OpenFisca's YAML tests): each case is a profile as the questionnaire makes it and what the
 * engine must answer for it — per item its status, figure and the clause phrase the figure comes
 * from; per case the totals. One test per case. How to write a table: test/cases/README.md.
 *
 * The tables are checked before they are run: an unknown measure, item or field, a missing name or
 * profile, a profile the schema refuses, a figure without its unit, or a case that expects nothing
 * fails naming the file and the case, so a typo never passes as a case that asserts less.
 */
import { readdirSync, readFileSync } from 'fs';
import path from 'path';
import { parse } from 'yaml';
import {
  catalog2022,
  Dec,
  evaluate,
  parseProfile,
  readTypedNumber,
  type EvaluateResult,
  type Interval,
  type ItemResult,
} from '../../../shared/policy/engine';

const DIR = path.join(__dirname, '../../cases');
/** The policy list as published (the catalog's verbatim checks read the same file). */
const SOURCE = readFileSync(path.join(__dirname, '../../../shared/policy/source/policy-list-2022.txt'), 'utf8').replace(/\s+/g, '');
const MEASURES = new Map(catalog2022.measures.map((m) => [m.id, m]));
const ITEMS = new Map(catalog2022.measures.flatMap((m) => m.items.map((i) => [i.id, m.id] as const)));

// ---- the table's words ------------------------------------------------------------------------

/** A figure as the list writes it: '500万元', '4999980元', '0元' (exact), or { min, max } (a range). */
type Figure = string | { min: string; max: string };
/** A part of a result compared on the fields given only (an alternative, an entry). */
interface Part {
  status?: string;
  amount?: Figure;
  max?: string;
}
interface ItemExpectation extends Part {
  /** ItemResult.amountKind: exact, atLeast, upTo, saving, nonMonetary, unquantified. */
  amountKind?: string;
  itemKind?: string;
  reasonCode?: string | null;
  missing?: string[];
  open?: boolean;
  paidToPerson?: boolean;
  alternatives?: Part[];
  entries?: Part[];
  /** The first hint: its text contains `says`; its gap is `gap`. */
  hint?: { says?: string; gap?: string };
  /** The steps of the working, in order. */
  steps?: string[];
  /** A step of the working (it is there): its value and a phrase its quote contains. */
  stage?: Record<string, { value?: string; quote?: string }>;
  /** The clause phrase the figure comes from: one of the item's stages quotes it. */
  clause?: string;
}
interface Case {
  name: string;
  profile: Record<string, unknown>;
  items?: Record<string, ItemExpectation>;
  total?: Figure;
  peopleTotal?: Figure;
  savings?: Figure;
  pending?: Figure;
}
interface Table {
  measure: string;
  cases: Case[];
}

const CASE_KEYS = ['name', 'profile', 'items', 'total', 'peopleTotal', 'savings', 'pending'];
const TOTALS = ['total', 'peopleTotal', 'savings', 'pending'] as const;
const ITEM_KEYS = ['status', 'amount', 'max', 'amountKind', 'itemKind', 'reasonCode', 'missing', 'open', 'paidToPerson', 'alternatives', 'entries', 'hint', 'steps', 'stage', 'clause'];
const PART_KEYS = ['status', 'amount', 'max'];
const STATUSES = ['eligible', 'ineligible', 'needsInfo', 'notForYou'];

/** '500万元' → '5000000.00' (yuan, two decimals, as the engine writes it), read as a user's typed number is. */
function yuan(text: unknown): string {
  const n = typeof text === 'string' && /元$/.test(text.trim()) ? readTypedNumber(text, '元') : null;
  if (n === null) throw new TableError(`figure ${JSON.stringify(text)} is not a number of 元 or 万元 (write e.g. '500万元' or '0元')`);
  return new Dec(n).toFixed(2);
}

function interval(f: Figure): Interval {
  return typeof f === 'string' ? { min: yuan(f), max: yuan(f) } : { min: yuan(f.min), max: yuan(f.max) };
}

class TableError extends Error {}

function unknownKeys(o: object, allowed: string[], where: string): void {
  const extra = Object.keys(o).filter((k) => !allowed.includes(k));
  if (extra.length > 0) throw new TableError(`${where}: unknown field ${extra.join(', ')} (allowed: ${allowed.join(', ')})`);
}

/** Throws a TableError naming what is wrong with the case itself (before anything is evaluated). */
function checkCase(table: Table, c: Case): void {
  if (typeof c !== 'object' || c === null) throw new TableError('a case must be a map');
  unknownKeys(c, CASE_KEYS, 'case');
  if (typeof c.name !== 'string' || c.name.trim() === '') throw new TableError('case has no name');
  if (typeof c.profile !== 'object' || c.profile === null) throw new TableError('case has no profile');
  const items = Object.entries(c.items ?? {});
  if (items.length === 0 && TOTALS.every((t) => c[t] === undefined)) throw new TableError('case expects nothing (give items or a total)');
  for (const t of TOTALS) if (c[t] !== undefined) interval(c[t]!);
  for (const [id, e] of items) {
    const owner = ITEMS.get(id);
    if (!owner) throw new TableError(`unknown item ${id}`);
    if (owner !== table.measure) throw new TableError(`item ${id} is of ${owner}, not of this table's ${table.measure}`);
    unknownKeys(e, ITEM_KEYS, id);
    if (e.status === undefined) throw new TableError(`${id}: no status`);
    for (const p of [e, ...(e.alternatives ?? []), ...(e.entries ?? [])]) {
      if (p !== e) unknownKeys(p, PART_KEYS, `${id} alternative/entry`);
      if (p.status !== undefined && !STATUSES.includes(p.status)) throw new TableError(`${id}: unknown status ${p.status} (one of ${STATUSES.join(', ')})`);
      if (p.amount !== undefined) interval(p.amount);
      if (p.max !== undefined) yuan(p.max);
    }
    for (const s of Object.values(e.stage ?? {})) if (s.value !== undefined) yuan(s.value);
    // A figure paid comes from a clause: say which.
    const paid = e.status === 'eligible' && new Dec(e.amount !== undefined ? interval(e.amount).max : e.max !== undefined ? yuan(e.max) : 0).gt(0);
    if (paid && !e.clause) throw new TableError(`${id}: an eligible figure needs the clause phrase it comes from (clause: …)`);
  }
}

// ---- comparing --------------------------------------------------------------------------------

const show = (i: Interval) => (i.min === i.max ? `${i.min}元` : `${i.min}–${i.max}元`);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What differs, one line each: the figure (as written in the table and as yuan) and what came out. */
function differences(c: Case, res: EvaluateResult): string[] {
  const out: string[] = [];
  const check = (what: string, expected: unknown, actual: unknown, written?: unknown) => {
    if (!same(expected, actual)) out.push(`${what}: expected ${JSON.stringify(written ?? expected)}${written !== undefined ? ` (${typeof expected === 'object' ? show(expected as Interval) : String(expected)})` : ''}, got ${typeof actual === 'object' && actual && 'min' in actual ? show(actual as Interval) : JSON.stringify(actual)}`);
  };
  const part = (what: string, p: Part, r: { status: string; amount: Interval } | undefined) => {
    if (p.status !== undefined) check(`${what} status`, p.status, r?.status);
    if (p.amount !== undefined) check(`${what} amount`, interval(p.amount), r?.amount, p.amount);
    if (p.max !== undefined) check(`${what} max`, yuan(p.max), r?.amount.max, p.max);
  };
  for (const t of TOTALS) if (c[t] !== undefined) check(t, interval(c[t]!), res[t], c[t]);
  // The items named come in the result in the order named (a table lists them in the catalog's order).
  const named = Object.keys(c.items ?? {});
  const order = res.items.map((i) => i.id).filter((id) => named.includes(id));
  if (order.length === named.length) check('order of the items', named, order);
  for (const [id, e] of Object.entries(c.items ?? {})) {
    const r: ItemResult | undefined = res.items.find((i) => i.id === id);
    if (!r) {
      out.push(`${id}: not in the result`);
      continue;
    }
    part(id, e, r);
    if (e.amountKind !== undefined) check(`${id} amountKind`, e.amountKind, r.amountKind);
    if (e.itemKind !== undefined) check(`${id} itemKind`, e.itemKind, r.itemKind);
    if (e.reasonCode !== undefined) check(`${id} reasonCode`, e.reasonCode, r.reasonCode ?? null);
    if (e.missing !== undefined) check(`${id} missing`, e.missing, r.missing);
    if (e.open !== undefined) check(`${id} open`, e.open, r.open);
    if (e.paidToPerson !== undefined) check(`${id} paidToPerson`, e.paidToPerson, r.paidToPerson === true);
    if (e.alternatives !== undefined) {
      check(`${id} number of alternatives`, e.alternatives.length, r.alternatives.length);
      e.alternatives.forEach((a, k) => part(`${id} alternative ${k + 1}`, a, r.alternatives[k]));
    }
    if (e.entries !== undefined) {
      check(`${id} number of entries`, e.entries.length, r.entries?.length);
      e.entries.forEach((a, k) => part(`${id} entry ${k + 1}`, a, r.entries?.[k]));
    }
    if (e.hint?.says !== undefined && !(r.hints[0]?.text ?? '').includes(e.hint.says)) out.push(`${id} hint: expected it to say ${JSON.stringify(e.hint.says)}, got ${JSON.stringify(r.hints[0]?.text)}`);
    if (e.hint?.gap !== undefined) check(`${id} hint gap`, e.hint.gap, r.hints[0]?.gap);
    if (e.steps !== undefined) check(`${id} steps`, e.steps, r.stages.map((s) => s.step));
    for (const [step, s] of Object.entries(e.stage ?? {})) {
      const got = r.stages.find((x) => x.step === step);
      if (!got) out.push(`${id}: no ${step} step in the working (${r.stages.map((x) => x.step).join(', ')})`);
      if (s.value !== undefined) check(`${id} ${step} value`, yuan(s.value), got?.value, s.value);
      if (s.quote !== undefined && !(got?.quote ?? '').includes(s.quote)) out.push(`${id} ${step}: expected its quote to contain ${JSON.stringify(s.quote)}, got ${JSON.stringify(got?.quote)}`);
    }
    if (e.clause !== undefined && !r.stages.some((s) => (s.quote ?? '').includes(e.clause!))) {
      out.push(`${id} clause: no stage quotes ${JSON.stringify(e.clause)}; the stages quote ${JSON.stringify(r.stages.map((s) => s.quote).filter(Boolean))}`);
    }
  }
  return out;
}

// ---- the tables -------------------------------------------------------------------------------

const FILES = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

function readTable(file: string): { table: Table; error?: string } {
  try {
    const table = parse(readFileSync(path.join(DIR, file), 'utf8'), { prettyErrors: true }) as Table;
    if (!MEASURES.has(table?.measure)) return { table, error: `unknown measure ${JSON.stringify(table?.measure)}` };
    if (`${table.measure}.yaml` !== file) return { table, error: `holds measure ${table.measure}; the file must be named ${table.measure}.yaml` };
    if (!Array.isArray(table.cases) || table.cases.length === 0) return { table, error: 'has no cases' };
    const names = table.cases.map((c) => c?.name);
    const twice = names.filter((n, k) => names.indexOf(n) !== k);
    if (twice.length > 0) return { table, error: `names two cases the same: ${twice.join(', ')}` };
    return { table };
  } catch (e) {
    return { table: { measure: '', cases: [] }, error: (e as Error).message };
  }
}

test('the tables are there, one per measure', () => {
  expect(FILES.length).toBeGreaterThan(0);
  for (const f of FILES) expect(f).toMatch(/^m\d\d\.yaml$/);
});

/**
 * The table's opening lines quote its measure, as the policy list words it: they start with the
 * measure's number （八）, `…` marks what is left out, and every sentence quoted stands in the list.
 * The quote ends at the first line of explanation (one starting with '(', or with English in it).
 */
function headerMisquotes(file: string, label: string): string[] {
  const quote: string[] = [];
  for (const line of readFileSync(path.join(DIR, file), 'utf8').split('\n')) {
    const m = /^#\s?(.*)$/.exec(line);
    const text = m ? m[1].trim() : '';
    if (!m || !text || text.startsWith('(') || /[A-Za-z]{4,}/.test(text)) break;
    quote.push(text);
  }
  const words = quote.join('').replace(/\s+/g, '');
  if (!words.startsWith(label)) return [`opens with «${words.slice(0, 12)}», not the measure's number ${label}`];
  return words
    .slice(label.length)
    .split('…')
    .flatMap((part) => part.split(/(?<=[。；])/))
    .filter((sentence) => sentence && !SOURCE.includes(sentence))
    .map((sentence) => `quotes «${sentence}», which the policy list does not say`);
}

describe.each(FILES)('test/cases/%s', (file) => {
  const { table, error } = readTable(file);

  test('is a table of cases of its measure', () => {
    if (error) throw new Error(`test/cases/${file} ${error}`);
  });

  test('opens with its measure\'s words, as the policy list has them', () => {
    const label = MEASURES.get(table.measure)?.label ?? '';
    expect(headerMisquotes(file, label)).toEqual([]);
  });

  const cases = table.cases.map((c, k) => [typeof c?.name === 'string' ? c.name : `case ${k + 1}`, c] as const);
  it.each(cases.length > 0 ? cases : [['(no cases)', undefined as unknown as Case] as const])('%s', (name, c) => {
    if (!c) throw new Error(`test/cases/${file} has no cases`);
    const where = `test/cases/${file}, case «${name}»`;
    try {
      checkCase(table, c);
    } catch (e) {
      if (e instanceof TableError) throw new Error(`${where}: ${e.message}`);
      throw e;
    }
    const parsed = parseProfile({ version: 1, ...c.profile });
    if (!parsed.ok) throw new Error(`${where}: the schema refuses its profile: ${parsed.issues.map((i) => `${i.field} ${i.message}`).join('; ')}`);
    const mismatches = differences(c, evaluate(parsed.profile)).map((d) => `${where}: ${d}`);
    expect(mismatches).toEqual([]);
  });
});
