/**
 * The reminder engine and cancelled subscriptions, on both back ends.
 *
 * Cancelling is ours alone: WeChat keeps the acceptance, so a cancelled subscription's credit can
 * still carry a message. The unknown-outcome rule (a crashed `sending` record is resent only if the
 * user holds no other credit WeChat would honour for the template) must count it, or a resend spends
 * it and the user gets the reminder twice — what a fault-injection probe found (kill -9 during a run
 * of users who had subscribed to one measure, cancelled it, and subscribed to another). Likewise
 * an earlier message of the template that was never delivered (47003, given up): its credit is
 * still WeChat's.
 *
 * Then the crash matrix with a cancellation before the crashing run, during it (between sends) and
 * after it (before the reruns): never twice, and every due reminder not delivered is accounted for.
 */
import type { DocumentStore, MessageSender, OutgoingMessage } from '../../../shared/cloud/context';
import type { RemindRunSummary } from '../../../shared/cloud/api';
import { FakeWeChat } from '../../fakes/fake-wechat';
import { type CrashPoint, runRemind, type RemindOptions, UNKNOWN_AFTER_CRASH, UNKNOWN_AFTER_NO_ANSWER } from '../../../shared/cloud/remind/engine';
import { repos, sendLogId, subscriptionId } from '../../../shared/cloud/repos';
import { REMINDER_TEMPLATES } from '../../../shared/cloud/templates';
import { BACKENDS, type Backend } from './backends';
import { capturingLogger } from './fakes';
import { CrashError, deadlineDoc, killable, seedWorld, T0, type World } from './remind-fixtures';

jest.setTimeout(120_000);

const MIN = 60_000;
const WEEK = REMINDER_TEMPLATES.week.id;
const UNKNOWN_REASON = UNKNOWN_AFTER_CRASH;

/** Lets the calls of a killed run that were already on their way settle (they fail on return). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

function deliveredCounts(wechat: FakeWeChat): Map<string, number> {
  const m = new Map<string, number>();
  for (const msg of wechat.delivered) m.set(msg.touser, (m.get(msg.touser) ?? 0) + 1);
  return m;
}

const sum = (runs: RemindRunSummary[], f: (s: RemindRunSummary) => number) => runs.reduce((a, s) => a + f(s), 0);

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

  /** Reruns every 3 minutes (the schedule; leases are 2 minutes) until nothing is left open. */
  async function rerunUntilDone(sender: MessageSender, over: Partial<RemindOptions> = {}): Promise<RemindRunSummary[]> {
    const summaries: RemindRunSummary[] = [];
    for (let i = 0; i < 5; i++) {
      t += 3 * MIN;
      const s = await run(sender, over);
      summaries.push(s);
      const r = repos(db);
      const open = [...(await r.sendLog.inState('claimed')), ...(await r.sendLog.inState('sending')), ...(await r.sendLog.inState('retry'))];
      if (open.length === 0 && s.stoppedBy === 'done') break;
    }
    return summaries;
  }

  describe('regression: a cancelled subscription keeps its WeChat credit', () => {
    /**
     * The probe's world: at 2022-06-20 a deadline of m02 (opens 06-01, closes 06-30); each user
     * subscribes to m03 with the 7-day template accepted, cancels m03, then subscribes to m02's deadline.
     */
    async function resubscribers(n: number) {
      const r = repos(db);
      const wechat = new FakeWeChat();
      const at = '2022-06-20T02:00:00.000Z';
      await r.deadlines.add(deadlineDoc('dl-m02', 'm02', '2022-06-30', { opensOn: '2022-06-01' }));
      const users: string[] = [];
      for (let i = 0; i < n; i++) {
        const openid = `o-p${String(i).padStart(4, '0')}`;
        users.push(openid);
        await r.subscriptions.accept({ openid, measureId: 'm03', deadlineKey: '', kind: 'week', at });
        wechat.grant(openid, WEEK);
        for (const kind of ['week', 'day'] as const) await r.subscriptions.cancel(openid, 'm03', '', kind, at);
        await r.subscriptions.accept({ openid, measureId: 'm02', deadlineKey: 'dl-m02', kind: 'week', at });
        wechat.grant(openid, WEEK);
      }
      return { wechat, users };
    }

    for (const point of ['beforeSend', 'afterSend', 'beforeMark'] as const) {
      it(`a crash ${point} → the record becomes unknown (not resent); nobody gets it twice`, async () => {
        const { wechat, users } = await resubscribers(3);
        const victim = users[1];
        const victimLog = sendLogId('dl-m02', 'week', victim);
        const dying = killable(db, wechat);
        const crash = (p: CrashPoint, id: string) => {
          if (p !== point || id !== victimLog) return;
          dying.kill();
          throw new CrashError();
        };
        await expect(run(dying.sender, { concurrency: 1, hooks: { crash } }, dying.store)).rejects.toBeInstanceOf(CrashError);
        await settle();
        t += 3 * MIN; // 09:03: the crashed run's lease (2 minutes) has passed
        const rerun = await run(wechat, { concurrency: 1 });

        expect(await repos(db).sendLog.get(victimLog)).toMatchObject({ state: 'unknown', attempts: 1, errMsg: UNKNOWN_REASON });
        expect(wechat.deliveredTo(victim)).toHaveLength(point === 'beforeSend' ? 0 : 1);
        expect(rerun.unknown).toBe(1);
        for (const o of users) if (o !== victim) expect([o, wechat.deliveredTo(o).length]).toEqual([o, 1]);
        // The cancelled subscription is untouched: still cancelled, its credit still on our books and at WeChat.
        expect(await repos(db).subscriptions.get(subscriptionId(victim, 'm03', '', 'week'))).toMatchObject({ status: 'cancelled', credits: 1 });
        expect(wechat.creditsOf(victim, WEEK)).toBe(point === 'beforeSend' ? 2 : 1);
      });
    }

    it('killed with 10 messages in flight, then rerun: no duplicates, every unsent one unknown and counted', async () => {
      const { wechat, users } = await resubscribers(120);
      let answered = 0;
      const dying = killable(db, {
        send: async (m: OutgoingMessage) => {
          const res = await wechat.send(m);
          if (++answered === 40) dying.kill(); // about a third of the way: the others in flight die with it
          return res;
        },
      });
      await expect(run(dying.sender, { concurrency: 10 }, dying.store)).rejects.toBeInstanceOf(CrashError);
      await settle();
      const summaries = await rerunUntilDone(wechat, { concurrency: 10 });

      const counts = deliveredCounts(wechat);
      expect([...counts.values()].filter((n) => n > 1)).toHaveLength(0);
      let unknown = 0;
      for (const o of users) {
        const log = (await repos(db).sendLog.get(sendLogId('dl-m02', 'week', o)))!;
        const n = counts.get(o) ?? 0;
        if (log.state === 'unknown') {
          unknown += 1;
          expect([o, log.errMsg, log.attempts, n <= 1]).toEqual([o, UNKNOWN_REASON, 1, true]);
        } else expect([o, log.state, n]).toEqual([o, 'sent', 1]);
      }
      expect(unknown).toBeGreaterThan(0);
      expect(sum(summaries, (s) => s.unknown)).toBe(unknown);
    });
  });

  describe('other credits WeChat would honour: a message that was never delivered leaves its credit with WeChat', () => {
    for (const [what, answer] of [
      ['dataError', 47003],
      // −1 (system busy) on the last attempt: WeChat answered, nothing delivered → given up. (A
      // request without an answer is never given up as failed: see the lost-answer tests below.)
      ['failed', -1],
    ] as const) {
      it(`an earlier message of the same template ${what} (not delivered), then a crash after the send → unknown, not twice`, async () => {
        const r = repos(db);
        await r.deadlines.add(deadlineDoc('dl-A', 'm01', '2022-06-29'));
        await r.deadlines.add(deadlineDoc('dl-B', 'm05', '2022-06-30'));
        const wechat = new FakeWeChat({ inject: (m) => (m.page.endsWith('deadline=dl-A') ? answer : undefined) });
        for (const [measureId, deadlineKey] of [
          ['m01', 'dl-A'],
          ['m05', 'dl-B'],
        ]) {
          await r.subscriptions.accept({ openid: 'o-x', measureId, deadlineKey, kind: 'week', at: new Date(T0).toISOString() });
          wechat.grant('o-x', WEEK);
        }
        const victim = sendLogId('dl-B', 'week', 'o-x');
        const dying = killable(db, wechat);
        const crash = (p: CrashPoint, id: string) => {
          if (p === 'afterSend' && id === victim) {
            dying.kill();
            throw new CrashError();
          }
        };
        await expect(run(dying.sender, { concurrency: 1, maxAttempts: 1, hooks: { crash } }, dying.store)).rejects.toBeInstanceOf(CrashError);
        await settle();
        expect(await r.sendLog.get(sendLogId('dl-A', 'week', 'o-x'))).toMatchObject({ state: what });
        t += 3 * MIN;
        const rerun = await run(wechat, { concurrency: 1 }); // 5 attempts: the crashed send may be resent
        expect(await r.sendLog.get(victim)).toMatchObject({ state: 'unknown', errMsg: UNKNOWN_REASON });
        expect(rerun.unknown).toBe(1);
        expect(wechat.deliveredTo('o-x')).toHaveLength(1);
        expect(wechat.creditsOf('o-x', WEEK)).toBe(1); // dl-A's, never spent
      });
    }
  });

  describe('a send that got no answer (it threw) has an unknown outcome: the same rule decides', () => {
    /** o-x subscribed to dl-B (m05) with the 7-day template; `cancelledToo`: also to m03, then cancelled it (credit kept). */
    async function oneUser(cancelledToo: boolean, inject: (attempt: number) => 'throw' | 'lostAnswer' | number | undefined) {
      const r = repos(db);
      await r.deadlines.add(deadlineDoc('dl-B', 'm05', '2022-06-30'));
      let attempt = 0;
      const wechat = new FakeWeChat({ inject: () => inject(++attempt) });
      const at = new Date(T0).toISOString();
      if (cancelledToo) {
        await r.subscriptions.accept({ openid: 'o-x', measureId: 'm03', deadlineKey: '', kind: 'week', at });
        wechat.grant('o-x', WEEK);
        await r.subscriptions.cancel('o-x', 'm03', '', 'week', at);
      }
      await r.subscriptions.accept({ openid: 'o-x', measureId: 'm05', deadlineKey: 'dl-B', kind: 'week', at });
      wechat.grant('o-x', WEEK);
      return { wechat, id: sendLogId('dl-B', 'week', 'o-x') };
    }

    it('delivered, answer lost, the user holds a cancelled credit → unknown (not resent), delivered once', async () => {
      const { wechat, id } = await oneUser(true, (n) => (n === 1 ? 'lostAnswer' : undefined));
      const first = await run(wechat, { concurrency: 1 });
      expect(first.retry).toBe(1);
      expect(await repos(db).sendLog.get(id)).toMatchObject({ state: 'retry', outcomeUnknown: true });
      const runs = await rerunUntilDone(wechat);
      expect(await repos(db).sendLog.get(id)).toMatchObject({ state: 'unknown', errMsg: UNKNOWN_AFTER_NO_ANSWER });
      expect(sum(runs, (x) => x.unknown)).toBe(1);
      expect(wechat.deliveredTo('o-x')).toHaveLength(1);
      expect(wechat.creditsOf('o-x', WEEK)).toBe(1); // the cancelled subscription's credit, unspent
    });

    it('delivered, answer lost, no other credit → resent; WeChat answers 43101: recorded sent, delivered once', async () => {
      const { wechat, id } = await oneUser(false, (n) => (n === 1 ? 'lostAnswer' : undefined));
      await run(wechat, { concurrency: 1 });
      const runs = await rerunUntilDone(wechat);
      expect(await repos(db).sendLog.get(id)).toMatchObject({ state: 'sent', attempts: 2 });
      expect(sum(runs, (x) => x.skipped.confirmedEarlier ?? 0)).toBe(1);
      expect(wechat.deliveredTo('o-x')).toHaveLength(1);
      // 43101 on the probe is WeChat confirming the first delivery, not a refusal: the subscription is not zeroed twice over.
      expect(await repos(db).subscriptions.get(subscriptionId('o-x', 'm05', 'dl-B', 'week'))).toMatchObject({ status: 'active' });
    });

    it('never arrived (threw before WeChat), no other credit → resent and delivered once', async () => {
      const { wechat, id } = await oneUser(false, (n) => (n === 1 ? 'throw' : undefined));
      await run(wechat, { concurrency: 1 });
      await rerunUntilDone(wechat);
      expect(await repos(db).sendLog.get(id)).toMatchObject({ state: 'sent', attempts: 2 });
      expect(wechat.deliveredTo('o-x')).toHaveLength(1);
    });

    it('WeChat answered −1 (busy: not delivered), the user holds a cancelled credit → simply sent again, delivered once', async () => {
      const { wechat, id } = await oneUser(true, (n) => (n === 1 ? -1 : undefined));
      await run(wechat, { concurrency: 1 });
      expect(await repos(db).sendLog.get(id)).toMatchObject({ state: 'retry', outcomeUnknown: false });
      await rerunUntilDone(wechat);
      expect(await repos(db).sendLog.get(id)).toMatchObject({ state: 'sent', attempts: 2 });
      expect(wechat.deliveredTo('o-x')).toHaveLength(1);
    });

    it('a probe answered −1 keeps the earlier request unknown: after the user accepts again, never resent into a second delivery', async () => {
      // Run 1: delivered, answer lost. Run 2: the probe (no other credit then) gets −1. Then the
      // user accepts the template again (a new credit). Run 3 must not send: the first may have arrived.
      const { wechat, id } = await oneUser(false, (n) => (n === 1 ? 'lostAnswer' : n === 2 ? -1 : undefined));
      await run(wechat, { concurrency: 1 });
      t += 3 * MIN;
      await run(wechat, { concurrency: 1 });
      expect(await repos(db).sendLog.get(id)).toMatchObject({ state: 'retry', outcomeUnknown: true, attempts: 2 });
      await repos(db).subscriptions.accept({ openid: 'o-x', measureId: 'm01', deadlineKey: '', kind: 'week', at: new Date(t).toISOString() });
      wechat.grant('o-x', WEEK);
      await rerunUntilDone(wechat);
      expect(await repos(db).sendLog.get(id)).toMatchObject({ state: 'unknown', errMsg: UNKNOWN_AFTER_NO_ANSWER });
      expect(wechat.deliveredTo('o-x')).toHaveLength(1);
    });

    it('no answer on the last allowed attempt is not "failed": the next run applies the rule (unknown with another credit)', async () => {
      const { wechat, id } = await oneUser(true, () => 'lostAnswer');
      await run(wechat, { concurrency: 1, maxAttempts: 1 });
      expect(await repos(db).sendLog.get(id)).toMatchObject({ state: 'retry', outcomeUnknown: true });
      await rerunUntilDone(wechat, { maxAttempts: 1 });
      expect(await repos(db).sendLog.get(id)).toMatchObject({ state: 'unknown', errMsg: UNKNOWN_AFTER_NO_ANSWER });
      expect(wechat.deliveredTo('o-x')).toHaveLength(1);
    });
  });

  it('a subscription cancelled between the listing and its claim is skipped as cancelled, counted in the run summary', async () => {
    const w = await seedWorld(db);
    let cancelled = false;
    const sender: MessageSender = {
      send: async (m) => {
        // o-u1's message: dl-D's subscriptions are listed, o-u3's not yet claimed.
        if (m.touser === 'o-u1' && !cancelled) {
          cancelled = true;
          await repos(db).subscriptions.cancel('o-u3', 'm01', 'dl-D', 'week', new Date(t).toISOString());
        }
        return w.wechat.send(m);
      },
    };
    const s = await run(sender, { concurrency: 1 });
    expect(cancelled).toBe(true);
    expect(s.skipped).toEqual({ alreadyHandled: 1, cancelled: 1 });
    expect(s.sent).toBe(w.due.length - 1);
    expect(w.wechat.deliveredTo('o-u3')).toHaveLength(0);
    expect(await repos(db).sendLog.get(sendLogId('dl-D', 'week', 'o-u3'))).toBeNull();
    expect(await repos(db).subscriptions.get(subscriptionId('o-u3', 'm01', 'dl-D', 'week'))).toMatchObject({ status: 'cancelled', credits: 1 });
  });

  describe('the crash matrix with a cancellation before, during and after the crashing run', () => {
    const POINTS: CrashPoint[] = ['afterClaim', 'beforeSend', 'afterSend', 'beforeMark', 'afterMark'];
    /**
     * The messages a clean run of seedWorld attempts, in its order with one message at a time (the
     * due ones, the refused and the dropped one).
     */
    const ATTEMPTED: [deadlineId: string, kind: 'week' | 'day', openid: string][] = [
      ['dl-E', 'day', 'o-day'],
      ...['o-both', 'o-gone', 'o-refused', 'o-resub', 'o-twice', 'o-u1', 'o-u2', 'o-u3', 'o-u4', 'o-u5', 'o-next'].map((o) => ['dl-D', 'week', o] as ['dl-D', 'week', string]),
    ];
    /**
     * What the users cancel (both kinds, as 我的提醒 does):
     *  - o-u3: the subscription its due message would use;
     *  - o-twice: the same, on a subscription with two credits (one is left after its message);
     *  - o-both: its subscription to m01's next deadline — the due message goes on its dl-D one,
     *    the cancelled one keeps a credit WeChat would honour;
     *  - o-day: a 1-day reminder.
     */
    const TARGETS: [openid: string, measureId: string, deadlineKey: string][] = [
      ['o-u3', 'm01', 'dl-D'],
      ['o-twice', 'm01', 'dl-D'],
      ['o-both', 'm01', ''],
      ['o-day', 'm07', 'dl-E'],
    ];
    /** Due messages whose own subscription is cancelled (they may go unsent, as cancelled). */
    const OWN_CANCELLED = new Set(['o-u3', 'o-twice', 'o-day']);
    type When = 'before' | 'during@2' | 'during@6' | 'after';
    /**
     * before: before the crashing run; during@j: as the j-th message is being sent (the j-th call
     * of subscribeMessage.send, in the crashing run if it lives that long, else in a rerun) — with
     * one message at a time, @2 is o-both's (claimed, not yet sent: its other subscription is
     * cancelled under it), @6 o-twice's own; after: between the crash and the reruns.
     */
    const WHENS: When[] = ['before', 'during@2', 'during@6', 'after'];
    /**
     * The grid. On the WeChat adapter (in memory, ~10 ms a scenario): a crash at every point of
     * every message. On NeDB (real files, ~60–120 ms a scenario; the engine's logic is the same,
     * the store's queries are the contract suite's): every point of the messages where a
     * cancellation meets the crash — o-both (its other subscription cancelled), o-twice (its own,
     * keeping a credit) and o-u3 (its own).
     */
    const onNedb = _name.startsWith('NeDB');
    const VICTIMS = onNedb ? ATTEMPTED.filter(([, , o]) => ['o-both', 'o-twice', 'o-u3'].includes(o)) : ATTEMPTED;
    /** Positions ≤ 9: cancelled before the run, 9 messages are attempted. */
    const IN_FLIGHT_POSITIONS = onNedb ? [5] : [1, 3, 6, 9];

    async function cancelTargets(at: number) {
      const subs = repos(db).subscriptions;
      for (const [openid, measureId, key] of TARGETS) for (const kind of ['week', 'day'] as const) await subs.cancel(openid, measureId, key, kind, new Date(at).toISOString());
    }

    /** One scenario: the crash at `point` of the message `victim` (with one message at a time) or of the k-th message to reach `point`. */
    async function scenario(when: When, point: CrashPoint, at: { victim: string } | { k: number }, concurrency: number) {
      const w = await seedWorld(db);
      let calls = 0;
      let cancelled = false;
      const cancelOnSend = when.startsWith('during@') ? Number(when.slice('during@'.length)) : 0;
      // The cancellation comes from another function (the subscriptions one), on the live store.
      const sender: MessageSender = {
        send: async (m) => {
          if (++calls === cancelOnSend) {
            cancelled = true;
            await cancelTargets(t);
          }
          return w.wechat.send(m);
        },
      };
      if (when === 'before') await cancelTargets(t);
      const dying = killable(db, sender);
      let seen = 0;
      let crashedAt: string | null = null;
      const crash = (p: CrashPoint, id: string) => {
        if (p !== point || ('victim' in at ? id !== at.victim : ++seen !== at.k)) return;
        crashedAt = id;
        dying.kill();
        throw new CrashError();
      };
      const runs: RemindRunSummary[] = [];
      try {
        runs.push(await run(dying.sender, { concurrency, hooks: { crash } }, dying.store));
      } catch (err) {
        if (!(err instanceof CrashError)) throw err;
        await settle();
      }
      if (when === 'after') await cancelTargets(t + MIN);
      runs.push(...(await rerunUntilDone(sender, { concurrency })));
      if (cancelOnSend && !cancelled) await cancelTargets(t); // fewer sends than j: the cancellation comes at the end
      return { w, crashedAt: crashedAt as string | null, runs };
    }

    async function check(w: World, point: CrashPoint, crashedAt: string | null, runs: RemindRunSummary[], exact: boolean) {
      const r = repos(db);
      const counts = deliveredCounts(w.wechat);
      // Never twice, for anyone.
      for (const [openid, n] of counts) expect([openid, n]).toEqual([openid, 1]);
      let unknown = 0;
      let notClaimed = 0;
      for (const d of w.due) {
        const log = await r.sendLog.get(d.logId);
        const n = counts.get(d.openid) ?? 0;
        if (!log) {
          // Never claimed: only because the user cancelled the subscription it would have used.
          expect([d.openid, OWN_CANCELLED.has(d.openid), n]).toEqual([d.openid, true, 0]);
          const [, measureId, key] = TARGETS.find(([o]) => o === d.openid)!;
          expect((await r.subscriptions.get(subscriptionId(d.openid, measureId, key, d.logId.includes('.day.') ? 'day' : 'week')))!.status).toBe('cancelled');
          notClaimed += 1;
        } else if (log.state === 'unknown') {
          // The rule: not resent, because the user holds another credit WeChat would honour — a
          // cancelled subscription's included. Recorded with its reason.
          unknown += 1;
          expect([d.openid, w.multiCredit.has(d.openid), log.errMsg, n <= 1]).toEqual([d.openid, true, UNKNOWN_REASON, true]);
          if (exact) {
            expect(d.logId).toBe(crashedAt);
            expect([point, n]).toEqual([point, point === 'beforeSend' ? 0 : 1]);
          }
        } else {
          expect([d.openid, log.state, n]).toEqual([d.openid, 'sent', 1]);
        }
      }
      // Never silent: every unknown is counted by the run that decided it (the reruns all finish),
      // and a cancellation met at the claim is counted as `cancelled` (not `noCredit`), never more
      // often than messages went unclaimed.
      expect(sum(runs, (s) => s.unknown)).toBe(unknown);
      expect(sum(runs, (s) => s.skipped.cancelled ?? 0)).toBeLessThanOrEqual(notClaimed);
      for (const s of runs) expect(s.skipped.noCredit ?? 0).toBe(0);
      for (const o of [w.cancelledUser, 'o-later', 'o-dayD']) expect(counts.get(o) ?? 0).toBe(0);
      // A crashed send of a user holding another credit: unknown, whatever the user cancelled.
      const crashedUser = crashedAt?.split('.').pop();
      if (exact && crashedAt && w.multiCredit.has(crashedUser!) && ['beforeSend', 'afterSend', 'beforeMark'].includes(point)) {
        expect([crashedAt, (await r.sendLog.get(crashedAt))!.state]).toEqual([crashedAt, 'unknown']);
      }
      // Cancelling leaves the credits: on our books, and (the fake keeps WeChat's books) at WeChat.
      expect(await r.subscriptions.get(subscriptionId('o-both', 'm01', '', 'week'))).toMatchObject({ status: 'cancelled', credits: 1 });
      expect(w.wechat.creditsOf('o-both', WEEK)).toBe(2 - (counts.get('o-both') ?? 0));
      return { unknown, notClaimed, cancelledCounted: sum(runs, (s) => s.skipped.cancelled ?? 0) };
    }

    const fresh = async () => {
      await b.close();
      b = make();
      db = b.store;
      t = T0;
    };

    for (const when of WHENS) {
      it(`cancelled ${when}: a crash at every point of ${onNedb ? 'the key' : 'every'} message, one message at a time`, async () => {
        const tally = { scenarios: 0, crashes: 0, unknown: 0, notClaimed: 0, cancelledCounted: 0 };
        for (const [deadlineId, kind, openid] of VICTIMS) {
          // Cancelled before the run, a message on a cancelled subscription is never attempted.
          if (when === 'before' && OWN_CANCELLED.has(openid)) continue;
          const victim = sendLogId(deadlineId, kind, openid);
          for (const point of POINTS) {
            await fresh();
            const { w, crashedAt, runs } = await scenario(when, point, { victim }, 1);
            tally.scenarios += 1;
            if (crashedAt) tally.crashes += 1;
            // No crash only when the cancellation during the run came before the victim's claim.
            else expect([when, victim, OWN_CANCELLED.has(openid) && when.startsWith('during')]).toEqual([when, victim, true]);
            const got = await check(w, point, crashedAt, runs, true);
            tally.unknown += got.unknown;
            tally.notClaimed += got.notClaimed;
            tally.cancelledCounted += got.cancelledCounted;
          }
        }
        // The matrix exercised what it is about.
        expect(tally.unknown).toBeGreaterThan(0);
        if (when === 'before') expect(tally.notClaimed).toBe(tally.scenarios * OWN_CANCELLED.size);
        else if (when === 'after') expect(tally.crashes).toBe(tally.scenarios);
        else expect(tally.crashes).toBeGreaterThan(0);
        if (when.startsWith('during')) expect(tally.cancelledCounted).toBeGreaterThan(0);
      });
    }

    it('with 4 messages in flight, every cancellation time and crash point: never twice, nothing unaccounted', async () => {
      for (const when of WHENS) {
        for (const point of POINTS) {
          for (const k of IN_FLIGHT_POSITIONS) {
            await fresh();
            const { w, crashedAt, runs } = await scenario(when, point, { k }, 4);
            expect([when, point, k, crashedAt !== null]).toEqual([when, point, k, true]);
            await check(w, point, crashedAt, runs, false);
          }
        }
      }
    });
  });
});
