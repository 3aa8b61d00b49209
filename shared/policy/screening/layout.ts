/**
 * A file's header row → which column each position is (readLayout, giving a Layout). A header cell
 * is recognised by its Chinese header ('（八）技术改造项目1：项目实际完成投资额（万元）', as the template
 * writes it since issue 27), or — templates handed out before — by any line of the old two-line
 * header: the label without the measure number, or the profile path under it. Columns may
 * come in any order; project slots beyond the template's can be added (技术改造项目4：…), up to
 * MAX_ENTRIES. The template's second row (what to type) is told apart by isExplanationRow.
 *
 * Columns the screening does not know (a park's own 联系人, 电话…) are left aside and named in a
 * warning; a column that appears twice, or a file without 主体类型, cannot be screened at all.
 */
import type { Catalog } from '../engine';
import { readableColumns, type Column } from './columns';

export interface Layout {
  /** By position in the row (from 0): the column, or undefined for a column left aside. */
  columns: (Column | undefined)[];
  /** Headers left aside, as written. */
  unknown: string[];
}

export type LayoutReading = { ok: true; layout: Layout } | { ok: false; message: string };

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const byText = new WeakMap<Catalog, Map<string, Column>>();

function lookup(catalog: Catalog): Map<string, Column> {
  let map = byText.get(catalog);
  if (!map) {
    map = new Map();
    for (const c of readableColumns(catalog)) {
      map.set(norm(c.header), c);
      if (c.legacy) map.set(norm(c.legacy), c);
      map.set(norm(c.id), c);
    }
    byText.set(catalog, map);
  }
  return map;
}

/** The column a header cell names, or undefined. */
export function columnOfHeader(cell: string, catalog: Catalog): Column | undefined {
  const map = lookup(catalog);
  for (const line of cell.split(/\r\n|\n|\r/)) {
    const c = map.get(norm(line));
    if (c) return c;
  }
  return undefined;
}

export function readLayout(header: string[], catalog: Catalog): LayoutReading {
  const columns: (Column | undefined)[] = [];
  const unknown: string[] = [];
  const seen = new Map<Column, number>();
  for (let i = 0; i < header.length; i++) {
    const text = header[i] ?? '';
    if (norm(text) === '') {
      columns.push(undefined);
      continue;
    }
    const c = columnOfHeader(text, catalog);
    if (!c) unknown.push(norm(text));
    else if (seen.has(c)) return { ok: false, message: `第 1 行（表头）第 ${seen.get(c)! + 1} 列和第 ${i + 1} 列都是「${c.header}」，无法判断用哪一列` };
    else seen.set(c, i);
    columns.push(c);
  }
  if (![...seen.keys()].some((c) => c.target.to === 'entity')) {
    return { ok: false, message: '第 1 行（表头）没有「主体类型」列：请用 npm run screen -- --template 生成的模板填写' };
  }
  return { ok: true, layout: { columns, unknown } };
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
