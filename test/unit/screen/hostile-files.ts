/**
 * Hostile and odd registers (issue 27, item 4), written here byte by byte instead of committed:
 * a zip writer that can declare any size (writeZip), deflated text that repeats a piece cheaply
 * (repeated: one compressed piece, flushed to a byte boundary, copied — a 300 MB cell costs
 * milliseconds to write), and the files the probe found: a cell of 300 million characters, millions
 * of empty rows, a zip bomb (honest or lying sizes), a hidden first sheet, merged cells.
 * Exports writeZip, repeated, sheetXml, workbookParts, registerHeader and the files' writers.
 */
import { writeFileSync } from 'fs';
import { constants, crc32, deflateRawSync } from 'zlib';
import { catalog2022 } from '../../../shared/policy/engine';
import { screenColumns } from '../../../shared/policy/screening';

/** A zip entry: its deflated bytes, the CRC and size of what they inflate to, and the size the zip says (a lie when set). */
export interface ZipEntry {
  name: string;
  deflated: Buffer;
  crc: number;
  size: number;
  declaredSize?: number;
}

/** Deflated text: `head`, then `piece` `times` times, then `tail` — each compressed once, the piece copied. */
export function repeated(head: string, piece: string, times: number, tail: string, name: string): ZipEntry {
  const flush = { finishFlush: constants.Z_SYNC_FLUSH };
  const h = Buffer.from(head, 'utf8');
  const p = Buffer.from(piece, 'utf8');
  const t = Buffer.from(tail, 'utf8');
  // Byte-aligned, not final blocks (Z_SYNC_FLUSH), each referring only to itself: they can be concatenated.
  const dh = deflateRawSync(h, flush);
  const dp = deflateRawSync(p, flush);
  const dt = deflateRawSync(t);
  let crc = crc32(h);
  for (let i = 0; i < times; i++) crc = crc32(p, crc);
  crc = crc32(t, crc);
  return { name, deflated: Buffer.concat([dh, ...Array.from({ length: times }, () => dp), dt]), crc, size: h.length + p.length * times + t.length };
}

export const plain = (name: string, text: string): ZipEntry => repeated(text, '', 0, '', name);

/** A zip (deflated entries, no data descriptors, no zip64: every size under 4 GB). */
export function writeZip(path: string, entries: ZipEntry[]): number {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const size = e.declaredSize ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(e.crc >>> 0, 16);
    cd.writeUInt32LE(e.deflated.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    parts.push(local, name, e.deflated);
    central.push(cd, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  const bytes = Buffer.concat([...parts, cdBytes, end]);
  writeFileSync(path, bytes);
  return bytes.length;
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Column letters of a 1-based column number. */
export function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** A row of inline-string cells. */
export function rowXml(r: number, cells: string[]): string {
  const cs = cells.map((v, i) => (v === '' ? '' : `<c r="${columnLetters(i + 1)}${r}" t="inlineStr"><is><t>${xmlText(v)}</t></is></c>`)).join('');
  return `<row r="${r}">${cs}</row>`;
}

/** The template's header (the cells a register's first row says). */
export const registerHeader = (): string[] => screenColumns(catalog2022).map((c) => c.header);

/** A data row naming an enterprise (name and 主体类型 filled). */
export const enterprise = (name: string): string[] => [name, '企业'];

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

/** A worksheet's XML around `rows` (and merged ranges after the data, where Excel writes them). */
export function sheetXml(rows: string, merges: string[] = []): string {
  const merged = merges.length > 0 ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  return `${SHEET_HEAD}${rows}</sheetData>${merged}</worksheet>`;
}

/** The parts of a workbook around its sheets (each sheet: a name, hidden or not, and its part). */
export function workbookParts(sheets: { name: string; state?: 'hidden' | 'veryHidden'; part: ZipEntry }[]): ZipEntry[] {
  const ct = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
    .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
    .join('')}</Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const wb = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
    .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
    .join('')}</sheets></workbook>`;
  const wbRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join('')}</Relationships>`;
  return [
    plain('[Content_Types].xml', ct),
    plain('_rels/.rels', rels),
    plain('xl/workbook.xml', wb),
    plain('xl/_rels/workbook.xml.rels', wbRels),
    ...sheets.map((s, i) => ({ ...s.part, name: `xl/worksheets/sheet${i + 1}.xml` })),
  ];
}

/** A register (header + rows) as one sheet's part. */
export const registerSheet = (rows: string[][], merges: string[] = []): ZipEntry =>
  plain('sheet', sheetXml([registerHeader(), ...rows].map((cells, i) => rowXml(i + 1, cells)).join(''), merges));

/** One sheet, and whatever else the zip holds. */
export function writeRegisterZip(path: string, sheet: ZipEntry, extra: ZipEntry[] = []): number {
  return writeZip(path, [...workbookParts([{ name: '名单', part: sheet }]), ...extra]);
}

const MILLION = 1_000_000;

/** The probe's first file: a valid register whose row 3 has a name of `chars` characters (an inline string). */
export function giantCell(path: string, chars = 300 * MILLION): number {
  const header = rowXml(1, registerHeader());
  const before = `${SHEET_HEAD}${header}${rowXml(2, enterprise('正常企业'))}<row r="3"><c r="A3" t="inlineStr"><is><t>`;
  const after = `</t></is></c><c r="B3" t="inlineStr"><is><t>企业</t></is></c></row>${rowXml(4, enterprise('后面的企业'))}${SHEET_TAIL}`;
  const piece = 'A'.repeat(MILLION);
  return writeRegisterZip(path, repeated(before, piece, chars / MILLION, after, 'sheet'));
}

/** The same cell through the shared strings (how Excel itself keeps text). */
export function giantSharedString(path: string, chars = 300 * MILLION): number {
  const header = rowXml(1, registerHeader());
  const rows = `${header}<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="inlineStr"><is><t>企业</t></is></c></row>${rowXml(3, enterprise('后面的企业'))}`;
  const sst = repeated('<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>', 'B'.repeat(MILLION), chars / MILLION, '</t></si></sst>', 'xl/sharedStrings.xml');
  return writeRegisterZip(path, plain('sheet', sheetXml(rows)), [sst]);
}

/** A header, one enterprise, then `n` empty rows (<row r="…"/>, as a sheet whose rows were formatted once). */
export function emptyRows(path: string, n: number): number {
  const block = 10000;
  // Blocks of 10 000 numbered rows, copied: the reader counts rows, so the copies' repeated numbers
  // cost nothing, and the file stays small (the probe's 20M rows were 7.6 MB).
  const piece = Array.from({ length: block }, (_, i) => `<row r="${3 + i}"/>`).join('');
  const head = `${SHEET_HEAD}${rowXml(1, registerHeader())}${rowXml(2, enterprise('唯一的企业'))}`;
  return writeRegisterZip(path, repeated(head, piece, n / block, SHEET_TAIL, 'sheet'));
}

/** A header, then `n` rows naming the same enterprise (rows copied a thousand at a time: a few MB). */
export function manyRows(path: string, n: number): number {
  const piece = Array.from({ length: 1000 }, () => rowXml(2, enterprise('企业'))).join('');
  return writeRegisterZip(path, repeated(`${SHEET_HEAD}${rowXml(1, registerHeader())}`, piece, n / 1000, SHEET_TAIL, 'sheet'));
}

/** A register whose sheet inflates to `bytes` (whitespace between rows), declaring `declared` (default: the truth). */
export function zipBomb(path: string, bytes: number, declared?: number): number {
  const head = `${SHEET_HEAD}${rowXml(1, registerHeader())}${rowXml(2, enterprise('企业甲'))}`;
  const sheet = repeated(head, ' '.repeat(MILLION), Math.floor(bytes / MILLION), `${rowXml(3, enterprise('企业乙'))}${SHEET_TAIL}`, 'sheet');
  return writeRegisterZip(path, { ...sheet, declaredSize: declared });
}

/** A register with a big part it never needs (a picture of `bytes`): nothing to refuse, nothing to inflate. */
export function bigUnusedPart(path: string, bytes: number): number {
  return writeRegisterZip(path, registerSheet([enterprise('企业甲')]), [repeated('', '\0'.repeat(MILLION), Math.floor(bytes / MILLION), '', 'xl/media/image1.png')]);
}

/** A CSV of a header, one enterprise, and `n` lines of commas only. */
export function blankCsvRows(path: string, n: number): void {
  const header = registerHeader().map((h) => `"${h.replace(/"/g, '""')}"`).join(',');
  const blank = `${','.repeat(4)}\n`.repeat(1000);
  const parts = [`${header}\n唯一的企业,企业\n`, ...Array.from({ length: n / 1000 }, () => blank)];
  writeFileSync(path, parts.join(''));
}

/** A CSV whose row 3 has a name of `chars` characters. */
export function giantCsvCell(path: string, chars: number): void {
  const header = registerHeader().map((h) => `"${h.replace(/"/g, '""')}"`).join(',');
  writeFileSync(path, `${header}\n正常企业,企业\n${'A'.repeat(chars)},企业\n后面的企业,企业\n`);
}
