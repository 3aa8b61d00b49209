/**
 * Batches of one measure in the browser at 390×844 (issue 22, items 2 and 5), on the local cloud:
 * two （八） batches open at once, each with its own 提醒我 on the detail page, which a link to the
 * later batch opens at; its 提醒我 subscribes to that batch and 我的提醒 names it. The 智能工厂 batch
 * shows only under its item's result card. The admin editor picks the items. Screenshots in
 * test/artifacts/batches-*.png.
 */
import type { Page } from 'playwright-core';
import { addDays, todayIn } from '../../shared/cloud/dates';
import { DRAFT_KEY } from '../../src/state/draft-core';
import { draftOf } from '../support/drafts';
import { shot, startHarness, type Harness } from './harness';

jest.setTimeout(180_000);

const ADMIN = 'e2e-batches-admin';
const USER = 'e2e-batches-user';
const TODAY = todayIn(new Date());
const UPGRADE = { measureId: 'm08', batchTitle: '技术改造和机器换人项目申报', opensOn: addDays(TODAY, -5), closesOn: addDays(TODAY, 10), issuer: '自治区工业和信息化厅', sourceUrl: 'https://gxt.nmg.gov.cn/n/8-1', itemIds: ['m08.upgrade', 'm08.robots'] };
const SMART = { measureId: 'm08', batchTitle: '智能工厂和数字化车间申报', opensOn: addDays(TODAY, -3), closesOn: addDays(TODAY, 40), issuer: '自治区工业和信息化厅', sourceUrl: 'https://gxt.nmg.gov.cn/n/8-2', itemIds: ['m08.smart-factory'] };

let h: Harness;
const ids: Record<string, string> = {};
beforeAll(async () => {
  h = await startHarness({ admins: [ADMIN] }); // the local bootstrap of the first admin (README, "Admins")
  for (const d of [UPGRADE, SMART]) {
    const res = await fetch(`${h.url}/cloud/deadlines`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dev-openid': ADMIN }, body: JSON.stringify({ action: 'create', deadline: d }) });
    const body = await res.json();
    if (!body.ok) throw new Error(JSON.stringify(body));
    ids[d.batchTitle] = body.data.deadline.id;
  }
});
afterAll(async () => {
  await h?.close();
});

async function open(openid: string, route: string, draft?: unknown): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const { page, context } = await h.newPage({ openid });
  if (draft) await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [DRAFT_KEY, JSON.stringify({ data: draft })] as const);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${h.url}/#${route}`);
  return { page, errors, close: () => context.close() };
}

const batch = (page: Page, title: string) => page.locator('.measure-deadlines__item', { hasText: title });

describe('two open batches of （八）', () => {
  it('each has its own 提醒我; the later one, opened from a link, is subscribed on its own and named in 我的提醒', async () => {
    const u = await open(USER, `/pages/policy/detail/index?id=m08&deadline=${encodeURIComponent(ids[SMART.batchTitle])}`);
    const later = batch(u.page, SMART.batchTitle);
    await later.locator('.subscribe-button__tap').waitFor();
    await batch(u.page, UPGRADE.batchTitle).locator('.subscribe-button__tap').waitFor();
    expect(await u.page.locator('.measure-deadlines__item').count()).toBe(2);
    expect(await u.page.locator('#detail-deadlines .subscribe-button__tap').count()).toBe(2);
    expect(await later.getAttribute('id')).toBe('deadline-focus');
    expect(await later.locator('.measure-deadlines__items').textContent()).toBe('适用：智能工厂、数字化车间项目补助');
    expect(await batch(u.page, UPGRADE.batchTitle).locator('.measure-deadlines__items').textContent()).toBe('适用：技术改造项目补助；“机器换人”工业机器人购置补助');
    await later.scrollIntoViewIfNeeded();
    await shot(u.page, 'batches-1-detail-two-batches-at-later');
    await u.page.locator('#detail-deadlines').scrollIntoViewIfNeeded();
    await shot(u.page, 'batches-2-detail-two-batches');

    await later.locator('.subscribe-button__tap').click();
    await u.page.locator('#subscribe-sheet-allow').click();
    await later.locator('.subscribe-button__notice--ok').waitFor();
    expect(await later.locator('.subscribe-button__notice--ok').textContent()).toContain(SMART.batchTitle);
    expect(await batch(u.page, UPGRADE.batchTitle).locator('.subscribe-button__tap').count()).toBe(1);
    await later.scrollIntoViewIfNeeded();
    await shot(u.page, 'batches-3-later-subscribed');

    await later.locator('.subscribe-button__link').click();
    const row = u.page.locator('.reminder');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.locator('.reminder__deadline').textContent()).toBe(`申报批次「${SMART.batchTitle}」：${Number(SMART.closesOn.slice(0, 4))}年${Number(SMART.closesOn.slice(5, 7))}月${Number(SMART.closesOn.slice(8))}日截止（还有 40 天）`);
    await shot(u.page, 'batches-4-reminders-names-batch');
    expect(u.errors).toEqual([]);
    await u.close();
  });

  it('the 智能工厂 batch shows under its item’s result card only', async () => {
    const draft = draftOf({
      entity: 'enterprise',
      topics: ['investment'],
      projects: {
        'm08.upgrade': [{ facts: { chain: true, investment: '3000' } }],
        'm08.smart-factory': [{ facts: { investment: '1000' } }],
        'm08.robots': [{ facts: { hazardous: true, robotCost: '800' } }],
      },
    });
    const u = await open('e2e-batches-viewer', '/pages/results/index', draft);
    const card = (id: string) => u.page.locator(`#result-${id}`);
    for (const id of ['m08-upgrade', 'm08-smart-factory', 'm08-robots']) await card(id).locator('.subscribe-button__tap').first().waitFor();
    // Each card names the batch for its item, and only that one.
    const names = async (id: string) => {
      const text = (await card(id).textContent()) ?? '';
      return [UPGRADE.batchTitle, SMART.batchTitle].filter((t) => text.includes(t));
    };
    expect(await names('m08-smart-factory')).toEqual([SMART.batchTitle]);
    expect(await names('m08-robots')).toEqual([UPGRADE.batchTitle]);
    expect(await names('m08-upgrade')).toEqual([UPGRADE.batchTitle]);
    await card('m08-smart-factory').scrollIntoViewIfNeeded();
    await shot(u.page, 'batches-5-results-smart-factory-card');
    await card('m08-robots').locator('.subscribe-button').scrollIntoViewIfNeeded();
    await shot(u.page, 'batches-6-results-robots-card');
    expect(u.errors).toEqual([]);
    await u.close();
  });

  it('the admin editor shows the measure on its own line and the batch’s items picked', async () => {
    const a = await open(ADMIN, `/pages/admin/deadline/index?id=${encodeURIComponent(ids[SMART.batchTitle])}`);
    await a.page.locator('.deadline-items__row--on').first().waitFor();
    expect(await a.page.locator('.deadline-items__row--on').allTextContents()).toEqual(['☑智能工厂、数字化车间项目补助']);
    await shot(a.page, 'batches-7-admin-editor-top');
    await a.page.locator('#admin-items').scrollIntoViewIfNeeded();
    await shot(a.page, 'batches-8-admin-editor-items');
    expect(a.errors).toEqual([]);
    await a.close();
  });
});
