/**
 * Several batches of one measure in the WeChat build (issue 22, items 2 and 5). With two （八）
 * batches open, each has its own 提醒我 on the detail page; a link to the later batch opens the
 * page at it, and its 提醒我 subscribes to that batch — not to the soonest-closing one — which
 * 我的提醒 then names. A batch that names one item shows only under that item: on the detail page
 * it says which item, and on the results page it sits under that item's card alone.
 */
import type { Envelope, SubscriptionsResponse } from '../../shared/cloud/api';
import { adminsRepo } from '../../shared/cloud/repos';
import { REMINDER_TEMPLATES } from '../../shared/cloud/templates';
import { wxDocumentStore } from '../../shared/cloud/wx-db';
import { DRAFT_KEY } from '../../src/state/draft-core';
import { draftOf } from '../support/drafts';
import { launch } from './harness';
import { findByClass, findById, type WxElement } from './query';

const mp = launch();
const WEEK = REMINDER_TEMPLATES.week;
const DAY = REMINDER_TEMPLATES.day;
const ADMIN = 'admin-openid';

const UPGRADE = '2022 年度技术改造项目申报';
const SMART = '2022 年度智能工厂和数字化车间申报';

/** An admin publishes a batch of （八） (optionally for some of its items only); its id. */
async function publish(batchTitle: string, opensOn: string, closesOn: string, itemIds?: string[]): Promise<string> {
  await adminsRepo(wxDocumentStore(() => mp.db)).add({ _id: ADMIN, addedAt: mp.now().toISOString(), addedBy: 'bootstrap' }).catch(() => undefined);
  const env = await mp.callCloud(
    'deadlines',
    { action: 'create', deadline: { measureId: 'm08', batchTitle, opensOn, closesOn, issuer: '自治区工业和信息化厅', sourceUrl: 'https://gxt.nmg.gov.cn/notice/2022-06', ...(itemIds ? { itemIds } : {}) } },
    ADMIN,
  );
  if (!env.ok) throw new Error(`create failed: ${JSON.stringify(env)}`);
  return (env.data as { deadline: { id: string } }).deadline.id;
}

/** The batches the detail page lists, each with the text it shows. */
const batchesShown = () => mp.byClass('measure-deadlines__item');
const batchOf = (title: string): WxElement => {
  const found = batchesShown().filter((b) => mp.text(b).includes(title));
  if (found.length !== 1) throw new Error(`${found.length} batches titled ${title}; the page shows: ${mp.text('#measure-deadlines')}`);
  return found[0];
};
const subscribeCalls = () =>
  mp.callsOf('cloud.callFunction').filter((o) => o.name === 'subscriptions' && (o.data as { action?: string }).action === 'subscribe').map((o) => o.data);

/** Opens the detail page and waits until every batch's button knows its state. */
async function openDetail(url: string, batches: number): Promise<void> {
  await mp.reLaunch(url);
  await mp.waitFor(
    () => batchesShown().length === batches && batchesShown().every((b) => findByClass(b, 'subscribe-button__tap').length === 1),
    `${batches} batches, each with its 提醒我`,
    15000,
  );
}

beforeEach(async () => {
  await mp.reset();
  // Beijing 2022-06-20 10:00: both batches are open.
  mp.now = () => new Date('2022-06-20T02:00:00Z');
});

afterEach(() => {
  expect(mp.errors).toEqual([]);
});

describe('two open batches of one measure', () => {
  it('each batch on the detail page has its own 提醒我', async () => {
    await publish(UPGRADE, '2022-06-01', '2022-06-30');
    await publish(SMART, '2022-06-10', '2022-07-20', ['m08.smart-factory']);
    await openDetail('/pages/policy/detail/index?id=m08', 2);
    expect(batchesShown().map((b) => findByClass(b, 'subscribe-button').length)).toEqual([1, 1]);
    expect(mp.text(findByClass(batchOf(SMART), 'subscribe-button')[0])).toContain('申报截止：2022年7月20日（还有 30 天）');
    expect(mp.text(findByClass(batchOf(UPGRADE), 'subscribe-button')[0])).toContain('申报截止：2022年6月30日（还有 10 天）');
  }, 60000);

  it('a link to the later batch opens the page at it, and its 提醒我 subscribes to that batch, which 我的提醒 names', async () => {
    await publish(UPGRADE, '2022-06-01', '2022-06-30');
    const later = await publish(SMART, '2022-06-10', '2022-07-20', ['m08.smart-factory']);
    await openDetail(`/pages/policy/detail/index?id=m08&deadline=${encodeURIComponent(later)}`, 2);
    // The batch the link named is marked (and scrolled to).
    expect(mp.text('#deadline-focus')).toContain(SMART);
    expect(findByClass(batchOf(SMART), 'measure-deadlines__item--focus')).toHaveLength(1);

    await mp.tap(findByClass(batchOf(SMART), 'subscribe-button__tap')[0]);
    expect(subscribeCalls()).toEqual([{ action: 'subscribe', measureId: 'm08', deadlineId: later, results: { [WEEK.id]: 'accept', [DAY.id]: 'accept' } }]);
    // The later batch shows it is subscribed; the earlier one still offers its own 提醒我.
    expect(mp.text(batchOf(SMART))).toContain(`已订阅：${WEEK.label}、${DAY.label}提醒`);
    expect(findByClass(batchOf(UPGRADE), 'subscribe-button__tap')).toHaveLength(1);

    const env = (await mp.callCloud('subscriptions', { action: 'list' })) as Envelope<SubscriptionsResponse>;
    expect(env.ok && env.data.action === 'list' && env.data.subscriptions.map((s) => s.deadlineId)).toEqual([later]);

    // 查看我的提醒 opens 我的提醒 at that batch's row, which names it.
    await mp.tap(findByClass(batchOf(SMART), 'subscribe-button__link')[0]);
    await mp.waitFor(() => mp.page().route === 'pages/reminders/index' && mp.byClass('reminder').length > 0, 'the reminders list');
    const [row] = mp.byClass('reminder');
    expect(mp.text(findByClass(row, 'reminder__deadline')[0])).toBe(`申报批次「${SMART}」：2022年7月20日截止（还有 30 天）`);
    expect(mp.text(findByClass(row, 'reminder__items')[0])).toBe('适用：智能工厂、数字化车间项目补助');
    expect(findByClass(mp.page().root, 'reminder--focus')).toHaveLength(1);
  }, 60000);
});

describe('a batch for one item shows only under that item', () => {
  it('the detail page says which item each batch is for', async () => {
    await publish(UPGRADE, '2022-06-01', '2022-06-30');
    await publish(SMART, '2022-06-10', '2022-07-20', ['m08.smart-factory']);
    await openDetail('/pages/policy/detail/index?id=m08', 2);
    expect(mp.text(findByClass(batchOf(SMART), 'measure-deadlines__items')[0])).toBe('适用：智能工厂、数字化车间项目补助');
    expect(mp.text(findByClass(batchOf(UPGRADE), 'measure-deadlines__items')[0])).toBe('适用：整项措施');
  }, 60000);

  it.each([
    ['技术改造', 'result-m08-upgrade', false],
    ['智能工厂', 'result-m08-smart-factory', true],
    ['机器换人', 'result-m08-robots', false],
  ])('the results page, under the %s card (%s), shows the 智能工厂 batch: %s', async (_item, cardId, shown) => {
    await publish(SMART, '2022-06-10', '2022-07-20', ['m08.smart-factory']);
    mp.storage.set(
      DRAFT_KEY,
      draftOf({
        entity: 'enterprise',
        topics: ['investment'],
        projects: {
          'm08.upgrade': [{ facts: { chain: true, investment: '3000' } }],
          'm08.smart-factory': [{ facts: { investment: '1000' } }],
          'm08.robots': [{ facts: { hazardous: true, robotCost: '800' } }],
        },
      }),
    );
    await mp.reLaunch('/pages/results/index');
    const card = await mp.waitFor(() => {
      const c = findById(mp.page().root, cardId);
      return c && findByClass(c, 'subscribe-button--loading').length === 0 && findByClass(c, 'subscribe-button').length > 0 && c;
    }, `the ${cardId} card with its reminder`, 15000);
    expect(mp.text(card).includes(SMART)).toBe(shown);
    // Where it is shown, with its own 提醒我; elsewhere the card says no batch is for its item.
    if (shown) expect(findByClass(card, 'subscribe-button__tap')).toHaveLength(1);
    else expect(mp.text(card)).toContain('目前公布的申报批次不含这一事项');
  }, 60000);
});

describe('the admin editor’s 适用事项', () => {
  /** The stored deadlines of （八） as the cloud lists them: title and items. */
  async function storedM08() {
    const env = (await mp.callCloud('deadlines', { action: 'list', measureId: 'm08' })) as Envelope<{ action: string; deadlines: { batchTitle: string; itemIds: string[] }[] }>;
    if (!env.ok) throw new Error(JSON.stringify(env));
    return env.data.deadlines.map((d) => [d.batchTitle, d.itemIds]);
  }
  const picked = () => mp.byClass('deadline-items__row--on').map((el) => mp.text(el));

  it('picks the items of the typed measure (整项措施 by default) and saves the batch for the one picked', async () => {
    await adminsRepo(wxDocumentStore(() => mp.db)).add({ _id: ADMIN, addedAt: mp.now().toISOString(), addedBy: 'bootstrap' });
    mp.openid = ADMIN;
    await mp.reLaunch('/pages/admin/deadline/index');
    await mp.waitFor(() => mp.has('admin-save'), 'the form');
    expect(mp.text('#admin-items-hint')).toContain('填好措施编号后');
    await mp.input('#admin-measureId', '（八）');
    await mp.waitFor(() => mp.has('admin-items'), 'the items of （八）');
    expect(mp.text('#admin-measure-name')).toBe('（八）引导企业增加技术改造投入');
    expect(picked()).toEqual(['☑整项措施（本措施的全部事项）']);
    await mp.tap('#admin-item-m08-smart-factory');
    expect(picked()).toEqual(['☑智能工厂、数字化车间项目补助']);
    for (const [key, value] of [['batchTitle', SMART], ['opensOn', '2022-06-10'], ['closesOn', '2022-07-20'], ['issuer', '自治区工业和信息化厅'], ['sourceUrl', 'https://gxt.nmg.gov.cn/n/8']]) {
      await mp.input(`#admin-${key}`, value);
    }
    await mp.tap('#admin-save');
    await mp.waitFor(() => mp.page().route === 'pages/admin/index', 'back on the hub');
    expect(await storedM08()).toEqual([[SMART, ['m08.smart-factory']]]);
  }, 60000);

  it('an edit back to 整项措施 clears the items, and the measure stands on its own line above the hint', async () => {
    const id = await publish(SMART, '2022-06-10', '2022-07-20', ['m08.smart-factory']);
    mp.openid = ADMIN;
    await mp.reLaunch(`/pages/admin/deadline/index?id=${encodeURIComponent(id)}`);
    await mp.waitFor(() => mp.has('admin-items') && picked().length === 1, 'the batch’s item picked');
    expect(picked()).toEqual(['☑智能工厂、数字化车间项目补助']);
    expect(mp.text('#admin-deadline-measure')).toBe('（八）引导企业增加技术改造投入');
    await mp.tap('#admin-items-whole');
    await mp.tap('#admin-save');
    await mp.waitFor(() => mp.page().route === 'pages/admin/index', 'back on the hub');
    expect(await storedM08()).toEqual([[SMART, []]]);
  }, 60000);
});
