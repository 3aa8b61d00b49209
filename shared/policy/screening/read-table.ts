/**
 * A screening file's rows, streamed: .xlsx through xlsx-reader.ts (exceljs's streaming worksheet
 * reader over the parts of the zip it needs: the first visible sheet, or the one named), .csv
 * through csv-parse (RFC 4180) — no hand-written parsing. Each row comes as its spreadsheet row
 * number (the header is row 1, as Excel numbers rows) and its cells as text (cell-text.ts), so
 * messages say 第 N 行 exactly where the office sees the row.
 *
 * Memory does not grow with the file (issue 27, item 5): a .csv is read from the file in chunks and
 * decoded as it streams — the encoding decided from its first bytes as readText decides it (a UTF-8
 * BOM dropped, UTF-16 with a BOM read, anything else must be UTF-8: GBK refused with readText's
 * message and the line and column where it starts, U+FFFD and NUL likewise) — and no record may
 * exceed RECORD_MAX_CHARS characters. A cell longer than Excel's 32 767 characters (or cut by the
 * .xlsx reader) comes as OVERLONG (cell-text.ts) followed by its first characters: screen-row.ts
 * refuses its row by the column (overlongCells).
 *
 * A file that cannot be read at all (missing, not an .xlsx, not UTF-8, a CSV quote never closed, a
 * zip bomb, merged cells, no such sheet) throws TableError with a Chinese message naming the file by
 * its `label`: the path the CLI was given, the name the user picked in the mini-program (never the
 * function's temp path); the CLI exits with 1.
 * readTable yields each TableRow (reporting progress through OnBytes; ReadOptions: the sheet, the
 * limits); tableFormat tells .xlsx from .csv; TableLimits, CLI_LIMITS and FUNCTION_LIMITS bound what is read;
 * TooManyRows and tooManyBlankRows are the refusals openRegister makes.
 */
import { createReadStream, statSync } from 'fs';
import { Readable } from 'stream';
import { parse } from 'csv-parse';
import { badCharacter, csvProblem, encodingOf, fileErrorMessage, fill, firstInvalidUtf8, lineColumn, SCREEN_MAX_ROWS, TEXT_MSG, type TextEncoding } from '../engine';
import { CELL_MAX_CHARS, cellText, CUT_MARK, OVERLONG } from './cell-text';
import { XlsxRefusal, xlsxRows, type XlsxLimits, type XlsxSheet } from './xlsx-reader';

export class TableError extends Error {}

export interface TableRow {
  /** The spreadsheet's row number (header = 1). */
  row: number;
  cells: string[];
}

/** How far the file has been read, for a progress bar. */
export type OnBytes = (read: number, total: number) => void;

export type TableFormat = 'xlsx' | 'csv';

/** .xlsx or .csv, by the file's extension; undefined for anything else. */
export function tableFormat(path: string): TableFormat | undefined {
  const m = /\.(xlsx|csv)$/i.exec(path);
  return m ? (m[1].toLowerCase() as TableFormat) : undefined;
}

const SAVE_AS = '请在 Excel 中另存为「Excel 工作簿（*.xlsx）」或「CSV UTF-8（逗号分隔）」后重试';

/** What a reading may cost: the limits of the door (the CLI's here; the cloud function's in its handler). */
export interface TableLimits {
  /** Data rows at most (undefined: none — the CLI screens any number, streaming). */
  dataRows?: number;
  /** Empty rows at most (a sheet formatted down to row 1 048 576 is millions of empty rows). */
  blankRows: number;
  /** What an .xlsx's parts may inflate to. */
  xlsx: XlsxLimits;
}

const MB = 1024 * 1024;

/**
 * The CLI's: no limit on data rows; 20 000 empty rows (a register has a few, a sheet formatted to
 * its bottom a million: 20M empty rows kept the probe busy 151 s; 20 000 are read in about a second); an .xlsx sheet up to 2 GB inflated (a 100 000-row register in the full
 * template is about 0.5 GB; bigger registers can go as .csv, which streams without a bound), its
 * shared strings (held in memory) up to 48 MB, other parts 16 MB.
 */
export const CLI_LIMITS: TableLimits = { blankRows: 20_000, xlsx: { sheetBytes: 2048 * MB, sharedStringsBytes: 48 * MB, partBytes: 16 * MB } };

/**
 * The screen function's: SCREEN_MAX_ROWS data rows and as many empty ones (reading stops there), so
 * that a hostile file is refused within the function's timeout and memory; an .xlsx sheet inflating
 * to SCREEN_MAX_ROWS × 4 KB (78 MB: 20 000 rows of the template inflate to 11.9 MB), shared strings
 * 32 MB, other parts 8 MB.
 */
export const FUNCTION_LIMITS: TableLimits = {
  dataRows: SCREEN_MAX_ROWS,
  blankRows: SCREEN_MAX_ROWS,
  xlsx: { sheetBytes: SCREEN_MAX_ROWS * 4096, sharedStringsBytes: 32 * MB, partBytes: 8 * MB },
};

export interface ReadOptions {
  /** The .xlsx sheet to read, by name (default: the first visible one). */
  sheet?: string;
  /** The workbook's sheets and the one read, before the first row (.xlsx only). */
  onSheets?: (sheets: XlsxSheet[], read: string) => void;
  limits?: TableLimits;
}

/** A cell over Excel's limit comes as OVERLONG, then its first PREVIEW characters and …. */
const PREVIEW = 20;

/** A cell's text, or OVERLONG and its beginning when it is longer than a cell may be (or was cut while read). */
function bounded(text: string): string {
  if (text.length <= CELL_MAX_CHARS && !text.includes(CUT_MARK)) return text;
  return `${OVERLONG}${text.slice(0, PREVIEW).replace(new RegExp(CUT_MARK, 'g'), '')}…`;
}

/** The text of an exceljs value, NaN (a number cut while read) and formulas whose text was cut included. */
function xlsxCell(value: unknown): string {
  if (typeof value === 'number' && Number.isNaN(value)) return `${OVERLONG}…`;
  const formula = (value as { formula?: unknown } | null)?.formula;
  if (typeof formula === 'string' && formula.includes(CUT_MARK)) return `${OVERLONG}…`;
  return bounded(cellText(value));
}

function fileSize(path: string, label: string): number {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    return stat.size;
  } catch (err) {
    throw new TableError(fileErrorMessage(err, label));
  }
}

async function* xlsxTable(path: string, label: string, onBytes: OnBytes | undefined, opts: ReadOptions): AsyncGenerator<TableRow> {
  fileSize(path, label);
  const limits = opts.limits ?? CLI_LIMITS;
  try {
    for await (const row of xlsxRows(path, { limits: limits.xlsx, sheet: opts.sheet, onSheets: opts.onSheets, onBytes })) {
      const cells: string[] = [];
      for (let c = 1; c < row.values.length; c++) cells.push(xlsxCell(row.values[c]));
      yield { row: row.number, cells };
    }
  } catch (err) {
    if (err instanceof TableError) throw err;
    if (err instanceof XlsxRefusal) throw new TableError(`无法读取 .xlsx 文件 ${label}：${err.message}`);
    throw new TableError(`无法读取 .xlsx 文件 ${label}：不是有效的 Excel 工作簿（文件已损坏，或不是 .xlsx 格式）。${SAVE_AS}`);
  }
}

/** What csv-parse throws (csvProblem's words), framed for the office (its line count includes the header). */
function csvMessage(label: string, err: unknown): string {
  const { fault, words, line } = csvProblem(err);
  if (fault === 'longRecord') {
    return `无法读取 CSV 文件 ${label}：${line ? `第 ${line} 行附近` : ''}一行超过 ${RECORD_MAX_CHARS} 个字符（Excel 一个单元格最多 ${CELL_MAX_CHARS} 个字符），不像是一份名单。请检查文件后重试`;
  }
  return `无法读取 CSV 文件 ${label}：${line ? `第 ${line} 行附近` : ''}${words}。${SAVE_AS}`;
}

/** A CSV record's characters at most (csv-parse's max_record_size): the template's 122 columns at 16 000 characters each. */
export const RECORD_MAX_CHARS = 2_000_000;

/**
 * The file's text as it streams, decoded as readText decodes a whole file (read-text.ts): the
 * encoding from the first bytes, and the same refusals with the line and column where they start.
 */
async function* csvText(path: string, label: string, onBytes?: OnBytes): AsyncGenerator<string> {
  const total = fileSize(path, label);
  const refuse = (template: string, line: number, column: number) => new TableError(`无法读取 CSV 文件 ${label}：${fill(template, { line, column })}`);
  let decoder: TextDecoder | undefined;
  let encoding: TextEncoding = 'utf-8';
  let line = 1;
  let column = 1;
  /** Where a refusal falls: after the text read so far, `before` more characters into this chunk. */
  const at = (before: string) => {
    const p = lineColumn(before, before.length);
    return p.line > 1 ? { line: line + p.line - 1, column: p.column } : { line, column: column + p.column - 1 };
  };
  /** Past a chunk: its line breaks counted with indexOf, only its last line walked character by character. */
  const advance = (text: string) => {
    let breaks = 0;
    let last = -1;
    for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) {
      breaks += 1;
      last = k;
    }
    const tail = text.slice(last + 1);
    const width = lineColumn(tail, tail.length).column - 1;
    if (breaks === 0) column += width;
    else {
      line += breaks;
      column = width + 1;
    }
  };
  let read = 0;
  const input = createReadStream(path, { highWaterMark: 1 << 16 });
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      read += chunk.length;
      onBytes?.(read, total);
      let bytes = chunk;
      if (!decoder) {
        const first = encodingOf(chunk);
        encoding = first.encoding;
        decoder = new TextDecoder(encoding, { fatal: true });
        // A UTF-16 BOM is the decoder's to drop; a UTF-8 one goes here.
        if (encoding === 'utf-8') bytes = chunk.subarray(first.bom);
      }
      let text: string;
      try {
        text = decoder.decode(bytes, { stream: true });
      } catch {
        if (encoding !== 'utf-8') throw refuse(TEXT_MSG.badUtf16, line, column);
        const bad = Math.max(0, firstInvalidUtf8(bytes));
        const p = at(new TextDecoder('utf-8').decode(bytes.subarray(0, bad)));
        throw refuse(TEXT_MSG.notUtf8, p.line, p.column);
      }
      const bad = badCharacter(text);
      if (bad) {
        const p = at(text.slice(0, bad.at));
        throw refuse(bad.template, p.line, p.column);
      }
      advance(text);
      if (text) yield text;
    }
    try {
      const rest = decoder?.decode() ?? '';
      if (rest) yield rest;
    } catch {
      throw refuse(encoding === 'utf-8' ? TEXT_MSG.notUtf8 : TEXT_MSG.badUtf16, line, column);
    }
  } catch (err) {
    if (err instanceof TableError) throw err;
    throw new TableError(fileErrorMessage(err, label));
  } finally {
    input.destroy();
  }
}

async function* csvTable(path: string, label: string, onBytes?: OnBytes): AsyncGenerator<TableRow> {
  // bom: Excel's「CSV UTF-8」starts with one; rows of any length; blank lines kept, so records count as Excel's rows.
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: false, max_record_size: RECORD_MAX_CHARS });
  let failed: unknown;
  const source = Readable.from(csvText(path, label, onBytes));
  source.on('error', (err) => {
    failed = err;
    parser.destroy(err);
  });
  source.pipe(parser);
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      // In place: csv-parse hands each record to us alone, and a copy per row was as much garbage as the record.
      for (let i = 0; i < record.length; i++) record[i] = bounded(record[i]);
      yield { row, cells: record };
    }
  } catch (err) {
    if (failed instanceof TableError) throw failed;
    throw new TableError(csvMessage(label, err));
  } finally {
    // Stopped early (a limit, a refusal): the file is closed with the source (csvText's finally).
    source.destroy();
    parser.destroy();
  }
  if (failed instanceof TableError) throw failed;
}

/** The rows of an .xlsx or .csv file, header first; messages name it `label`. */
export function readTable(path: string, onBytes?: OnBytes, label = path, opts: ReadOptions = {}): AsyncGenerator<TableRow> {
  const format = tableFormat(path);
  if (format === 'xlsx') return xlsxTable(path, label, onBytes, opts);
  if (format === 'csv') return csvTable(path, label, onBytes);
  throw new TableError(`只能读取 .xlsx 或 .csv 文件：${label}`);
}

/** Data rows past a door's limit (the function's SCREEN_MAX_ROWS): `rows` is where reading stopped (the limit + 1). */
export class TooManyRows extends TableError {
  constructor(
    readonly rows: number,
    limit: number,
  ) {
    super(`名单超过 ${limit} 行（读到第 ${rows} 行即停止）。请把名单拆成几个文件分别测算`);
  }
}

/** The empty rows a register may have (TableLimits.blankRows), passed at `row`. */
export function tooManyBlankRows(label: string, row: number, limit: number): TableError {
  return new TableError(`无法测算 ${label}：到表格第 ${row} 行，空行超过 ${limit} 行（多半是整张表设置过格式），不像是一份名单。请删除空行（或把名单复制到新的工作表）后重试`);
}
