/**
 * The subscriptions function on both back ends: each accept is one credit for (caller, template,
 * deadline); the caller is WeChat's openid only — user B can neither see, cancel nor use A's
 * subscriptions, and a payload naming an openid changes nothing.
 */
import type { Envelope, SubscriptionsRequest, SubscriptionsResponse } from '../../../shared/cloud/api';
import { type DocumentStore, silentLogger } from '../../../shared/cloud/context';
import { runHandler } from '../../../shared/cloud/handler';
import { subscriptions } from '../../../shared/cloud/handlers/subscriptions';
import { runRemind } from '../../../shared/cloud/remind/engine';
import { FakeWeChat } from '../../fakes/fake-wechat';
import { repos, subscriptionId } from '../../../shared/cloud/repos';
import { REMINDER_TEMPLATES } from '../../../shared/cloud/templates';
import { BACKENDS, type Backend } from './backends';
import { CJK, fakeContext } from './fakes';
import { deadlineDoc } from './remind-fixtures';

const NOW = new Date('2022-06-23T01:00:00.000Z');
const WEEK = REMINDER_TEMPLATES.week.id;
const DAY = REMINDER_TEMPLATES.day.id;

describe.each(BACKENDS)('%s', (_name, make) => {
  let b: Backend;
  let db: DocumentStore;
  beforeEach(async () => {
    b = make();
    db = b.store;
    await repos(db).deadlines.add(deadlineDoc('dl-D', 'm01', '2022-06-30', { batchTitle: '2022 年度自治区级企业技术中心认定' }));
    await repos(db).deadlines.add(deadlineDoc('dl-old', 'm01', '2022-05-01'));
  });
  afterEach(() => b.close());

  const call = (openid: string | null, request: SubscriptionsRequest | Record<string, unknown>, now = NOW) =>
    runHandler('subscriptions', subscriptions, request, fakeContext({ openid, db, now: () => now })) as Promise<Envelope<SubscriptionsResponse>>;
  async function data<A extends SubscriptionsResponse['action']>(openid: string, request: SubscriptionsRequest & { action: A }) {
    const env = await call(openid, request);
    if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
    return env.data as Extract<SubscriptionsResponse, { action: A }>;
  }

  it('status shows the soonest open deadline; subscribe records one credit per accepted template, bound to it', async () => {
    const status = await data('o-a', { action: 'status', measureIds: ['m01', 'm02'] });
    expect(status.measures.map((m) => [m.measureId, m.deadline?.id ?? null, m.subscription])).toEqual([
      ['m01', 'dl-D', null],
      ['m02', null, null],
    ]);
    const sub = await data('o-a', { action: 'subscribe', measureId: 'm01', deadlineId: 'dl-D', results: { [WEEK]: 'accept', [DAY]: 'reject', errMsg: 'requestSubscribeMessage:ok' } });
    expect(sub).toMatchObject({ accepted: ['week'], refused: ['day'], banned: [], filtered: [] });
    expect(sub.message).toBe('已订阅：「2022 年度自治区级企业技术中心认定」2022年06月30日截止，将在截止前 7 天提醒你（每项一次）。你没有允许截止前 1 天的提醒，这条不会发送。');
    expect(sub.subscription).toMatchObject({ key: 'm01.dl-D', deadlineId: 'dl-D', status: 'active', reminders: [
      { kind: 'week', credits: 1, state: 'waiting' },
      { kind: 'day', credits: 0, state: 'none' },
    ] });
    expect(await repos(db).subscriptions.get(subscriptionId('o-a', 'm01', 'dl-D', 'week'))).toMatchObject({ openid: 'o-a', credits: 1, deadlineId: 'dl-D' });
    const again = await data('o-a', { action: 'subscribe', measureId: 'm01', deadlineId: 'dl-D', results: { [WEEK]: 'accept', [DAY]: 'accept' } });
    expect(again.subscription!.reminders.map((r) => r.credits)).toEqual([2, 1]);
    await data('o-a', { action: 'subscribe', measureId: 'm02', results: { [WEEK]: 'accept' } });
    const after = await data('o-a', { action: 'status', measureIds: ['m01', 'm02', 'm03'] });
    expect(after.measures.map((m) => [m.measureId, m.subscription?.key ?? null, m.subscription?.reminders.map((r) => r.state) ?? null])).toEqual([
      ['m01', 'm01.dl-D', ['waiting', 'waiting']],
      ['m02', 'm02.next', ['waiting', 'none']],
      ['m03', null, null],
    ]);
  });

  it('without a known deadline the credit waits for the measure’s next one, and the answer says so', async () => {
    const sub = await data('o-a', { action: 'subscribe', measureId: 'm02', results: { [WEEK]: 'accept', [DAY]: 'accept' } });
    expect(sub.subscription).toMatchObject({ key: 'm02.next', deadlineId: null, deadline: null });
    expect(sub.message).toContain('暂未公布申报截止时间');
    expect(sub.message).toContain('未录入则不会发送');
  });

  it('refusals, bans and filters are explained in Chinese and record nothing', async () => {
    const refused = await data('o-a', { action: 'subscribe', measureId: 'm01', deadlineId: 'dl-D', results: { [WEEK]: 'reject', [DAY]: 'reject' } });
    expect(refused.subscription).toBeNull();
    expect(refused.message).toContain('你拒绝了提醒');
    const banned = await data('o-a', { action: 'subscribe', measureId: 'm01', results: { [WEEK]: 'ban', [DAY]: 'filter' } });
    expect(banned.message).toContain('已被微信停用');
    expect(banned.message).toContain('被微信过滤');
    expect((await repos(db).subscriptions.own('o-a')).length).toBe(0);
  });

  it('user B cannot list, cancel or use user A’s subscriptions; an openid in the payload is ignored', async () => {
    await data('o-a', { action: 'subscribe', measureId: 'm01', deadlineId: 'dl-D', results: { [WEEK]: 'accept', [DAY]: 'accept' } });
    // B names A everywhere it could.
    const asA = { openid: 'o-a', OPENID: 'o-a', userInfo: { openId: 'o-a' }, touser: 'o-a' };
    const list = await call('o-b', { action: 'list', ...asA });
    expect(list.ok && list.data.action === 'list' && list.data.subscriptions).toEqual([]);
    const status = await call('o-b', { action: 'status', measureIds: ['m01'], ...asA });
    expect(status.ok && status.data.action === 'status' && status.data.measures[0].subscription).toBeNull();
    const cancel = await call('o-b', { action: 'cancel', measureId: 'm01', deadlineId: 'dl-D', ...asA });
    expect(cancel.ok && cancel.data.action === 'cancel' && cancel.data.subscription).toBeNull();
    // B's "accept" lands on B's own subscription, never adds a credit to A's.
    await call('o-b', { action: 'subscribe', measureId: 'm01', deadlineId: 'dl-D', results: { [WEEK]: 'accept' }, ...asA });
    const a = await data('o-a', { action: 'list' });
    expect(a.subscriptions).toHaveLength(1);
    expect(a.subscriptions[0]).toMatchObject({ status: 'active', reminders: [{ credits: 1, state: 'waiting' }, { credits: 1, state: 'waiting' }] });
    expect((await repos(db).subscriptions.own('o-b')).map((s) => s.openid)).toEqual(['o-b']);
    // Without an identity, nothing at all.
    const anon = await call(null, { action: 'list', openid: 'o-a' });
    expect(!anon.ok && anon.error).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(CJK) });
  });

  it('cancel stops the reminders of my row only; list shows sent / waiting / cancelled after a run', async () => {
    await data('o-a', { action: 'subscribe', measureId: 'm01', deadlineId: 'dl-D', results: { [WEEK]: 'accept', [DAY]: 'accept' } });
    await data('o-a', { action: 'subscribe', measureId: 'm02', results: { [WEEK]: 'accept' } });
    await data('o-b', { action: 'subscribe', measureId: 'm02', results: { [WEEK]: 'accept' } });
    const cancelled = await data('o-a', { action: 'cancel', measureId: 'm02' });
    expect(cancelled.subscription).toMatchObject({ key: 'm02.next', status: 'cancelled', reminders: [{ state: 'cancelled' }, { state: 'none' }] });
    expect((await repos(db).subscriptions.get(subscriptionId('o-b', 'm02', '', 'week')))!.status).toBe('active');

    const wechat = new FakeWeChat();
    wechat.grant('o-a', WEEK);
    wechat.grant('o-a', DAY);
    await runRemind({ db, sender: wechat, log: silentLogger, now: () => NOW });
    const list = await data('o-a', { action: 'list' });
    expect(list.subscriptions.map((s) => [s.key, s.status, s.reminders.map((r) => r.state)])).toEqual([
      ['m01.dl-D', 'active', ['sent', 'waiting']],
      ['m02.next', 'cancelled', ['cancelled', 'none']],
    ]);
    expect(list.subscriptions[0].reminders[0].sentAt).toBe(NOW.toISOString());
    expect(list.subscriptions[0].deadline).toMatchObject({ id: 'dl-D', daysToClose: 7 });
  });

  it.each([
    ['no action', {}],
    ['an unknown action', { action: 'delete' }],
    ['an unknown measure', { action: 'subscribe', measureId: 'm99', results: { [WEEK]: 'accept' } }],
    ['a closed deadline', { action: 'subscribe', measureId: 'm01', deadlineId: 'dl-old', results: { [WEEK]: 'accept' } }],
    ['a deadline of another measure', { action: 'subscribe', measureId: 'm02', deadlineId: 'dl-D', results: { [WEEK]: 'accept' } }],
    ['a template that is not ours', { action: 'subscribe', measureId: 'm01', results: { 'someone-else': 'accept' } }],
    ['an outcome WeChat does not give', { action: 'subscribe', measureId: 'm01', results: { [WEEK]: 'yes' } }],
    ['results that are not an object', { action: 'subscribe', measureId: 'm01', results: 'accept' }],
    ['no results', { action: 'subscribe', measureId: 'm01', results: {} }],
    ['an operator as deadline id', { action: 'subscribe', measureId: 'm01', deadlineId: { $ne: null }, results: { [WEEK]: 'accept' } }],
    ['too many measures', { action: 'status', measureIds: Array.from({ length: 31 }, () => 'm01') }],
    ['a bad measure in status', { action: 'status', measureIds: ['m01', 'x'] }],
    ['a bad cursor', { action: 'list', cursor: 'abc' }],
  ])('%s → INVALID_INPUT with a Chinese message', async (_label, request) => {
    const env = await call('o-a', request);
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('INVALID_INPUT');
    expect(env.error.message).toMatch(CJK);
    expect(env.error.fields?.[0].field).toBeTruthy();
  });

  it('an oversized or malformed request is refused before the handler', async () => {
    const big = await call('o-a', { action: 'subscribe', measureId: 'm01', results: { [WEEK]: 'accept' }, pad: 'x'.repeat(70 * 1024) });
    expect(!big.ok && big.error.code).toBe('PAYLOAD_TOO_LARGE');
    const notObject = await call('o-a', 'subscribe' as never);
    expect(!notObject.ok && notObject.error.code).toBe('INVALID_INPUT');
    expect((await repos(db).subscriptions.own('o-a')).length).toBe(0);
  });
});
