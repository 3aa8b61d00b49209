/**
 * exceljs's streaming reader splits a Chinese character whose bytes straddle two chunks (exceljs
 * issues #2063, #2084, #2316); the screening's reader (xlsx-reader.ts) does not — for worksheets of
 * inline strings (as the template writer writes them) and for shared strings (as Excel writes them).
 * A CSV, fed to csv-parse in 64 KB chunks, keeps them whole too.
 */
import { join } from 'path';
import ExcelJS from 'exceljs';
import { catalog2022 } from '../../../shared/policy/engine';
import { screenColumns, readTable, readerStepsPresent, writeTableCsv, writeTableXlsx } from '../../../shared/policy/screening';
import { tempDir } from './support';

const ROWS = 1500;
/** Long Chinese names, each a little different, so chunk boundaries fall inside characters. */
const name = (i: number) => `鄂尔多斯市准格尔旗${'煤化工新材料产业园区'.repeat(15)}第${i}号企业`;

async function names(path: string): Promise<string[]> {
  const out: string[] = [];
  for await (const { row, cells } of readTable(path)) if (row > 2) out.push(cells[0]);
  return out;
}

async function plainExceljsNames(path: string): Promise<string[]> {
  const out: string[] = [];
  for await (const sheet of new ExcelJS.stream.xlsx.WorkbookReader(path, {})) {
    for await (const row of sheet) if (row.number > 2) out.push(String(row.getCell(1).value));
  }
  return out;
}

describe('reading an .xlsx keeps every character whole', () => {
  const tmp = tempDir();
  afterAll(tmp.done);
  const expected = Array.from({ length: ROWS }, (_, i) => name(i + 1));
  const inline = join(tmp.dir, 'inline.xlsx');
  const shared = join(tmp.dir, 'shared.xlsx');
  const csv = join(tmp.dir, 'names.csv');

  beforeAll(async () => {
    const columns = screenColumns(catalog2022);
    await writeTableXlsx(inline, columns, expected.map((n) => [n, '企业']));
    await writeTableCsv(csv, columns, expected.map((n) => [n, '企业']));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(['名称', '主体类型']);
    ws.addRow(['说明', '说明']);
    for (const n of expected) ws.addRow([n, '企业']);
    await wb.xlsx.writeFile(shared); // shared strings, as Excel writes them
  }, 60000);

  it('relies on exceljs steps that are still there', () => {
    expect(readerStepsPresent()).toBe(true);
  });

  it.each([
    ['inline strings', inline],
    ['shared strings', shared],
    ['a CSV', csv],
  ])('%s', async (_, path) => {
    expect(await names(path)).toEqual(expected);
  });

  it('is needed: exceljs’s own streaming reader still splits them (when this fails, exceljs is fixed and xlsx-reader.ts can go)', async () => {
    const a = await plainExceljsNames(inline);
    const b = await plainExceljsNames(shared);
    expect([a.some((n) => n.includes('\uFFFD')), b.some((n) => n.includes('\uFFFD'))]).toEqual([true, true]);
  });
});
