/**
 * 园区批量测算's template for a choice, in Chromium at 390×844 on the local cloud (issue 27, item 1):
 * the admin picks topics (the questionnaire's chips) and projects per item, downloads the template —
 * its columns are that choice's, in Chinese, with the 说明 sheet — fills two enterprises under the
 * Chinese headers, and screens it on the page: the result's totals are the engine's.
 */
import { mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { catalog2022, entryPath, evaluate, factPath, type Profile } from '../../shared/policy/engine';
import { NOTES_SHEET, rowSummary, screenColumns } from '../../shared/policy/screening';
import { shot, startHarness, type Harness } from './harness';

jest.setTimeout(120_000);

const ADMIN = 'e2e-screen-template-admin';
const ROUTE = '/pages/admin/screen/index';
let h: Harness;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'abacus-e2e-screen-template-'));
beforeAll(async () => {
  h = await startHarness({ admins: [ADMIN] });
});
afterAll(async () => {
  await h?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const columns = screenColumns(catalog2022, { topics: ['investment'], projects: 2 });
const header = (id: string) => columns.find((c) => c.id === id)!.header;

/** Two enterprises as the rows will hold them: 技术改造 projects in slots 1 and 2. */
const ENTERPRISES: [string, Profile, Record<string, string | number>][] = [
  [
    '甲机械有限公司',
    { version: 1, entity: 'enterprise', projects: { 'm08.upgrade': [{ facts: { chain: true, investment: '3000' } }, { facts: { chain: true, investment: '2500' } }] } },
    { [entryPath('m08.upgrade', 0, 'chain')]: '是', [entryPath('m08.upgrade', 0, 'investment')]: 3000, [entryPath('m08.upgrade', 1, 'chain')]: '是', [entryPath('m08.upgrade', 1, 'investment')]: 2500 },
  ],
  [
    '乙材料有限公司',
    { version: 1, entity: 'enterprise', region: { countyName: '宁城县', poverty: true }, projects: { 'm08.upgrade': [{ facts: { chain: true, investment: '1200' } }] } },
    { [factPath('region.countyName')]: '宁城县', [factPath('region.poverty')]: '是', [entryPath('m08.upgrade', 0, 'chain')]: '是', [entryPath('m08.upgrade', 0, 'investment')]: 1200 },
  ],
];

it('topics picked → template of those columns → filled under the Chinese headers → screened to the engine’s totals', async () => {
  const { page, context } = await h.newPage({ openid: ADMIN });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${h.url}/#${ROUTE}`);
  await page.locator('#topic-investment').waitFor();
  await page.locator('#topic-investment').click();
  await page.locator('#screen-projects-2').click();
  expect(await page.locator('#topic-investment').getAttribute('aria-pressed')).toBe('true');
  await page.locator('#screen-topics-lead').scrollIntoViewIfNeeded();
  await shot(page, 'screen-template-topics');
  await page.locator('#screen-template-open').scrollIntoViewIfNeeded();
  await shot(page, 'screen-template-projects');

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#screen-template-open').click()]);
  expect(download.suggestedFilename()).toBe('政策筛查模板.xlsx');
  const templateFile = path.join(tmp, 'template.xlsx');
  await download.saveAs(templateFile);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(templateFile);
  expect(wb.worksheets.map((w) => w.name).slice(0, 2)).toEqual(['筛查表', NOTES_SHEET]);
  const ws = wb.worksheets[0];
  const at = new Map<string, number>();
  ws.getRow(1).eachCell((cell, n) => at.set(String(cell.value), n));
  expect([...at.keys()]).toEqual(columns.map((c) => c.header));

  ENTERPRISES.forEach(([name, , cells], i) => {
    const row = ws.getRow(3 + i);
    row.getCell(at.get('名称')!).value = name;
    row.getCell(at.get('主体类型')!).value = '企业';
    for (const [id, v] of Object.entries(cells)) row.getCell(at.get(header(id))!).value = v;
  });
  const filled = path.join(tmp, '技改名单.xlsx');
  await wb.xlsx.writeFile(filled);

  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#screen-pick').click()]);
  await chooser.setFiles(filled);
  await page.locator('#screen-result').waitFor({ timeout: 60_000 });
  expect(await page.locator('#screen-result-summary').textContent()).toBe('技改名单.xlsx：共 2 行，已测算 2 行，未能测算 0 行。');
  const [resultDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#screen-result-open').click()]);
  const resultFile = path.join(tmp, 'result.xlsx');
  await resultDownload.saveAs(resultFile);
  const result = new ExcelJS.Workbook();
  await result.xlsx.readFile(resultFile);
  const sheet = result.getWorksheet('企业结果')!;
  const head = (sheet.getRow(1).values as unknown[]).map(String);
  ENTERPRISES.forEach(([name, profile], i) => {
    const row = sheet.getRow(2 + i);
    const total = rowSummary(evaluate(profile)).totalWan!;
    expect([row.getCell(head.indexOf('名称')).value, row.getCell(head.indexOf('合计下限（万元）')).value, row.getCell(head.indexOf('合计上限（万元）')).value]).toEqual([name, Number(total.min), Number(total.max)]);
  });
  expect(errors).toEqual([]);
  await context.close();
});
