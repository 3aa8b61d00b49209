/**
 * The home page for a returning user, in Chromium at 390×844 on the local cloud (issue 22): a batch
 * published since the last visit that is for an item of the saved result is announced with the
 * user's figure and its own 提醒我; the result never leaves the browser (it is matched on the device).
 */
import { addDays, todayIn } from '../../shared/cloud/dates';
import { DRAFT_KEY } from '../../src/state/draft-core';
import { UPGRADE_2100_DRAFT } from '../support/drafts';
import { shot, startHarness, type Harness } from './harness';

jest.setTimeout(120_000);

const ADMIN = 'e2e-admin';
/** Where home keeps the last visit (src/state/last-visit.ts); Taro H5 stores {"data": value}. */
const LAST_VISIT_KEY = 'policy-abacus:last-visit:v1';
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ admins: [ADMIN] }); // the local bootstrap of the first admin (README, "Admins")
});
afterAll(async () => {
  await h?.close();
});

it('announces a （八） batch published since the last visit with the saved result’s 420万元', async () => {
  const today = todayIn(new Date());
  const created = await fetch(`${h.url}/cloud/deadlines`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': ADMIN },
    body: JSON.stringify({
      action: 'create',
      deadline: { measureId: 'm08', batchTitle: '2026 年度技术改造申报', opensOn: addDays(today, -1), closesOn: addDays(today, 41), issuer: '自治区工业和信息化厅', sourceUrl: 'https://gxt.nmg.gov.cn/notice/2026-12' },
    }),
  });
  expect(created.status).toBe(200);

  const { page, context } = await h.newPage({ openid: 'e2e-returning' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const sentToCloud: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST') sentToCloud.push(r.postData() ?? '');
  });
  await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [DRAFT_KEY, JSON.stringify({ data: UPGRADE_2100_DRAFT })] as const);
  // The results seen once (the results page keeps what home needs), home last visited yesterday.
  await page.goto(`${h.url}/#/pages/results/index`);
  await page.locator('#results-total').waitFor();
  const yesterday = new Date(Date.now() - 24 * 3600_000).toISOString();
  await page.evaluate(([key, value]) => window.localStorage.setItem(key, value), [LAST_VISIT_KEY, JSON.stringify({ data: yesterday })] as const);

  // (The results page has its own cloud check of the profile; from here on, home's requests only.)
  sentToCloud.length = 0;
  await page.goto(`${h.url}/?again=1#/pages/index/index`);
  const box = page.locator('#home-new-deadlines');
  await box.waitFor();
  const mine = box.locator('.new-deadlines__item', { hasText: '2026 年度技术改造申报' });
  expect(await mine.locator('.new-deadlines__batch').textContent()).toBe('（八）2026 年度技术改造申报');
  // Clause （八）: 2100万元 × 20% = 420万元, as the results card shows it.
  expect(await mine.locator('.new-deadlines__figure').textContent()).toBe('按你上次的测算：技术改造项目补助 420万元');
  await mine.locator('.subscribe-button__tap').waitFor();
  expect(await mine.textContent()).toContain('（还有 41 天）');
  await mine.scrollIntoViewIfNeeded();
  await shot(page, 'home-match');
  // The match stayed in the browser: none of home's requests carried the figure or the answers.
  expect(sentToCloud.filter((body) => body.includes('420') || body.includes('2100'))).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
