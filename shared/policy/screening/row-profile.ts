/**
 * One row of the screening table → a profile, through the same reading as every other door: each
 * cell's text becomes the value the questionnaire's draft would send (src/state/draft.ts
 * profileValue: amounts through the schema's readTypedNumber, text that is no number kept as typed),
 * and the shared schema (parseProfile) decides. A cell it refuses is reported with the schema's own
 * message, the column named in place of the question — 第 5 行「技术改造项目1：项目实际完成投资额（万元）」
 * 不能为负数 — and the row is not screened: nothing is corrected on the user's behalf.
 *
 * Cells: empty = not answered (left out of the profile). Yes/no: 是 / 否 / 不确定 (or true / false /
 * unknown); choices: an option's label or value, or 不确定; amounts: a number in the column's unit
 * (2,500, ２５００, 2500万 in 万元), or 不确定. Anything else goes to the schema as typed, for its message.
 * Project slots: a slot with any answer is a project, in slot order (an empty slot 1 before a
 * filled slot 2 is skipped; messages still name the slot's columns).
 * readRow reads a row, cellValue one cell.
 */
import { entryPath, readPath, regionKey, readTypedNumber, parseProfile, type Catalog, type FactDef, type Profile } from '../engine';
import { ENTITY_ALIASES, FLAG_WORDS, UNSURE_WORDS, type Column } from './columns';
import { checkCreditCode } from './credit-code';
import type { Layout } from './layout';

const UNSURE = new Set(UNSURE_WORDS);

export type RowReading =
  | { ok: true; row: number; name: string; code?: string; profile: Profile }
  | { ok: false; row: number; name: string; code?: string; messages: string[] };

/** Texts kept per yes/no or choice column (short ones only): a register repeats a handful of answers in them. */
const WORDS_KEPT = 256;
const WORD_CHARS = 32;
const wordsRead = new WeakMap<FactDef, Map<string, unknown>>();

/** A cell's text → the value the profile gets (undefined: not answered). */
export function cellValue(def: FactDef, text: string): unknown {
  if (def.type === 'amount') return readCell(def, text);
  // A yes/no or choice cell is one of a few texts: each read once per column (issue 24, item 3).
  let read = wordsRead.get(def);
  if (!read) wordsRead.set(def, (read = new Map()));
  if (read.has(text)) return read.get(text);
  const v = readCell(def, text);
  if (read.size < WORDS_KEPT && text.length <= WORD_CHARS) read.set(text, v);
  return v;
}

function readCell(def: FactDef, text: string): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  switch (def.type) {
    case 'flag':
      return FLAG_WORDS[t] ?? FLAG_WORDS[t.toLowerCase()] ?? t;
    case 'choice':
      if (UNSURE.has(t)) return 'unknown';
      return def.options.find((o) => o.label === t || o.value === t)?.value ?? t;
    case 'amount':
      if (UNSURE.has(t)) return 'unknown';
      return readTypedNumber(t, def.unit) ?? t;
  }
}

function entityValue(def: Column['target'] & { to: 'entity' }, text: string): string {
  const t = text.trim();
  return def.def.options.find((o) => o.label === t || o.value === t)?.value ?? ENTITY_ALIASES[t] ?? t;
}

const entityCache = new WeakMap<Layout, Uint8Array>();

/** By position: 1 for the 主体类型 column, which is read even when empty. */
function entityColumns(layout: Layout): Uint8Array {
  let marks = entityCache.get(layout);
  if (!marks) {
    marks = new Uint8Array(layout.columns.map((c) => (c?.target.to === 'entity' ? 1 : 0)));
    entityCache.set(layout, marks);
  }
  return marks;
}

interface Candidate {
  profile: Record<string, unknown>;
  name: string;
  /** The 统一社会信用代码 cell as written, and its column (checked by readRow; never in the profile). */
  code?: { text: string; column: Column };
}

/**
 * The row's cells → the profile to validate. With `columnOf`, also where each value came from:
 * profile path → column (entries by their position in the profile) — asked only for a row the
 * schema refuses, so a valid row costs no paths.
 */
export function candidateOf(cells: string[], layout: Layout, columnOf?: Map<string, Column>): Candidate {
  const p: Record<string, unknown> = { version: 1 };
  const region: Record<string, unknown> = {};
  const facts: Record<string, unknown> = {};
  /** item id → slot → that slot's answers (and their columns). */
  const slots = new Map<string, Map<number, { facts: Record<string, unknown>; cols: Column[] }>>();
  let name = '';
  let code: Candidate['code'];
  let hasRegion = false;
  let hasFacts = false;
  // A park's own register without 主体类型 lists enterprises (header-match.ts says so in its preview).
  if (layout.entityAssumed) p.entity = 'enterprise';
  const columns = layout.columns;
  const entity = entityColumns(layout);
  for (let i = 0; i < columns.length; i++) {
    // Most cells of a row are empty: passed over before their column's target is looked at (targets
    // of six shapes made each look-up slow: issue 24, item 3). The entity's is read even empty.
    const text = cells[i] ?? '';
    if (text === '' && !entity[i]) continue;
    const c = columns[i];
    if (!c) continue;
    const t = c.target;
    if (t.to === 'entity') {
      // Required: an empty cell goes as '' so the schema names the column.
      p.entity = entityValue(t, text);
      columnOf?.set(c.id, c);
      continue;
    }
    if (text === '') continue;
    if (t.to === 'name') name = text.trim();
    else if (t.to === 'code') {
      if (text.trim() !== '') code = { text, column: c };
    }
    else if (t.to === 'place') {
      if (text.trim() === '') continue;
      region[t.key] = text.trim();
      hasRegion = true;
      columnOf?.set(c.id, c);
    } else {
      const v = cellValue(t.def, text);
      if (v === undefined) continue;
      if (t.to === 'common') {
        const key = regionKey(t.def.id);
        if (key) {
          region[key] = v;
          hasRegion = true;
        } else p[t.def.id] = v;
        columnOf?.set(c.id, c);
      } else if (t.to === 'fact') {
        facts[t.def.id] = v;
        hasFacts = true;
        columnOf?.set(c.id, c);
      } else {
        let bySlot = slots.get(t.item.id);
        if (!bySlot) slots.set(t.item.id, (bySlot = new Map()));
        let slot = bySlot.get(t.slot);
        if (!slot) bySlot.set(t.slot, (slot = { facts: {}, cols: [] }));
        slot.facts[t.def.id] = v;
        slot.cols.push(c);
      }
    }
  }
  if (hasRegion) p.region = region;
  if (hasFacts) p.facts = facts;
  if (slots.size > 0) {
    const projects: Record<string, { facts: Record<string, unknown> }[]> = {};
    for (const [itemId, bySlot] of slots) {
      const ordered = [...bySlot.entries()].sort((a, b) => a[0] - b[0]).map(([, s]) => s);
      projects[itemId] = ordered.map((s, index) => {
        if (columnOf) for (const c of s.cols) if (c.target.to === 'entry') columnOf.set(entryPath(itemId, index, c.target.def.id), c);
        return { facts: s.facts };
      });
    }
    p.projects = projects;
  }
  return { profile: p, name, ...(code ? { code } : {}) };
}

/** The schema's message about one cell, said of its column: 第 5 行「列名」不能为负数. */
export function cellMessage(row: number, field: string, message: string, column: Column | undefined): string {
  // The path is for JSON files; here the column says where (as the pages do: draft.ts userMessage).
  let m = field ? message.split(`（${field}）`).join('') : message;
  const t = column?.target;
  if (t?.to === 'entry') {
    // The schema counts projects as the profile holds them (第 1 项); the column names its slot.
    const context = `${t.item.repeat!.noun}第 ${(readPath(field)?.index ?? 0) + 1} 项：`;
    if (m.startsWith(context)) m = m.slice(context.length);
  }
  if (!column) return `第 ${row} 行：${m}`;
  // The schema's messages open with the question in 「」: the column's name takes its place.
  if (m.startsWith('「')) return `第 ${row} 行「${column.header}」${m.slice(m.indexOf('」') + 1)}`;
  return `第 ${row} 行「${column.header}」：${m}`;
}

/** One row → its validated profile, or every message about it. */
export function readRow(row: number, cells: string[], layout: Layout, catalog: Catalog): RowReading {
  const { profile, name, code } = candidateOf(cells, layout);
  // The identity is only checked (GB 32100-2015) and carried into the result: an invalid one refuses the row.
  const checked = code ? checkCreditCode(code.text) : undefined;
  const codeMessages = checked && !checked.ok ? [`第 ${row} 行「${code!.column.header}」${checked.message}`] : [];
  const id = checked?.ok ? { code: checked.code } : code ? { code: code.text.trim() } : {};
  const parsed = parseProfile(profile, catalog);
  if (parsed.ok && codeMessages.length === 0) return { ok: true, row, name, ...id, profile: parsed.profile };
  const columnOf = new Map<string, Column>();
  candidateOf(cells, layout, columnOf);
  const messages = parsed.ok ? [] : parsed.issues.map((i) => cellMessage(row, i.field, i.message, columnOf.get(i.field)));
  return { ok: false, row, name, ...id, messages: [...codeMessages, ...messages] };
}
