/**
 * A park's own register (issue 27, item 2): each header read as a column of the screening table —
 * the template's own headers, then a register's words (header-synonyms.ts), compared normalised;
 * two columns read as one refused; no 主体类型 read as 企业 and asked to confirm; a confirmed
 * mapping used as remembered. 统一社会信用代码 checked by GB 32100-2015's check character and
 * carried as the row's identity only; the yes/no words a register writes; and the mapped rows'
 * figures are the engine's own for the same profiles.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { catalog2022, entryPath, evaluate, factPath, parseProfile } from '../../../shared/policy/engine';
import { checkCreditCode, CODE_COLUMN, columnById, headerKey, matchHeader, readLayout, screenFile, SHEETS, type ScreenedRow } from '../../../shared/policy/screening';
import { PARK_HEADER, parkRecords, writeParkRegister } from '../../fixtures/park-register';
import { figures, tempDir } from './support';

/** A sheet's rows as values (an empty cell: null). */
async function sheetRows(path: string, name: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const rows: unknown[][] = [];
  wb.getWorksheet(name)!.eachRow((r) => rows.push(Array.from({ length: r.cellCount }, (_, i) => r.getCell(i + 1).value ?? null)));
  return rows;
}

const headerOf = (id: string) => columnById(id, catalog2022)!.header;
const readAs = (header: string) => {
  const m = matchHeader([header, '主体类型'], catalog2022).matches[0];
  return [m.column?.header ?? null, m.how ?? null];
};

describe('a register’s header, read as the screening table’s columns', () => {
  it.each([
    ['企业名称', '名称', 'synonym'],
    ['单位名称', '名称', 'synonym'],
    ['公司名称', '名称', 'synonym'],
    ['企业（单位）名称', '名称', 'synonym'],
    ['企业(单位)名称 (half-width brackets)', '名称', 'synonym'],
    [' 企业 名称 (spaces)', '名称', 'synonym'],
    ['统一社会信用代码', CODE_COLUMN, 'template'],
    ['社会信用代码', CODE_COLUMN, 'synonym'],
    ['信用代码', CODE_COLUMN, 'synonym'],
    ['所在旗县', '旗县区名称', 'synonym'],
    ['所属旗县区', '旗县区名称', 'synonym'],
    ['旗县区', '旗县区名称', 'synonym'],
    ['县区', '旗县区名称', 'synonym'],
    ['所属盟市', '盟市名称', 'synonym'],
    ['盟市', '盟市名称', 'synonym'],
    ['是否中小企业', '是否为中小企业', 'synonym'],
    ['中小企业？', '是否为中小企业', 'synonym'],
    ['是否为中小企业', '是否为中小企业', 'template'],
    ['是否为中小企业？ (a trailing question mark)', '是否为中小企业', 'template'],
    ['是否属于脱贫地区', headerOf(factPath('region.poverty')), 'synonym'],
    ['名称', '名称', 'template'],
  ])('%s → %s (%s)', (header, column, how) => {
    expect(readAs(header.replace(/ \(.*\)$/, ''))).toEqual([column, how]);
  });

  it.each([
    ['the template’s header of a project column', headerOf(entryPath('m08.upgrade', 0, 'investment'))],
    ['a project column’s id (a template’s second line)', entryPath('m08.upgrade', 0, 'investment')],
    ['a fourth project slot copied from the template', headerOf(entryPath('m08.upgrade', 3, 'investment'))],
    ['a project column’s header before issue 27 (no measure number: templates handed out earlier)', columnById(entryPath('m08.upgrade', 0, 'investment'), catalog2022)!.legacy!],
    ['a measure’s fact as the template heads it', headerOf(factPath('m14.cloudCost'))],
  ])('%s is the template’s own column', (_, header) => {
    expect(readAs(header)).toEqual([columnById(header, catalog2022)!.header, 'template']);
  });

  it.each([['是否专精特新'], ['专精特新企业'], ['专精特新中小企业'], ['规上企业'], ['规模以上'], ['高新技术企业']])('%s is set aside with the reason said (no fact of the catalog asks it)', (header) => {
    const m = matchHeader([header], catalog2022).matches[0];
    expect(m.column).toBeUndefined();
    expect(m.aside).toMatch(/^清单/);
  });

  it.each([['联系人'], ['联系电话'], ['行业'], ['序号']])('%s is not used and listed as unmatched', (header) => {
    const r = matchHeader(['企业名称', header], catalog2022);
    expect(r.unmatched.map((m) => m.header)).toEqual([header]);
  });

  it.each([
    ['two synonyms of 名称', ['企业名称', '单位名称', '主体类型'], 1, '第 1 行（表头）第 1 列和第 2 列都是「名称」，无法判断用哪一列'],
    ['a template header and its synonym', ['旗县区名称', '所属旗县区', '主体类型'], 1, '第 1 行（表头）第 1 列和第 2 列都是「旗县区名称」，无法判断用哪一列'],
    ['the same header twice', ['名称', '主体类型', '名称'], 2, '第 1 行（表头）第 1 列和第 3 列都是「名称」，无法判断用哪一列'],
  ])('%s: refused until one is set aside', (_, header, aside, message) => {
    expect(matchHeader(header, catalog2022).problem).toBe(message);
    expect(readLayout(header, catalog2022)).toEqual({ ok: false, message });
    const setAside = header.map((h, i) => (i === aside ? null : columnById(h, catalog2022)?.id ?? matchHeader([h], catalog2022).mapping[0]));
    expect(readLayout(header, catalog2022, setAside).ok).toBe(true);
  });

  it.each([
    ['the template’s own headers', ['名称', '主体类型', '是否为中小企业'], false, false],
    ['the template’s headers and a column of its own (联系人)', ['名称', '主体类型', '联系人'], false, false],
    ['a synonym', ['企业名称', '主体类型'], false, true],
    ['no 主体类型', ['名称', '是否为中小企业'], true, true],
    ['the park register', [...PARK_HEADER], true, true],
  ])('%s: every row 企业 = %s, asks to confirm = %s', (_, header, assumed, confirm) => {
    const r = matchHeader(header, catalog2022);
    expect([r.entityAssumed, r.needsConfirmation]).toEqual([assumed, confirm]);
  });

  it('a remembered mapping for the same headers is used as it was confirmed, and asks nothing', () => {
    const first = matchHeader([...PARK_HEADER], catalog2022, { chosen: new Map([[1, null]]) });
    const again = matchHeader([...PARK_HEADER], catalog2022, { remembered: first.mapping });
    expect(again.needsConfirmation).toBe(false);
    expect(again.matches.every((m) => m.how === 'remembered')).toBe(true);
    expect(again.mapping).toEqual(first.mapping);
    expect(again.matches[1].column).toBeUndefined();
  });

  it('a remembered mapping for another width of header is not used', () => {
    const r = matchHeader([...PARK_HEADER], catalog2022, { remembered: [null, '名称'] });
    expect(r.needsConfirmation).toBe(true);
    expect(r.matches[1].how).toBe('synonym');
  });

  it('a header row’s key does not change with spaces, bracket widths or empty cells at its end', () => {
    expect(headerKey(['企业名称 ', '注册资本（万元）', '', ''])).toBe(headerKey(['企业名称', '注册资本(万元)']));
    expect(headerKey(['企业名称', '所属旗县区'])).not.toBe(headerKey(['所属旗县区', '企业名称']));
  });
});

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each([
    ['a valid code', '91350100M000100Y43', { ok: true, code: '91350100M000100Y43' }],
    ['a valid code in lower case', '91350100m000100y43', { ok: true, code: '91350100M000100Y43' }],
    ['a valid code whose check is 0 (31)', '91110000100007955' + '4', { ok: true, code: '911100001000079554' }],
    ['a wrong check character', '91350100M000100Y44', { ok: false, message: '校验码不对（最后一位与前 17 位不符），请核对是否抄错' }],
    ['17 characters', '91350100M000100Y4', { ok: false, message: '应为 18 位（现为 17 位）' }],
    ['19 characters', '91350100M000100Y433', { ok: false, message: '应为 18 位（现为 19 位）' }],
    ['the letter I', '91350100M000100I43', { ok: false, message: '含有不能用的字符「I」（只用数字和除 I、O、Z、S、V 以外的大写字母）' }],
    ['the letter O', '91350100M000100O43', { ok: false, message: '含有不能用的字符「O」（只用数字和除 I、O、Z、S、V 以外的大写字母）' }],
    ['the letter Z', '91350100M000100Z43', { ok: false, message: '含有不能用的字符「Z」（只用数字和除 I、O、Z、S、V 以外的大写字母）' }],
    ['the letter S', '91350100M000100S43', { ok: false, message: '含有不能用的字符「S」（只用数字和除 I、O、Z、S、V 以外的大写字母）' }],
    ['the letter V', '91350100M000100V43', { ok: false, message: '含有不能用的字符「V」（只用数字和除 I、O、Z、S、V 以外的大写字母）' }],
    ['letters where the area code goes', '91AB0100M000100Y43', { ok: false, message: '第 3–8 位应为行政区划代码（6 位数字）' }],
  ])('%s', (_, text, reading) => {
    expect(checkCreditCode(text)).toEqual(reading);
  });
});

describe('a park’s own register, screened', () => {
  const tmp = tempDir();
  afterAll(tmp.done);

  it('keeps a valid code as the row’s identity, and refuses a row whose code is invalid, naming the column', async () => {
    const file = join(tmp.dir, 'codes.csv');
    writeFileSync(file, '企业名称,社会信用代码,是否中小企业\n甲公司,91350100M000100Y43,是\n乙公司,91350100M000100Y44,是\n丙公司,,是\n');
    const screened: ScreenedRow[] = [];
    const report = await screenFile(file, join(tmp.dir, 'codes-result.xlsx'), { onRow: (r) => screened.push(r) });
    expect(report.refused).toEqual([{ row: 3, name: '乙公司', code: '91350100M000100Y44', messages: ['第 3 行「统一社会信用代码」校验码不对（最后一位与前 17 位不符），请核对是否抄错'] }]);
    const result = join(tmp.dir, 'codes-result.xlsx');
    expect((await sheetRows(result, SHEETS.rows)).map((r) => r.slice(0, 4))).toEqual([
      ['行号', '名称', CODE_COLUMN, '主体类型'],
      [2, '甲公司', '91350100M000100Y43', '企业'],
      [4, '丙公司', null, '企业'],
    ]);
    expect(await sheetRows(result, SHEETS.refused)).toEqual([
      ['行号', '名称', CODE_COLUMN, '原因'],
      [3, '乙公司', '91350100M000100Y44', '第 3 行「统一社会信用代码」校验码不对（最后一位与前 17 位不符），请核对是否抄错'],
    ]);
    expect(screened.map((s) => [s.name, s.profile])).toEqual([
      ['甲公司', { version: 1, entity: 'enterprise', sme: true }],
      ['丙公司', { version: 1, entity: 'enterprise', sme: true }],
    ]);
  });

  it.each([
    ['是', true],
    ['√', true],
    ['✓', true],
    ['有', true],
    ['Y', true],
    ['yes', true],
    ['否', false],
    ['×', false],
    ['无', false],
    ['N', false],
    ['不确定', 'unknown'],
  ])('a yes/no cell %s reads as %s', async (word, value) => {
    const file = join(tmp.dir, `flag-${value}-${word.charCodeAt(0)}.csv`);
    writeFileSync(file, `名称,主体类型,是否为中小企业\n甲公司,企业,${word}\n`);
    const screened: ScreenedRow[] = [];
    await screenFile(file, join(tmp.dir, 'flag-result.xlsx'), { onRow: (r) => screened.push(r) });
    expect(screened[0].profile.sme).toBe(value);
  });

  const records = parkRecords();
  let screened: ScreenedRow[] = [];
  beforeAll(async () => {
    const file = join(tmp.dir, '园区企业名录.xlsx');
    await writeParkRegister(file);
    const mapping = matchHeader([...PARK_HEADER], catalog2022).mapping;
    const report = await screenFile(file, join(tmp.dir, 'park-result.xlsx'), { mapping, onRow: (r) => screened.push(r) });
    expect([report.rows, report.refused.length]).toEqual([200, 0]);
  }, 30000);
  afterAll(() => (screened = []));

  it.each([0, 1, 2, 3, 7, 42, 99, 150, 199])('row %i of the park register has the engine’s own figures for its profile', (i) => {
    const r = records[i];
    const sme = { 是: true, 否: false, 不确定: 'unknown', '': undefined }[r.sme];
    const profile = parseProfile({ version: 1, entity: 'enterprise', ...(sme === undefined ? {} : { sme }), region: { cityName: r.city, countyName: r.county } }, catalog2022);
    if (!profile.ok) throw new Error('invalid expected profile');
    const got = screened[i];
    expect([got.row, got.name]).toEqual([i + 2, r.name]);
    expect(got.profile).toEqual(profile.profile);
    expect(figures(got.result)).toEqual(figures(evaluate(profile.profile, catalog2022, { explain: false })));
  });
});
