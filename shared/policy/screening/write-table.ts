/**
 * Writes a screening table — the blank template, or rows of profiles (profile-row.ts) for tests and
 * benchmarks — as .xlsx (exceljs's streaming writer) and .csv (exceljs's CSV writer, UTF-8 with a
 * BOM so that Excel opens it in Chinese). Row 1: each column's header (label, then its id on a
 * second line); row 2: what to type (columns.ts `explain`); the office's rows from row 3.
 *
 * The .xlsx keeps the two header rows and the 名称 / 主体类型 columns in view (frozen panes), wraps
 * the headers, and offers the allowed words in a drop-down for yes/no, choice and 主体类型 columns
 * (a warning, not a refusal: the reader and the schema decide).
 * writeTable picks writeTableXlsx or writeTableCsv by the file's name; the drop-downs reach row
 * LAST_DROPDOWN_ROW.
 */
import ExcelJS from 'exceljs';
import { width } from '../view';
import { headerCell, type Column } from './columns';
import type { CellValue } from './profile-row';

/**
 * The drop-downs cover rows 3 to this (10 000 enterprises). Not the whole column: exceljs's
 * non-streaming reader expands a validation range cell by cell, and a range to Excel's last row
 * (1 048 576) made it take minutes to open the template.
 */
export const LAST_DROPDOWN_ROW = 10002;

function choices(c: Column): string[] | undefined {
  const t = c.target;
  if (t.to === 'entity') return t.def.options.map((o) => o.label);
  if ((t.to === 'common' || t.to === 'fact' || t.to === 'entry') && t.def.type === 'flag') return ['是', '否', '不确定'];
  if ((t.to === 'fact' || t.to === 'entry') && t.def.type === 'choice') return [...t.def.options.map((o) => o.label), '不确定'];
  return undefined;
}

/** Excel column width (in characters of the default font; a Chinese character is about two). */
function columnWidth(c: Column): number {
  return Math.min(30, Math.max(12, Math.ceil(width(c.header) / 2) + 2));
}

/** exceljs's worksheet validations (present on the streaming writer's worksheets; not in its type declarations). */
interface WithValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

export async function writeTableXlsx(path: string, columns: Column[], rows: Iterable<CellValue[]> = []): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('筛查表', { views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }] });
  ws.columns = columns.map((c) => ({ width: columnWidth(c) }));
  const header = ws.addRow(columns.map(headerCell));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  header.commit();
  const explain = ws.addRow(columns.map((c) => c.explain));
  explain.font = { color: { argb: 'FF666666' } };
  explain.alignment = { wrapText: true, vertical: 'top' };
  explain.commit();
  columns.forEach((c, i) => {
    const list = choices(c);
    if (!list) return;
    const letter = ws.getColumn(i + 1).letter;
    (ws as unknown as WithValidations).dataValidations.add(`${letter}3:${letter}${LAST_DROPDOWN_ROW}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${list.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: c.header,
      error: `请填：${list.join(' / ')}`,
    });
  });
  // An empty cell is no cell (an empty string would be written as a text cell).
  for (const cells of rows) ws.addRow(cells.map((c) => (c === '' ? null : c))).commit();
  ws.commit();
  await wb.commit();
}

/** The CSV is built in one exceljs workbook: right for the template and test tables, not for registers of 100 000 rows. */
export async function writeTableCsv(path: string, columns: Column[], rows: Iterable<CellValue[]> = []): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('筛查表');
  ws.addRow(columns.map(headerCell));
  ws.addRow(columns.map((c) => c.explain));
  for (const cells of rows) ws.addRow(cells);
  await wb.csv.writeFile(path, { formatterOptions: { writeBOM: true } });
}

/** The table at `path` (.xlsx or .csv, by its extension). */
export function writeTable(path: string, columns: Column[], rows: Iterable<CellValue[]> = []): Promise<void> {
  return /\.csv$/i.test(path) ? writeTableCsv(path, columns, rows) : writeTableXlsx(path, columns, rows);
}
