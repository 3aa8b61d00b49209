/**
 * The reminder engine, on both back ends: exactly once through crashes at every position, overlap,
 * the time budget, WeChat's error codes, the reminder windows and the message's field limits.
 */
import type { DocumentStore, MessageSender } from '../../../shared/cloud/context';
import { type CrashPoint, dueKind, runRemind, type RemindOptions } from '../../../shared/cloud/remind/engine';
import { fieldProblems } from '../../../shared/cloud/remind/message';
import { repos, sendLogId, subscriptionId } from '../../../shared/cloud/repos';
import { REMINDER_TEMPLATES } from '../../../shared/cloud/templates';
import { BACKENDS, type Backend } from './backends';
import { capturingLogger } from './fakes';
import { CrashError, deadlineDoc, killable, logOf, seedWorld, T0, type World } from './remind-fixtures';

jest.setTimeout(120_000);

const MIN = 60_000;

describe.each(BACKENDS)('%s', (_name, make) => {
  let b: Backend;
  let db: DocumentStore;
  let t: number;
  beforeEach(() => {
    b = make();
    db = b.store;
    t = T0;
  });
  afterEach(() => b.close());

  const run = (sender: MessageSender, over: Partial<RemindOptions> = {}, store: DocumentStore = db) =>
    runRemind({ db: store, sender, log: capturingLogger(), now: () => new Date(t), ...over });

  function deliveredCounts(w: World): Map<string, number> {
    const m = new Map<string, number>();
    for (const msg of w.wechat.delivered) m.set(msg.touser, (m.get(msg.touser) ?? 0) + 1);
    return m;
  }

  it('a clean run sends each due reminder once, records 43101 and 40003, and stores its summary', async () => {
    const w = await seedWorld(db);
    const s = await run(w.wechat);
    expect(s).toMatchObject({ today: '2022-06-23', stoppedBy: 'done', deadlinesDue: 2, sent: w.due.length, refused: 1, dropped: 1, dataErrors: 0, retry: 0, failed: 0, unknown: 0, remaining: 0 });
    expect(s.skipped).toEqual({ alreadyHandled: 1 }); // o-both's second subscription: same message
    const counts = deliveredCounts(w);
    for (const d of w.due) expect([d.openid, counts.get(d.openid)]).toEqual([d.openid, 1]);
    for (const o of [w.cancelledUser, 'o-later', 'o-dayD', w.refusedUser, w.droppedUser]) expect([o, counts.get(o) ?? 0]).toEqual([o, 0]);
    const r = repos(db);
    expect(await logOf(db, sendLogId('dl-D', 'week', w.refusedUser))).toMatchObject({ state: 'refused', errCode: 43101 });
    expect(await logOf(db, sendLogId('dl-D', 'week', w.droppedUser))).toMatchObject({ state: 'dropped', errCode: 40003 });
    expect(await r.subscriptions.get(subscriptionId(w.droppedUser, 'm01', 'dl-D', 'week'))).toMatchObject({ status: 'dropped', active: false });
    expect(await r.subscriptions.get(subscriptionId(w.refusedUser, 'm01', 'dl-D', 'week'))).toMatchObject({ credits: 0, active: false });
    expect(await r.subscriptions.get(subscriptionId('o-twice', 'm01', 'dl-D', 'week'))).toMatchObject({ credits: 1, active: true });
    for (const d of w.due) expect((await logOf(db, d.logId))!.state).toBe('sent');
    const saved = await r.runs.recent();
    expect(saved[0]).toMatchObject({ _id: s.runId, sent: s.sent, refused: 1 });
    expect(s.dbCalls).toBeGreaterThan(0);

    // The next runs that morning find nothing left to do.
    t += 3 * MIN;
    const again = await run(w.wechat);
    expect(again).toMatchObject({ sent: 0, refused: 0, dropped: 0, unknown: 0, stoppedBy: 'done' });
    expect(w.wechat.delivered.length).toBe(w.due.length);
  });

  it('the message: per-kind template, thing ≤ 20 characters, a date WeChat accepts, the reminders page', async () => {
    const w = await seedWorld(db);
    await repos(db).deadlines.update('dl-D', { batchTitle: '2022 年度自治区级企业技术中心认定及国家技术创新示范企业推荐申报工作' });
    await run(w.wechat);
    const week = w.wechat.deliveredTo('o-u1')[0];
    expect(week.templateId).toBe(REMINDER_TEMPLATES.week.id);
    expect(fieldProblems(week.data)).toEqual([]);
    expect(Array.from(week.data.thing1.value).length).toBeLessThanOrEqual(20);
    expect(week.data.thing1.value.endsWith('…')).toBe(true);
    expect(week.data.date2.value).toBe('2022年06月30日');
    expect(week.data.thing3.value).toBe('还剩7天截止，请尽快准备申报');
    expect(week.page).toBe('pages/reminders/index?measure=m01&deadline=dl-D');
    const day = w.wechat.deliveredTo('o-day')[0];
    expect(day.templateId).toBe(REMINDER_TEMPLATES.day.id);
    expect(day.data.thing3.value).toBe('还剩1天截止，请尽快准备申报');
  });

  describe('exactly once through a crash at every position, then reruns until done', () => {
    const POINTS: CrashPoint[] = ['afterClaim', 'beforeSend', 'afterSend', 'beforeMark', 'afterMark'];
    /** Attempts in a clean run: the due messages plus the refused and the dropped one. */
    const ATTEMPTS = 12;

    async function crashThenRerun(point: CrashPoint, k: number, concurrency: number) {
      const w = await seedWorld(db);
      const dying = killable(db, w.wechat);
      let seen = 0;
      let crashedAt: string | null = null;
      const crash = (p: CrashPoint, id: string) => {
        if (p !== point || ++seen !== k) return;
        crashedAt = id;
        dying.kill();
        throw new CrashError();
      };
      await expect(run(dying.sender, { concurrency, hooks: { crash } }, dying.store)).rejects.toBeInstanceOf(CrashError);
      expect(crashedAt).not.toBeNull();
      // Rerun every 3 minutes (the schedule; leases are 2 minutes) until nothing is left.
      const summaries = [];
      for (let i = 0; i < 5; i++) {
        t += 3 * MIN;
        const s = await run(w.wechat, { concurrency });
        summaries.push(s);
        const r = repos(db);
        const open = [...(await r.sendLog.inState('claimed')), ...(await r.sendLog.inState('sending')), ...(await r.sendLog.inState('retry'))];
        if (open.length === 0 && s.stoppedBy === 'done') break;
      }
      return { w, crashedAt: crashedAt as unknown as string, summaries };
    }

    async function check(w: World, point: CrashPoint, crashedAt: string, exact: boolean) {
      const counts = deliveredCounts(w);
      const r = repos(db);
      // Never twice, for anyone.
      for (const [openid, n] of counts) expect([openid, n]).toEqual([openid, 1]);
      for (const d of w.due) {
        const log = (await r.sendLog.get(d.logId))!;
        const n = counts.get(d.openid) ?? 0;
        if (log.state === 'unknown') {
          // The documented rule: not resent, because the user holds another credit for the template.
          expect([d.openid, w.multiCredit.has(d.openid)]).toEqual([d.openid, true]);
          expect(n).toBeLessThanOrEqual(1);
          if (exact) {
            // Only the crashed message, and it was delivered unless the crash came before the request.
            expect(d.logId).toBe(crashedAt);
            expect([point, n]).toEqual([point, point === 'beforeSend' ? 0 : 1]);
          }
        } else {
          expect([d.openid, log.state, n]).toEqual([d.openid, 'sent', 1]);
        }
      }
      for (const o of [w.cancelledUser, 'o-later', 'o-dayD']) expect(counts.get(o) ?? 0).toBe(0);
      // No-credit ones recorded with their reason.
      expect(await logOf(db, sendLogId('dl-D', 'week', w.refusedUser))).toMatchObject({ errCode: 43101 });
      expect(await logOf(db, sendLogId('dl-D', 'week', w.droppedUser))).toMatchObject({ state: 'dropped', errCode: 40003 });
      expect((await r.subscriptions.get(subscriptionId(w.droppedUser, 'm01', 'dl-D', 'week')))!.status).toBe('dropped');
      const crashedUser = crashedAt.split('.').pop()!;
      if (exact && w.multiCredit.has(crashedUser) && ['beforeSend', 'afterSend', 'beforeMark'].includes(point)) {
        expect((await r.sendLog.get(crashedAt))!.state).toBe('unknown');
      }
    }

    for (const point of POINTS) {
      it(`${point}: at each of the ${ATTEMPTS} positions (one message at a time)`, async () => {
        for (let k = 1; k <= ATTEMPTS; k++) {
          await b.close();
          b = make();
          db = b.store;
          t = T0;
          const { w, crashedAt, summaries } = await crashThenRerun(point, k, 1);
          await check(w, point, crashedAt, true);
          expect(summaries[summaries.length - 1].stoppedBy).toBe('done');
        }
      });
    }

    it('with 4 messages in flight, every crash position: never twice; lost only where the rule says', async () => {
      for (const point of POINTS) {
        for (let k = 1; k <= ATTEMPTS; k += 2) {
          await b.close();
          b = make();
          db = b.store;
          t = T0;
          const { w, crashedAt } = await crashThenRerun(point, k, 4);
          await check(w, point, crashedAt, false);
        }
      }
    });
  });

  it('overlapping runs never send twice', async () => {
    const w = await seedWorld(db);
    const [a, c] = await Promise.all([run(w.wechat, { concurrency: 3, runId: 'run-a' }), run(w.wechat, { concurrency: 3, runId: 'run-b' })]);
    expect(a.sent + c.sent).toBe(w.due.length);
    const counts = deliveredCounts(w);
    for (const d of w.due) expect(counts.get(d.openid)).toBe(1);
    expect(w.wechat.delivered.length).toBe(w.due.length);
  });

  it('time budget: with a slow sender a run stops in time, and the next runs finish the batch', async () => {
    const w = await seedWorld(db);
    let virtual = 0;
    // Each send takes 400 ms (virtual clock): with a 2 s budget and 500 ms reserve, a few per run.
    const slow: MessageSender = {
      send: async (m) => {
        virtual += 400;
        return w.wechat.send(m);
      },
    };
    const first = await run(slow, { budgetMs: 2000, concurrency: 1, clock: () => virtual });
    expect(first.stoppedBy).toBe('budget');
    expect(first.durationMs).toBeLessThanOrEqual(2000);
    expect(first.remaining).toBeGreaterThan(0);
    expect(first.sent + first.refused + first.dropped).toBeLessThan(12);
    let total = first.sent;
    const runs = [first];
    for (let i = 0; i < 10 && runs[runs.length - 1].stoppedBy !== 'done'; i++) {
      t += 3 * MIN;
      const start = virtual;
      const s = await run(slow, { budgetMs: 2000, concurrency: 1, clock: () => virtual - start });
      expect(s.durationMs).toBeLessThanOrEqual(2000);
      runs.push(s);
      total += s.sent;
    }
    expect(runs[runs.length - 1].stoppedBy).toBe('done');
    expect(runs.length).toBeGreaterThan(2);
    expect(total).toBe(w.due.length);
    const counts = deliveredCounts(w);
    for (const d of w.due) expect(counts.get(d.openid)).toBe(1);
  });

  it('errors: 47003 recorded and not retried; a network failure retried next run; 40037 stops the run; repeated failures give up', async () => {
    let networkOnce = true;
    let configBroken = true;
    const w = await seedWorld(db, {
      inject: (m) => {
        if (m.touser === 'o-u1') return 47003;
        if (m.touser === 'o-u2' && networkOnce) {
          networkOnce = false;
          return 'throw';
        }
        if (m.touser === 'o-u4') return -1; // system busy, every time
        if (m.touser === 'o-u5' && configBroken) return 40037;
        return undefined;
      },
    });
    const log = capturingLogger();
    const first = await run(w.wechat, { concurrency: 1, log, maxAttempts: 3 });
    expect(first.dataErrors).toBe(1);
    expect(log.entries.some((e) => e.level === 'error' && /47003/.test(e.message))).toBe(true);
    expect(await logOf(db, sendLogId('dl-D', 'week', 'o-u1'))).toMatchObject({ state: 'dataError', errCode: 47003 });
    expect(await logOf(db, sendLogId('dl-D', 'week', 'o-u2'))).toMatchObject({ state: 'retry', attempts: 1 });
    expect(first.stoppedBy).toBe('config');
    expect(await logOf(db, sendLogId('dl-D', 'week', 'o-u5'))).toMatchObject({ state: 'retry', errCode: 40037 });

    configBroken = false;
    for (let i = 0; i < 5; i++) {
      t += 3 * MIN;
      await run(w.wechat, { concurrency: 1, maxAttempts: 3 });
    }
    expect(await logOf(db, sendLogId('dl-D', 'week', 'o-u1'))).toMatchObject({ state: 'dataError' });
    expect(w.wechat.deliveredTo('o-u1')).toHaveLength(0);
    expect(await logOf(db, sendLogId('dl-D', 'week', 'o-u2'))).toMatchObject({ state: 'sent', attempts: 2 });
    expect(w.wechat.deliveredTo('o-u2')).toHaveLength(1);
    expect(w.wechat.deliveredTo('o-u5')).toHaveLength(1);
    expect(await logOf(db, sendLogId('dl-D', 'week', 'o-u4'))).toMatchObject({ state: 'failed', attempts: 3 });
    expect(w.wechat.attempts.filter((a) => a.message.touser === 'o-u4')).toHaveLength(3);
    expect(w.wechat.deliveredTo('o-u3')).toHaveLength(1);
  });

  it('windows: the 7-day reminder from 7 to 2 days before (late if runs were missed), the 1-day one from 1 to 0', async () => {
    expect([8, 7, 6, 2, 1, 0, -1].map(dueKind)).toEqual([null, 'week', 'week', 'week', 'day', 'day', null]);
    const w = await seedWorld(db);
    await run(w.wechat); // 06-23
    t = Date.parse('2022-06-29T01:00:00.000Z'); // D closes tomorrow
    const s = await run(w.wechat);
    expect(s.sent).toBe(1);
    expect(w.wechat.deliveredTo('o-dayD')).toHaveLength(1);
    expect(w.wechat.deliveredTo('o-dayD')[0].data.thing3.value).toBe('还剩1天截止，请尽快准备申报');
    t = Date.parse('2022-07-01T01:00:00.000Z'); // D closed
    expect((await run(w.wechat)).deadlinesDue).toBe(0);
  });

  it('a claim left by a crash after the deadline passed is closed as expired, not sent', async () => {
    const w = await seedWorld(db);
    await repos(db).deadlines.add(deadlineDoc('dl-G', 'm03', '2022-06-23'));
    await repos(db).subscriptions.accept({ openid: 'o-g', measureId: 'm03', deadlineKey: 'dl-G', kind: 'day', at: new Date(T0).toISOString() });
    w.wechat.grant('o-g', REMINDER_TEMPLATES.day.id);
    const dying = killable(db, w.wechat);
    const crash = (p: CrashPoint, id: string) => {
      if (p === 'afterClaim' && id === sendLogId('dl-G', 'day', 'o-g')) {
        dying.kill();
        throw new CrashError();
      }
    };
    await expect(run(dying.sender, { concurrency: 1, hooks: { crash } }, dying.store)).rejects.toBeInstanceOf(CrashError);
    t = Date.parse('2022-06-24T01:00:00.000Z');
    const s = await run(w.wechat);
    expect(s.skipped.expired).toBe(1);
    expect(await logOf(db, sendLogId('dl-G', 'day', 'o-g'))).toMatchObject({ state: 'failed', errMsg: 'deadline passed' });
    expect(w.wechat.deliveredTo('o-g')).toHaveLength(0);
  });

  it('a live claim of another run is left alone (lease), and taken over once the lease has passed', async () => {
    const w = await seedWorld(db);
    const dying = killable(db, w.wechat);
    const crash = (p: CrashPoint) => {
      if (p === 'afterClaim') {
        dying.kill();
        throw new CrashError();
      }
    };
    await expect(run(dying.sender, { concurrency: 1, hooks: { crash } }, dying.store)).rejects.toBeInstanceOf(CrashError);
    t += 30_000; // 30 s later: the crashed run might still be alive
    const early = await run(w.wechat, { concurrency: 1 });
    expect(early.skipped.inFlight).toBe(1);
    t += 3 * MIN;
    const later = await run(w.wechat, { concurrency: 1 });
    expect(later.sent).toBe(1);
    for (const d of w.due) expect(w.wechat.deliveredTo(d.openid)).toHaveLength(1);
  });
});
