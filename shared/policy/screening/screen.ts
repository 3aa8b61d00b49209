/**
 * Screening a register: every row of an .xlsx or .csv through the shared schema and the engine,
 * into result.xlsx. One pipeline, two ways to run it:
 *
 *  - the CLI (`screenFile`): row by row, streamed in and out, so the memory a register needs does
 *    not grow with its rows (only the refused rows' messages and the per-measure sums are kept);
 *  - the `screen` cloud function, which must stay within WeChat's function timeout: `splitRows`
 *    reads the file once, handing its data rows on in chunks (the function stores each chunk, so a
 *    later call reads only its own rows — issue 24, item 4: re-reading from row 1 made 20 000 rows
 *    cost 3× one pass), `screenRows` screens one chunk into a ScreenPart (plain JSON: the 企业结果
 *    lines with their 按措施名单 items, the refused rows, the sums), and `writeResultFromParts` writes the same result.xlsx
 *    from the parts, in order; `registerLayout` reads a stored header again. `countRows` and
 *    `screenPart` do the same straight from the file.
 *
 * Both read a file with `openRegister` and a row with `screenRow` (screen-row.ts), and write with ResultWriter and
 * MeasureTotals, so the same file gives the same result.xlsx either way (a test compares them).
 *
 * A row the schema refuses is listed with every reason and not screened; the rest are. A file that
 * cannot be read at all throws TableError (read-table.ts) and leaves no result file behind.
 * A row screened is a ScreenedRow; a whole file's outcome is a ScreenReport.
 */
import { rmSync } from 'fs';
import { catalog2022, type Catalog, type EvaluateResult, type Profile } from '../engine';
import { ColumnsUnconfirmed, type ColumnChoice, type ColumnMapping } from './header-match';
import { hasCode, isExplanationRow, readLayout, type Layout } from './layout';
import { screenInWorkers } from './parallel';
import { makeTempDir } from './temp-dir';
import { CLI_LIMITS, readTable, TableError, TooManyRows, tooManyBlankRows, type OnBytes, type ReadOptions, type TableRow } from './read-table';
import { screenRow } from './screen-row';
import { MeasureTotals, type TotalsJson } from './totals';
import { DRAIN_EVERY, ResultWriter, type RefusedRow, type ScreenedLine } from './write-result';

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
  /**
   * Worker threads that screen the rows while this thread reads and writes (parallel.ts), each
   * running `workerFile` (the built screen-worker.js). 1, no file, onRow, or a catalog other than
   * catalog2022: every row in this thread. The result is the same either way.
   */
  workers?: number;
  workerFile?: string;
  /**
   * The columns as the person confirmed them (header-match.ts), or a function asked with the header
   * row (null: stop, ColumnsUnconfirmed); without it, each header is matched by itself.
   */
  mapping?: ColumnChoice;
  /** The sheet to read and the limits (read-table.ts: the CLI's by default). */
  read?: ReadOptions;
}

export interface ScreenReport {
  /** Data rows (the header, the explanation row and empty rows not counted). */
  rows: number;
  refused: RefusedRow[];
  /** Headers left aside (not columns of the screening table). */
  unknownColumns: string[];
  totals: MeasureTotals;
}

/** A register opened: its layout, and its data rows (no header, no explanation row, no empty rows). */
export interface Register {
  layout: Layout;
  /** The header row's cells, as read (registerLayout reads them into the same layout again). */
  header: string[];
  /** The mapping the rows are read with, when one was given. */
  mapping?: ColumnMapping;
  rows: AsyncGenerator<TableRow>;
}

const isEmpty = (cells: string[]) => cells.every((c) => c.trim() === '');

/** The file's header read into a layout (TableError when the file is empty or its header cannot be screened). */
export async function openRegister(input: string, catalog: Catalog = catalog2022, onBytes?: OnBytes, label = input, columns?: ColumnChoice, read: ReadOptions = {}): Promise<Register> {
  const table = readTable(input, onBytes, label, read);
  const first = await table.next();
  if (first.done) throw new TableError(`文件是空的：${label}`);
  let layout: Layout;
  let mapping: ColumnMapping | undefined;
  try {
    const chosen = typeof columns === 'function' ? await columns(first.value.cells) : columns;
    if (chosen === null) throw new ColumnsUnconfirmed();
    mapping = chosen;
    layout = registerLayout(first.value.cells, catalog, label, mapping);
  } catch (err) {
    await table.return(undefined);
    throw err;
  }
  // Every row read is counted, empty ones too, and reading stops at the door's limits (issue 27, item 4:
  // 20M empty rows kept the function busy 151 s before it refused them).
  const limits = read.limits ?? CLI_LIMITS;
  async function* dataRows(): AsyncGenerator<TableRow> {
    let afterHeader = true;
    let blank = 0;
    let data = 0;
    for await (const r of table) {
      const explanation = afterHeader && isExplanationRow(r.cells, layout);
      afterHeader = false;
      if (explanation) continue;
      if (isEmpty(r.cells)) {
        if (++blank > limits.blankRows) throw tooManyBlankRows(label, r.row, limits.blankRows);
        continue;
      }
      if (limits.dataRows !== undefined && ++data > limits.dataRows) throw new TooManyRows(data, limits.dataRows);
      yield r;
    }
  }
  return { layout, header: first.value.cells, ...(mapping ? { mapping } : {}), rows: dataRows() };
}

/** A header row read into a layout (TableError when it cannot be screened). */
export function registerLayout(header: string[], catalog: Catalog, label: string, mapping?: ColumnMapping): Layout {
  const reading = readLayout(header, catalog, mapping);
  if (!reading.ok) throw new TableError(`无法测算 ${label}：${reading.message}`);
  return reading.layout;
}

export async function screenFile(input: string, output: string, opts: ScreenOptions = {}): Promise<ScreenReport> {
  const catalog = opts.catalog ?? catalog2022;
  let rows = 0;
  let bytes: [number, number] = [0, 0];
  const register = await openRegister(
    input,
    catalog,
    (read, total) => {
      bytes = [read, total];
    },
    input,
    opts.mapping,
    opts.read,
  );
  const totals = new MeasureTotals(catalog);
  const refused: RefusedRow[] = [];
  // 按措施名单's lines wait here until the end (removed however the screening ends).
  const spill = makeTempDir();
  try {
    const writer = new ResultWriter(output, spill, { code: hasCode(register.layout), catalog });
    const workers = opts.workers ?? 1;
    if (workers > 1 && opts.workerFile && !opts.onRow && catalog === catalog2022) {
      const sink = {
        line: (line: ScreenedLine) => writer.addLine(line),
        refused: (r: RefusedRow) => refused.push(r),
        progress: (n: number) => opts.onProgress?.(bytes[0], bytes[1], n),
        drained: () => writer.drained(),
      };
      rows = await screenInWorkers(register.header, register.rows, opts.workerFile, workers, sink, totals, register.mapping);
    } else {
      for await (const { row, cells } of register.rows) {
        rows += 1;
        const out = screenRow(row, cells, register.layout, catalog);
        if (!out.ok) refused.push(out.refused);
        else {
          writer.addLine(out.line);
          totals.add(out.result);
          opts.onRow?.({ row, name: out.line.name, profile: out.profile, result: out.result });
        }
        opts.onProgress?.(bytes[0], bytes[1], rows);
        if (rows % DRAIN_EVERY === 0) await writer.drained();
      }
    }
    await writer.finish(totals, refused);
  } catch (err) {
    rmSync(output, { force: true });
    throw err;
  } finally {
    rmSync(spill, { recursive: true, force: true });
  }
  return { rows, refused, unknownColumns: register.layout.unknown, totals };
}

// ---------------------------------------------------------------------------------------------
// In parts (the cloud function: one call per part, each well within the function's timeout)

/** A register's shape: its data rows and the headers left aside. */
export interface RegisterCount {
  rows: number;
  unknownColumns: string[];
}

/** Reads the header (TableError if it cannot be screened) and counts the data rows; screens nothing. */
export async function countRows(input: string, catalog: Catalog = catalog2022, label = input): Promise<RegisterCount> {
  const register = await openRegister(input, catalog, undefined, label);
  let rows = 0;
  for await (const _row of register.rows) rows += 1;
  return { rows, unknownColumns: register.layout.unknown };
}

/** The data rows [from, from + rows) of a register, screened: JSON, so a cloud call can store it for the one that writes the result. */
export interface ScreenPart {
  /** The first data row's index (0 = the first row after the header and the explanation row). */
  from: number;
  /** Data rows in this part (screened or refused). */
  rows: number;
  lines: ScreenedLine[];
  refused: RefusedRow[];
  totals: TotalsJson;
}

/** Screens the data rows [from, from + count) (fewer at the end of the file). */
export async function screenPart(input: string, from: number, count: number, catalog: Catalog = catalog2022, label = input, mapping?: ColumnChoice, read: ReadOptions = {}): Promise<ScreenPart> {
  const register = await openRegister(input, catalog, undefined, label, mapping, read);
  const rows: TableRow[] = [];
  let index = 0;
  for await (const r of register.rows) {
    if (index >= from + count) break; // the rest of the file is not read
    if (index++ >= from) rows.push(r);
  }
  return screenRows(from, rows, register.layout, catalog);
}

/** Data rows already read (a chunk `splitRows` handed on), the first being data row `from`, screened. */
export function screenRows(from: number, rows: Iterable<TableRow>, layout: Layout, catalog: Catalog = catalog2022): ScreenPart {
  const totals = new MeasureTotals(catalog);
  const part: ScreenPart = { from, rows: 0, lines: [], refused: [], totals: { measures: [] } };
  for (const { row, cells } of rows) {
    part.rows += 1;
    const out = screenRow(row, cells, layout, catalog);
    if (!out.ok) part.refused.push(out.refused);
    else {
      part.lines.push(out.line);
      totals.add(out.result);
    }
  }
  part.totals = totals.toJSON();
  return part;
}

/** A register read once: its header, its shape, and its data rows handed to `onChunk` `size` at a time (awaited, in order). */
export interface SplitRegister extends RegisterCount {
  header: string[];
}

/** Reads the header (TableError if it cannot be screened) and hands on the data rows in chunks of `size`; screens nothing. */
export async function splitRows(
  input: string,
  size: number,
  onChunk: (index: number, rows: TableRow[], header: string[]) => Promise<void>,
  catalog: Catalog = catalog2022,
  label = input,
  mapping?: ColumnChoice,
  read: ReadOptions = {},
): Promise<SplitRegister> {
  const register = await openRegister(input, catalog, undefined, label, mapping, read);
  let rows = 0;
  let chunk: TableRow[] = [];
  for await (const r of register.rows) {
    rows += 1;
    chunk.push(r);
    if (chunk.length === size) {
      await onChunk(rows / size - 1, chunk, register.header);
      chunk = [];
    }
  }
  if (chunk.length > 0) await onChunk(Math.floor(rows / size), chunk, register.header);
  return { rows, unknownColumns: register.layout.unknown, header: register.header };
}

/** result.xlsx from the parts of a register, in the order given (each part's rows in file order). */
export async function writeResultFromParts(
  output: string,
  parts: Iterable<ScreenPart> | AsyncIterable<ScreenPart>,
  catalog: Catalog = catalog2022,
  opts: { code?: boolean } = {},
): Promise<{ rows: number; refused: number }> {
  const totals = new MeasureTotals(catalog);
  const refused: RefusedRow[] = [];
  let rows = 0;
  const spill = makeTempDir();
  try {
    const writer = new ResultWriter(output, spill, { ...opts, catalog });
    for await (const part of parts) {
      for (const line of part.lines) writer.addLine(line);
      await writer.drained();
      refused.push(...part.refused);
      totals.merge(part.totals);
      rows += part.rows;
    }
    await writer.finish(totals, refused);
  } catch (err) {
    rmSync(output, { force: true });
    throw err;
  } finally {
    rmSync(spill, { recursive: true, force: true });
  }
  return { rows, refused: refused.length };
}
