/**
 * A dispatch of many reminders with simulated WeChat latency — what `npm run bench` reports
 * (wall time, database round trips, messages per second) and what the capacity in the README comes
 * from. Everything runs for real (the engine, the WeChat database adapter, repositories) over the
 * in-memory fake of wx-server-sdk and a fake subscribeMessage.send; only time is simulated: a
 * virtual clock advances by the latency of each database call and each send, so 100 000 messages
 * take seconds of CPU instead of many minutes. Runs repeat at the timer's interval, each within its
 * budget, until the batch is done.
 *
 * A share of the users (`cancelledShare`, default 10 %) subscribed to another measure earlier and
 * cancelled it: that subscription keeps its credit on our books and at WeChat (cancelling is ours
 * alone), so those users hold two credits for the template. The batch must still reach each user
 * exactly once, and leave that other credit unspent.
 *
 *   import { simulateDispatch } from '../test/fakes/simulate';
 *   const r = await simulateDispatch({ subscriptions: 100_000 });
 *
 * Exports simulateDispatch, SimulationOptions, SimulationResult and rng (a seeded random number
 * generator the screening tests and benchmarks use too).
 */
import type { RemindRunSummary } from '../../shared/cloud/api';
import { silentLogger } from '../../shared/cloud/context';
import { FakeWxDatabase } from './fake-wx-db';
import { COLLECTIONS, type DeadlineDoc, NEXT_DEADLINE, type SubscriptionDoc, subscriptionId } from '../../shared/cloud/repos';
import { REMINDER_TEMPLATES } from '../../shared/cloud/templates';
import { wxDocumentStore } from '../../shared/cloud/wx-db';
import { DEFAULT_BUDGET_MS, runRemind } from '../../shared/cloud/remind/engine';
import { FakeWeChat } from './fake-wechat';
import { REMIND_SCHEDULE } from '../../shared/cloud/remind/schedule';

export interface SimulationOptions {
  /** Subscriptions with a reminder due (one user each). Default 100 000. */
  subscriptions?: number;
  /** Mean latency of subscribeMessage.send in ms (each call: 0.5×–1.5×). Default 150. */
  sendLatencyMs?: number;
  /** Mean latency of a database call in ms (each: 0.5×–1.5×). Default 10. */
  dbLatencyMs?: number;
  /** Messages in flight per run. Default 10 (the function's default). */
  concurrency?: number;
  /** Per-run time budget. Default 50 000. */
  budgetMs?: number;
  pageSize?: number;
  /** Time between runs (the timer). Default 3 minutes. */
  intervalMs?: number;
  /** Give up after this many runs. Default 500. */
  maxRuns?: number;
  /**
   * Share of the users (0…1) who also hold a cancelled subscription of the same template (another
   * measure) with its credit kept. Default 0.1.
   */
  cancelledShare?: number;
  /** Called after each run. */
  onRun?: (summary: RemindRunSummary) => void;
  seed?: number;
}

export interface SimulationResult {
  subscriptions: number;
  sent: number;
  /** Users who got the message more than once (must be 0). */
  duplicates: number;
  /** Users who did not get it (must be 0). */
  missing: number;
  /** Users who also held a cancelled subscription with its credit (settings.cancelledShare of them). */
  cancelledWithCredit: number;
  /** Of those, users whose other credit WeChat no longer holds after the batch (must be 0). */
  cancelledCreditsSpent: number;
  runs: number;
  /** Simulated time from the first run's start to the last run's end (timer gaps included). */
  wallTimeMs: number;
  /** Simulated time spent inside runs. */
  activeMs: number;
  /** Real CPU time the simulation took here. */
  realMs: number;
  dbRoundTrips: number;
  dbRoundTripsPerMessage: number;
  /** Sent per simulated active second. */
  messagesPerSecond: number;
  /** Mean messages of a run that used its whole budget. */
  messagesPerFullRun: number;
  /** messagesPerFullRun × runs per morning of the schedule. */
  capacityPerMorning: number;
  runsPerMorning: number;
  settings: Required<Omit<SimulationOptions, 'onRun' | 'seed'>>;
}

/** A discrete-event clock: `sleep` resolves when the simulation reaches its time. */
class VirtualClock {
  now = 0;
  private heap: { at: number; seq: number; resolve: () => void }[] = [];
  private seq = 0;

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.push({ at: this.now + ms, seq: this.seq++, resolve }));
  }

  private push(item: { at: number; seq: number; resolve: () => void }): void {
    const h = this.heap;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (h[p].at < item.at || (h[p].at === item.at && h[p].seq < item.seq)) break;
      h[i] = h[p];
      i = p;
    }
    h[i] = item;
  }

  private pop(): { at: number; seq: number; resolve: () => void } | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        const less = (a: typeof last, b: typeof last) => a.at < b.at || (a.at === b.at && a.seq < b.seq);
        const cur = m === i ? last : h[m];
        let best = cur;
        if (l < h.length && less(h[l], best)) {
          m = l;
          best = h[l];
        }
        if (r < h.length && less(h[r], best)) {
          m = r;
          best = h[r];
        }
        if (m === i) break;
        h[i] = h[m];
        i = m;
      }
      h[i] = last;
    }
    return top;
  }

  /** Drives `work` to completion, advancing time whenever nothing else can progress. */
  async run<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    work.then(
      () => (settled = true),
      () => (settled = true),
    );
    while (!settled) {
      await new Promise<void>((r) => setImmediate(r));
      if (settled) break;
      const first = this.pop();
      if (!first) throw new Error('simulation stalled: nothing scheduled');
      this.now = first.at;
      first.resolve();
      // Everything due at the same instant.
      while (this.heap.length > 0 && this.heap[0].at === this.now) this.pop()!.resolve();
    }
    return work;
  }
}

/** Deterministic pseudo-random numbers (mulberry32); the benchmarks' profile generator uses it too. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function simulateDispatch(options: SimulationOptions = {}): Promise<SimulationResult> {
  const settings = {
    subscriptions: options.subscriptions ?? 100_000,
    sendLatencyMs: options.sendLatencyMs ?? 150,
    dbLatencyMs: options.dbLatencyMs ?? 10,
    concurrency: options.concurrency ?? 10,
    budgetMs: options.budgetMs ?? DEFAULT_BUDGET_MS,
    pageSize: options.pageSize ?? 100,
    intervalMs: options.intervalMs ?? REMIND_SCHEDULE.intervalMs,
    maxRuns: options.maxRuns ?? 500,
    cancelledShare: Math.max(0, Math.min(1, options.cancelledShare ?? 0.1)),
  };
  const realStart = Date.now();
  const clock = new VirtualClock();
  const random = rng(options.seed ?? 42);
  let latencyOn = false;
  const jitter = (mean: number) => (latencyOn && mean > 0 ? clock.sleep(mean * (0.5 + random())) : Promise.resolve());

  const fakeDb = new FakeWxDatabase({ latency: () => jitter(settings.dbLatencyMs) });
  fakeDb.recordCalls = false;
  const store = wxDocumentStore(() => fakeDb);
  const wechat = new FakeWeChat({ latency: () => jitter(settings.sendLatencyMs) });
  wechat.recordAttempts = false;

  // Seed (no latency): one deadline closing in 7 days, n users subscribed to its 7-day reminder.
  const base = Date.parse('2022-06-23T01:00:00.000Z'); // 09:00 in Beijing
  const today = '2022-06-23';
  const deadline: DeadlineDoc = {
    _id: 'dl-m01-bench',
    measureId: 'm01',
    batchTitle: '模拟批次（基准测试）',
    opensOn: '2022-06-01',
    closesOn: '2022-06-30',
    issuer: '模拟',
    sourceUrl: 'https://example.invalid/bench',
    sample: true,
    createdAt: new Date(base).toISOString(),
    createdBy: 'bench',
    updatedAt: new Date(base).toISOString(),
    updatedBy: 'bench',
  };
  await fakeDb.collection(COLLECTIONS.deadlines).add({ data: { ...deadline } });
  const templateId = REMINDER_TEMPLATES.week.id;
  const openids: string[] = [];
  /** Users holding a cancelled subscription with its credit: spread evenly (in id order, the order of paging). */
  const cancelledHolders: string[] = [];
  const subs = fakeDb.collection(COLLECTIONS.subscriptions);
  for (let i = 0; i < settings.subscriptions; i++) {
    const openid = `oBench${String(i).padStart(7, '0')}`;
    openids.push(openid);
    if (Math.floor((i + 1) * settings.cancelledShare) > Math.floor(i * settings.cancelledShare)) {
      // Subscribed to m03's next deadline (the same 7-day template accepted), then cancelled it.
      cancelledHolders.push(openid);
      const earlier: SubscriptionDoc = {
        _id: subscriptionId(openid, 'm03', NEXT_DEADLINE, 'week'),
        openid,
        measureId: 'm03',
        deadlineId: NEXT_DEADLINE,
        kind: 'week',
        credits: 1,
        accepted: 1,
        status: 'cancelled',
        active: false,
        createdAt: '2022-06-10',
        updatedAt: '2022-06-12',
      };
      await subs.add({ data: { ...earlier } });
      wechat.grant(openid, templateId);
    }
    const sub: SubscriptionDoc = {
      _id: subscriptionId(openid, 'm01', deadline._id, 'week'),
      openid,
      measureId: 'm01',
      deadlineId: deadline._id,
      kind: 'week',
      credits: 1,
      accepted: 1,
      status: 'active',
      active: true,
      createdAt: today,
      updatedAt: today,
    };
    await subs.add({ data: { ...sub } });
    wechat.grant(openid, templateId);
  }
  fakeDb.roundTrips = 0;
  latencyOn = true;

  const summaries: RemindRunSummary[] = [];
  let activeMs = 0;
  let lastEnd = 0;
  for (let run = 0; run < settings.maxRuns; run++) {
    const startAt = run * settings.intervalMs;
    if (clock.now < startAt) await clock.run(clock.sleep(startAt - clock.now));
    const summary = await clock.run(
      runRemind({
        db: store,
        sender: wechat,
        log: silentLogger,
        now: () => new Date(base + clock.now),
        clock: () => clock.now,
        budgetMs: settings.budgetMs,
        concurrency: settings.concurrency,
        pageSize: settings.pageSize,
        runId: `bench-run-${run}`,
      }),
    );
    summaries.push(summary);
    activeMs += summary.durationMs;
    lastEnd = clock.now;
    options.onRun?.(summary);
    if (summary.stoppedBy === 'done') break;
  }

  const counts = new Map<string, number>();
  for (const m of wechat.delivered) counts.set(m.touser, (counts.get(m.touser) ?? 0) + 1);
  let duplicates = 0;
  let missing = 0;
  for (const o of openids) {
    const n = counts.get(o) ?? 0;
    if (n === 0) missing += 1;
    if (n > 1) duplicates += 1;
  }
  // Their cancelled subscription's credit is still WeChat's: one left of the two.
  const cancelledCreditsSpent = cancelledHolders.filter((o) => wechat.creditsOf(o, templateId) !== 1).length;
  const sent = wechat.delivered.length;
  const full = summaries.filter((s) => s.stoppedBy === 'budget');
  const messagesPerFullRun = full.length > 0 ? full.reduce((a, s) => a + s.sent, 0) / full.length : sent;
  return {
    subscriptions: settings.subscriptions,
    sent,
    duplicates,
    missing,
    cancelledWithCredit: cancelledHolders.length,
    cancelledCreditsSpent,
    runs: summaries.length,
    wallTimeMs: lastEnd,
    activeMs,
    realMs: Date.now() - realStart,
    dbRoundTrips: fakeDb.roundTrips,
    dbRoundTripsPerMessage: sent > 0 ? fakeDb.roundTrips / sent : 0,
    messagesPerSecond: activeMs > 0 ? (sent / activeMs) * 1000 : 0,
    messagesPerFullRun,
    capacityPerMorning: Math.floor(messagesPerFullRun * REMIND_SCHEDULE.runsPerMorning),
    runsPerMorning: REMIND_SCHEDULE.runsPerMorning,
    settings,
  };
}
