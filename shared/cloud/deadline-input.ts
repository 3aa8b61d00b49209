/**
 * Validation of deadlines as admins enter them (form, JSON or CSV import), with Chinese messages
 * naming the row and the field (FieldIssue): validateDeadline checks one, parseImport a file of at
 * most MAX_IMPORT_ROWS. Nothing here trusts the caller: only the six known fields (DEADLINE_FIELDS,
 * with their labels and lengths) and the optional 适用事项 (readItemIds) are read, so a request
 * cannot set `sample` or any other stored field.
 *
 * Import format (README, "Deadline import format"):
 *  - JSON: an array of objects with the keys measureId, batchTitle, opensOn, closesOn, issuer, sourceUrl.
 *  - CSV (UTF-8, comma-separated, RFC 4180 quoting, first line a header): the same six columns in any
 *    order, headed by the key or its Chinese name (措施编号, 批次名称, 开始日期, 截止日期, 发布机关, 来源链接).
 *  - Dates: 2022-06-30, 2022/6/30 or 2022年6月30日 (Beijing calendar days); measure: m01…m30, 1…30 or
 *    （一）…（三十） (normalizeMeasureId).
 *  - Optional itemIds / 适用事项: the items the batch is for (see ITEM_IDS_FIELD); absent or empty: the whole measure.
 */
import { parse } from 'csv-parse/sync';
import { importPlace, type DeadlineInput } from './api';
import { normalizeDate } from './dates';
import { isHttpUrl } from './http-url';
import { csvProblem, readJson } from '../policy/engine';
import { allMeasures, measureInfo } from './measures';
import { textFault } from './stored-text';

export interface FieldIssue {
  field: string;
  message: string;
}

export const DEADLINE_FIELDS: { key: keyof DeadlineInput; label: string; max: number }[] = [
  { key: 'measureId', label: '措施编号', max: 12 },
  { key: 'batchTitle', label: '批次名称', max: 60 },
  { key: 'opensOn', label: '开始日期', max: 20 },
  { key: 'closesOn', label: '截止日期', max: 20 },
  { key: 'issuer', label: '发布机关', max: 40 },
  { key: 'sourceUrl', label: '来源链接', max: 500 },
];

/**
 * The optional seventh field (issue 22, item 5): which items of the measure the batch is for.
 * Absent, empty or 整项措施: the whole measure. Otherwise item ids ('m08.smart-factory' or
 * 'smart-factory') or item titles as the catalog writes them, separated by , ， ; ； | or /
 * (a JSON array of them works too); each must be an item of that measure.
 */
export const ITEM_IDS_FIELD = { key: 'itemIds', label: '适用事项', max: 500 } as const;
/** What an admin writes (or the editor shows) for "every item of the measure". */
export const WHOLE_MEASURE = '整项措施';
const ITEM_SEPARATORS = /[,，;；|\/\n]+/;

/** Most rows in one import. */
export const MAX_IMPORT_ROWS = 500;

const LABEL: Record<string, string> = { ...Object.fromEntries(DEADLINE_FIELDS.map((f) => [f.key, f.label])), [ITEM_IDS_FIELD.key]: ITEM_IDS_FIELD.label };

/**
 * The items a deadline names, checked against its measure in the catalog: full ids in catalog
 * order, or [] for the whole measure (nothing named, 整项措施, or every item named). A string
 * naming no item of the measure is the message to show.
 */
export function readItemIds(raw: unknown, measureId: string): { ok: true; itemIds: string[] } | { ok: false; message: string } {
  const measure = measureInfo(measureId);
  if (!measure) return { ok: true, itemIds: [] };
  if (raw === undefined || raw === null) return { ok: true, itemIds: [] };
  let tokens: string[];
  if (typeof raw === 'string') {
    if (Array.from(raw).length > ITEM_IDS_FIELD.max) return { ok: false, message: `不能超过 ${ITEM_IDS_FIELD.max} 个字` };
    tokens = raw.split(ITEM_SEPARATORS);
  } else if (Array.isArray(raw) && raw.every((x) => typeof x === 'string')) {
    if (raw.length > measure.items.length + 1) return { ok: false, message: `最多列出 ${measure.items.length} 项` };
    tokens = raw as string[];
  } else {
    return { ok: false, message: '应为事项编号或事项名称（多项用逗号分开）' };
  }
  tokens = tokens.map((t) => t.trim()).filter((t) => t !== '');
  if (tokens.length === 0 || (tokens.length === 1 && tokens[0] === WHOLE_MEASURE)) return { ok: true, itemIds: [] };
  const picked = new Set<string>();
  for (const t of tokens) {
    const found = measure.items.find((i) => i.id === t || i.id === `${measure.id}.${t}` || i.title === t);
    if (!found) {
      const choices = measure.items.map((i) => `${i.id}（${i.title}）`).join('、');
      return { ok: false, message: `“${t}”不是${measure.label}${measure.title}的事项（可填：${choices}，或「${WHOLE_MEASURE}」）` };
    }
    picked.add(found.id);
  }
  const itemIds = measure.items.map((i) => i.id).filter((id) => picked.has(id));
  return { ok: true, itemIds: itemIds.length === measure.items.length ? [] : itemIds };
}

/** 'm1', 'm01', '1', '（一）' → 'm01'; null if not a measure of the catalog. */
export function normalizeMeasureId(input: unknown): string | null {
  if (typeof input !== 'string' && typeof input !== 'number') return null;
  const s = String(input).trim();
  const m = /^m?0*(\d{1,2})$/i.exec(s);
  if (m) {
    const id = `m${m[1].padStart(2, '0')}`;
    return measureInfo(id) ? id : null;
  }
  const byLabel = allMeasures().find((x) => x.label === s || x.label === `（${s.replace(/[（）()]/g, '')}）`);
  return byLabel ? byLabel.id : null;
}

/**
 * One deadline: `where` prefixes each message (e.g. '第 3 行'), `fieldPrefix` each field name
 * (e.g. 'deadline.' or 'rows[3].').
 */
export function validateDeadline(raw: unknown, where = '', fieldPrefix = 'deadline.'): { ok: true; value: DeadlineInput } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const at = where ? `${where}` : '';
  const add = (key: keyof DeadlineInput, text: string) => issues.push({ field: `${fieldPrefix}${key}`, message: `${at}「${LABEL[key]}」${text}` });
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, issues: [{ field: fieldPrefix.replace(/\.$/, ''), message: `${at}内容应为一个对象（含 ${DEADLINE_FIELDS.map((f) => f.key).join('、')}）` }] };
  }
  const o = raw as Record<string, unknown>;
  const text = (key: keyof DeadlineInput): string | null => {
    const v = o[key];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
      add(key, '不能为空');
      return null;
    }
    if (typeof v !== 'string' && typeof v !== 'number') {
      add(key, '应为文字');
      return null;
    }
    const s = String(v).trim();
    const max = DEADLINE_FIELDS.find((f) => f.key === key)!.max;
    if (Array.from(s).length > max) {
      add(key, `不能超过 ${max} 个字`);
      return null;
    }
    const fault = textFault(s);
    if (fault) {
      add(key, fault);
      return null;
    }
    return s;
  };

  const measureRaw = text('measureId');
  let measureId: string | null = null;
  if (measureRaw !== null) {
    measureId = normalizeMeasureId(measureRaw);
    if (!measureId) add('measureId', `“${measureRaw}”不在 2022 年政策清单中（应为 m01–m30）`);
  }
  const batchTitle = text('batchTitle');
  const dates: Partial<Record<'opensOn' | 'closesOn', string>> = {};
  for (const key of ['opensOn', 'closesOn'] as const) {
    const v = text(key);
    if (v === null) continue;
    const d = normalizeDate(v);
    if (!d) add(key, `“${v}”不是有效日期（应为真实的日历日期，如 2022-06-30）`);
    else dates[key] = d;
  }
  if (dates.opensOn && dates.closesOn && dates.closesOn <= dates.opensOn) {
    add('closesOn', `（${dates.closesOn}）应晚于开始日期（${dates.opensOn}）`);
  }
  const issuer = text('issuer');
  const sourceUrl = text('sourceUrl');
  if (sourceUrl !== null && !isHttpUrl(sourceUrl)) add('sourceUrl', '应为 http:// 或 https:// 开头的网址');
  let itemIds: string[] = [];
  if (measureId) {
    const items = readItemIds(o.itemIds, measureId);
    if (items.ok) itemIds = items.itemIds;
    else add('itemIds', items.message);
  }

  if (issues.length > 0 || !measureId || !batchTitle || !dates.opensOn || !dates.closesOn || !issuer || !sourceUrl) {
    return { ok: false, issues };
  }
  // Whole measure: no itemIds key (what every deadline was before batches named items).
  return { ok: true, value: { measureId, batchTitle, opensOn: dates.opensOn, closesOn: dates.closesOn, issuer, sourceUrl, ...(itemIds.length > 0 ? { itemIds } : {}) } };
}


// ---------------------------------------------------------------------------------------------
// CSV

/** What csv-parse may throw (csvProblem's words), framed as the rest of the import (the file's line, header = 1). */
function csvErrorMessage(err: unknown): string {
  const { fault, words, line } = csvProblem(err);
  // A quote never closed runs to the end of the file: the line csv-parse reached would point there.
  if (fault === 'unclosedQuote') return `CSV 中${words}`;
  return `CSV 无法读取：文件${line ? `第 ${line} 行` : '某一行'}（表头为第 1 行）${words}，请用表格软件另存为「CSV UTF-8（逗号分隔）」后重新导入`;
}

/** A CSV row: its cells and its number as a spreadsheet shows it (the first record is 1). */
type CsvRow = { row: number; cells: string[] };

/**
 * The import's CSV as rows of cells: the header first, then one row per non-blank record, each with
 * its number in the file (importPlace): every record counts, blank ones too, as the screening counts
 * a register's rows (shared/policy/screening/read-table.ts), so 第 N 行 is the row the admin sees.
 *
 * Read by csv-parse (csv.js.org/parse), a well-kept RFC 4180 parser, instead of a hand-written one.
 * Its options keep what a park office's files need: a UTF-8 BOM (Excel's 「CSV UTF-8」) dropped;
 * CRLF, LF or CR, even mixed in one file; rows of any length (a short row's missing cells read as
 * empty and are named by validateDeadline); a stray quote inside an unquoted cell kept as typed.
 * Blank lines and rows of empty cells (",,,,," from a spreadsheet) are skipped here, after numbering.
 */
function readCsv(text: string): { ok: true; table: CsvRow[] } | { ok: false; message: string } {
  try {
    const records: string[][] = parse(text, {
      bom: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
    });
    const table = records.map((cells, i) => ({ row: i + 1, cells })).filter((r) => r.cells.some((c) => c.trim() !== ''));
    return { ok: true, table };
  } catch (err) {
    return { ok: false, message: csvErrorMessage(err) };
  }
}

const HEADER_ALIASES: Record<string, keyof DeadlineInput> = {};
for (const f of DEADLINE_FIELDS) {
  HEADER_ALIASES[f.key.toLowerCase()] = f.key;
  HEADER_ALIASES[f.label] = f.key;
}
HEADER_ALIASES[ITEM_IDS_FIELD.key.toLowerCase()] = 'itemIds';
HEADER_ALIASES[ITEM_IDS_FIELD.label] = 'itemIds';
Object.assign(HEADER_ALIASES, { 措施: 'measureId', 批次: 'batchTitle', 申报批次: 'batchTitle', 开始: 'opensOn', 截止: 'closesOn', 发文机关: 'issuer', 链接: 'sourceUrl', 来源: 'sourceUrl' });

export type ImportParse = { ok: true; rows: { row: number; value: DeadlineInput }[] } | { ok: false; issues: FieldIssue[] };

/**
 * Parses and validates a whole import; all rows valid or none is returned. Each row carries its
 * number in the file (importPlace: a CSV's spreadsheet row, header = 1; a JSON element, from 1), in
 * the messages, in the field names (rows[N]) and for the preview.
 */
export function parseImport(format: 'json' | 'csv', text: string): ImportParse {
  let records: { row: number; raw: unknown }[];
  if (format === 'json') {
    // The one JSON reading of the app: BOM dropped, syntax errors in Chinese with line and column.
    const json = readJson(text);
    if (!json.ok) return { ok: false, issues: [{ field: 'text', message: `导入内容不是有效的 JSON：${json.message}` }] };
    const data = json.value;
    if (!Array.isArray(data)) return { ok: false, issues: [{ field: 'text', message: 'JSON 导入内容应为数组（每个元素一条截止时间）' }] };
    records = data.map((raw, i) => ({ row: i + 1, raw }));
  } else {
    const csv = readCsv(text);
    if (!csv.ok) return { ok: false, issues: [{ field: 'text', message: csv.message }] };
    const { table } = csv;
    if (table.length === 0) return { ok: false, issues: [{ field: 'text', message: '导入内容为空' }] };
    const header = table[0].cells.map((h) => HEADER_ALIASES[h.trim()] ?? HEADER_ALIASES[h.trim().toLowerCase()] ?? null);
    const missing = DEADLINE_FIELDS.filter((f) => !header.includes(f.key));
    if (missing.length > 0) {
      const at = `${importPlace(format, table[0].row)}（表头）`;
      return { ok: false, issues: missing.map((f) => ({ field: `header.${f.key}`, message: `${at}缺少列「${f.label}」(${f.key})` })) };
    }
    records = table.slice(1).map(({ row, cells }) => {
      const raw: Record<string, string> = {};
      header.forEach((key, j) => {
        if (key) raw[key] = cells[j] ?? '';
      });
      return { row, raw };
    });
  }
  if (records.length === 0) return { ok: false, issues: [{ field: 'text', message: '导入内容没有数据行' }] };
  if (records.length > MAX_IMPORT_ROWS) return { ok: false, issues: [{ field: 'text', message: `一次最多导入 ${MAX_IMPORT_ROWS} 行，当前 ${records.length} 行` }] };

  const issues: FieldIssue[] = [];
  const rows: { row: number; value: DeadlineInput }[] = [];
  const seen = new Map<string, number>();
  for (const { row, raw } of records) {
    const v = validateDeadline(raw, importPlace(format, row), `rows[${row}].`);
    if (!v.ok) {
      issues.push(...v.issues);
      continue;
    }
    const key = `${v.value.measureId}\u0000${v.value.batchTitle}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({ field: `rows[${row}].batchTitle`, message: `${importPlace(format, row)}「批次名称」与${importPlace(format, first)}重复（同一措施的同名批次）` });
      continue;
    }
    seen.set(key, row);
    rows.push({ row, value: v.value });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, rows };
}
