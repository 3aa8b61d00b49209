/**
 * One data row of a register screened (screenRow, giving a RowOutcome): through the schema (refused
 * with every reason) and the engine, into its line of 企业结果 — the one function the CLI, the cloud
 * function and the worker threads all use. A row with a cell over Excel's limit is refused by its
 * column first (overlongCells), its giant text going no further.
 *
 * Apart from screen.ts so that a worker thread (screen-worker.ts) loads only what a row needs: no
 * spreadsheet or CSV package (issue 24, item 3: each worker compiled the whole CLI bundle at start).
 */
import { evaluate, type Catalog, type EvaluateResult, type Profile } from '../engine';
import { CELL_MAX_CHARS, OVERLONG } from './cell-text';
import type { Layout } from './layout';
import { readRow } from './row-profile';
import { rowSummary } from './row-result';
import type { RefusedRow, ScreenedLine } from './write-result';

export type RowOutcome = { ok: true; line: ScreenedLine; profile: Profile; result: EvaluateResult } | { ok: false; refused: RefusedRow };

/**
 * A row with cells over Excel's limit (OVERLONG): every such cell named by its column, and the
 * row's name as far as it was kept — the row is refused, its giant text never goes further. Null
 * for a row without one.
 */
export function overlongCells(row: number, cells: string[], layout: Layout): { name: string; messages: string[] } | null {
  if (!cells.some((c) => c.startsWith(OVERLONG))) return null;
  let name = '';
  const messages: string[] = [];
  cells.forEach((text, i) => {
    const column = layout.columns[i];
    if (column?.target.to === 'name') name = text.replace(OVERLONG, '').trim();
    if (text.startsWith(OVERLONG)) messages.push(`第 ${row} 行${column ? `「${column.header}」` : `第 ${i + 1} 列`}超过 ${CELL_MAX_CHARS} 个字符（Excel 一个单元格的上限），本行未测算：请检查这一格`);
  });
  return { name, messages };
}

/**
 * One data row: through the schema (refused with every reason) and the engine, into its line of 企业结果.
 * The engine's screening run: the row's line needs figures, reasons and hints, not the working.
 */
export function screenRow(row: number, cells: string[], layout: Layout, catalog: Catalog): RowOutcome {
  const overlong = overlongCells(row, cells, layout);
  if (overlong) return { ok: false, refused: { row, ...overlong } };
  const reading = readRow(row, cells, layout, catalog);
  const code = reading.code !== undefined ? { code: reading.code } : {};
  if (!reading.ok) return { ok: false, refused: { row, name: reading.name, ...code, messages: reading.messages } };
  const result = evaluate(reading.profile, catalog, { explain: false });
  return { ok: true, line: { row, name: reading.name, ...code, entity: reading.profile.entity, summary: rowSummary(result, catalog, reading.profile) }, profile: reading.profile, result };
}
