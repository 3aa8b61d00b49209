/**
 * Writes a screening table — the blank template, or rows of profiles (profile-row.ts) for tests and
 * benchmarks — as .xlsx (exceljs's streaming writer) and .csv (exceljs's CSV writer, UTF-8 with a
 * BOM so that Excel opens it in Chinese). Row 1: each column's Chinese header (columns.ts; no
 * developer key since issue 27); row 2: what to type (`explain`, kept in the sheet so a person
 * filling a row sees it under the question, and so row numbers stay those of earlier templates);
 * the office's rows from row 3.
 *
 * The .xlsx keeps the two header rows and the 名称 / 主体类型 columns in view (frozen panes), wraps
 * the headers, and offers the allowed words in a drop-down for yes/no, choice, 主体类型, 盟市 and
 * 旗县区 columns (a warning, not a refusal: the reader and the schema decide; the 103 旗县区 are too
 * long for a list in the rule itself — Excel's 255 characters — so they lie on a hidden sheet). Its
 * second sheet, 说明 (NOTES_SHEET), has a line per column (what to type, the measure, the clause:
 * columns.ts templateNotes) and the 旗县区 the data lists as former poverty counties, with sources.
 * writeTable picks writeTableXlsx or writeTableCsv by the file's name, writeTemplateXlsx writes the
 * template (with its 说明 sheet); the drop-downs reach row
 * LAST_DROPDOWN_ROW.
 */
import ExcelJS from 'exceljs';
import { width } from '../view';
import type { Catalog } from '../engine';
import { headerCell, templateNotes, type Column } from './columns';
import { CITY_NAMES, COUNTY_NAMES, listedCounties, POVERTY_SOURCES } from './county-hint';
import type { CellValue } from './profile-row';

/**
 * The drop-downs cover rows 3 to this (10 000 enterprises). Not the whole column: exceljs's
 * non-streaming reader expands a validation range cell by cell, and a range to Excel's last row
 * (1 048 576) made it take minutes to open the template.
 */
export const LAST_DROPDOWN_ROW = 10002;

/** The template's second sheet. */
export const NOTES_SHEET = '说明';
/** The hidden sheet holding the 旗县区 drop-down's names. */
const COUNTY_SHEET = '旗县区';

/** A column's drop-down: its words inline, or a range of the hidden sheet. */
function dropDown(c: Column): { list: string[]; formula: string } | undefined {
  if (c.target.to === 'place' && c.target.key === 'countyName') return { list: COUNTY_NAMES, formula: `'${COUNTY_SHEET}'!$A$1:$A$${COUNTY_NAMES.length}` };
  const list = choices(c);
  return list && { list, formula: `"${list.join(',')}"` };
}

function choices(c: Column): string[] | undefined {
  const t = c.target;
  if (t.to === 'place' && t.key === 'cityName') return CITY_NAMES;
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

/** The 说明 sheet: a line per column, then the 旗县区 the data lists as former poverty counties. */
function writeNotes(wb: ExcelJS.stream.xlsx.WorkbookWriter, catalog: Catalog, columns: Column[]): void {
  const ws = wb.addWorksheet(NOTES_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [{ width: 36 }, { width: 40 }, { width: 30 }, { width: 60 }];
  const add = (cells: string[], bold = false) => {
    const row = ws.addRow(cells);
    row.alignment = { wrapText: true, vertical: 'top' };
    if (bold) row.font = { bold: true };
    row.commit();
  };
  add(['列名', '怎么填', '对应措施', '条款原文'], true);
  for (const n of templateNotes(catalog, columns)) add([n.列名, n.怎么填, n.对应措施, n.条款原文]);
  add([]);
  add(['脱贫地区（仅供参考）', '「旗县区名称」可从下拉中选。下列旗县区曾是贫困旗县，「脱贫地区」空着或填「不确定」的行，结果的「需要补充信息」会提示确认；是否属于脱贫地区以当地认定为准，表格不会替你填写。'], true);
  for (const c of listedCounties()) add([`${c.cityName} ${c.countyName}`, c.text]);
  add(['来源', POVERTY_SOURCES.join('\n')]);
  ws.commit();
}

/** The hidden sheet the 旗县区 drop-down reads its names from. */
function writeCountyList(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const ws = wb.addWorksheet(COUNTY_SHEET, { state: 'hidden' });
  for (const name of COUNTY_NAMES) ws.addRow([name]).commit();
  ws.commit();
}

/** The .xlsx; with `catalog`, the template's 说明 sheet and the hidden 旗县区 list follow the first sheet. */
export async function writeTableXlsx(path: string, columns: Column[], rows: Iterable<CellValue[]> = [], catalog?: Catalog): Promise<void> {
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
    const drop = dropDown(c);
    if (!drop) return;
    // The 旗县区 list reads the hidden sheet, which only the template has.
    if (!catalog && c.target.to === 'place' && c.target.key === 'countyName') return;
    const letter = ws.getColumn(i + 1).letter;
    (ws as unknown as WithValidations).dataValidations.add(`${letter}3:${letter}${LAST_DROPDOWN_ROW}`, {
      type: 'list',
      allowBlank: true,
      formulae: [drop.formula],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: c.header,
      error: drop.list.length > 12 ? '请从下拉中选择' : `请填：${drop.list.join(' / ')}`,
    });
  });
  // An empty cell is no cell (an empty string would be written as a text cell).
  for (const cells of rows) ws.addRow(cells.map((c) => (c === '' ? null : c))).commit();
  ws.commit();
  if (catalog) {
    writeNotes(wb, catalog, columns);
    writeCountyList(wb);
  }
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

/** The blank template a person downloads: the .xlsx with its 说明 sheet and drop-downs. */
export function writeTemplateXlsx(path: string, catalog: Catalog, columns: Column[]): Promise<void> {
  return writeTableXlsx(path, columns, [], catalog);
}
