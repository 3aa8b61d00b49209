/**
 * The 按措施汇总 sheet's bound columns (金额合计下限 / 上限, 万元 numbers): a measure with a range
 * prints both bounds, a lower bound of 0 as 0 — （十六）最高 2000万元 was shown with its 下限 blank
 * (issue 22) — and a measure nothing qualifies for has no figure.
 */
import { join } from 'path';
import ExcelJS from 'exceljs';
import { evaluate } from '../../../shared/policy/engine';
import { SHEETS } from '../../../shared/policy/screening';
import { INDUSTRIAL_PARK, LARGE_ENTERPRISE } from '../../support/personas';
import { parsed } from '../../support/engine';
import { screenKeeping, tempDir, writeProfiles } from './support';

describe('按措施汇总: the 下限 and 上限 columns', () => {
  const tmp = tempDir();
  afterAll(tmp.done);
  const out = join(tmp.dir, 'result.xlsx');
  const cells = new Map<string, [unknown, unknown, unknown]>();

  beforeAll(async () => {
    const file = join(tmp.dir, 'register.xlsx');
    await writeProfiles(file, [['园区', parsed(INDUSTRIAL_PARK)], ['企业', parsed(LARGE_ENTERPRISE)]]);
    await screenKeeping(file, out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    wb.getWorksheet(SHEETS.measures)!.eachRow((row, n) => {
      if (n > 1) cells.set(String(row.getCell(1).value), [row.getCell(4).value, row.getCell(5).value, row.getCell(6).value]);
    });
  }, 60000);

  it('the park persona’s （十六） is a range from 0 (the engine says so)', () => {
    const item = evaluate(parsed(INDUSTRIAL_PARK)).items.find((r) => r.id === 'm16.smart-park')!;
    expect([item.amountKind, item.amount]).toEqual(['upTo', { min: '0.00', max: '20000000.00' }]);
  });

  it.each([
    ['（十六）, 最高 2000万元 for one park: its 下限 is 0, not blank', '（十六）', ['0–2000万元', 0, 2000]],
    ['（八）, an exact figure: both bounds the same', '（八）', ['500万元', 500, 500]],
    ['（二十九）, nothing qualifies: no figure at all', '（二十九）', [null, null, null]],
  ])('%s', (_, label, expected) => {
    expect(cells.get(label)).toEqual(expected);
  });
});
