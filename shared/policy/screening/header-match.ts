/**
 * A register's header row → which column of the screening table each of its columns is read as
 * (issue 27, item 2: a park's own register, not only our template). matchHeader gives a HeaderMatch
 * per column — the header as written, the column it is read as (or none) and how: 'template' (the
 * template's own header or its id, either line of a template header cell), 'synonym' (a register's
 * word for it, header-synonyms.ts), 'remembered' (a mapping the person confirmed before for the same
 * header row) or 'chosen' (the person picked it now). Headers are compared normalised (normHeader).
 *
 * A register without 主体类型 is read as a list of enterprises (a park's register lists its
 * enterprises): every row 企业, said in the preview. A match by a synonym, or no 主体类型, needs the
 * person's confirmation before rows are screened, unless the same header row was confirmed before
 * (the caller remembers mappings by headerKey). Two columns read as one cannot be screened until one
 * of them is set aside. ColumnMapping is a confirmed reading (a column id or null per position);
 * CODE_COLUMN_DEF is the identity column (统一社会信用代码), columnById finds a column by id,
 * mappingChoices are the columns a person may pick, previewLines the preview in words. matchHeader
 * answers a HeaderReading; NOT_USED is the word 不使用; a caller gives the columns as a ColumnChoice,
 * and ColumnsUnconfirmed stops a run whose columns were not confirmed.
 */
import { createHash } from 'crypto';
import { factPath, type Catalog } from '../engine';
import { readableColumns, screenColumns, type Column } from './columns';
import { CODE_COLUMN, HEADER_SYNONYMS, HEADERS_ASIDE } from './header-synonyms';

export type MatchHow = 'template' | 'synonym' | 'remembered' | 'chosen';

export interface HeaderMatch {
  /** Position in the row (from 0). */
  index: number;
  /** The header cell as written (trimmed). */
  header: string;
  /** The column it is read as; undefined: not used. */
  column?: Column;
  how?: MatchHow;
  /** A header known to be no question of the catalog: why it is not read. */
  aside?: string;
}

/** A confirmed reading of a header row: by position, the column id it is read as, or null (不使用). */
export type ColumnMapping = (string | null)[];

export interface HeaderReading {
  /** One per non-empty header cell, in order. */
  matches: HeaderMatch[];
  /** The headers read as nothing. */
  unmatched: HeaderMatch[];
  /** No column is read as 主体类型: every row is an enterprise. */
  entityAssumed: boolean;
  /** A synonym's match or an assumed 主体类型, neither confirmed (now or before). */
  needsConfirmation: boolean;
  /** Why the rows cannot be read this way (two columns read as one), in Chinese. */
  problem?: string;
  /** This reading as a mapping (to confirm, remember or store). */
  mapping: ColumnMapping;
  /** The normalised header row's key, for remembering a confirmed mapping. */
  key: string;
}

/** The identity column: carried into the result beside the name, never read for a figure. */
export const CODE_COLUMN_DEF = {
  header: CODE_COLUMN,
  id: CODE_COLUMN,
  legacy: CODE_COLUMN,
  explain: '选填：18 位统一社会信用代码（只用于在结果中标明是哪一家）',
  target: { to: 'code' },
} as Column;

/** The words 不使用 (a column set aside) as the CLI's --map and the page's picker say it. */
export const NOT_USED = '不使用';

/**
 * A header as compared: full-width letters, digits and brackets as half-width (NFKC), no spaces or
 * quotation marks, without a leading 是否 and a trailing ？ — '是否 专精特新？' and '专精特新' are one.
 */
export function normHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s"'“”‘’「」]/g, '')
    .replace(/^是否/, '')
    .replace(/[?:]+$/, '');
}

interface Lookup {
  template: Map<string, Column>;
  synonym: Map<string, Column>;
  aside: Map<string, string>;
  byId: Map<string, Column>;
}
const lookups = new WeakMap<Catalog, Lookup>();

function lookup(catalog: Catalog): Lookup {
  let l = lookups.get(catalog);
  if (l) return l;
  const columns = [...readableColumns(catalog), CODE_COLUMN_DEF];
  const byId = new Map(columns.map((c) => [c.id, c]));
  const template = new Map<string, Column>();
  // The header, the id, and the header before issue 27 (templates handed out earlier; columns.ts `legacy`).
  for (const c of columns) {
    for (const t of [c.header, c.id, (c as { legacy?: string }).legacy]) if (t !== undefined && !template.has(normHeader(t))) template.set(normHeader(t), c);
  }
  const synonym = new Map<string, Column>();
  for (const s of HEADER_SYNONYMS) {
    const c = byId.get(s.id) ?? byId.get(factPath(s.id));
    if (!c) throw new Error(`header-synonyms: no column ${s.id}`);
    for (const h of s.headers) synonym.set(normHeader(h), c);
  }
  const aside = new Map<string, string>();
  for (const a of HEADERS_ASIDE) for (const h of a.headers) aside.set(normHeader(h), a.reason);
  l = { template, synonym, aside, byId };
  lookups.set(catalog, l);
  return l;
}

/** A column by its id (or, for a person's words, its header), the identity column included. */
export function columnById(id: string, catalog: Catalog): Column | undefined {
  const l = lookup(catalog);
  return l.byId.get(id) ?? l.template.get(normHeader(id));
}

/** What a header cell is read as by itself: the template's (either line of its cell), else a synonym's. */
function autoMatch(cell: string, l: Lookup): { column?: Column; how?: MatchHow; aside?: string } {
  const lines = cell.split(/\r\n|\n|\r/).map(normHeader);
  for (const line of lines) {
    const c = l.template.get(line);
    if (c) return { column: c, how: 'template' };
  }
  for (const line of lines) {
    const c = l.synonym.get(line);
    if (c) return { column: c, how: 'synonym' };
  }
  for (const line of lines) {
    const reason = l.aside.get(line);
    if (reason) return { aside: reason };
  }
  return {};
}

/** The key a confirmed mapping is remembered by: the normalised header row (no trailing empty cells). */
export function headerKey(header: readonly string[]): string {
  const cells = header.map((h) => normHeader(h ?? ''));
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return createHash('sha256').update(cells.join('\u001f')).digest('hex').slice(0, 32);
}

/** Is a remembered mapping still one for this header row and catalog (same width, every id a column)? */
function fits(mapping: ColumnMapping | undefined, header: readonly string[], l: Lookup): mapping is ColumnMapping {
  if (!mapping || mapping.length !== header.length) return false;
  return mapping.every((id, i) => (id === null ? true : l.byId.has(id) && (header[i] ?? '').trim() !== ''));
}

export interface MatchOptions {
  /** The mapping confirmed before for this header row (read by headerKey): used instead of matching. */
  remembered?: ColumnMapping;
  /** Columns the person reads otherwise now: position → column id, or null for 不使用. */
  chosen?: ReadonlyMap<number, string | null>;
}

export function matchHeader(header: readonly string[], catalog: Catalog, opts: MatchOptions = {}): HeaderReading {
  const l = lookup(catalog);
  const remembered = fits(opts.remembered, header, l) ? opts.remembered : undefined;
  const matches: HeaderMatch[] = [];
  for (let index = 0; index < header.length; index++) {
    const text = (header[index] ?? '').trim();
    if (text === '') continue;
    let m: HeaderMatch = { index, header: text, ...autoMatch(text, l) };
    if (remembered) {
      const id = remembered[index];
      m = id === null ? { index, header: text, how: 'remembered', ...(m.aside ? { aside: m.aside } : {}) } : { index, header: text, column: l.byId.get(id!)!, how: 'remembered' };
    }
    if (opts.chosen?.has(index)) {
      const id = opts.chosen.get(index);
      const column = id === null || id === undefined ? undefined : l.byId.get(id);
      m = { index, header: text, how: 'chosen', ...(column ? { column } : {}) };
    }
    matches.push(m);
  }
  const mapping: ColumnMapping = header.map(() => null);
  for (const m of matches) mapping[m.index] = m.column?.id ?? null;
  const seen = new Map<Column, HeaderMatch>();
  let problem: string | undefined;
  for (const m of matches) {
    if (!m.column) continue;
    const first = seen.get(m.column);
    if (first && !problem) {
      // The CLI and the page add how to go on (set one aside: --map, or the page's picker).
      problem = `第 1 行（表头）第 ${first.index + 1} 列和第 ${m.index + 1} 列都是「${m.column.header}」，无法判断用哪一列`;
    }
    seen.set(m.column, first ?? m);
  }
  const entityAssumed = !matches.some((m) => m.column?.target.to === 'entity');
  const confirmedNow = remembered !== undefined || (opts.chosen?.size ?? 0) > 0;
  const needsConfirmation = !confirmedNow && (entityAssumed || matches.some((m) => m.how === 'synonym'));
  return {
    matches,
    unmatched: matches.filter((m) => !m.column),
    entityAssumed,
    needsConfirmation,
    ...(problem ? { problem } : {}),
    mapping,
    key: headerKey(header),
  };
}

/** The columns a person may read a register's column as: the identity, and the template's columns with one project each. */
export function mappingChoices(catalog: Catalog): Column[] {
  return [CODE_COLUMN_DEF, ...screenColumns(catalog, 1)];
}

const HOW_WORDS: Record<MatchHow, string> = { template: '模板列', synonym: '按同义列名', remembered: '沿用上次确认', chosen: '你的指定' };

/** The preview in words: a line per column (header → what it is read as, and how), then what is assumed or wrong. */
export function previewLines(reading: HeaderReading): string[] {
  const lines = reading.matches.map((m) => {
    const to = m.column ? `读作「${m.column.header}」（${HOW_WORDS[m.how!]}）` : `${NOT_USED}${m.aside ? `（${m.aside}）` : m.how === 'template' || !m.how ? '（未识别）' : `（${HOW_WORDS[m.how]}）`}`;
    return `  第 ${m.index + 1} 列「${m.header}」→ ${to}`;
  });
  if (reading.entityAssumed) lines.push('  没有「主体类型」列：每一行都按「企业」测算（园区名单列的是企业）');
  if (reading.unmatched.length > 0) lines.push(`  未使用的列：${reading.unmatched.map((m) => m.header).join('、')}`);
  if (reading.problem) lines.push(`  ${reading.problem}`);
  return lines;
}

/**
 * How a caller gives the columns: a mapping, or a function that sees the header row and answers
 * (or promises) the mapping to read it with — or null to stop before any row is read (the CLI: not confirmed).
 */
export type ColumnChoice = ColumnMapping | ((header: string[]) => ColumnMapping | null | Promise<ColumnMapping | null>);

/** Thrown when a ColumnChoice answered null: nothing was screened, nothing written. */
export class ColumnsUnconfirmed extends Error {
  constructor() {
    super('columns not confirmed');
  }
}
