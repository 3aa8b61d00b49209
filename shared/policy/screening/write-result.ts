/**
 * result.xlsx, written as the rows are screened (exceljs's streaming writer: a register of 100 000
 * rows is never held in memory): 企业结果 (one line per screened row), 按措施汇总 (per measure, from
 * totals.ts) and 未能测算的行 (the refused rows with every reason).
 *
 * Figures are the engine's, in the words of result-view.ts; sums are formatted by format.ts from
 * Decimals. The two 万元 number columns of 企业结果 are there to sort and filter by; the text beside
 * them is the figure. 按措施名单 (issue 27, item 3) lists per measure the rows that can claim one of
 * its items, then those that might (LIST_CONCLUSION), with what to confirm — the lines each row's summary lists,
 * spilled to a folder of the caller's while the rows stream (measure-list.ts) and written at the end.
 * The 企业结果 header row ends with the version that made the figures
 * (versionText: '测算版本 0.1.0+1c6ede6 · 政策数据 3f9a21c0', issue 26), after the last column.
 * ResultWriter writes the SHEETS, a ScreenedLine per row and a RefusedRow per refusal; sumText is a
 * measure's sum in words. Its callers wait for the zip to take the rows every DRAIN_EVERY rows
 * (drained), so that memory does not grow with them.
 */
import ExcelJS from 'exceljs';
import { catalog2022, entityName, toYuanString, formatInterval, toWanText, versionStamp, versionText, type Catalog, type Profile } from '../engine';
import { GROUP_TITLES } from '../view';
import { MeasureList, type ListLine } from './measure-list';
import type { RowSummary } from './row-result';
import type { MeasureTotals, Sum } from './totals';

export const SHEETS = { rows: '企业结果', measures: '按措施汇总', list: '按措施名单', refused: '未能测算的行' } as const;

/** 按措施名单's 结论: the row can claim the item, or might once what is unsure is confirmed. */
export const LIST_CONCLUSION = { claim: GROUP_TITLES.eligible, might: '可能可申请（需确认）' } as const;

export interface RefusedRow {
  row: number;
  name: string;
  /** 统一社会信用代码 as written, when the register has the column and the row a code (issue 27, item 2). */
  code?: string;
  messages: string[];
}

/** One screened row as the 企业结果 sheet shows it (JSON: a chunk of a register keeps these until the result is written). */
export interface ScreenedLine {
  row: number;
  name: string;
  /** 统一社会信用代码, when the register has the column and the row a code. */
  code?: string;
  entity: Profile['entity'];
  summary: RowSummary;
}

const WRAP: Partial<ExcelJS.Style> = { alignment: { wrapText: true, vertical: 'top' } };

type Col = { header: string; width: number; wrap?: boolean };

const ROW_COLUMNS: Col[] = [
  { header: '行号', width: 7 },
  { header: '名称', width: 20 },
  { header: '主体类型', width: 9 },
  { header: '合计可申请', width: 16 },
  { header: '合计下限（万元）', width: 11 },
  { header: '合计上限（万元）', width: 11 },
  { header: '涉及', width: 22, wrap: true },
  // The results page's group titles (result-view), so a row reads as the page does.
  { header: GROUP_TITLES.eligible, width: 50, wrap: true },
  { header: GROUP_TITLES.people, width: 30, wrap: true },
  { header: GROUP_TITLES.needsInfo, width: 50, wrap: true },
  { header: GROUP_TITLES.nearMiss, width: 40, wrap: true },
  { header: GROUP_TITLES.nonMonetary, width: 30, wrap: true },
  { header: '另计', width: 40, wrap: true },
];

const MEASURE_COLUMNS: Col[] = [
  { header: '措施', width: 9 },
  { header: '标题', width: 36, wrap: true },
  { header: '可申请的行数', width: 10 },
  { header: '可申请金额合计', width: 20 },
  { header: '金额合计下限（万元）', width: 12 },
  { header: '金额合计上限（万元）', width: 12 },
  { header: '工匠个人可获合计', width: 16 },
  { header: '可少缴费用合计', width: 16 },
  { header: '金额待核定的行数', width: 10 },
  { header: '需要补充信息的行数', width: 10 },
  { header: '差一点的行数', width: 10 },
];

const CODE_COLUMN: Col = { header: '统一社会信用代码', width: 21 };

/** 按措施名单: one line per row and item; 统一社会信用代码 after 名称 when the register has the column. */
const LIST_COLUMNS = (code: boolean): Col[] => [
  { header: '措施', width: 30, wrap: true },
  { header: '事项', width: 26, wrap: true },
  { header: '行号', width: 7 },
  { header: '名称', width: 20 },
  ...(code ? [CODE_COLUMN] : []),
  { header: '结论', width: 12 },
  { header: '金额', width: 24, wrap: true },
  { header: '需确认', width: 50, wrap: true },
  { header: '依据', width: 50, wrap: true },
];

const listValues = (l: ListLine, code: boolean): unknown[] => [
  `${l.measure.label}${l.measure.title}`,
  l.item.title,
  l.row,
  l.name,
  ...(code ? [l.code ?? null] : []),
  l.might ? LIST_CONCLUSION.might : LIST_CONCLUSION.claim,
  l.amount,
  l.confirm ?? null,
  l.item.quote,
];

/** 企业结果 and 未能测算的行 with 统一社会信用代码 after 名称 (the register has that column: issue 27, item 2). */
const withCode = (cols: Col[], code: boolean): Col[] => (code ? [cols[0], cols[1], CODE_COLUMN, ...cols.slice(2)] : cols);
/** A row's values with its code after its name, when the sheet has the column. */
const withCodeValue = (values: unknown[], code: boolean, value: string | undefined): unknown[] => (code ? [values[0], values[1], value ?? null, ...values.slice(2)] : values);

const REFUSED_COLUMNS: Col[] = [
  { header: '行号', width: 7 },
  { header: '名称', width: 20 },
  { header: '原因', width: 90, wrap: true },
];

/** Lines written between two waits for the zip to take them (drained). */
export const DRAIN_EVERY = 256;

/**
 * Until the zip has taken what a sheet was given. exceljs's streaming writer hands each row to the
 * zip's input (a PassThrough, readable-stream's) without waiting: read back from its files at disk
 * speed, 按措施名单's lines piled up there faster than they were compressed (120 MB for 200 000
 * lines), and 企业结果's lines too, less fast (issue 27, item 5: memory grew with the rows).
 * Waiting for its 'drain' keeps it within a few of its buffers.
 */
async function drained(ws: ExcelJS.Worksheet): Promise<void> {
  type Input = NodeJS.EventEmitter & { _writableState?: { needDrain?: boolean } };
  const inputs = (ws as unknown as { stream?: { pipes?: Input[] } }).stream?.pipes ?? [];
  for (const input of inputs) if (input._writableState?.needDrain) await new Promise((resolve) => input.once('drain', resolve));
}

/** The rows of one Excel sheet. */
const EXCEL_ROWS = 1_048_576;

/** No style of its own: one object for every such cell (exceljs caches a style by its object, so shared objects cost nothing per cell). */
const PLAIN: Partial<ExcelJS.Style> = {};

/** A sheet with its header row; `after`, when given, is one more cell after the last column's header. */
function sheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, cols: Col[], after?: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = cols.map((c) => ({ width: c.width }));
  const header = ws.addRow([...cols.map((c) => c.header), ...(after ? [after] : [])]);
  header.font = { bold: true };
  header.commit();
  return ws;
}

/** A row of values, each cell with its column's style object (wrapped text where lines are listed), the row and its empty cells PLAIN. */
function addRow(ws: ExcelJS.Worksheet, cols: Col[], values: unknown[]): ExcelJS.Row {
  const row = ws.addRow(values);
  // exceljs finds a style it has seen by its object, and works out any other from its contents at
  // each commit (6 % of npm run screen, issue 24 item 3): a row's own style (new per row, and not in
  // its typings) and an empty cell's are the shared PLAIN too. An empty cell with a style of its own
  // would be written; PLAIN is written as no style.
  (row as unknown as { style: Partial<ExcelJS.Style> }).style = PLAIN;
  row.eachCell({ includeEmpty: true }, (cell, n) => {
    cell.style = values[n - 1] !== null && cols[n - 1]?.wrap ? WRAP : PLAIN;
  });
  return row;
}

/** A 万元 figure as a number cell (sorting and filtering), from the engine's decimal text. */
const wanNumber = (wan: string) => Number(wan);
/** Listed lines in one cell; no cell when there are none. */
const lines = (xs: string[]) => (xs.length > 0 ? xs.join('\n') : null);

/** A sum as the figure words every page uses ('1026万元', '500–2500万元'); '' for nothing. */
export function sumText(s: Sum): string {
  if (s.max.isZero()) return '';
  return formatInterval({ min: toYuanString(s.min), max: toYuanString(s.max) });
}

export interface ResultOptions {
  /** The register has a 统一社会信用代码 column: the result shows it beside each name. */
  code?: boolean;
  catalog?: Catalog;
  /** Rows per sheet, the header included (Excel's limit; a test sets fewer). */
  sheetRows?: number;
}

export class ResultWriter {
  private readonly wb: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly rows: ExcelJS.Worksheet;
  private readonly list: MeasureList;

  /** `dir`: a folder of the caller's for 按措施名单's lines until the end (a screening temp folder; the caller removes it). */
  constructor(
    path: string,
    dir: string,
    private readonly opts: ResultOptions = {},
  ) {
    this.wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
    this.rows = sheet(this.wb, SHEETS.rows, withCode(ROW_COLUMNS, opts.code ?? false), versionText(versionStamp()));
    this.list = new MeasureList(dir, opts.catalog ?? catalog2022);
  }

  /** Until the zip has taken the 企业结果 lines given so far (callers wait now and then: drained). */
  async drained(): Promise<void> {
    await drained(this.rows);
  }

  /** One screened row: its line of 企业结果, and its lines of 按措施名单 (written at the end). */
  addLine(line: ScreenedLine): void {
    this.addRow(line.row, line.name, line.entity, line.summary, line.code);
    this.list.add(line.row, line.name, line.code, line.summary.listed);
  }

  /**
   * 按措施名单, filterable by each column. Past a sheet's rows (Excel's 1 048 576: some 230 000
   * registered enterprises, at 4–5 lines each) the list goes on in 按措施名单（2）, （3）….
   */
  private async writeList(): Promise<void> {
    const code = this.opts.code ?? false;
    const columns = LIST_COLUMNS(code);
    const perSheet = (this.opts.sheetRows ?? EXCEL_ROWS) - 1;
    let sheets = 0;
    let lines = 0;
    const next = () => {
      sheets += 1;
      lines = 0;
      const ws = sheet(this.wb, sheets === 1 ? SHEETS.list : `${SHEETS.list}（${sheets}）`, columns);
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
      return ws;
    };
    let ws = next();
    for await (const batch of this.list.lines()) {
      for (const l of batch) {
        if (lines === perSheet) {
          ws.commit();
          ws = next();
        }
        addRow(ws, columns, listValues(l, code)).commit();
        lines += 1;
        if (lines % DRAIN_EVERY === 0) await drained(ws);
      }
    }
    ws.commit();
  }

  /** One screened row. */
  addRow(row: number, name: string, entity: Profile['entity'], s: RowSummary, code?: string): void {
    const withId = this.opts.code ?? false;
    addRow(this.rows, withCode(ROW_COLUMNS, withId), withCodeValue([
      row,
      name,
      entityName(entity),
      s.total,
      s.totalWan ? wanNumber(s.totalWan.min) : null,
      s.totalWan ? wanNumber(s.totalWan.max) : null,
      s.covers,
      lines(s.claim),
      lines(s.people),
      lines(s.needsInfo),
      lines(s.nearMiss),
      lines(s.nonMonetary),
      lines(s.notes),
    ], withId, code)).commit();
  }

  /** The per-measure sheet and the refused rows, then the file is closed. */
  async finish(totals: MeasureTotals, refused: RefusedRow[]): Promise<void> {
    this.rows.commit();
    const ms = sheet(this.wb, SHEETS.measures, MEASURE_COLUMNS);
    // Both bounds of a sum with something in it, a lower bound of 0 included (（十六）最高 2000万元 is
    // 0–2000万元: its 下限 is 0, not blank; issue 22); no cells for a measure with nothing.
    const wan = (s: Sum, d: Sum['min']) => (s.max.isZero() ? null : wanNumber(toWanText(toYuanString(d), 6)));
    for (const t of totals.measures()) {
      addRow(ms, MEASURE_COLUMNS, [
        t.measure.label,
        t.measure.title,
        t.qualifying,
        sumText(t.awards),
        wan(t.awards, t.awards.min),
        wan(t.awards, t.awards.max),
        sumText(t.people),
        sumText(t.savings),
        t.setByDepartment,
        t.needsInfo,
        t.nearMiss,
      ]).commit();
    }
    const all = totals.all();
    const last = ms.addRow(['合计', '（各措施相加；一行可在多条措施中计数）', null, sumText(all.awards), wan(all.awards, all.awards.min), wan(all.awards, all.awards.max), sumText(all.people), sumText(all.savings)]);
    last.font = { bold: true };
    last.commit();
    ms.commit();
    await this.writeList();
    const withId = this.opts.code ?? false;
    const refusedColumns = withCode(REFUSED_COLUMNS, withId);
    const rs = sheet(this.wb, SHEETS.refused, refusedColumns);
    for (const r of refused) addRow(rs, refusedColumns, withCodeValue([r.row, r.name, lines(r.messages)], withId, r.code)).commit();
    rs.commit();
    await this.wb.commit();
  }
}
