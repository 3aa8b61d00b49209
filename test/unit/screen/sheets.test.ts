/**
 * Which sheet is read, and what a name can never become (issue 27, item 4). A workbook with several
 * visible sheets is read from the first, and says so with the others' names; the CLI's --sheet and the
 * function's `open {sheet}` pick another; a name that is not a sheet is refused listing the sheets. A
 * name cell that looks like a formula (=1+1, =HYPERLINK(…), +, -, @) is written into the result as
 * the text it is, never as a live formula.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Envelope, ScreenResponse } from '../../../shared/cloud/api';
import type { FileStore } from '../../../shared/cloud/context';
import { runHandler } from '../../../shared/cloud/handler';
import { screen } from '../../../shared/cloud/handlers/screen';
import { adminsRepo } from '../../../shared/cloud/repos';
import { wxDocumentStore } from '../../../shared/cloud/wx-db';
import { runScreen } from '../../../shared/policy/cli';
import { screenFile, SHEETS } from '../../../shared/policy/screening';
import { FakeWxDatabase } from '../../fakes/fake-wx-db';
import { capturingLogger } from '../cloud/fakes';
import { enterprise, plain, registerSheet, rowXml, sheetXml, workbookParts, writeZip } from './hostile-files';
import { tempDir } from './support';

const ADMIN = 'oAdmin0000000000000000000001';
const PREFIX = 'cloud://env-1.7465/';

/** 说明 (visible, not a register), 名单甲 (two enterprises), 名单乙 (one). */
function writeBook(path: string): void {
  writeZip(
    path,
    workbookParts([
      { name: '名单甲', part: registerSheet([enterprise('甲一'), enterprise('甲二')]) },
      { name: '隐藏的', state: 'veryHidden', part: plain('s', sheetXml(rowXml(1, ['旧']))) },
      { name: '名单乙', part: registerSheet([enterprise('乙一')]) },
    ]),
  );
}

async function cli(argv: string[], cwd: string) {
  let out = '';
  let err = '';
  const code = await runScreen(argv, { out: (t) => (out += t), err: (t) => (err += t), tty: false, cwd, docsDir: cwd });
  return { code, out, err };
}

async function openInFunction(file: string, sheet?: string): Promise<Envelope<ScreenResponse>> {
  const db = new FakeWxDatabase();
  const stored = new Map<string, Uint8Array>();
  const files: FileStore = {
    put: async (p, c) => (stored.set(p, Uint8Array.from(c)), { fileID: `${PREFIX}${p}` }),
    urlOf: async (id) => (stored.has(id.slice(PREFIX.length)) ? `https://x/${id}` : null),
    get: async (id) => stored.get(id.slice(PREFIX.length)) ?? null,
    remove: async (ids) => ids.forEach((id) => stored.delete(id.slice(PREFIX.length))),
  };
  const call = (req: Record<string, unknown>) => runHandler('screen', screen, req, { openid: ADMIN, now: () => new Date('2026-12-06T04:00:00Z'), db: wxDocumentStore(() => db), log: capturingLogger(), files }) as Promise<Envelope<ScreenResponse>>;
  await adminsRepo(wxDocumentStore(() => db)).add({ _id: ADMIN, addedAt: '2026-11-01T00:00:00Z', addedBy: 'console' });
  const bytes = readFileSync(file);
  const s = await call({ action: 'start', fileName: '名单.xlsx', size: bytes.byteLength });
  if (!s.ok || s.data.action !== 'start') throw new Error('start failed');
  const { fileID } = await files.put(s.data.cloudPath, bytes, 'application/octet-stream');
  return call({ action: 'open', jobId: s.data.job.jobId, fileID, ...(sheet ? { sheet } : {}) });
}

describe('a workbook with several sheets', () => {
  const tmp = tempDir();
  afterAll(tmp.done);
  const book = join(tmp.dir, '名单.xlsx');
  beforeAll(() => writeBook(book));

  it.each([
    ['without --sheet: the first visible sheet, and the other visible one named', [], 0, ['甲一', '甲二'], '读取的是工作表「名单甲」；还有 「名单乙」，可用 --sheet <工作表名称> 选择'],
    ['--sheet 名单乙: that sheet', ['--sheet', '名单乙'], 0, ['乙一'], '读取的是工作表「名单乙」；还有 「名单甲」'],
    ['--sheet 没有的: refused, listing the sheets (hidden ones marked)', ['--sheet', '没有的'], 1, null, '没有名为「没有的」的工作表。这个文件的工作表：「名单甲」、「隐藏的」（隐藏）、「名单乙」'],
  ])('the CLI, %s', async (_, extra, code, names, said) => {
    const out = join(tmp.dir, `r-${extra.join('')}.xlsx`);
    const r = await cli([book, '--out', out, ...(extra as string[])], tmp.dir);
    expect(r.err).toContain(said);
    expect(r.code).toBe(code);
    if (names) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const ws = wb.getWorksheet(SHEETS.rows)!;
      expect(ws.getColumn(2).values.slice(2)).toEqual(names);
    }
  });

  it.each([
    ['open without a sheet: the first visible one, the visible sheets answered', undefined, { ok: true, rows: 2, sheets: ['名单甲', '名单乙'], sheet: '名单甲' }],
    ['open {sheet: 名单乙}: that sheet', '名单乙', { ok: true, rows: 1, sheets: ['名单甲', '名单乙'], sheet: '名单乙' }],
    ['open {sheet: 没有的}: refused, listing the sheets', '没有的', { ok: false, message: expect.stringContaining('没有名为「没有的」的工作表') }],
  ])('the function, %s', async (_, sheet, expected) => {
    const res = await openInFunction(book, sheet);
    const got = res.ok && res.data.action === 'open' ? { ok: true, rows: res.data.job.rows, sheets: res.data.sheets, sheet: res.data.sheet } : { ok: false, message: !res.ok && res.error.message };
    expect(got).toEqual(expected);
  });
});

describe('a name that looks like a formula', () => {
  const tmp = tempDir();
  afterAll(tmp.done);

  it.each([['=1+1'], ['=HYPERLINK("http://example.com","点此")'], ['+1'], ['-1+2'], ['@SUM(A1)']])('%s is written into 企业结果 as text, never a formula', async (name) => {
    const file = join(tmp.dir, 'f.xlsx');
    const out = join(tmp.dir, 'f-result.xlsx');
    writeZip(file, workbookParts([{ name: '名单', part: registerSheet([enterprise(name)]) }]));
    await screenFile(file, out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const cell = wb.getWorksheet(SHEETS.rows)!.getCell('B2');
    expect(cell.value).toBe(name);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const xml = await Promise.all(Object.keys(zip.files).filter((f) => f.startsWith('xl/worksheets/')).map((f) => zip.file(f)!.async('string')));
    expect(xml.join('')).not.toMatch(/<f[ >]/);
  });
});
