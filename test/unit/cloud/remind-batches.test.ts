/**
 * Two batches of one measure open at once (issue 22, item 2): `status` lists each open batch with
 * the caller's own subscription to it, a subscription made for the later batch is for that batch
 * alone, and the timer sends for the batch the user chose — nothing when only the earlier one falls
 * due, its reminder when the later one does. Through the handlers, on both back ends.
 */
import type { Envelope, SubscriptionsRequest, SubscriptionsResponse } from '../../../shared/cloud/api';
import { type DocumentStore, silentLogger } from '../../../shared/cloud/context';
import { runHandler } from '../../../shared/cloud/handler';
import { subscriptions } from '../../../shared/cloud/handlers/subscriptions';
import { runRemind } from '../../../shared/cloud/remind/engine';
import { FakeWeChat } from '../../fakes/fake-wechat';
import { repos } from '../../../shared/cloud/repos';
import { REMINDER_TEMPLATES } from '../../../shared/cloud/templates';
import { BACKENDS, type Backend } from './backends';
import { fakeContext } from './fakes';
import { deadlineDoc } from './remind-fixtures';

const WEEK = REMINDER_TEMPLATES.week.id;
const DAY = REMINDER_TEMPLATES.day.id;
/** 09:00 Beijing time on a day. */
const morning = (day: string) => new Date(`${day}T01:00:00.000Z`);
const SUBSCRIBED_ON = morning('2022-06-20');

describe.each(BACKENDS)('%s', (_name, make) => {
  let b: Backend;
  let db: DocumentStore;
  beforeEach(async () => {
    b = make();
    db = b.store;
    // （八）: the 技术改造 batch closes 06-30; the 智能工厂 batch (one item) closes 07-20.
    await repos(db).deadlines.add(deadlineDoc('dl-upgrade', 'm08', '2022-06-30', { batchTitle: '2022 年度技术改造项目申报' }));
    await repos(db).deadlines.add(deadlineDoc('dl-smart', 'm08', '2022-07-20', { batchTitle: '2022 年度智能工厂和数字化车间申报', itemIds: ['m08.smart-factory'] }));
  });
  afterEach(() => b.close());

  async function data<A extends SubscriptionsResponse['action']>(openid: string, request: SubscriptionsRequest & { action: A }, now = SUBSCRIBED_ON) {
    const env = (await runHandler('subscriptions', subscriptions, request, fakeContext({ openid, db, now: () => now }))) as Envelope<SubscriptionsResponse>;
    if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
    return env.data as Extract<SubscriptionsResponse, { action: A }>;
  }

  it.each([
    ['before any subscription', false, [['dl-upgrade', null], ['dl-smart', null]]],
    ['after subscribing to the later batch', true, [['dl-upgrade', null], ['dl-smart', 'm08.dl-smart']]],
  ])('status lists every open batch of the measure with my subscription to it — %s', async (_when, subscribe, expected) => {
    if (subscribe) await data('o-a', { action: 'subscribe', measureId: 'm08', deadlineId: 'dl-smart', results: { [WEEK]: 'accept', [DAY]: 'accept' } });
    const status = await data('o-a', { action: 'status', measureIds: ['m08'] });
    expect(status.measures[0].batches?.map((x) => [x.deadline.id, x.subscription?.key ?? null])).toEqual(expected);
  });

  it('status names the items a batch is for (empty: the whole measure)', async () => {
    const status = await data('o-a', { action: 'status', measureIds: ['m08'] });
    expect(status.measures[0].batches?.map((x) => [x.deadline.id, x.deadline.itemIds, x.deadline.itemTitles])).toEqual([
      ['dl-upgrade', [], []],
      ['dl-smart', ['m08.smart-factory'], ['智能工厂、数字化车间项目补助']],
    ]);
  });

  it.each([
    ['7 days before the earlier batch closes', '2022-06-23', []],
    ['7 days before the later batch closes', '2022-07-13', [['dl-smart', 'week']]],
    ['1 day before the later batch closes', '2022-07-19', [['dl-smart', 'day']]],
  ])('a user who chose the later batch is reminded for it only: %s', async (_when, day, expected) => {
    await data('o-a', { action: 'subscribe', measureId: 'm08', deadlineId: 'dl-smart', results: { [WEEK]: 'accept', [DAY]: 'accept' } });
    const wechat = new FakeWeChat();
    wechat.grant('o-a', WEEK);
    wechat.grant('o-a', DAY);
    await runRemind({ db, sender: wechat, log: silentLogger, now: () => morning(day) });
    expect(
      wechat.deliveredTo('o-a').map((m) => [new URLSearchParams(m.page.split('?')[1]).get('deadline'), m.templateId === WEEK ? 'week' : 'day']),
    ).toEqual(expected);
  });
});
