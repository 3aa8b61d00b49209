/**
 * exceljs's streaming .xlsx reader, with whole characters.
 *
 * exceljs 4.4.0's streaming reader decodes each inflated chunk of the workbook's XML on its own
 * (lib/utils/parse-sax.js: `textDecoder.decode(chunk)`), so a Chinese character whose three UTF-8
 * bytes straddle two chunks reads as "��" — a 是 becomes an unreadable answer, about one row in two
 * thousand (exceljs issues #2063, #2084, #2316; fixes proposed in PRs #1665 and #2081, not released).
 * Found here on a 100 000-row register: 45 rows refused for cells that said 是 or 企业.
 *
 * The remedy of issue #2084: hand the parser text, decoded across chunk boundaries — entries get
 * `setEncoding('utf8')` (Node's StringDecoder keeps a split character for the next chunk) and the
 * worksheet's chunks go through one streaming TextDecoder. parse-sax passes strings through as they
 * are. These are the reader's internal steps (named in workbook-reader.js); the test
 * test/unit/screen/whole-characters.test.ts fails if they change or if characters split again.
 * xlsxReader is that reader; readerStepsPresent says the internal steps are still there.
 */
import type { Readable } from 'stream';
import ExcelJS from 'exceljs';

/** The internal steps of exceljs's WorkbookReader that read a zip entry's XML: given the entry… */
const ENTRY_STEPS = ['_parseRels', '_parseWorkbook', '_parseSharedStrings', '_parseStyles'] as const;
/** …or given the entry's chunks. */
const CHUNK_STEPS = ['_parseWorksheet', '_parseHyperlinks'] as const;

type Step = (this: unknown, ...args: unknown[]) => unknown;
const base = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as Record<string, Step>;

/** Are the steps this reader relies on where it expects them? */
export function readerStepsPresent(): boolean {
  return [...ENTRY_STEPS, ...CHUNK_STEPS].every((s) => typeof base[s] === 'function');
}

async function* decoded(chunks: AsyncIterable<string | Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

class WholeCharacterReader extends ExcelJS.stream.xlsx.WorkbookReader {}
const proto = WholeCharacterReader.prototype as unknown as Record<string, Step>;
for (const step of ENTRY_STEPS) {
  proto[step] = function (this: unknown, entry: unknown, ...rest: unknown[]) {
    (entry as Readable | undefined)?.setEncoding?.('utf8');
    return base[step].call(this, entry, ...rest);
  };
}
for (const step of CHUNK_STEPS) {
  proto[step] = function (this: unknown, chunks: unknown, ...rest: unknown[]) {
    return base[step].call(this, decoded(chunks as AsyncIterable<string | Uint8Array>), ...rest);
  };
}

/** A streaming reader of an .xlsx (see exceljs's WorkbookReader) that never splits a character. */
export function xlsxReader(input: Readable, options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>): ExcelJS.stream.xlsx.WorkbookReader {
  if (!readerStepsPresent()) throw new Error('exceljs 的流式读取器内部结构已变化：请检查 shared/policy/screening/xlsx-reader.ts');
  return new WholeCharacterReader(input, options);
}
