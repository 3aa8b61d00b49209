/**
 * A file's header row → which column each position is (readLayout, giving a Layout). A header cell
 * is recognised by its Chinese header ('（八）技术改造项目1：项目实际完成投资额（万元）', as the template
 * writes it since issue 27), or — templates handed out before — by any line of the old two-line
 * header: the label without the measure number, or the profile path under it. Columns may
 * come in any order; project slots beyond the template's can be added (技术改造项目4：…), up to
 * MAX_ENTRIES. The template's second row (what to type) is told apart by isExplanationRow.
 *
 * A park's own register is read too (issue 27, item 2): its headers are matched by header-match.ts
 * (a register's words for a column, and the mapping a person confirmed, passed as `mapping`).
 * Columns the screening does not know (a park's own 联系人, 电话…) are left aside and named; two
 * columns read as one cannot be screened until one is set aside; without 主体类型 every row is 企业.
 * layoutOf makes a layout of a HeaderReading; hasCode says whether it reads 统一社会信用代码.
 */
import type { Catalog } from '../engine';
import type { Column } from './columns';
import { columnById, matchHeader, type ColumnMapping, type HeaderReading } from './header-match';

export interface Layout {
  /** By position in the row (from 0): the column, or undefined for a column left aside. */
  columns: (Column | undefined)[];
  /** Headers left aside, as written. */
  unknown: string[];
  /** No 主体类型 column: every row is read as an enterprise (a park's own register; header-match.ts). */
  entityAssumed?: boolean;
}

export type LayoutReading = { ok: true; layout: Layout } | { ok: false; message: string };

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The column a header cell names by itself (the template's header or id, or a register's synonym), or undefined. */
export function columnOfHeader(cell: string, catalog: Catalog): Column | undefined {
  return matchHeader([cell], catalog).matches[0]?.column;
}

/** A header reading as the layout rows are read with (refused when two columns are read as one). */
export function layoutOf(reading: HeaderReading): LayoutReading {
  if (reading.problem) return { ok: false, message: reading.problem };
  const columns: (Column | undefined)[] = [];
  for (const m of reading.matches) columns[m.index] = m.column;
  for (let i = 0; i < columns.length; i++) if (!(i in columns)) columns[i] = undefined;
  return { ok: true, layout: { columns, unknown: reading.unmatched.map((m) => norm(m.header)), ...(reading.entityAssumed ? { entityAssumed: true } : {}) } };
}

/**
 * The header row's layout: each column read as matchHeader reads it — or as `mapping` says, the
 * reading the person confirmed (open → map in the cloud, --yes / --map in the CLI).
 */
export function readLayout(header: string[], catalog: Catalog, mapping?: ColumnMapping): LayoutReading {
  const chosen = mapping ? new Map(mapping.map((id, i) => [i, id] as const)) : undefined;
  if (mapping && mapping.some((id) => id !== null && !columnById(id, catalog))) return { ok: false, message: '列的对应已不适用于当前的政策清单，请重新确认' };
  return layoutOf(matchHeader(header, catalog, chosen ? { chosen } : {}));
}

/** Does the layout read a 统一社会信用代码 column (the result then lists each row's code beside its name)? */
export function hasCode(layout: Layout): boolean {
  return layout.columns.some((c) => c?.target.to === 'code');
}

/** The template's second row (each cell its column's explanation, or empty) is not an enterprise. */
export function isExplanationRow(cells: string[], layout: Layout): boolean {
  let any = false;
  for (let i = 0; i < cells.length; i++) {
    const text = norm(cells[i] ?? '');
    if (text === '') continue;
    const c = layout.columns[i];
    if (!c || norm(c.explain) !== text) return false;
    any = true;
  }
  return any;
}
