/**
 * An .xlsx register's rows, read by exceljs's streaming worksheet reader from parts this file takes
 * out of the zip itself (yauzl: the central directory first, then only the parts a register needs),
 * so a hostile file is refused before it costs time or memory (issue 27, item 4):
 *
 *  - Sizes: every part read has its declared inflated size checked against a bound before it is
 *    inflated (the door's XlsxLimits: a register's sheet packs about 6 : 1 — 20 000 rows of the
 *    template are 2.1 MB, 11.9 MB inflated; a bomb about 1 000 : 1), and its actual bytes
 *    counted while inflating (yauzl refuses a part that inflates past what it declared; the count
 *    refuses past the bound) — a zip bomb stops at once. Parts the register does not need
 *    (pictures, other sheets) are never inflated.
 *  - Long text: the XML is cut before exceljs's parser holds it — a cell's text (or a shared
 *    string's) longer than TEXT_MAX raw characters, or a row's beyond ROW_TEXT_MAX, becomes CUT_MARK,
 *    which the row reader refuses by its column (Excel itself keeps at most CELL_MAX_CHARS = 32 767
 *    characters in a cell, "Excel specifications and limits"); text outside cells (whitespace between
 *    rows) is dropped, as exceljs ignores it. A row with more than Excel's 16 384 cells, or a tag of
 *    more than TAG_MAX characters, refuses the file.
 *  - Sheets: the first visible one in the workbook's order (workbook.xml `state="hidden"` and
 *    `veryHidden` skipped), or the one named; every sheet's name and visibility is told (onSheets).
 *  - Merged cells: Excel writes <mergeCells> after the rows; they are noted as the sheet streams and
 *    the file is refused naming them once it is read through (its rows were handed on: screenFile
 *    removes its result, the function's open its stored rows). Scanning the part for them first
 *    would refuse before any row but inflate every sheet twice (a 300 MB sheet: +1.1 s here).
 *  - exceljs 4.4.0's own zip reading decoded each chunk on its own and split characters across
 *    chunks (exceljs issues #2063, #2084, #2316: a 是 read as "��"); here each part is decoded by one
 *    streaming TextDecoder, which keeps a split character for the next chunk.
 *
 * exceljs's internal steps (_parseRels, _parseWorkbook, _parseSharedStrings, _parseStyles,
 * _parseWorksheet in lib/stream/xlsx/workbook-reader.js) read each part; readerStepsPresent says
 * they are still there (test/unit/screen/whole-characters.test.ts). Exports xlsxRows (XlsxRow,
 * XlsxOptions, XlsxLimits, XlsxSheet), XlsxRefusal, MAX_COLUMNS and readerStepsPresent
 * (CUT_MARK and CELL_MAX_CHARS are cell-text.ts's).
 */
import { Duplex, Readable } from 'stream';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { CELL_MAX_CHARS, CUT_MARK } from './cell-text';

/** Excel's columns (XFD). */
export const MAX_COLUMNS = 16384;
/** Raw XML bytes of one cell or shared string kept (a Chinese character is 3, an entity such as &#x4E2D; 8: room for 32 767 of them). */
const TEXT_MAX = CELL_MAX_CHARS * 8;
/** Raw XML bytes of one row's text kept (the template's 122 columns at 16 000 bytes each). */
const ROW_TEXT_MAX = 2_000_000;
/** A tag (with its attributes), a comment or a CDATA section, in bytes: Excel writes none longer than a few hundred. */
const TAG_MAX = 65536;
/** Parts of the zip at most (a workbook has a handful per sheet). */
const MAX_ENTRIES = 10000;
/** Merged ranges named in the message. */
const MERGES_SHOWN = 5;

/** What an .xlsx's parts may inflate to. */
export interface XlsxLimits {
  /** The sheet read. */
  sheetBytes: number;
  /** The shared strings, kept in memory while the sheet is read. */
  sharedStringsBytes: number;
  /** Each other part read (workbook, relationships, styles). */
  partBytes: number;
}

export interface XlsxSheet {
  name: string;
  visible: boolean;
}

export interface XlsxOptions {
  limits: XlsxLimits;
  /** The sheet to read, by name (default: the first visible one). */
  sheet?: string;
  /** Every sheet of the workbook, in its order, and the one read — told before the first row. */
  onSheets?: (sheets: XlsxSheet[], read: string) => void;
  /** Read a sheet with merged cells as exceljs gives it (the bench reading results) instead of refusing it. */
  allowMerged?: boolean;
  /** Inflated bytes of the sheet read so far, of its declared size. */
  onBytes?: (read: number, total: number) => void;
}

/** A row as exceljs gives it: its number and its values by column (values[1] is column A). */
export interface XlsxRow {
  number: number;
  values: unknown[];
}

/** A file refused, in Chinese (read-table.ts names the file). */
export class XlsxRefusal extends Error {}

type Step = (this: unknown, ...args: unknown[]) => unknown;
const base = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as Record<string, Step>;
const STEPS = ['_parseRels', '_parseWorkbook', '_parseSharedStrings', '_parseStyles', '_parseWorksheet'] as const;

/** Are the steps this reader relies on where it expects them? */
export function readerStepsPresent(): boolean {
  return STEPS.every((s) => typeof base[s] === 'function');
}

const MB = 1024 * 1024;
const mb = (n: number) => Math.round(n / MB);

// ---------------------------------------------------------------------------------------------
// The zip

interface Zip {
  entries: Map<string, yauzl.Entry>;
  open(entry: yauzl.Entry): Promise<Readable>;
  close(): void;
}

function openZip(path: string): Promise<Zip> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) return reject(err);
      const entries = new Map<string, yauzl.Entry>();
      const fail = (e: Error) => {
        zip.close();
        reject(e);
      };
      zip.on('error', fail);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entries.size >= MAX_ENTRIES) return fail(new XlsxRefusal(`文件里的部件超过 ${MAX_ENTRIES} 个，不像是 Excel 工作簿`));
        entries.set(entry.fileName.replace(/^\/+/, ''), entry);
        zip.readEntry();
      });
      zip.on('end', () =>
        resolve({
          entries,
          open: (entry) => new Promise((res, rej) => zip.openReadStream(entry, (e, s) => (e || !s ? rej(e) : res(s)))),
          close: () => zip.close(),
        }),
      );
      zip.readEntry();
    });
  });
}

/** A part's bytes, refused past its bound (declared or actually inflated), through onBytes. */
async function* partBytes(zip: Zip, entry: yauzl.Entry, limit: number, what: string, onBytes?: (read: number) => void): AsyncGenerator<Buffer> {
  const bound = limit;
  const tooBig = () => new XlsxRefusal(`${what}解压后超过 ${mb(bound)} MB（文件里声明 ${mb(entry.uncompressedSize)} MB，压缩后 ${Math.ceil(entry.compressedSize / 1024)} KB），不像是一份名单：请检查文件，或另存为「CSV UTF-8（逗号分隔）」后重试`);
  if (entry.uncompressedSize > bound) throw tooBig();
  const stream = await zip.open(entry);
  // yauzl 2.10 replaces the stream's destroy with one that only closes the file: Node's streams end
  // a failing stream through destroy(err), so its errors (more bytes than declared, bad deflate
  // data) never arrived and reading hung. Both are done here.
  const release = stream.destroy;
  stream.destroy = function (this: Readable, err?: Error) {
    release.call(this);
    return Duplex.prototype.destroy.call(this, err);
  };
  let read = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      read += chunk.length;
      if (read > bound) throw tooBig();
      onBytes?.(read);
      yield chunk;
    }
  } catch (err) {
    if (/too many bytes/.test((err as Error | null)?.message ?? '')) throw new XlsxRefusal(`${what}解压后比文件里声明的 ${mb(entry.uncompressedSize)} MB 多，与其声明的大小不符：文件已损坏或被改过`);
    throw err;
  } finally {
    stream.destroy();
  }
}

/** Bytes → text, a character split between chunks kept whole. */
async function* decoded(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

// ---------------------------------------------------------------------------------------------
// Bounded text

/**
 * The XML as it streams (bytes: a UTF-8 character never holds the bytes of < or >, and text cut away
 * is never decoded), with every text run inside a `unit` element (a sheet's <c>, the shared strings'
 * <si>) counted and cut past TEXT_MAX (per unit) or ROW_TEXT_MAX (per <row>), and text outside units
 * dropped: exceljs's parser then never holds more than a bounded string.
 */
class TextBounds {
  private inTag = false;
  /** Where the open tag starts in the chunk, or its bytes so far when it began in an earlier chunk. */
  private tagStart = 0;
  private partial: Buffer | null = null;
  private inUnit = false;
  private cut = false;
  private unitText = 0;
  private outsideText = 0;
  private rowText = 0;
  private rowCells = 0;
  private row = 0;
  /** Merged ranges met (<mergeCell ref="A3:A5"/>, after the rows): the first MERGES_SHOWN, and how many. */
  readonly merges: string[] = [];
  mergeCount = 0;

  constructor(private readonly unit: 'c' | 'si') {}

  /** The chunk as exceljs is to read it: itself, unless text was cut or dropped (the common case costs two indexOf per tag). */
  feed(chunk: Buffer): Buffer {
    let pieces: Buffer[] | null = null;
    let copied = 0;
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      if (this.inTag) {
        const j = chunk.indexOf(GT, i);
        const start = this.partial ? 0 : this.tagStart;
        const held = this.partial ? this.partial.length : 0;
        const upTo = j < 0 ? n : j + 1;
        if (upTo - (this.partial ? 0 : this.tagStart) + held > TAG_MAX) throw new XlsxRefusal(`表格第 ${this.row} 行附近有一段超过 ${TAG_MAX} 个字符的标记，不像是 Excel 写出的工作簿`);
        if (j < 0) {
          const rest = chunk.subarray(this.partial ? 0 : this.tagStart);
          this.partial = this.partial ? Buffer.concat([this.partial, rest]) : Buffer.from(rest);
          break;
        }
        const tag = this.partial ? Buffer.concat([this.partial, chunk.subarray(0, j + 1)]) : chunk;
        const end = this.partial ? tag.length : j + 1;
        i = j + 1;
        if (tag[start + 1] === BANG && !tagDone(tag.subarray(start, end))) {
          // a comment or CDATA section runs on past this >: held until its own end
          if (this.partial) this.partial = tag;
          continue;
        }
        this.partial = null;
        this.inTag = false;
        this.onTag(tag, start, end);
      } else {
        const j = chunk.indexOf(LT, i);
        const end = j < 0 ? n : j;
        if (end > i) {
          const keep = this.text(end - i);
          if (keep !== 'keep') {
            pieces ??= [];
            pieces.push(chunk.subarray(copied, i));
            if (keep === 'cut') pieces.push(CUT_BYTES);
            copied = end;
          }
        }
        if (j < 0) break;
        this.inTag = true;
        this.tagStart = j;
        this.outsideText = 0;
        i = j + 1;
      }
    }
    if (!pieces) return chunk;
    pieces.push(chunk.subarray(copied));
    return Buffer.concat(pieces);
  }

  private onTag(b: Buffer, s: number, e: number): void {
    let k = s + 1;
    const closing = b[k] === SLASH;
    if (closing) k += 1;
    if (isName(b, k, e, this.unit)) {
      if (closing) this.inUnit = false;
      else {
        if (this.unit === 'c' && ++this.rowCells > MAX_COLUMNS) throw new XlsxRefusal(`表格第 ${this.row} 行的单元格超过 Excel 的 ${MAX_COLUMNS} 列`);
        this.inUnit = b[e - 2] !== SLASH;
        this.cut = false;
        this.unitText = 0;
      }
    } else if (closing) return;
    else if (isName(b, k, e, 'row')) {
      const r = b.indexOf(R_ATTR, k);
      this.row = r >= 0 && r < e ? parseInt(b.toString('latin1', r + R_ATTR.length, Math.min(e, r + R_ATTR.length + 8)), 10) : this.row + 1;
      this.rowText = 0;
      this.rowCells = 0;
    } else if (isName(b, k, e, 'mergeCell')) {
      this.mergeCount += 1;
      const ref = /\bref="([A-Z]{1,3}\d{1,7}(?::[A-Z]{1,3}\d{1,7})?)"/.exec(b.toString('latin1', s, e))?.[1];
      if (ref && this.merges.length < MERGES_SHOWN) this.merges.push(ref);
    }
  }

  /** A run of text: kept, replaced by CUT_MARK (the first time a unit or row passes its bound), or dropped. */
  private text(n: number): 'keep' | 'cut' | 'drop' {
    if (!this.inUnit) {
      // Between tags outside cells (whitespace): exceljs ignores it; a long run is dropped.
      this.outsideText += n;
      return this.outsideText > TEXT_MAX ? 'drop' : 'keep';
    }
    if (this.cut) return 'drop';
    this.unitText += n;
    this.rowText += n;
    if (this.unitText > TEXT_MAX || this.rowText > ROW_TEXT_MAX) {
      this.cut = true;
      return 'cut';
    }
    return 'keep';
  }
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const R_ATTR = Buffer.from(' r="');
const CUT_BYTES = Buffer.from(CUT_MARK, 'utf8');
const NAME_END = new Set([0x20, 0x09, 0x0a, 0x0d, GT, SLASH]);

/** Does the tag's name at `k` read `name` (followed by a space, / or >)? */
function isName(b: Buffer, k: number, e: number, name: string): boolean {
  if (k + name.length >= e) return false;
  for (let i = 0; i < name.length; i++) if (b[k + i] !== name.charCodeAt(i)) return false;
  return NAME_END.has(b[k + name.length]);
}

/** A comment runs to -->, a CDATA section to ]]>; any other tag to its first >. */
function tagDone(tag: Buffer): boolean {
  const start = tag.toString('latin1', 0, Math.min(tag.length, 9));
  const end = tag.toString('latin1', Math.max(0, tag.length - 3));
  if (start.startsWith('<!--')) return tag.length >= 7 && end === '-->';
  if (start === '<![CDATA[') return end === ']]>';
  return true;
}

async function* bounded(bytes: AsyncIterable<Buffer>, bounds: TextBounds): AsyncGenerator<Buffer> {
  for await (const chunk of bytes) {
    const out = bounds.feed(chunk);
    if (out.length > 0) yield out;
  }
}

// ---------------------------------------------------------------------------------------------
// The workbook

interface SheetModel {
  name: string;
  rId: string;
  state?: string;
}

/** exceljs's WorkbookReader, fed parts from this file's zip reading (its own `parse` is never used). */
class PartsReader extends ExcelJS.stream.xlsx.WorkbookReader {}

/** exceljs's steps iterate a stream (lib/utils/iterate-stream.js): one of strings. */
const asStream = (chunks: AsyncIterable<string>) => Readable.from(chunks, { objectMode: true });

/** A part path from a relationship target (relative to xl/, or absolute). */
const partPath = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target}`).replace(/\/\.\//g, '/');

/** The rows of an .xlsx's sheet (see the file's comment); XlsxRefusal for a file refused. */
export async function* xlsxRows(path: string, opts: XlsxOptions): AsyncGenerator<XlsxRow> {
  if (!readerStepsPresent()) throw new Error('exceljs 的流式读取器内部结构已变化：请检查 shared/policy/screening/xlsx-reader.ts');
  const { limits } = opts;
  const zip = await openZip(path);
  try {
    const entry = (name: string) => zip.entries.get(name);
    const need = (name: string) => {
      const e = entry(name);
      if (!e) throw new XlsxRefusal('缺少工作簿的组成部分');
      return e;
    };
    const reader = new PartsReader(path, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' }) as unknown as Record<string, Step> & {
      model: { sheets?: SheetModel[] };
      workbookRels?: { Id: string; Target: string }[];
    };
    const text = (e: yauzl.Entry, limit: number, what: string) => asStream(decoded(partBytes(zip, e, limit, what)));
    await reader._parseRels(text(need('xl/_rels/workbook.xml.rels'), limits.partBytes, '工作簿的关系部分'));
    await reader._parseWorkbook(text(need('xl/workbook.xml'), limits.partBytes, '工作簿部分'));

    const sheets = (reader.model.sheets ?? []).map((s) => ({ ...s, visible: s.state !== 'hidden' && s.state !== 'veryHidden' }));
    const listed = sheets.map((s) => `「${s.name}」${s.visible ? '' : '（隐藏）'}`).join('、');
    const chosen = opts.sheet === undefined ? sheets.find((s) => s.visible) : sheets.find((s) => s.name === opts.sheet);
    if (!chosen) throw new XlsxRefusal(opts.sheet === undefined ? `没有可见的工作表（工作表：${listed || '无'}）` : `没有名为「${opts.sheet}」的工作表。这个文件的工作表：${listed}`);
    const target = reader.workbookRels?.find((r) => r.Id === chosen.rId)?.Target;
    const sheetEntry = target ? entry(partPath(target)) : undefined;
    if (!sheetEntry) throw new XlsxRefusal(`缺少工作表「${chosen.name}」的内容`);
    opts.onSheets?.(sheets.map(({ name, visible }) => ({ name, visible })), chosen.name);

    const shared = entry('xl/sharedStrings.xml');
    if (shared) {
      const strings = asStream(decoded(bounded(partBytes(zip, shared, limits.sharedStringsBytes, '共享字符串部分'), new TextBounds('si'))));
      for await (const _ of reader._parseSharedStrings(strings) as AsyncIterable<unknown>) {
        // cached by the reader ('cache'): nothing is emitted
      }
    }
    const styles = entry('xl/styles.xml');
    if (styles) await reader._parseStyles(text(styles, limits.partBytes, '样式部分'));

    const sheetWhat = `工作表「${chosen.name}」`;
    const total = sheetEntry.uncompressedSize;
    const bounds = new TextBounds('c');
    const sheetText = decoded(bounded(partBytes(zip, sheetEntry, limits.sheetBytes, sheetWhat, (read) => opts.onBytes?.(read, total)), bounds));
    const sheetNo = /sheet(\d+)\.xml$/.exec(sheetEntry.fileName)?.[1] ?? '1';
    for (const { value: worksheet } of reader._parseWorksheet(sheetText, sheetNo) as Iterable<{ value: AsyncIterable<unknown> }>) {
      for await (const row of worksheet) {
        const r = row as { number: number; values: unknown[] };
        const values = r.values;
        if (values.length > MAX_COLUMNS + 1) throw new XlsxRefusal(`表格第 ${r.number} 行有超出 Excel 最大列数（${MAX_COLUMNS}）的单元格`);
        yield { number: r.number, values };
      }
    }
    // Excel writes the merged ranges after the rows: met once the sheet is read through (its rows
    // already handed on — the caller refuses the whole file, so nothing of it is kept).
    if (bounds.mergeCount > 0 && !opts.allowMerged) {
      const more = bounds.mergeCount > bounds.merges.length ? ` 等 ${bounds.mergeCount} 处` : '';
      throw new XlsxRefusal(`${sheetWhat}的 ${bounds.merges.join('、')}${more} 是合并单元格：合并后只有左上角一格有内容，其余各行会被读成空白。请取消合并并逐格填写后重试`);
    }
  } finally {
    zip.close();
  }
}
