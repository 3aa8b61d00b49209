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
import type { DocumentStore, MessageSender, OutgoingMessage } from '../../../shared/cloud/context';
import { formatDateCn } from '../../../shared/cloud/dates';
import { FakeWeChat } from '../../../shared/cloud/remind/fake-wechat';
import { runRemind } from '../../../shared/cloud/remind/engine';
import { repos, sendLogId, subscriptionId } from '../../../shared/cloud/repos';
import { REMINDER_TEMPLATES } from '../../../shared/cloud/templates';
import { BACKENDS, type Backend } from './backends';
import { capturingLogger } from './fakes';
import { AT, deadlineDoc, T0 } from './remind-fixtures';

jest.setTimeout(120_000);

const USERS = 320;
const CONCURRENCY = 5;
const WEEK = REMINDER_TEMPLATES.week.id;
const DL = 'dl-edit';
const openidOf = (i: number) => `o-e${String(i).padStart(4, '0')}`;

/** 320 users subscribed to the 7-day reminder of a deadline of m01 closing 2022-06-30 (due on 06-23). */
async function seed(db: DocumentStore): Promise<FakeWeChat> {
  const r = repos(db);
  // Each answer waits a turn of the event loop, so the run's messages and the edit interleave.
  const wechat = new FakeWeChat({ latency: () => new Promise((resolve) => setImmediate(resolve)) });
  await r.deadlines.add(deadlineDoc(DL, 'm01', '2022-06-30'));
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
});
