/**
 * 园区批量测算 with a park's own register in the browser build (issue 27, item 2), at 390×844 on the
 * local cloud: the 200-row register of its own columns (test/fixtures/park-register.ts) picked with
 * the file input shows how each column is read, as a list with a picker per column; 确认并测算
 * screens it (统一社会信用代码 beside each name in the result), and the same headers picked again
 * are screened without asking. Screenshots: screen-columns-1-preview, screen-columns-2-result.
 */
import { mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { parkRecords, writeParkRegister } from '../fixtures/park-register';
import { shot, startHarness, type Harness } from './harness';

jest.setTimeout(120_000);

const ADMIN = 'e2e-screen-columns-admin';
const ROUTE = '/pages/admin/screen/index';
let h: Harness;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'abacus-e2e-screen-columns-'));
const register = path.join(tmp, '园区企业名录.xlsx');
beforeAll(async () => {
  await writeParkRegister(register);
  h = await startHarness({ admins: [ADMIN] });
});
afterAll(async () => {
  await h?.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function pick(page: Page): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#screen-pick').click()]);
  await chooser.setFiles(register);
}

it('a park’s own register: the columns listed to confirm, 确认并测算, the result with each code; the same headers next time without asking', async () => {
  const { page, context } = await h.newPage({ openid: ADMIN });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${h.url}/#${ROUTE}`);
  await page.locator('#screen-pick').waitFor();

  await pick(page);
  await page.locator('#screen-columns').waitFor({ timeout: 60_000 });
  expect(await page.locator('#screen-column-1').textContent()).toBe('企业名称读作：名称');
  expect(await page.locator('#screen-column-4').textContent()).toBe('所属旗县区读作：旗县区名称');
  expect(await page.locator('#screen-columns-entity').textContent()).toBe('名单没有「主体类型」列：每一行都按「企业」测算。');
  await page.locator('#screen-columns').scrollIntoViewIfNeeded();
  await shot(page, 'screen-columns-1-preview');

  await page.locator('#screen-confirm').click();
  await page.locator('#screen-result').waitFor({ timeout: 60_000 });
  expect(await page.locator('#screen-result-summary').textContent()).toBe('园区企业名录.xlsx：共 200 行，已测算 200 行，未能测算 0 行。');
  await shot(page, 'screen-columns-2-result');

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#screen-result-open').click()]);
  const file = path.join(tmp, 'result.xlsx');
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const first = parkRecords(1)[0];
  expect((wb.getWorksheet('企业结果')!.getRow(2).values as unknown[]).slice(1, 5)).toEqual([2, first.name, first.code, '企业']);

  // Remembered: the same headers again go straight to the result.
  await pick(page);
  await page.locator('#screen-result').waitFor({ state: 'detached' });
  await page.locator('#screen-result').waitFor({ timeout: 60_000 });
  expect(await page.locator('#screen-result-summary').textContent()).toBe('园区企业名录.xlsx：共 200 行，已测算 200 行，未能测算 0 行。');
  expect(await page.locator('#screen-columns').count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});
