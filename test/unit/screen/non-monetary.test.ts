/**
 * 企业结果's 非资金支持 column says what the results page's 非资金支持 group shows for the same
 * profile (issue 27, item 3: it was empty for every row — the items that ask nothing, such as
 * （十）基金支持, were left out, though the page lists them). Expected lines are built from the view's
 * groups and card words (groupResults, measureLabel, figureInGroup: what cardView shows), for the
 * profile read from each row.
 */
import { join } from 'path';
import ExcelJS from 'exceljs';
import { evaluate, type Profile } from '../../../shared/policy/engine';
import { figureInGroup, groupResults, measureLabel } from '../../../shared/policy/view';
import { SHEETS } from '../../../shared/policy/screening';
import { parsed } from '../../support/engine';
import { INDUSTRIAL_PARK, LARGE_ENTERPRISE, QUICK_PATH } from '../../support/personas';
import { screenKeeping, tempDir, writeProfiles } from './support';

/** An enterprise that makes new-energy vehicle parts and is in a listed industry: （二十六） and （二十七） besides. */
const PARTS_MAKER = { version: 1, entity: 'enterprise', facts: { 'm26.vehicleMaker': true, 'm27.listedIndustry': true, 'm13.level': '2A' } };

/** The results page's 非资金支持 group for a profile, one line per card: （十）设立…基金（基金支持）. */
function pageLines(profile: Profile): string[] {
  const group = groupResults(evaluate(profile)).find((g) => g.id === 'nonMonetary')!;
  return group.items.map((r) => `${measureLabel(r)}${r.title}（${figureInGroup(r, 'nonMonetary').figure}）`);
}

describe('企业结果: 非资金支持 as on the results page', () => {
  const tmp = tempDir();
  afterAll(tmp.done);
  const rows: [string, Profile][] = [
    ['快速路径', parsed(QUICK_PATH)],
    ['大企业', parsed(LARGE_ENTERPRISE)],
    ['汽车零部件', parsed(PARTS_MAKER)],
    ['园区', parsed(INDUSTRIAL_PARK)],
  ];
  const cell = new Map<string, unknown>();
  const profiles = new Map<string, Profile>();

  beforeAll(async () => {
    const file = join(tmp.dir, 'register.xlsx');
    const out = join(tmp.dir, 'result.xlsx');
    await writeProfiles(file, rows);
    const run = await screenKeeping(file, out);
    for (const s of run.screened) profiles.set(s.name, s.profile);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet(SHEETS.rows)!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = header.indexOf('非资金支持') + 1;
    sheet.eachRow((row, n) => n > 1 && cell.set(String(row.getCell(2).value), row.getCell(col).value));
  }, 60000);

  it.each([
    ['快速路径, an enterprise whose answers earn no support without money: the support every enterprise has, as the page lists it', '快速路径'],
    ['大企业, with projects and levels: the same lines as its page', '大企业'],
    ['汽车零部件, answering （二十六） and （二十七）: those too, in catalog order', '汽车零部件'],
    ['园区, a park: the bonds every park has', '园区'],
  ])('%s', (_, name) => {
    const expected = pageLines(profiles.get(name)!);
    expect(expected.length).toBeGreaterThan(0);
    expect(cell.get(name)).toBe(expected.join('\n'));
  });
});
