/**
 * npm run screen with a park's own register (issue 27, item 2): the preview of each column → what it
 * is read as, a stop with exit 3 until the person confirms (--yes) or changes a match (--map
 * "列名=读作", "列名=不使用"), the confirmed mapping remembered in the mappings file and used
 * without asking for the next register with the same headers; --map refused with a Chinese message
 * naming the bad part.
 */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { runScreen } from '../../../shared/policy/cli';
import { headerKey, SHEETS } from '../../../shared/policy/screening';
import { PARK_HEADER, parkRecords, writeParkRegister } from '../../fixtures/park-register';
import { tempDir } from './support';
import { sheetRows } from '../../support/sheet-rows';

async function call(argv: string[], cwd: string, mappingsFile: string) {
  let out = '';
  let err = '';
  const code = await runScreen(argv, { out: (t) => (out += t), err: (t) => (err += t), tty: false, cwd, docsDir: join(cwd, 'docs'), mappingsFile });
  return { code, out, err };
}


describe('npm run screen with a park’s own register', () => {
  const tmp = tempDir();
  afterAll(tmp.done);
  const register = join(tmp.dir, '园区企业名录.xlsx');
  beforeAll(() => writeParkRegister(register), 30000);
  let n = 0;
  /** A mappings file of the test's own. */
  const fresh = () => join(tmp.dir, `mappings-${++n}`, 'screen-mappings.json');

  it('prints the preview and stops with exit 3, asking for --yes or --map, and writes nothing', async () => {
    const mappings = fresh();
    const r = await call(['园区企业名录.xlsx', '--out', 'r-stop.xlsx'], tmp.dir, mappings);
    expect(r.code).toBe(3);
    expect(r.out).toContain('  第 2 列「企业名称」→ 读作「名称」（按同义列名）\n');
    expect(r.out).toContain('  第 5 列「所属旗县区」→ 读作「旗县区名称」（按同义列名）\n');
    expect(r.out).toContain('  第 7 列「是否专精特新」→ 不使用（清单问的是本年度获得的认定类别，名单上的资质不能代替）\n');
    expect(r.out).toContain('  没有「主体类型」列：每一行都按「企业」测算（园区名单列的是企业）\n');
    expect(r.out).toContain('  未使用的列：序号、行业、是否专精特新、规上企业、联系人、联系电话、成立日期、注册资本（万元）、从业人员（人）、备注\n');
    expect(r.err).toContain('加 --yes 按它测算；或用 --map "列名=读作" 改');
    expect(existsSync(join(tmp.dir, 'r-stop.xlsx'))).toBe(false);
    expect(existsSync(mappings)).toBe(false);
  });

  it('--yes screens every row as previewed, keeps each code beside the name, and remembers the mapping', async () => {
    const mappings = fresh();
    const r = await call(['园区企业名录.xlsx', '--out', 'r-yes.xlsx', '--yes'], tmp.dir, mappings);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\n200 行，拒绝 0 行，/);
    const stored = JSON.parse(readFileSync(mappings, 'utf8'));
    expect(stored.mappings[headerKey([...PARK_HEADER])].mapping.slice(0, 5)).toEqual([null, '名称', '统一社会信用代码', 'region/cityName', 'region/countyName']);
    const rows = await sheetRows(join(tmp.dir, 'r-yes.xlsx'), SHEETS.rows);
    expect(rows).toHaveLength(201);
    const first = parkRecords(1)[0];
    expect(rows[0].slice(0, 4)).toEqual(['行号', '名称', '统一社会信用代码', '主体类型']);
    expect(rows[1].slice(0, 4)).toEqual([2, first.name, first.code, '企业']);
  });

  it('the next register with the same headers is read with the remembered mapping, without asking', async () => {
    const mappings = fresh();
    await call(['园区企业名录.xlsx', '--out', 'r-first.xlsx', '--map', '是否中小企业=不使用'], tmp.dir, mappings);
    const r = await call(['园区企业名录.xlsx', '--out', 'r-again.xlsx'], tmp.dir, mappings);
    expect(r.code).toBe(0);
    expect(r.out).toContain('沿用上次确认的列对应。\n');
    expect(r.out).toContain('  第 9 列「是否中小企业」→ 不使用（沿用上次确认）\n');
    expect(r.out).toContain('  第 2 列「企业名称」→ 读作「名称」（沿用上次确认）\n');
  });

  it('--map changes a match (and confirms): "是否中小企业=不使用" leaves the column aside', async () => {
    const r = await call(['园区企业名录.xlsx', '--out', 'r-map.xlsx', '--map', '是否中小企业=不使用'], tmp.dir, fresh());
    expect(r.code).toBe(0);
    expect(r.out).toContain('  第 9 列「是否中小企业」→ 不使用（你的指定）\n');
  });

  it('--map reads a column of the park’s own as a column of the table: "联系人=名称" with "企业名称=不使用"', async () => {
    const r = await call(['园区企业名录.xlsx', '--out', 'r-map2.xlsx', '--map', '联系人=名称', '--map', '企业名称=不使用'], tmp.dir, fresh());
    expect(r.code).toBe(0);
    const rows = await sheetRows(join(tmp.dir, 'r-map2.xlsx'), SHEETS.rows);
    expect(String(rows[1][1])).toMatch(/经理$/);
  });

  it.each([
    ['no 列名=读作', ['--map', '企业名称'], '--map 应写成 "列名=读作"（如 "单位名称=名称"、"备注=不使用"）：企业名称'],
    ['a column the table does not have', ['--map', '企业名称=法人代表'], '--map "企业名称=法人代表"：没有可读作「法人代表」的列（写模板的列名，如「名称」「旗县区名称」「是否为中小企业」，或「不使用」）'],
    ['a header the register does not have', ['--map', '电子邮箱=不使用'], '--map "电子邮箱=不使用"：名单的第 1 行（表头）没有「电子邮箱」列'],
  ])('--map with %s exits 2 naming it', async (_, argv, message) => {
    const r = await call(['园区企业名录.xlsx', '--out', 'r-bad.xlsx', ...argv], tmp.dir, fresh());
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(existsSync(join(tmp.dir, 'r-bad.xlsx'))).toBe(false);
  });

  it('two columns read as one stop with exit 1, saying how to set one aside; --map "单位名称=不使用" then screens', async () => {
    writeFileSync(join(tmp.dir, 'two-names.csv'), '企业名称,单位名称,是否中小企业\n甲公司,甲,是\n');
    const mappings = fresh();
    const r = await call(['two-names.csv', '--out', 'r-two.xlsx'], tmp.dir, mappings);
    expect(r.code).toBe(1);
    expect(r.err).toContain('第 1 行（表头）第 1 列和第 2 列都是「名称」，无法判断用哪一列：请用 --map "列名=不使用" 去掉其中一列');
    const fixed = await call(['two-names.csv', '--out', 'r-two.xlsx', '--map', '单位名称=不使用'], tmp.dir, mappings);
    expect(fixed.code).toBe(0);
    expect(fixed.out).toMatch(/\n1 行，拒绝 0 行，/);
  });

  it('a table without 主体类型 (the template’s other columns) is read as enterprises once confirmed', async () => {
    writeFileSync(join(tmp.dir, 'noentity.csv'), '名称,是否为中小企业\na,是\n');
    const mappings = fresh();
    const r = await call(['noentity.csv', '--out', 'r-ne.xlsx'], tmp.dir, mappings);
    expect(r.code).toBe(3);
    expect(r.out).toContain('没有「主体类型」列：每一行都按「企业」测算');
    const yes = await call(['noentity.csv', '--out', 'r-ne.xlsx', '--yes'], tmp.dir, mappings);
    expect(yes.code).toBe(0);
    const rows = await sheetRows(join(tmp.dir, 'r-ne.xlsx'), SHEETS.rows);
    expect(rows[1].slice(1, 3)).toEqual(['a', '企业']);
  });

  it('a damaged mappings file is said and set aside; the confirmation writes it anew', async () => {
    const mappings = fresh();
    await call(['noentity.csv', '--out', 'r-d.xlsx', '--yes'], tmp.dir, mappings);
    writeFileSync(mappings, '{ not json');
    const r = await call(['noentity.csv', '--out', 'r-d.xlsx', '--yes'], tmp.dir, mappings);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`列对应的记录文件无法读取，已忽略：${mappings}`);
    expect(JSON.parse(readFileSync(mappings, 'utf8')).version).toBe(1);
  });
});
