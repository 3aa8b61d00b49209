/**
 * The reminder timer's run: finds deadlines with a reminder due today (Asia/Shanghai), pages through
 * subscriptions with credit, and sends each message exactly once.
 *
 * Exactly once, per message id `${deadlineId}.${kind}.${openid}` (sendLog):
 *  1. claim — one transaction adds the send-log record (state `claimed`, owned by this run with a
 *     lease) and takes one credit from the subscription. The id is deterministic, so a second claim
 *     (a rerun, an overlapping run, a second subscription of the same user) fails as a duplicate.
 *  2. `claimed` → `sending` (compare-and-set on state and owner), right before the request — after
 *     re-reading the deadline: deleted, moved or given another measure since the claim → not sent,
 *     the claim undone and its credit given back (skipped with the reason; see `release`).
 *  3. send.
 *  4. mark — `sending` → the outcome (sent, refused, dropped, dataError, retry).
 *
 * A crash leaves a record in `claimed` or `sending`; once its lease has passed (no live run owns it)
 * the next run resolves it:
 *  - `claimed`: the request was never made → taken over and sent (nothing lost, nothing twice);
 *  - `sending`: the request may or may not have reached WeChat. WeChat has no idempotency key, so
 *    the rule leans on its one-time credit instead: a one-time subscription allows exactly one
 *    message per acceptance, so if the user holds no other credit WeChat would honour for this
 *    template, sending again is safe — if the first request got through, WeChat answers 43101 and
 *    nothing is delivered twice (recorded as sent, "confirmed earlier"); if it did not, this
 *    delivers it. If the user holds another credit, a second send could spend it and deliver
 *    twice: then the message is NOT resent, it becomes `unknown`, counted in the run summary and
 *    shown in 我的提醒.
 *    "Another credit WeChat would honour" is WeChat's view, not our subscription status: WeChat
 *    keeps every acceptance until a message spends it, and knows nothing of our cancel. So it is
 *    (a) any subscription of the user and kind with credits, whatever its status — active,
 *    cancelled (cancelling keeps the credit) or dropped; credits are 0 only when our claims took
 *    them or after 43101, when WeChat said it holds none (subscriptionsRepo.holdsWeChatCredit,
 *    which says why each status counts), and (b) any other message of the user and
 *    kind whose credit WeChat may not have spent: every send-log state but `sent` and `refused`
 *    (sendLogRepo.othersHoldCredit).
 *  - `retry` after an answer that says the message was not delivered (−1 busy, rate limits, 40037 /
 *    41030 configuration): taken over and sent again, up to `maxAttempts`.
 *  - `retry` after a request that got NO answer (it threw: a timeout may come after WeChat
 *    delivered): the outcome is as unknown as a crashed `sending`, so the same rule decides —
 *    resent only when the user holds no other credit, else `unknown` (`outcomeUnknown` on the record).
 * Overlapping runs never send twice: they meet at the claim (duplicate) or at a compare-and-set.
 *
 * Time budget: no new message is started when the time left is less than the slowest message so
 * far (and a reserve); what is left is for the next run (the timer fires every few minutes in a
 * morning window, see cloudfunctions/remind/config.json).
 * runRemind is the run (RemindOptions: the store, the sender, the clocks, a budget of DEFAULT_BUDGET_MS); dueKind says which
 * reminder a deadline's days left make due. The `unknown` records carry UNKNOWN_AFTER_CRASH or
 * UNKNOWN_AFTER_NO_ANSWER as their reason; tests crash a run at each CrashPoint.
 */
import type { RemindRunSummary, RemindSkipReason, ReminderKind } from '../api';
import type { DocumentStore, Logger, MessageSender, OutgoingMessage, SendResult } from '../context';
import { addDays, daysBetween, todayIn } from '../dates';
import { COLLECTIONS, type DeadlineDoc, MAX_CREDITS, NEXT_DEADLINE, repos, type SendLogDoc, sendLogId, type SubscriptionDoc } from '../repos';
import { REMINDER_TEMPLATES } from '../templates';
import { countingStore } from './counting-store';
import { buildReminder, fieldProblems } from './message';

/** Where a test may inject a crash (the hook throws; the test's store and sender then refuse everything). */
export type CrashPoint = 'afterClaim' | 'beforeSend' | 'afterSend' | 'beforeMark' | 'afterMark';

export interface RemindOptions {
  db: DocumentStore;
  sender: MessageSender;
  log: Logger;
  /** Wall clock: the business date (Asia/Shanghai) and the leases. */
  now: () => Date;
  /** Monotonic milliseconds for the time budget (default Date.now). */
  clock?: () => number;
  /** Stop starting messages before this many ms (default 50 000). */
  budgetMs?: number;
  /** Kept free at the end of the budget, besides the slowest message so far (default 500 ms). */
  reserveMs?: number;
  /** Messages in flight at once (default 10). */
  concurrency?: number;
  /** Documents per query (default 100; ≤ 1000). */
  pageSize?: number;
  /** How long a claim belongs to its run (default 120 000 ms: longer than any function can live). */
  leaseMs?: number;
  /** Sends of one message before it is given up (default 5). */
  maxAttempts?: number;
  miniprogramState?: OutgoingMessage['miniprogramState'];
  runId?: string;
  /** Save the summary in `runs` (default true). */
  saveSummary?: boolean;
  hooks?: { crash?: (point: CrashPoint, logId: string) => void };
}

export const DEFAULT_BUDGET_MS = 50_000;
/** Kept free at the end of the budget for in-flight messages and the summary. */
const RESERVE_MS = 500;

/** Which reminder is due for a deadline closing `daysLeft` days from today, if any. */
export function dueKind(daysLeft: number): ReminderKind | null {
  if (daysLeft < 0 || daysLeft > REMINDER_TEMPLATES.week.daysBefore) return null;
  // 7 … 2 days: the 7-day reminder (late if a day's runs were missed); 1 … 0: the 1-day reminder.
  return daysLeft > REMINDER_TEMPLATES.day.daysBefore ? 'week' : 'day';
}

/** Why a record is `unknown` (stored in its errMsg, shown to admins in the run log). */
export const UNKNOWN_AFTER_CRASH = 'crashed while sending; outcome unknown, not resent';
export const UNKNOWN_AFTER_NO_ANSWER = 'no answer from WeChat; outcome unknown, not resent';

/** Why a claimed message is not sent after all: its deadline changed while the run was going. */
type ChangedReason = Extract<RemindSkipReason, 'deadlineDeleted' | 'deadlineMoved' | 'measureChanged'>;
const CHANGED_ERR: Record<ChangedReason, string> = {
  deadlineDeleted: 'deadline deleted',
  deadlineMoved: 'deadline moved',
  measureChanged: 'measure changed',
};

type Task = { type: 'send'; deadline: DeadlineDoc; kind: ReminderKind; sub: SubscriptionDoc } | { type: 'recover'; doc: SendLogDoc };

type Outcome = { state: SendLogDoc['state']; counter: 'sent' | 'refused' | 'dropped' | 'dataErrors' | 'retry'; stop?: 'config' };

function classify(result: SendResult | { thrown: unknown }): Outcome {
  if ('thrown' in result) return { state: 'retry', counter: 'retry' };
  switch (result.errCode) {
    case 0:
      return { state: 'sent', counter: 'sent' };
    case 43101: // the user's credit for this template is used up, or they refused
      return { state: 'refused', counter: 'refused' };
    case 40003: // openid invalid for this mini-program
      return { state: 'dropped', counter: 'dropped' };
    case 47003: // template data (a field too long or of the wrong form): our bug, not retried
      return { state: 'dataError', counter: 'dataErrors' };
    case 40037: // template id invalid
    case 41030: // page invalid
      // Configuration: every message would fail the same way. Keep this one for later, stop the run.
      return { state: 'retry', counter: 'retry', stop: 'config' };
    default: // system busy (-1), rate limits, anything unknown: the next run tries again
      return { state: 'retry', counter: 'retry' };
  }
}

function runIdOf(now: Date): string {
  return `run-${now.toISOString().replace(/[-:.]/g, '').slice(0, 15)}-${Math.random().toString(36).slice(2, 8)}`;
}

export async function runRemind(o: RemindOptions): Promise<RemindRunSummary> {
  const clock = o.clock ?? (() => Date.now());
  const t0 = clock();
  const started = o.now();
  const today = todayIn(started);
  const runId = o.runId ?? runIdOf(started);
  const budgetMs = o.budgetMs ?? DEFAULT_BUDGET_MS;
  const reserveMs = o.reserveMs ?? RESERVE_MS;
  const pageSize = Math.max(1, Math.min(1000, o.pageSize ?? 100));
  const leaseMs = o.leaseMs ?? 120_000;
  const maxAttempts = o.maxAttempts ?? 5;
  const concurrency = Math.max(1, Math.min(100, o.concurrency ?? 10));
  const miniprogramState = o.miniprogramState ?? 'formal';
  const crash = o.hooks?.crash ?? (() => {});
  const counted = countingStore(o.db);
  const r = repos(counted.store);
  const log = o.log;

  const s: RemindRunSummary = {
    runId,
    today,
    startedAt: started.toISOString(),
    finishedAt: '',
    durationMs: 0,
    budgetMs,
    stoppedBy: 'done',
    deadlinesDue: 0,
    dueSentEarlier: 0,
    sent: 0,
    skipped: {},
    refused: 0,
    dropped: 0,
    dataErrors: 0,
    retry: 0,
    failed: 0,
    unknown: 0,
    remaining: 0,
    dbCalls: 0,
  };
  const skip = (reason: RemindSkipReason) => {
    s.skipped[reason] = (s.skipped[reason] ?? 0) + 1;
  };
  let stop: 'budget' | 'config' | null = null;
  let slowest = 0;
  const canStart = () => {
    if (stop) return false;
    if (budgetMs - (clock() - t0) < slowest + reserveMs) {
      stop = 'budget';
      return false;
    }
    return true;
  };
  const nowMs = () => o.now().getTime();
  const at = () => o.now().toISOString();

  const deadlineCache = new Map<string, Promise<DeadlineDoc | null>>();
  const deadlineOf = (id: string) => {
    let p = deadlineCache.get(id);
    if (!p) deadlineCache.set(id, (p = r.deadlines.get(id)));
    return p;
  };

  async function* tasks(): AsyncGenerator<Task> {
    // 1. Records left by earlier runs: retries, and claims/sends of runs that crashed.
    for (const state of ['claimed', 'retry', 'sending'] as const) {
      let after: string | undefined;
      for (;;) {
        const docs = await r.sendLog.inState(state, after, pageSize);
        for (const doc of docs) yield { type: 'recover', doc };
        if (docs.length < pageSize) break;
        after = docs[docs.length - 1]._id;
      }
    }
    // 2. Deadlines closing within the reminder window, soonest first.
    const until = addDays(today, REMINDER_TEMPLATES.week.daysBefore);
    for (let skipN = 0; ; skipN += pageSize) {
      const deadlines = await r.deadlines.closingBetween(today, until, { skip: skipN, limit: pageSize });
      for (const deadline of deadlines) {
        const kind = dueKind(daysBetween(today, deadline.closesOn));
        if (!kind) continue;
        s.deadlinesDue += 1;
        deadlineCache.set(deadline._id, Promise.resolve(deadline));
        // Subscriptions made for this deadline, then those for "the measure's next deadline".
        let found = 0;
        for (const deadlineKey of [deadline._id, NEXT_DEADLINE]) {
          let after: string | undefined;
          for (;;) {
            const subs = await r.subscriptions.due({ measureId: deadline.measureId, kind, deadlineKey, afterId: after, limit: pageSize });
            found += subs.length;
            for (const sub of subs) yield { type: 'send', deadline, kind, sub };
            if (subs.length < pageSize) break;
            after = subs[subs.length - 1]._id;
          }
        }
        // Nobody left to send to: say whether an earlier run sent today's reminder (a rerun), so the
        // run log gives a reason for a run that sent nothing (one query, only then).
        if (found === 0 && (await r.sendLog.anySent(deadline._id, kind))) s.dueSentEarlier = (s.dueSentEarlier ?? 0) + 1;
      }
      if (deadlines.length < pageSize) break;
    }
  }

  /**
   * claimed (owned by this run) → sending → send → outcome. `probe`: the resend of a crashed
   * `sending` record, where 43101 means the earlier request was delivered.
   */
  async function attempt(doc: SendLogDoc, probe = false): Promise<void> {
    crash('afterClaim', doc._id);
    // The deadline as it is now, not as the run listed it (issue 25: a delete or a date moved while
    // a run was going still got 577 of 600 messages sent): read right before `claimed → sending`, so
    // an edit acknowledged before this read stops the message. A send whose read came before the
    // edit is already begun (at most one per message in flight) and cannot be recalled.
    const current = await r.deadlines.get(doc.deadlineId);
    const changed: ChangedReason | null = !current
      ? 'deadlineDeleted'
      : current.measureId !== doc.measureId
        ? 'measureChanged'
        : current.closesOn !== doc.closesOn
          ? 'deadlineMoved'
          : null;
    if (changed || !current) return release(doc, changed ?? 'deadlineDeleted', probe);
    const deadline = current;
    const attempts = doc.attempts + 1;
    const began = await r.sendLog.transition(doc._id, { state: 'claimed', runId }, { state: 'sending', attempts, attemptAt: at(), leaseUntil: nowMs() + leaseMs });
    if (!began) {
      skip('inFlight');
      return;
    }
    const message = buildReminder({ deadline, kind: doc.kind, openid: doc.openid, today, miniprogramState });
    crash('beforeSend', doc._id);
    let result: SendResult | { thrown: unknown };
    try {
      result = await o.sender.send(message);
    } catch (err) {
      result = { thrown: err };
    }
    crash('afterSend', doc._id);
    let outcome = classify(result);
    const noAnswer = 'thrown' in result;
    const confirmedEarlier = probe && !('thrown' in result) && result.errCode === 43101;
    if (confirmedEarlier) outcome = { state: 'sent', counter: 'sent' };
    // A last attempt that leaves the outcome unknown is not "failed": it may have been delivered;
    // the next run's rule decides (unknown, or a final probe).
    const mayHaveDelivered = noAnswer || probe || doc.outcomeUnknown === true;
    if (outcome.counter === 'retry' && attempts >= maxAttempts && !outcome.stop && !mayHaveDelivered) outcome = { state: 'failed', counter: 'retry' };
    crash('beforeMark', doc._id);
    // Whether WeChat may hold an earlier delivery of this message: no answer now, or a probe (of a
    // crashed or unanswered send) that got a definite "not delivered" for itself but says nothing
    // of the earlier request. Kept until an answer settles it (sent, refused, …).
    const stillUnknown = outcome.state === 'retry' && mayHaveDelivered;
    const errCode = 'thrown' in result ? undefined : result.errCode;
    const errMsg = 'thrown' in result ? String((result.thrown as Error)?.message ?? result.thrown) : result.errMsg;
    // Side effects first (idempotent): a crash before the mark resolves to the same answer again.
    if (outcome.state === 'refused' && !probe) await r.subscriptions.noCredit(doc.subId, at());
    if (outcome.state === 'dropped') await r.subscriptions.drop(doc.subId, at());
    const marked = await r.sendLog.transition(
      doc._id,
      { state: 'sending', runId },
      { state: outcome.state, doneAt: at(), errCode, errMsg: errCode === 0 ? undefined : errMsg?.slice(0, 200), leaseUntil: 0, outcomeUnknown: stillUnknown },
    );
    crash('afterMark', doc._id);
    if (!marked) log.warn('remind: outcome not recorded (record changed under this run)', { id: doc._id, state: outcome.state });
    if (confirmedEarlier) {
      skip('confirmedEarlier');
      log.info('remind: crashed send confirmed delivered earlier (43101 on resend)', { id: doc._id });
      return;
    }
    if (outcome.state === 'failed') {
      s.failed += 1;
      log.error('remind: message given up after repeated failures', { id: doc._id, errCode, errMsg });
    } else {
      s[outcome.counter] += 1;
    }
    if (outcome.counter === 'dataErrors') {
      log.error('remind: template data rejected (47003)', { id: doc._id, templateId: message.templateId, data: message.data, problems: fieldProblems(message.data), errMsg });
    }
    if (outcome.stop) {
      stop = outcome.stop;
      log.error('remind: template or page configuration rejected; stopping this run', { errCode, errMsg, templateId: message.templateId, page: message.page });
    }
  }

  /**
   * A claimed message whose deadline changed under the run: not sent. Never attempted (or a retry
   * WeChat answered "not delivered"): the send-log record is removed and its credit given back in
   * one transaction, so a date moved later is reminded of on the new date (a fresh claim then).
   * A record whose earlier request may have been delivered (a crashed send, no answer) keeps its
   * credit spent and becomes `unknown`, as the rule at the top says.
   */
  async function release(doc: SendLogDoc, reason: ChangedReason, probe: boolean): Promise<void> {
    if (probe || doc.outcomeUnknown === true) {
      const errMsg = `${CHANGED_ERR[reason]}; outcome of the earlier send unknown, not resent`;
      if (await r.sendLog.transition(doc._id, { state: 'claimed', runId }, { state: 'unknown', doneAt: at(), leaseUntil: 0, errMsg })) {
        s.unknown += 1;
        log.warn('remind: deadline changed before the resend of an unknown outcome; not resent', { id: doc._id, reason });
      } else skip('inFlight');
      return;
    }
    let given: boolean;
    try {
      given = await giveBack(doc);
    } catch (err) {
      // Nothing written: the record stays claimed under this run's lease; the next run re-checks it.
      log.warn('remind: giving the credit back failed; left for the next run', { id: doc._id, reason, error: err instanceof Error ? err.message : String(err) });
      return skip('claimFailed');
    }
    if (given) {
      skip(reason);
      log.info('remind: deadline changed during the run; not sent, credit given back', { id: doc._id, reason });
    } else skip('inFlight');
  }

  /** Removes this run's claim of `doc` and gives its credit back, in one transaction (false: not ours any more). */
  function giveBack(doc: SendLogDoc): Promise<boolean> {
    return counted.store.transaction(async (tx) => {
      const logs = tx.collection<SendLogDoc>(COLLECTIONS.sendLog);
      const subs = tx.collection<SubscriptionDoc>(COLLECTIONS.subscriptions);
      const mine = await logs.get(doc._id);
      if (!mine || mine.state !== 'claimed' || mine.runId !== runId) return false;
      await logs.remove(doc._id);
      const sub = await subs.get(doc.subId);
      if (sub) {
        const credits = Math.min(MAX_CREDITS, sub.credits + 1);
        await subs.update(doc.subId, { credits, active: sub.status === 'active' && credits > 0, updatedAt: at() });
      }
      return true;
    });
  }

  async function send(task: Extract<Task, { type: 'send' }>): Promise<void> {
    const { deadline, kind, sub } = task;
    const doc: SendLogDoc = {
      _id: sendLogId(deadline._id, kind, sub.openid),
      deadlineId: deadline._id,
      kind,
      openid: sub.openid,
      subId: sub._id,
      measureId: deadline.measureId,
      closesOn: deadline.closesOn,
      state: 'claimed',
      runId,
      leaseUntil: nowMs() + leaseMs,
      attempts: 0,
      claimedAt: at(),
    };
    let claimed: Awaited<ReturnType<typeof r.sendLog.claim>>;
    try {
      claimed = await r.sendLog.claim(doc, at());
    } catch (err) {
      // The transaction failed (e.g. a conflict with an overlapping run): nothing was written;
      // whoever wins has it, or the next run finds it still due.
      log.warn('remind: claim failed; left for the next run', { id: doc._id, error: err instanceof Error ? err.message : String(err) });
      return skip('claimFailed');
    }
    if (claimed === 'duplicate') return skip('alreadyHandled');
    if (claimed === 'noCredit') return skip('noCredit');
    // Cancelled after this run listed it: not sent; counted, so the summary accounts for it.
    if (claimed === 'cancelled') return skip('cancelled');
    await attempt(doc);
  }

  async function recover(doc: SendLogDoc): Promise<void> {
    if (doc.runId === runId) return; // this run's own retries wait for the next run
    const alive = doc.leaseUntil > nowMs();
    if ((doc.state === 'claimed' || doc.state === 'sending') && alive) return skip('inFlight');
    const from = { state: doc.state, runId: doc.runId };
    const deadline = await deadlineOf(doc.deadlineId);
    if (doc.state === 'sending' || (doc.state === 'retry' && doc.outcomeUnknown === true)) {
      // Crashed while the request may have been in flight, or it got no answer: the documented rule (see the top).
      const safeToProbe =
        deadline !== null &&
        deadline.closesOn >= today &&
        !(await r.subscriptions.holdsWeChatCredit(doc.openid, doc.kind)) &&
        !(await r.sendLog.othersHoldCredit(doc.openid, doc.kind, doc._id));
      if (safeToProbe && doc.attempts < maxAttempts) {
        const took = await r.sendLog.transition(doc._id, from, { state: 'claimed', runId, leaseUntil: nowMs() + leaseMs });
        if (!took) return skip('inFlight');
        await attempt({ ...doc, state: 'claimed', runId }, true);
        return;
      }
      const errMsg = doc.state === 'sending' ? UNKNOWN_AFTER_CRASH : UNKNOWN_AFTER_NO_ANSWER;
      if (await r.sendLog.transition(doc._id, from, { state: 'unknown', doneAt: at(), leaseUntil: 0, errMsg })) {
        s.unknown += 1;
        log.warn('remind: a send has an unknown outcome; not resent (the user holds another credit)', { id: doc._id, runId: doc.runId, reason: errMsg });
      } else skip('inFlight');
      return;
    }
    if (!deadline || deadline.closesOn < today) {
      if (await r.sendLog.transition(doc._id, from, { state: 'failed', doneAt: at(), leaseUntil: 0, errMsg: deadline ? 'deadline passed' : 'deadline deleted' })) {
        skip('expired');
      }
      return;
    }
    if (doc.state === 'retry' && doc.attempts >= maxAttempts) {
      if (await r.sendLog.transition(doc._id, from, { state: 'failed', doneAt: at(), leaseUntil: 0 })) s.failed += 1;
      return;
    }
    // claimed (never attempted) or retry: take it over, then send.
    const took = await r.sendLog.transition(doc._id, from, { state: 'claimed', runId, leaseUntil: nowMs() + leaseMs });
    if (!took) return skip('inFlight');
    await attempt({ ...doc, state: 'claimed', runId });
  }

  const queue = tasks();
  const worker = async () => {
    while (canStart()) {
      const next = await queue.next();
      if (next.done) return;
      if (!canStart()) {
        s.remaining += 1;
        return;
      }
      const t1 = clock();
      if (next.value.type === 'send') await send(next.value);
      else await recover(next.value.doc);
      slowest = Math.max(slowest, clock() - t1);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (stop) {
    s.stoppedBy = stop;
    if (s.remaining === 0) s.remaining = 1; // at least the task that found the budget spent
  }
  const finished = o.now();
  s.finishedAt = finished.toISOString();
  s.durationMs = clock() - t0;
  s.dbCalls = counted.calls();
  if (o.saveSummary !== false) {
    await r.runs.save({ _id: runId, ...s, dbCalls: counted.calls() + 1 });
    s.dbCalls = counted.calls();
  }
  log.info('remind: run summary', { ...s });
  return s;
}
