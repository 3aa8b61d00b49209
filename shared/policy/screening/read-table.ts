/**
 * A screening file's rows, streamed: .xlsx through exceljs's streaming reader (its first worksheet),
 * .csv through csv-parse (RFC 4180) — no hand-written parsing. Each row comes as its spreadsheet row
 * number (the header is row 1, as Excel numbers rows) and its cells as text (cell-text.ts), so
 * messages say 第 N 行 exactly where the office sees the row.
 *
 * A file that cannot be read at all (missing, not an .xlsx, not UTF-8, a CSV quote never closed)
 * throws TableError with a Chinese message naming the file by its `label`: the path the CLI was
 * given, the name the user picked in the mini-program (never the function's temp path); the CLI
 * exits with 1.
 * readTable yields each TableRow (reporting progress through OnBytes); tableFormat tells .xlsx from .csv.
 */
import { createReadStream, readFileSync, statSync } from 'fs';
import { Readable } from 'stream';
import { parse } from 'csv-parse';
import { csvProblem, fileErrorMessage, readText } from '../engine';
import { cellText } from './cell-text';
import { xlsxReader } from './xlsx-reader';

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

function fileSize(path: string, label: string): number {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    return stat.size;
  } catch (err) {
    throw new TableError(fileErrorMessage(err, label));
  }
}

async function* xlsxRows(path: string, label: string, onBytes?: OnBytes): AsyncGenerator<TableRow> {
  const total = fileSize(path, label);
  const input = createReadStream(path);
  let read = 0;
  input.on('data', (chunk) => {
    read += chunk.length;
    onBytes?.(read, total);
  });
  // Styles are read so that a date cell comes as a date (and is refused in a number column), not as its serial number.
  const reader = xlsxReader(input, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (row as unknown as { values: unknown[] }).values;
        const cells: string[] = [];
        for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
        yield { row: (row as unknown as { number: number }).number, cells };
      }
      break; // the first worksheet only
    }
  } catch (err) {
    if (err instanceof TableError) throw err;
    throw new TableError(`无法读取 .xlsx 文件 ${label}：不是有效的 Excel 工作簿（文件已损坏，或不是 .xlsx 格式）。${SAVE_AS}`);
  } finally {
    input.destroy();
  }
}

/** What csv-parse throws (csvProblem's words), framed for the office (its line count includes the header). */
function csvMessage(label: string, err: unknown): string {
  const { words, line } = csvProblem(err);
  return `无法读取 CSV 文件 ${label}：${line ? `第 ${line} 行附近` : ''}${words}。${SAVE_AS}`;
}

async function* csvRows(path: string, label: string, onBytes?: OnBytes): AsyncGenerator<TableRow> {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch (err) {
    throw new TableError(fileErrorMessage(err, label));
  }
  // The one reading (readText): Excel's plain「CSV（逗号分隔）」is GBK on a Chinese Windows — refused, never guessed; UTF-16 with a BOM is read.
  const read = readText(file);
  if (!read.ok) throw new TableError(`无法读取 CSV 文件 ${label}：${read.message}`);
  const bytes = read.encoding === 'utf-8' ? file : Buffer.from(read.text, 'utf8');
  const CHUNK = 1 << 16;
  const chunks = function* () {
    for (let i = 0; i < bytes.length; i += CHUNK) {
      onBytes?.(Math.min(i + CHUNK, bytes.length), bytes.length);
      yield bytes.subarray(i, i + CHUNK);
    }
  };
  // bom: Excel's「CSV UTF-8」starts with one; rows of any length; blank lines kept, so records count as Excel's rows.
  const parser = Readable.from(chunks()).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: false }));
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      yield { row, cells: record };
    }
  } catch (err) {
    throw new TableError(csvMessage(label, err));
  }
}

/** The rows of an .xlsx or .csv file, header first; messages name it `label`. */
export function readTable(path: string, onBytes?: OnBytes, label = path): AsyncGenerator<TableRow> {
  const format = tableFormat(path);
  if (format === 'xlsx') return xlsxRows(path, label, onBytes);
  if (format === 'csv') return csvRows(path, label, onBytes);
  throw new TableError(`只能读取 .xlsx 或 .csv 文件：${label}`);
}
