/**
 * Screening a register: every row of an .xlsx or .csv through the shared schema and the engine,
 * into result.xlsx. Row by row, streamed in and out, so the memory a register needs does not grow
 * with its rows (only the refused rows' messages and the per-measure sums are kept).
 *
 * A row the schema refuses is listed with every reason and not screened; the rest are. A file that
 * cannot be read at all throws TableError (read-table.ts) and leaves no result file behind.
 */
import { rmSync } from 'fs';
import { catalog2022 } from '../catalog';
import { evaluate } from '../evaluate';
import type { Catalog, EvaluateResult, Profile } from '../types';
import { isExplanationRow, readLayout } from './layout';
import { readTable, TableError, type OnBytes } from './read-table';
import { readRow } from './row-profile';
import { rowSummary } from './row-result';
import { MeasureTotals } from './totals';
import { ResultWriter, type RefusedRow } from './write-result';

/** One screened row, for callers that look at the results themselves (the tests). */
export interface ScreenedRow {
  row: number;
  name: string;
  profile: Profile;
  result: EvaluateResult;
}

export interface ScreenOptions {
  catalog?: Catalog;
  /** Bytes of the file read so far, and rows screened or refused. */
  onProgress?: (read: number, total: number, rows: number) => void;
  onRow?: (r: ScreenedRow) => void;
}

export interface ScreenReport {
  /** Data rows (the header, the explanation row and empty rows not counted). */
  rows: number;
  refused: RefusedRow[];
  /** Headers left aside (not columns of the screening table). */
  unknownColumns: string[];
  totals: MeasureTotals;
}

const isEmpty = (cells: string[]) => cells.every((c) => c.trim() === '');

export async function screenFile(input: string, output: string, opts: ScreenOptions = {}): Promise<ScreenReport> {
  const catalog = opts.catalog ?? catalog2022;
  let rows = 0;
  let bytes: [number, number] = [0, 0];
  const onBytes: OnBytes = (read, total) => {
    bytes = [read, total];
  };
  const table = readTable(input, onBytes);
  const first = await table.next();
  if (first.done) throw new TableError(`文件是空的：${input}`);
  const layout = readLayout(first.value.cells, catalog);
  if (!layout.ok) throw new TableError(`无法测算 ${input}：${layout.message}`);

  const totals = new MeasureTotals(catalog);
  const refused: RefusedRow[] = [];
  const writer = new ResultWriter(output);
  try {
    let afterHeader = true;
    for await (const { row, cells } of table) {
      const explanation = afterHeader && isExplanationRow(cells, layout.layout);
      afterHeader = false;
      if (explanation || isEmpty(cells)) continue;
      rows += 1;
      const reading = readRow(row, cells, layout.layout, catalog);
      if (!reading.ok) {
        refused.push({ row, name: reading.name, messages: reading.messages });
      } else {
        const result = evaluate(reading.profile, catalog);
        writer.addRow(row, reading.name, reading.profile.entity, rowSummary(result, catalog));
        totals.add(result);
        opts.onRow?.({ row, name: reading.name, profile: reading.profile, result });
      }
      opts.onProgress?.(bytes[0], bytes[1], rows);
    }
    await writer.finish(totals, refused);
  } catch (err) {
    rmSync(output, { force: true });
    throw err;
  }
  return { rows, refused, unknownColumns: layout.layout.unknown, totals };
}
