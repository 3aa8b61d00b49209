/**
 * A bad cell refuses its row with the schema's own message, said of the column (第 N 行「列名」…),
 * and nothing is changed on the user's behalf; the rest of the file is screened. In .csv and .xlsx
 * (where 1.5 and -3 are number cells, as Excel keeps them).
 */
import { join } from 'path';
import { evaluate, entryPath, factPath, catalog2022 } from '../../../shared/policy/engine';
import { screenColumns, type CellValue } from '../../../shared/policy/screening';
import { figures, personaProfiles, screenKeeping, tempDir, writeProfiles } from './support';

const columns = screenColumns(catalog2022);
const at = (id: string) => columns.findIndex((c) => c.id === id);

/** An enterprise row with these cells set (by column id). */
function row(name: string, cells: Record<string, CellValue>): CellValue[] {
  const out: CellValue[] = columns.map(() => '');
  out[0] = name;
  out[1] = '企业';
  for (const [id, v] of Object.entries(cells)) out[at(id)] = v;
  return out;
}

const BAD: [CellValue[], string[]][] = [
  [row('整数列填了小数', { [factPath('m03.leadInternational')]: 1.5 }), ['「（三）本年度主导制定的国际标准数量（个）」必须是整数']],
  [row('负数', { [factPath('m14.cloudCost')]: -3 }), ['「（十四）设备上云上平台的实际费用（万元）」不能为负数']],
  [row('别的单位', { [entryPath('m08.upgrade', 0, 'chain')]: '是', [entryPath('m08.upgrade', 0, 'investment')]: '12万吨' }), ['「（八）技术改造项目1：项目实际完成投资额（万元）」的单位是万元，不是“吨”']], // “万吨” until issue 22 (item 9): 万 is a numeral, 吨 the unit
  [row('是不是', { [factPath('m01.techCenter')]: '是不是' }), ['「（一）是否新认定为自治区级企业技术中心」只能是 是 / 否 / 不确定（true / false / "unknown"）']],
  [
    row('两处都错，第二个项目', { [factPath('m13.level')]: '6A', [entryPath('m08.upgrade', 1, 'investment')]: '-5' }),
    [
      '「（十三）通过国家“两化融合”管理体系贯标评定的级别」只能是以下之一：5A（5A 级）、4A（4A 级）、3A（3A 级）、2A（2A 级）、A（A 级）、none（未通过评定）、unknown（不确定）',
      '「（八）技术改造项目2：项目实际完成投资额（万元）」不能为负数',
    ],
  ],
  [row('没填主体类型', { [factPath('entity')]: '' }), ['「主体类型」必须是 enterprise（企业）或 park（园区）']],
  [row('代码', { [factPath('region.countyCode')]: '1502' }), ['「旗县区代码」必须是 6 位数字']],
];

describe.each(['csv', 'xlsx'])('bad cells in a .%s table', (ext) => {
  const tmp = tempDir();
  afterAll(tmp.done);
  const personas = personaProfiles();
  let run: Awaited<ReturnType<typeof screenKeeping>>;

  beforeAll(async () => {
    const file = join(tmp.dir, `bad.${ext}`);
    await writeProfiles(file, personas, BAD.map(([cells]) => cells));
    run = await screenKeeping(file, join(tmp.dir, 'result.xlsx'));
  });

  it('refuses each bad row with 第 N 行「列名」 and the schema’s message — every bad cell of it', () => {
    const first = 3 + personas.length;
    expect(run.report.refused).toEqual(BAD.map(([cells, messages], i) => ({ row: first + i, name: cells[0], messages: messages.map((m) => `第 ${first + i} 行${m}`) })));
  });

  it('screens the rest of the file, unchanged', () => {
    expect(run.report.rows).toBe(personas.length + BAD.length);
    expect(run.screened.map((s) => s.name)).toEqual(personas.map(([name]) => name));
    run.screened.forEach((s, i) => expect(figures(s.result)).toEqual(figures(evaluate(personas[i][1]))));
  });
});

describe('what a cell may say', () => {
  const tmp = tempDir();
  afterAll(tmp.done);

  it('reads 是/否/不确定, option labels or values, typed numbers with their unit, and leaves empty cells unanswered', async () => {
    const file = join(tmp.dir, 'words.csv');
    await writeProfiles(file, [], [
      row('a', {
        [factPath('sme')]: '否',
        [factPath('m13.level')]: '3A 级',
        [factPath('m14.cloudCost')]: '１８０万',
        [factPath('m06.recognition')]: 'specialized',
        [factPath('m21.nationalGreen')]: 'TRUE',
        [entryPath('m08.upgrade', 1, 'chain')]: '是',
        [entryPath('m08.upgrade', 1, 'investment')]: '3,000万元',
        [entryPath('m08.robots', 0, 'hazardous')]: '不确定',
        [entryPath('m08.robots', 0, 'robotCost')]: '800',
      }),
      row('', {}).map(() => ''), // a blank row: skipped, not counted
    ]);
    const run = await screenKeeping(file, join(tmp.dir, 'r.xlsx'));
    expect(run.report.rows).toBe(1);
    expect(run.screened[0].profile).toEqual({
      version: 1,
      entity: 'enterprise',
      sme: false,
      facts: { 'm13.level': '3A', 'm14.cloudCost': '180', 'm06.recognition': 'specialized', 'm21.nationalGreen': true },
      // The filled slot 2 is the profile's first project.
      projects: { 'm08.upgrade': [{ facts: { chain: true, investment: '3000' } }], 'm08.robots': [{ facts: { hazardous: 'unknown', robotCost: '800' } }] },
    });
  });
});
