/**
 * 截止提醒 in the WeChat build: the subscribe button (measure detail and result cards) asks WeChat
 * for our two reminder templates from the tap itself, the `subscriptions` cloud function stores one
 * credit per accepted template, and 我的提醒 lists the caller's own subscriptions with a cancel that
 * asks first. Refusals and WeChat's failures are explained in Chinese and store nothing.
 *
 * The subscribe button caches each measure's status for the life of the mini-program (one process
 * per test file here, as in WeChat), so every test uses measures no other test has touched.
 */
import type { Envelope, SubscriptionsResponse } from '../../shared/cloud/api';
import { adminsRepo } from '../../shared/cloud/repos';
import { explainOutcome, explainRequestFailure } from '../../shared/cloud/subscribe-outcome';
import { REMINDER_TEMPLATES } from '../../shared/cloud/templates';
import { wxDocumentStore } from '../../shared/cloud/wx-db';
import { catalog2022 } from '../../shared/policy/engine';
import { launch } from './harness';
import { findByClass, findById, type WxElement } from './query';

const mp = launch();

const WEEK = REMINDER_TEMPLATES.week;
const DAY = REMINDER_TEMPLATES.day;
const ADMIN = 'admin-openid';

// ---- local helpers -----------------------------------------------------------------------------

/** The app's subscribe requests: whether each came from a tap, and what WeChat (the harness) answered. */
const subscribeRequests = () =>
  mp.calls.filter((c) => c.api === 'requestSubscribeMessage').map((c) => ({ inTap: c.inTap, errMsg: String(c.answer?.errMsg ?? '(no answer)') }));

function measure(id: string) {
  const m = catalog2022.measures.find((x) => x.id === id);
  if (!m) throw new Error(`no measure ${id}`);
  return m;
}

/** The one subscribe button on the page (or inside `scope`). */
function subscribeBox(scope?: WxElement): WxElement {
  const boxes = findByClass(scope ?? mp.page().root, 'subscribe-button');
  if (boxes.length !== 1) throw new Error(`${boxes.length} subscribe buttons; the page shows: ${mp.text()}`);
  return boxes[0];
}
function tapTarget(box: WxElement): WxElement {
  const el = findByClass(box, 'subscribe-button__tap')[0];
  if (!el) throw new Error(`no subscribe tap in: ${mp.text(box)}`);
  return el;
}
const notice = (box: WxElement) => findByClass(box, 'subscribe-button__notice')[0];
const noticeTone = (box: WxElement) =>
  (['ok', 'warn', 'error'] as const).find((tone) => findByClass(box, `subscribe-button__notice--${tone}`).length > 0);

/** Opens a measure's detail page and waits until its subscribe button knows the status. */
async function openDetail(measureId: string): Promise<WxElement> {
  await mp.reLaunch(`/pages/policy/detail/index?id=${measureId}`);
  return mp.waitFor(() => {
    const box = subscribeBox();
    return findByClass(box, 'subscribe-button--loading').length === 0 && box;
  }, `the subscribe button of ${measureId}`);
}

/** The caller's subscriptions as the cloud function lists them. */
async function listed(openid = mp.openid) {
  const env = (await mp.callCloud('subscriptions', { action: 'list' }, openid)) as Envelope<SubscriptionsResponse>;
  if (!env.ok || env.data.action !== 'list') throw new Error(`list failed: ${JSON.stringify(env)}`);
  return env.data.subscriptions;
}
/** What the `subscriptions` collection holds. */
const stored = () => mp.db.dump('subscriptions') as unknown as { openid: string; measureId: string; deadlineId: string; kind: string; credits: number; status: string }[];

/** An admin (bootstrapped as the admins collection holds them) publishes a window for a measure. */
async function publishDeadline(measureId: string, batchTitle: string, opensOn: string, closesOn: string) {
  await adminsRepo(wxDocumentStore(() => mp.db)).add({ _id: ADMIN, addedAt: mp.now().toISOString(), addedBy: 'bootstrap' });
  const env = await mp.callCloud(
    'deadlines',
    { action: 'create', deadline: { measureId, batchTitle, opensOn, closesOn, issuer: '自治区工业和信息化厅', sourceUrl: 'https://gxt.nmg.gov.cn/notice/2022-06' } },
    ADMIN,
  );
  if (!env.ok) throw new Error(`create failed: ${JSON.stringify(env)}`);
  return (env.data as { deadline: { id: string } }).deadline.id;
}

const subscriptionsCalls = (action: string) =>
  mp.callsOf('cloud.callFunction').filter((o) => o.name === 'subscriptions' && (o.data as { action?: string }).action === action);

beforeEach(async () => {
  await mp.reset();
});

afterEach(() => {
  // WeChat refuses requestSubscribeMessage outside a tap (errCode 20003): the app never hits that.
  expect(subscribeRequests().filter((r) => /TAP gesture/.test(r.errMsg) || !r.inTap)).toEqual([]);
  expect(mp.errors).toEqual([]);
});

// ---- subscribing -------------------------------------------------------------------------------

describe('the subscribe button on a measure detail page', () => {
  it('asks WeChat for both reminder templates on a tap and stores one credit per template for the caller', async () => {
    const m08 = measure('m08');
    let box = await openDetail('m08');
    // No deadline published: no date is invented, the button says what it will do.
    expect(mp.text(box)).toContain('暂未公布申报截止时间');
    expect(mp.text(tapTarget(box))).toBe('公布截止时间后提醒我');
    expect(mp.text('#measure-deadlines')).toContain('清单本身没有写申报日期');

    await mp.tap(tapTarget(box));
    box = subscribeBox();

    expect(mp.callsOf('requestSubscribeMessage')).toEqual([{ tmplIds: [WEEK.id, DAY.id] }]);
    expect(subscribeRequests()).toEqual([{ inTap: true, errMsg: 'requestSubscribeMessage:ok' }]);
    expect(subscriptionsCalls('subscribe').map((o) => o.data)).toEqual([
      { action: 'subscribe', measureId: 'm08', results: { [WEEK.id]: 'accept', [DAY.id]: 'accept' } },
    ]);
    // The server's own explanation, shown as it is.
    expect(noticeTone(box)).toBe('ok');
    expect(mp.text(notice(box))).toBe(
      explainOutcome({ accepted: ['week', 'day'], refused: [], banned: [], filtered: [], deadline: null }) + '查看我的提醒',
    );
    expect(mp.text(box)).toContain(`已订阅：${WEEK.label}、${DAY.label}提醒（公布截止时间后发送）`);
    // Both reminders wait: nothing left to tap.
    expect(findByClass(box, 'subscribe-button__tap')).toEqual([]);

    // Stored: one credit per template, for user-a, for "the next deadline" of m08.
    expect(stored().map(({ openid, measureId, deadlineId, kind, credits, status }) => ({ openid, measureId, deadlineId, kind, credits, status })).sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { openid: 'user-a', measureId: 'm08', deadlineId: '', kind: 'day', credits: 1, status: 'active' },
      { openid: 'user-a', measureId: 'm08', deadlineId: '', kind: 'week', credits: 1, status: 'active' },
    ]);

    // 查看我的提醒 → 我的提醒 lists it.
    await mp.tap(findByClass(box, 'subscribe-button__link')[0]);
    expect(mp.stack().map((p) => p.route)).toEqual(['pages/policy/detail/index', 'pages/reminders/index']);
    await mp.waitFor(() => mp.byClass('reminder').length > 0, 'the reminders list');
    const [row] = mp.byClass('reminder');
    expect(mp.byClass('reminder')).toHaveLength(1);
    expect(mp.text(row)).toContain(`${m08.label}${m08.title}`);
    expect(mp.text(row)).toContain('下一次公布的申报截止时间（暂未公布，录入后提醒）');
    expect(findByClass(row, 'reminder__state--waiting').map((el) => mp.text(el))).toEqual([`${WEEK.label}待提醒`, `${DAY.label}待提醒`]);
  });

  it('shows a published deadline and subscribes the reminders to that window', async () => {
    // Beijing 2022-06-20 10:00; the window 2022-06-01 … 2022-06-30 is open, closing in 30 − 20 = 10 days.
    mp.now = () => new Date('2022-06-20T02:00:00Z');
    const batch = '2022 年度技术改造项目申报';
    const deadlineId = await publishDeadline('m09', batch, '2022-06-01', '2022-06-30');

    let box = await openDetail('m09');
    await mp.waitFor(() => mp.byClass('measure-deadlines__item').length > 0, 'the published deadline');
    const item = mp.text('#measure-deadlines');
    expect(item).toContain(batch);
    expect(item).toContain('2022-06-01 至 2022-06-30');
    expect(item).toContain('正在受理，还有 10 天截止');
    expect(item).toContain('发布：自治区工业和信息化厅');
    expect(mp.text(box)).toContain('申报截止：2022年6月30日（还有 10 天）');
    expect(mp.text(tapTarget(box))).toBe('截止前提醒我');

    await mp.tap(tapTarget(box));
    box = subscribeBox();
    expect(subscriptionsCalls('subscribe').map((o) => o.data)).toEqual([
      { action: 'subscribe', measureId: 'm09', deadlineId, results: { [WEEK.id]: 'accept', [DAY.id]: 'accept' } },
    ]);
    expect(mp.text(notice(box))).toContain(
      explainOutcome({ accepted: ['week', 'day'], refused: [], banned: [], filtered: [], deadline: { closesOn: '2022-06-30', batchTitle: batch } }),
    );
    expect(mp.text(box)).toContain(`已订阅：${WEEK.label}、${DAY.label}提醒`);
    expect(stored().map((d) => [d.kind, d.deadlineId, d.credits]).sort()).toEqual([
      ['day', deadlineId, 1],
      ['week', deadlineId, 1],
    ]);

    await mp.reLaunch('/pages/reminders/index');
    await mp.waitFor(() => mp.byClass('reminder').length > 0, 'the reminders list');
    // 截止 said once (issue 22, cosmetic): not "…截止（还有 10 天截止）".
    expect(mp.text(mp.byClass('reminder__deadline')[0])).toBe(`申报批次「${batch}」：2022年6月30日截止（还有 10 天）`);
  });

  it('says when a published window has not opened yet', async () => {
    // Beijing 2022-06-20; opens 2022-07-01, closes 2022-07-15: 15 + (30 − 20) = 25 days to close.
    mp.now = () => new Date('2022-06-20T02:00:00Z');
    await publishDeadline('m10', '2022 年度第二批申报', '2022-07-01', '2022-07-15');
    const box = await openDetail('m10');
    expect(mp.text(box)).toContain('申报截止：2022年7月15日（还有 25 天，2022年7月1日开始受理）');
    await mp.waitFor(() => mp.byClass('measure-deadlines__item').length > 0, 'the published deadline');
    expect(mp.text('#measure-deadlines')).toContain('尚未开始受理');
  });

  it('shows a deadline published while the app runs when the detail page is opened again', async () => {
    // The user looks at m19 before any window is known …
    mp.now = () => new Date('2022-06-20T02:00:00Z');
    let box = await openDetail('m19');
    expect(mp.text(box)).toContain('暂未公布申报截止时间');
    // … an admin publishes one (Beijing 2022-06-20 → 2022-06-30: 10 days), and the user comes back.
    await publishDeadline('m19', '2022 年度第一批申报', '2022-06-01', '2022-06-30');
    box = await openDetail('m19');
    await mp.waitFor(() => mp.byClass('measure-deadlines__item').length > 0, 'the published deadline');
    // The page must not contradict itself: the deadline block lists the window, so the button offers it.
    expect(mp.text(box)).toContain('申报截止：2022年6月30日（还有 10 天）');
    expect(mp.text(tapTarget(box))).toBe('截止前提醒我');
  });

  it('subscribes the measure of the result card it sits on', async () => {
    await mp.reLaunch('/pages/index/index');
    await mp.tap('#start-button');
    await mp.tap('#next-button');
    await mp.tap('#topic-platforms');
    await mp.tap('#topic-green');
    await mp.tap('#next-button');
    await mp.tap('#q-facts-m01-techCenter-opt-yes');
    await mp.tap('#q-facts-m21-nationalGreen-opt-yes');
    await mp.tap('#next-button');
    const card = await mp.waitFor(
      () => mp.page().route === 'pages/results/index' && findById(mp.page().root, 'result-m01-tech-center'),
      'the m01 result card',
    );
    const box = await mp.waitFor(() => {
      const b = subscribeBox(card);
      return findByClass(b, 'subscribe-button__tap').length > 0 && b;
    }, 'the subscribe button of the m01 card');
    // The cards' buttons asked for their status in one batch.
    expect(subscriptionsCalls('status').map((o) => o.data)).toEqual([{ action: 'status', measureIds: ['m01', 'm21'] }]);

    await mp.tap(tapTarget(box));
    expect(subscriptionsCalls('subscribe').map((o) => (o.data as { measureId: string }).measureId)).toEqual(['m01']);
    expect((await listed()).map((s) => s.measureId)).toEqual(['m01']);
    expect(noticeTone(subscribeBox(card))).toBe('ok');
  });
});

// ---- refusals and failures ---------------------------------------------------------------------

describe('a subscribe tap that grants nothing', () => {
  it.each([
    {
      what: 'the user refuses both reminders',
      measureId: 'm11',
      answer: () => (mp.answers.subscribe = { [WEEK.id]: 'reject', [DAY.id]: 'reject' }),
      text: explainOutcome({ accepted: [], refused: ['week', 'day'], banned: [], filtered: [], deadline: null }),
      words: '你拒绝了提醒',
      reachesCloud: true,
    },
    {
      what: 'WeChat has banned both templates',
      measureId: 'm12',
      answer: () => (mp.answers.subscribe = { [WEEK.id]: 'ban', [DAY.id]: 'ban' }),
      text: explainOutcome({ accepted: [], refused: [], banned: ['week', 'day'], filtered: [], deadline: null }),
      words: '已被微信停用',
      reachesCloud: true,
    },
    {
      what: 'WeChat has filtered both templates',
      measureId: 'm20',
      answer: () => (mp.answers.subscribe = { [WEEK.id]: 'filter', [DAY.id]: 'filter' }),
      text: explainOutcome({ accepted: [], refused: [], banned: [], filtered: ['week', 'day'], deadline: null }),
      words: '被微信过滤',
      reachesCloud: true,
    },
    {
      what: 'the user has switched subscription messages off (20004)',
      measureId: 'm13',
      answer: () => (mp.answers.subscribeFailCode = 20004),
      text: explainRequestFailure(20004),
      words: '订阅消息总开关',
      reachesCloud: false,
    },
  ])('explains it in Chinese when $what, and stores nothing', async ({ measureId, answer, text, words, reachesCloud }) => {
    answer();
    let box = await openDetail(measureId);
    await mp.tap(tapTarget(box));
    box = subscribeBox();

    expect(mp.callsOf('requestSubscribeMessage')).toEqual([{ tmplIds: [WEEK.id, DAY.id] }]);
    expect(noticeTone(box)).toBe('warn');
    expect(mp.text(notice(box))).toBe(text);
    expect(text).toContain(words);
    // Nothing is stored, and the button stays for another try.
    expect(subscriptionsCalls('subscribe')).toHaveLength(reachesCloud ? 1 : 0);
    expect(stored()).toEqual([]);
    expect(await listed()).toEqual([]);
    expect(mp.text(tapTarget(box))).toBe('公布截止时间后提醒我');
    expect(mp.text(box)).not.toContain('已订阅');
  });

  it('stores only the reminder the user allowed and says which one will not be sent', async () => {
    mp.answers.subscribe = { [DAY.id]: 'reject' };
    let box = await openDetail('m14');
    await mp.tap(tapTarget(box));
    box = subscribeBox();
    expect(mp.text(notice(box))).toContain(explainOutcome({ accepted: ['week'], refused: ['day'], banned: [], filtered: [], deadline: null }));
    expect(mp.text(notice(box))).toContain(`你没有允许${DAY.label}的提醒`);
    expect(stored().map((d) => d.kind)).toEqual(['week']);
    // One reminder still missing: the button stays to ask again.
    expect(mp.text(box)).toContain(`已订阅：${WEEK.label}提醒`);
    expect(mp.text(tapTarget(box))).toBe('公布截止时间后提醒我');
  });
});

// ---- 我的提醒 -----------------------------------------------------------------------------------

describe('我的提醒', () => {
  const accept = { [WEEK.id]: 'accept', [DAY.id]: 'accept' };

  it('cancels a reminder only after the user confirms', async () => {
    const m15 = measure('m15');
    await mp.callCloud('subscriptions', { action: 'subscribe', measureId: 'm15', results: accept });
    await mp.reLaunch('/pages/reminders/index');
    await mp.waitFor(() => mp.byClass('reminder__cancel').length > 0, 'the cancel button');

    // First the user keeps it (保留).
    mp.answers.modals = [false];
    await mp.tap(mp.byClass('reminder__cancel')[0]);
    expect(mp.callsOf('showModal')).toEqual([
      { title: '取消提醒', content: `不再提醒「${m15.title}」的申报截止时间？`, confirmText: '取消提醒', cancelText: '保留' },
    ]);
    expect(subscriptionsCalls('cancel')).toEqual([]);
    expect((await listed())[0].status).toBe('active');
    expect(mp.byClass('reminder__cancel')).toHaveLength(1);

    // Then confirms.
    mp.answers.modals = [true];
    await mp.tap(mp.byClass('reminder__cancel')[0]);
    expect(subscriptionsCalls('cancel').map((o) => o.data)).toEqual([{ action: 'cancel', measureId: 'm15' }]);
    expect(mp.text()).toContain('已取消，不会再发送这条提醒。');
    const [row] = mp.byClass('reminder');
    expect(findByClass(row, 'reminder__state--cancelled').map((el) => mp.text(el))).toEqual([`${WEEK.label}已取消`, `${DAY.label}已取消`]);
    expect(mp.byClass('reminder__cancel')).toEqual([]);
    expect(stored().map((d) => d.status)).toEqual(['cancelled', 'cancelled']);
    expect((await listed())[0].status).toBe('cancelled');
  });

  it('lists only the caller’s own subscriptions', async () => {
    const [a, b] = [measure('m16'), measure('m17')];
    await mp.callCloud('subscriptions', { action: 'subscribe', measureId: 'm16', results: accept }, 'user-a');
    await mp.callCloud('subscriptions', { action: 'subscribe', measureId: 'm17', results: accept }, 'user-b');

    const shown = async () => {
      await mp.reLaunch('/pages/reminders/index');
      await mp.waitFor(() => mp.byClass('reminder').length > 0 || mp.has('reminders-empty'), 'the reminders list');
      return mp.byClass('reminder__measure').map((el) => mp.text(el));
    };
    expect(await shown()).toEqual([`${a.label}${a.title}`]);
    mp.openid = 'user-b';
    expect(await shown()).toEqual([`${b.label}${b.title}`]);
    mp.openid = 'user-c';
    expect(await shown()).toEqual([]);
    expect(mp.text('#reminders-empty')).toContain('还没有订阅任何提醒。');
  });

  it('after a cancel there, the measure’s subscribe button offers the reminder again', async () => {
    // Subscribe on the detail page, cancel in 我的提醒, come back.
    let box = await openDetail('m18');
    await mp.tap(tapTarget(box));
    await mp.tap(findByClass(subscribeBox(), 'subscribe-button__link')[0]);
    await mp.waitFor(() => mp.byClass('reminder__cancel').length > 0, 'the cancel button');
    await mp.tap(mp.byClass('reminder__cancel')[0]);
    expect((await listed())[0].status).toBe('cancelled');

    await mp.back(); // WeChat's back button
    expect(mp.page().route).toBe('pages/policy/detail/index');
    box = subscribeBox();
    expect(mp.text(box)).not.toContain('已订阅');
    expect(findByClass(box, 'subscribe-button__tap')).toHaveLength(1);

    // Opened afresh, too.
    box = await openDetail('m18');
    expect(mp.text(box)).not.toContain('已订阅');
    expect(findByClass(box, 'subscribe-button__tap')).toHaveLength(1);
  });
});

// ---- the tap rule ------------------------------------------------------------------------------

it('the tap-rule check above is real: outside a tap WeChat (the harness) refuses the request', async () => {
  const wx = (globalThis as unknown as { wx: { requestSubscribeMessage(o: Record<string, unknown>): void } }).wx;
  const answers: string[] = [];
  wx.requestSubscribeMessage({ tmplIds: [WEEK.id], fail: (e: { errMsg: string }) => answers.push(e.errMsg) });
  await mp.settle();
  expect(answers).toEqual(['requestSubscribeMessage:fail can only be invoked by user TAP gesture.']);
  expect(subscribeRequests()).toEqual([{ inTap: false, errMsg: answers[0] }]);
  mp.calls.length = 0; // the app's own requests are what afterEach checks
});
