/**
 * Issue 25, item 1: an admin's edit of a deadline while the morning run is going, on both back ends.
 *
 * The probe: with 600 due, a delete acknowledged mid-run was followed by 577 messages — the engine
 * sent from the deadlines it listed at the start of the run; a date moved later likewise. Now each
 * message re-reads its deadline right before `claimed → sending`: after the edit's write is
 * acknowledged no message is started; only sends whose re-read came before the write can still go
 * out (at most one per message in flight, `concurrency`), and every message not sent is counted
 * with its reason and keeps its credit.
 */
import type { DeadlinesRequest, DeadlinesResponse, Envelope } from '../../../shared/cloud/api';
import type { DocumentStore, MessageSender, OutgoingMessage } from '../../../shared/cloud/context';
import { runHandler } from '../../../shared/cloud/handler';
import { deadlines } from '../../../shared/cloud/handlers/deadlines';
import { formatDateCn } from '../../../shared/cloud/dates';
import { FakeWeChat } from '../../fakes/fake-wechat';
import { runRemind } from '../../../shared/cloud/remind/engine';
import { repos, sendLogId, subscriptionId } from '../../../shared/cloud/repos';
import { REMINDER_TEMPLATES } from '../../../shared/cloud/templates';
import { BACKENDS, type Backend } from './backends';
import { capturingLogger, fakeContext } from './fakes';
import { AT, deadlineDoc, T0 } from './remind-fixtures';

jest.setTimeout(120_000);

const USERS = 320;
const CONCURRENCY = 5;
const WEEK = REMINDER_TEMPLATES.week.id;
const DL = 'dl-edit';
const openidOf = (i: number) => `o-e${String(i).padStart(4, '0')}`;

/** An admin, and 320 users subscribed to the 7-day reminder of a deadline of m01 closing 2022-06-30 (due on 06-23). */
async function seed(db: DocumentStore): Promise<FakeWeChat> {
  const r = repos(db);
  // Each answer waits a turn of the event loop, so the run's messages and the edit interleave.
  const wechat = new FakeWeChat({ latency: () => new Promise((resolve) => setImmediate(resolve)) });
  await r.deadlines.add(deadlineDoc(DL, 'm01', '2022-06-30'));
  await r.admins.add({ _id: 'o-admin', addedAt: AT, addedBy: 'bootstrap' });
  for (let i = 0; i < USERS; i++) {
    await r.subscriptions.accept({ openid: openidOf(i), measureId: 'm01', deadlineKey: DL, kind: 'week', at: AT });
    wechat.grant(openidOf(i), WEEK);
  }
  return wechat;
}

/**
 * A sender that starts `edit` (not awaited: the run goes on) when the run starts its `at`-th send,
 * and counts the sends started after the edit's write was acknowledged.
 */
function editingSender(wechat: FakeWeChat, at: number, edit: () => Promise<unknown>) {
  let started = 0;
  let acknowledged = false;
  const state = { afterAck: [] as OutgoingMessage[], edit: Promise.resolve() as Promise<unknown> };
  const sender: MessageSender = {
    send: async (m) => {
      started += 1;
      if (acknowledged) state.afterAck.push(m);
      if (started === at) {
        state.edit = edit().then(() => {
          acknowledged = true;
        });
      }
      return wechat.send(m);
    },
  };
  return { sender, state };
}

describe.each(BACKENDS)('%s', (_name, make) => {
  let b: Backend;
  let db: DocumentStore;
  beforeEach(() => {
    b = make();
    db = b.store;
  });
  afterEach(() => b.close());

  /** An admin's request to the deadlines function, answered as the page gets it. */
  const adminCall = async (request: DeadlinesRequest): Promise<Envelope<DeadlinesResponse>> => {
    return runHandler('deadlines', deadlines, request, fakeContext({ openid: 'o-admin', db, now: () => new Date(T0) })) as Promise<Envelope<DeadlinesResponse>>;
  };
  const GOOD = { measureId: 'm01', batchTitle: '2022 年度测试批次 dl-edit', opensOn: '2022-05-01', closesOn: '2022-06-30', issuer: '自治区工业和信息化厅', sourceUrl: 'https://example.gov.cn/n' };

  const run = (sender: MessageSender, at = T0) => runRemind({ db, sender, log: capturingLogger(), now: () => new Date(at), concurrency: CONCURRENCY });

  it.each([
    ['the first send', 1],
    ['a third of the way', 100],
    ['near the end', 290],
  ])('a deadline deleted at %s of 320 due (send %i): no message started after the delete is acknowledged, the rest skipped as deleted', async (_where, at) => {
    const wechat = await seed(db);
    const { sender, state } = editingSender(wechat, at, () => repos(db).deadlines.remove(DL));
    const summary = await run(sender);
    await state.edit;

    // Sends already begun when the delete was acknowledged (their re-read came before it) cannot be recalled: at most one per message in flight.
    expect(state.afterAck.length).toBeLessThanOrEqual(CONCURRENCY);
    expect(wechat.delivered.length).toBeLessThanOrEqual(at + CONCURRENCY);
    expect(summary.sent + (summary.skipped.deadlineDeleted ?? 0)).toBe(USERS);
    // The users not reminded keep their credit (the deadline is gone; WeChat still holds the acceptance), and no send-log record blocks them.
    const reached = new Set(wechat.delivered.map((m) => m.touser));
    const r = repos(db);
    for (let i = 0; i < USERS; i += 37) {
      const openid = openidOf(i);
      if (reached.has(openid)) continue;
      expect(await r.subscriptions.get(subscriptionId(openid, 'm01', DL, 'week'))).toMatchObject({ credits: 1, active: true });
      expect(await r.sendLog.get(sendLogId(DL, 'week', openid))).toBeNull();
    }
    // A rerun finds nothing to send.
    const rerun = await run(wechat, T0 + 3 * 60_000);
    expect(rerun.sent).toBe(0);
  });

  it.each([
    ['a third of the way', 100],
    ['near the end', 290],
  ])('a closing date moved later at %s of 320 due (send %i): no message for the old date after the move, and each user not reminded is reminded once for the new date', async (_where, at) => {
    const wechat = await seed(db);
    const { sender, state } = editingSender(wechat, at, () => repos(db).deadlines.update(DL, { closesOn: '2022-07-10' }));
    const summary = await run(sender);
    await state.edit;

    expect(state.afterAck.length).toBeLessThanOrEqual(CONCURRENCY);
    expect(summary.sent + (summary.skipped.deadlineMoved ?? 0)).toBe(USERS);
    const remindedEarly = new Set(wechat.delivered.map((m) => m.touser));
    const before = wechat.delivered.length;

    // 2022-07-03, 09:00 Beijing: the 7-day reminder of the new date.
    const later = await run(wechat, Date.parse('2022-07-03T01:00:00.000Z'));
    const newMessages = wechat.delivered.slice(before);
    expect(later.sent).toBe(USERS - remindedEarly.size);
    expect(newMessages.filter((m) => remindedEarly.has(m.touser))).toEqual([]);
    expect(new Set(newMessages.map((m) => m.touser)).size).toBe(newMessages.length);
    expect(new Set(newMessages.map((m) => JSON.stringify(m.data)).values()).size).toBe(1);
    expect(JSON.stringify(newMessages[0].data)).toContain(formatDateCn('2022-07-10'));
  });

  it('a deadline moved to another measure mid-run (its reminders claimed, so nobody holds one any more): the rest skipped as measure changed, credits kept', async () => {
    const wechat = await seed(db);
    const { sender, state } = editingSender(wechat, 150, () => repos(db).deadlines.update(DL, { measureId: 'm02' }));
    const summary = await run(sender);
    await state.edit;

    expect(state.afterAck.length).toBeLessThanOrEqual(CONCURRENCY);
    expect(summary.sent + (summary.skipped.measureChanged ?? 0)).toBe(USERS);
    const reached = new Set(wechat.delivered.map((m) => m.touser));
    const notReached = Array.from({ length: USERS }, (_, i) => openidOf(i)).filter((o) => !reached.has(o));
    expect(notReached.length).toBeGreaterThan(100);
    expect(await repos(db).subscriptions.get(subscriptionId(notReached[0], 'm01', DL, 'week'))).toMatchObject({ credits: 1, active: true });
  });

  it.each([
    ['a sixth of the way', 50],
    ['two thirds of the way', 200],
  ])('the probe, through the deadlines function: an admin deletes the deadline at %s (send %i); once the function has answered, no message starts', async (_where, at) => {
    const wechat = await seed(db);
    const { sender, state } = editingSender(wechat, at, async () => {
      const env = await adminCall({ action: 'delete', id: DL });
      expect(env).toEqual({ ok: true, data: { action: 'delete', removed: true } });
    });
    const summary = await run(sender);
    await state.edit;

    expect(state.afterAck.length).toBeLessThanOrEqual(CONCURRENCY);
    expect(summary.sent + (summary.skipped.deadlineDeleted ?? 0)).toBe(USERS);
  });

  it('an admin moving the deadline to another measure mid-run is still refused while users hold its reminders, and the run sends them all', async () => {
    const wechat = await seed(db);
    let answer: Envelope<DeadlinesResponse> | null = null;
    const { sender, state } = editingSender(wechat, 150, async () => {
      answer = await adminCall({ action: 'update', id: DL, deadline: { ...GOOD, measureId: 'm02' } });
    });
    const summary = await run(sender);
    await state.edit;

    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: [{ field: 'deadline.measureId', message: expect.stringContaining('位用户订阅了这一批次的提醒') }] } });
    expect((await repos(db).deadlines.get(DL))?.measureId).toBe('m01');
    expect(summary.sent).toBe(USERS);
    expect(summary.skipped.measureChanged).toBeUndefined();
  });
});
