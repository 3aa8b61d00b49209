/**
 * An .xlsx cell read as the text Excel shows: numbers to Excel's 15 significant digits (a formula's
 * float noise is not a "7th decimal place"), formula results, rich text, TRUE/FALSE; a date in a
 * number column is refused, not read as its serial number.
 */
import { join } from 'path';
import ExcelJS from 'exceljs';
import { catalog2022, entryPath, factPath } from '../../../shared/policy/engine';
import { cellText, headerCell, screenColumns } from '../../../shared/policy/screening';
import { screenKeeping, tempDir } from './support';

describe('cellText', () => {
  it.each([
    [1500.3000000000002, '1500.3'],
    [0.1 + 0.2, '0.3'],
    [3000, '3000'],
    [-0, '0'],
    [1.5, '1.5'],
    [-3, '-3'],
    [123456789012345, '123456789012345'],
    [1e21, '1000000000000000000000'],
    // Read without a Decimal since issue 24 (item 3): the same text at the edges of that reading.
    [999999999999999, '999999999999999'],
    [1234567890123456, '1234567890123460'],
    [100000000000000.4, '100000000000000'],
    [2.9999999999999996, '3'],
    [-1.25, '-1.25'],
    [0.000123, '0.000123'],
    [1e-7, '0.0000001'],
    ['12万吨', '12万吨'],
    [true, 'true'],
    [null, ''],
    [new Date(Date.UTC(2022, 5, 30)), '2022-06-30'],
    [{ formula: 'A1*1.1', result: 1650.3300000000002 }, '1650.33'],
    [{ richText: [{ text: '包头' }, { text: '某公司' }] }, '包头某公司'],
    [{ error: '#DIV/0!' }, '#DIV/0!'],
  ])('%p → %p', (value, text) => {
    expect(cellText(value)).toBe(text);
  });
});

describe('an .xlsx with formulas, dates and rich text', () => {
  const tmp = tempDir();
  afterAll(tmp.done);

  it('screens what the cells show, and refuses a date in a number column', async () => {
    const columns = screenColumns(catalog2022);
    const at = (id: string) => columns.findIndex((c) => c.id === id) + 1;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(columns.map(headerCell));
    const ok = ws.getRow(2);
    ok.getCell(1).value = { richText: [{ text: '包头' }, { text: '某公司', font: { bold: true } }] };
    ok.getCell(2).value = '企业';
    ok.getCell(at(factPath('m14.cloudCost'))).value = { formula: '120.1+60.2', result: 120.1 + 60.2 };
    ok.getCell(at(factPath('m21.nationalGreen'))).value = true;
    const bad = ws.getRow(3);
    bad.getCell(1).value = '日期';
    bad.getCell(2).value = '企业';
    bad.getCell(at(entryPath('m08.upgrade', 0, 'investment'))).value = new Date(Date.UTC(2022, 5, 30));
    const file = join(tmp.dir, 'cells.xlsx');
    await wb.xlsx.writeFile(file);

    const run = await screenKeeping(file, join(tmp.dir, 'r.xlsx'));
    expect(run.screened.map((s) => [s.row, s.name, s.profile.facts])).toEqual([[2, '包头某公司', { 'm14.cloudCost': '180.3', 'm21.nationalGreen': true }]]);
    expect(run.report.refused).toEqual([{ row: 3, name: '日期', messages: ['第 3 行「（八）技术改造项目1：项目实际完成投资额（万元）」必须是数字，单位：万元'] }]);
  });
});
