/**
 * A chunk's rows as `open` stores them in the job's folder, so that `chunk` reads only its own rows
 * and never the register again (issue 24, item 4: each chunk re-read the register from row 1 — on
 * 20 000 rows of .xlsx the calls grew from 0.8 s to 1.9 s, 23.7 s of billed function time against
 * ~7 s for one pass). UTF-8 JSON: the header row's cells (each chunk file stands alone: the layout is
 * read from it again), the chunk's first data row index, and each data row as its spreadsheet row
 * number and its cells, as the reader gave them (less the empty cells at the row's end). Exports encodeRows and readRows, which refuses
 * anything that is not what open wrote.
 */
import * as v from 'valibot';
import type { TableRow } from '../../../policy/screening';
import type { HandlerContext } from '../../context';
import { CloudFailure } from '../../errors';
import { SCREEN_LOG } from './messages';

/** One chunk's rows, as stored. */
export interface StoredRows {
  header: string[];
  /** The first row's data-row index (0 = the first row after the header and the explanation row). */
  from: number;
  rows: TableRow[];
}

/** A row without its trailing empty cells: the readers take a missing cell as empty (row-profile.ts: `cells[i] ?? ''`). */
function trimmed(cells: string[]): string[] {
  let n = cells.length;
  while (n > 0 && cells[n - 1] === '') n -= 1;
  return n === cells.length ? cells : cells.slice(0, n);
}

export function encodeRows(stored: StoredRows): Buffer {
  // A row as [number, ...cells], without the empty cells at its end (a register's rows are mostly blank to the right).
  const rows = stored.rows.map((r) => [r.row, ...trimmed(r.cells)]);
  return Buffer.from(JSON.stringify({ header: stored.header, from: stored.from, rows }), 'utf8');
}

const StoredSchema = v.object({
  header: v.array(v.string()),
  from: v.number(),
  rows: v.array(v.array(v.unknown())), // each row's cells are checked below
});

export function readRows(ctx: HandlerContext, bytes: Uint8Array): StoredRows {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  } catch {
    json = undefined;
  }
  const bad = () => {
    ctx.log.error(SCREEN_LOG.badRows);
    return new CloudFailure('INTERNAL');
  };
  if (!v.is(StoredSchema, json)) throw bad();
  const rows: TableRow[] = [];
  for (const r of json.rows) {
    const [row, ...cells] = r;
    if (typeof row !== 'number' || !cells.every((c): c is string => typeof c === 'string')) throw bad();
    rows.push({ row, cells });
  }
  return { header: json.header, from: json.from, rows };
}
