/**
 * subscriptions: the caller's reminder subscriptions. The openid is WeChat's (`getWXContext()`,
 * locally the dev header) — a request naming another openid changes nothing, since every document
 * id is derived from the caller's openid.
 *
 * subscribe: after `requestSubscribeMessage` on a tap, the page sends WeChat's per-template
 * results; each "accept" is one send credit for (caller, template → reminder kind, deadline).
 * Without a known deadline the credit waits for the measure's next deadline.
 */
import { REMINDER_KINDS, type ReminderKind, type ReminderStatus, type SubscribeOutcome, type SubscriptionsResponse, type SubscriptionView } from '../api';
import type { HandlerContext } from '../context';
import type { Handler } from '../handler';
import { measureInfo } from '../measures';
import {
  type DeadlineDoc,
  deadlinesRepo,
  NEXT_DEADLINE,
  type SendLogDoc,
  sendLogRepo,
  type SubscriptionDoc,
  subscriptionId,
  subscriptionsRepo,
} from '../repos';
import { explainOutcome } from '../subscribe-outcome';
import { kindOfTemplate, REMINDER_TEMPLATES } from '../templates';
import { invalid, optionalDeadlineId, parseCursor, parseLimit, requireAction, requireOpenid, toDeadline, today } from './common';

const ACTIONS = ['subscribe', 'status', 'list', 'cancel'] as const;
const OUTCOMES: readonly SubscribeOutcome[] = ['accept', 'reject', 'ban', 'filter'];
/** Most measures one `status` call answers for. */
export const MAX_STATUS_MEASURES = 30;
/** Most open batches of one measure a `status` answer lists (a measure has one or two a year). */
export const MAX_STATUS_BATCHES = 20;

function ok(data: SubscriptionsResponse) {
  return { ok: true as const, data };
}

function requireMeasure(value: unknown, field = 'measureId'): string {
  if (!measureInfo(value)) throw invalid(field, '措施编号不在 2022 年政策清单中');
  return value as string;
}

type DeadlineMap = Map<string, DeadlineDoc>;

function reminderStatus(kind: ReminderKind, sub: SubscriptionDoc | null, last: SendLogDoc | undefined, used: DeadlineMap): ReminderStatus {
  const d = last ? used.get(last.deadlineId) : undefined;
  const base: Pick<ReminderStatus, 'kind' | 'label' | 'credits' | 'usedFor'> = {
    kind,
    label: REMINDER_TEMPLATES[kind].label,
    credits: sub?.credits ?? 0,
    ...(d ? { usedFor: { deadlineId: d._id, batchTitle: d.batchTitle, closesOn: d.closesOn, sample: d.sample === true } } : {}),
  };
  const sentAt = last && last.state === 'sent' ? last.doneAt : undefined;
  const withSent = (s: ReminderStatus): ReminderStatus => (sentAt ? { ...s, sentAt } : s);
  if (!sub || sub.accepted === 0) return { ...base, credits: 0, state: 'none' };
  if (sub.status === 'cancelled') return withSent({ ...base, state: 'cancelled' });
  if (sub.status === 'dropped') return withSent({ ...base, state: 'dropped' });
  if (sub.credits > 0) return withSent({ ...base, state: 'waiting' });
  switch (last?.state) {
    case 'sent':
      return withSent({ ...base, state: 'sent' });
    case 'claimed':
    case 'sending':
    case 'retry':
      return { ...base, state: 'sending' };
    case 'refused':
      return { ...base, state: 'refused' };
    case 'unknown':
      return { ...base, state: 'unknown' };
    case 'dropped':
      return { ...base, state: 'dropped' };
    case 'dataError':
    case 'failed':
      return { ...base, state: 'failed' };
    default:
      return { ...base, state: 'none' };
  }
}

function view(
  measureId: string,
  deadlineKey: string,
  subs: Partial<Record<ReminderKind, SubscriptionDoc | null>>,
  deadline: DeadlineDoc | null,
  logs: Map<string, SendLogDoc>,
  day: string,
  used: DeadlineMap = new Map(),
): SubscriptionView | null {
  const docs = REMINDER_KINDS.map((k) => subs[k]).filter((d): d is SubscriptionDoc => !!d);
  if (docs.length === 0) return null;
  const m = measureInfo(measureId);
  return {
    key: `${measureId}.${deadlineKey || 'next'}`,
    measureId,
    measureLabel: m?.label ?? '',
    measureTitle: m?.title ?? measureId,
    deadlineId: deadlineKey || null,
    deadline: deadline ? toDeadline(deadline, day) : null,
    status: docs.every((d) => d.status !== 'active') ? 'cancelled' : 'active',
    reminders: REMINDER_KINDS.map((k) => {
      const sub = subs[k] ?? null;
      return reminderStatus(k, sub, sub?.lastLogId ? logs.get(sub.lastLogId) : undefined, used);
    }),
    createdAt: docs.map((d) => d.createdAt).sort()[0],
    updatedAt: docs.map((d) => d.updatedAt).sort().reverse()[0],
  };
}

/** The send-log records a set of subscriptions points at (one query: the user's recent records). */
async function logsFor(ctx: HandlerContext, openid: string, subs: SubscriptionDoc[]): Promise<Map<string, SendLogDoc>> {
  const wanted = new Set(subs.map((s) => s.lastLogId).filter((x): x is string => !!x));
  const map = new Map<string, SendLogDoc>();
  if (wanted.size === 0) return map;
  const repo = sendLogRepo(ctx.db);
  for (const doc of await repo.own(openid, 100)) if (wanted.has(doc._id)) map.set(doc._id, doc);
  // Older than the latest 100: fetch the rest one by one (rare).
  await Promise.all([...wanted].filter((id) => !map.has(id)).map(async (id) => {
    const doc = await repo.get(id);
    if (doc && doc.openid === openid) map.set(id, doc);
  }));
  return map;
}

/** The deadlines the given send-log records were about (known ones from `known`, the rest fetched). */
async function deadlinesOf(ctx: HandlerContext, logs: Iterable<SendLogDoc>, known: DeadlineMap = new Map()): Promise<DeadlineMap> {
  const out: DeadlineMap = new Map();
  const repo = deadlinesRepo(ctx.db);
  await Promise.all(
    [...new Set([...logs].map((l) => l.deadlineId))].map(async (id) => {
      const d = known.get(id) ?? (await repo.get(id));
      if (d) out.set(id, d);
    }),
  );
  return out;
}

async function rowView(ctx: HandlerContext, openid: string, measureId: string, deadlineKey: string, deadline: DeadlineDoc | null, day: string) {
  const repo = subscriptionsRepo(ctx.db);
  const [week, dayDoc] = await Promise.all(REMINDER_KINDS.map((k) => repo.get(subscriptionId(openid, measureId, deadlineKey, k))));
  const subs = { week, day: dayDoc };
  const logs = await logsFor(ctx, openid, [week, dayDoc].filter((d): d is SubscriptionDoc => !!d));
  const used = await deadlinesOf(ctx, logs.values(), deadline ? new Map([[deadline._id, deadline]]) : undefined);
  return view(measureId, deadlineKey, subs, deadline, logs, day, used);
}

export const subscriptions: Handler<'subscriptions'> = async (request, ctx) => {
  const action = requireAction(request.action, ACTIONS);
  const req = request as Record<string, unknown>;
  const openid = requireOpenid(ctx);
  const day = today(ctx);
  const at = ctx.now().toISOString();
  const deadlines = deadlinesRepo(ctx.db);

  switch (action) {
    case 'subscribe': {
      const measureId = requireMeasure(req.measureId);
      const deadlineIdValue = optionalDeadlineId(req.deadlineId, 'deadlineId');
      let deadline: DeadlineDoc | null = null;
      if (deadlineIdValue) {
        deadline = await deadlines.get(deadlineIdValue);
        if (!deadline || deadline.measureId !== measureId || deadline.closesOn < day) {
          throw invalid('deadlineId', '该申报批次不存在或已截止，请刷新后再订阅');
        }
      }
      const results = req.results;
      if (results === null || typeof results !== 'object' || Array.isArray(results)) throw invalid('results', '缺少订阅结果');
      const entries = Object.entries(results as Record<string, unknown>).filter(([k]) => k !== 'errMsg');
      if (entries.length === 0 || entries.length > REMINDER_KINDS.length) throw invalid('results', '订阅结果应包含本应用的提醒模板');
      const by: Record<SubscribeOutcome, ReminderKind[]> = { accept: [], reject: [], ban: [], filter: [] };
      const seen = new Set<ReminderKind>();
      for (const [templateId, outcome] of entries) {
        const kind = kindOfTemplate(templateId);
        if (!kind) throw invalid(`results.${templateId.slice(0, 64)}`, '未知的消息模板');
        if (typeof outcome !== 'string' || !(OUTCOMES as readonly string[]).includes(outcome)) {
          throw invalid(`results.${templateId}`, '订阅结果应为 accept、reject、ban 或 filter');
        }
        if (seen.has(kind)) continue;
        seen.add(kind);
        by[outcome as SubscribeOutcome].push(kind);
      }
      const deadlineKey = deadline ? deadline._id : NEXT_DEADLINE;
      const repo = subscriptionsRepo(ctx.db);
      for (const kind of by.accept) await repo.accept({ openid, measureId, deadlineKey, kind, at });
      const subscription = await rowView(ctx, openid, measureId, deadlineKey, deadline, day);
      return ok({
        action,
        subscription,
        accepted: by.accept,
        refused: by.reject,
        banned: by.ban,
        filtered: by.filter,
        message: explainOutcome({ accepted: by.accept, refused: by.reject, banned: by.ban, filtered: by.filter, deadline }),
      });
    }

    case 'status': {
      const ids = req.measureIds;
      if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_STATUS_MEASURES) {
        throw invalid('measureIds', `措施编号列表应有 1–${MAX_STATUS_MEASURES} 项`);
      }
      const unique = [...new Set(ids.map((id, i) => requireMeasure(id, `measureIds[${i}]`)))];
      // One query for the caller's subscriptions (a user has a few dozen at most), one per measure
      // for its batches not yet closed, one for the send states: not one round trip per subscription.
      // Every open batch is its own row (issue 22, item 2): a user picks the batch, not the soonest.
      const [mine, openBatches] = await Promise.all([
        subscriptionsRepo(ctx.db).own(openid, { limit: 1000 }),
        Promise.all(unique.map((measureId) => deadlines.current(day, { measureId, limit: MAX_STATUS_BATCHES }))),
      ]);
      // Per measure, the subscription rows asked about: each batch, or the measure's next deadline when none is known.
      const wanted = unique.map((measureId, i) => ({
        measureId,
        rows: openBatches[i].length > 0 ? openBatches[i].map((d) => ({ deadline: d as DeadlineDoc | null, key: d._id })) : [{ deadline: null as DeadlineDoc | null, key: NEXT_DEADLINE }],
      }));
      const answer = (measureId: string, rows: { deadline: DeadlineDoc | null; subscription: SubscriptionView | null }[]) => {
        const batches = rows.filter((r): r is { deadline: DeadlineDoc; subscription: SubscriptionView | null } => r.deadline !== null).map((r) => ({ deadline: toDeadline(r.deadline, day), subscription: r.subscription }));
        return { measureId, deadline: batches[0]?.deadline ?? null, subscription: rows[0]?.subscription ?? null, batches };
      };
      if (mine.length >= 1000) {
        const measures = await Promise.all(
          wanted.map(async ({ measureId, rows }) =>
            answer(measureId, await Promise.all(rows.map(async ({ deadline, key }) => ({ deadline, subscription: await rowView(ctx, openid, measureId, key, deadline, day) })))),
          ),
        );
        return ok({ action, today: day, measures });
      }
      const relevant = mine.filter((d) => wanted.some((w) => w.measureId === d.measureId && w.rows.some((r) => r.key === d.deadlineId)));
      const logs = await logsFor(ctx, openid, relevant);
      const known: DeadlineMap = new Map(openBatches.flat().map((d) => [d._id, d]));
      const used = await deadlinesOf(ctx, logs.values(), known);
      const measures = wanted.map(({ measureId, rows }) =>
        answer(
          measureId,
          rows.map(({ deadline, key }) => {
            const subs: Partial<Record<ReminderKind, SubscriptionDoc>> = {};
            for (const d of relevant) if (d.measureId === measureId && d.deadlineId === key) subs[d.kind] = d;
            return { deadline, subscription: view(measureId, key, subs, deadline, logs, day, used) };
          }),
        ),
      );
      return ok({ action, today: day, measures });
    }

    case 'list': {
      const limit = parseLimit(req.limit, 100, 100);
      const skip = parseCursor(req.cursor);
      const docs = await subscriptionsRepo(ctx.db).own(openid, { skip, limit });
      const rows = new Map<string, { measureId: string; deadlineKey: string; subs: Partial<Record<ReminderKind, SubscriptionDoc>> }>();
      for (const d of docs) {
        const key = `${d.measureId}.${d.deadlineId}`;
        const row = rows.get(key) ?? { measureId: d.measureId, deadlineKey: d.deadlineId, subs: {} };
        row.subs[d.kind] = d;
        rows.set(key, row);
      }
      const deadlineIds = [...new Set([...rows.values()].map((r) => r.deadlineKey).filter((x) => x !== NEXT_DEADLINE))];
      const found = new Map<string, DeadlineDoc>();
      await Promise.all(deadlineIds.map(async (id) => {
        const d = await deadlines.get(id);
        if (d) found.set(id, d);
      }));
      const logs = await logsFor(ctx, openid, docs);
      const used = await deadlinesOf(ctx, logs.values(), found);
      const views = [...rows.values()]
        .map((r) => view(r.measureId, r.deadlineKey, r.subs, found.get(r.deadlineKey) ?? null, logs, day, used))
        .filter((v): v is SubscriptionView => v !== null)
        .sort((a, b) => (a.status === b.status ? b.updatedAt.localeCompare(a.updatedAt) : a.status === 'active' ? -1 : 1));
      return ok({ action, subscriptions: views, nextCursor: docs.length === limit ? String(skip + limit) : null });
    }

    case 'cancel': {
      const measureId = requireMeasure(req.measureId);
      const deadlineKey = optionalDeadlineId(req.deadlineId, 'deadlineId') ?? NEXT_DEADLINE;
      const repo = subscriptionsRepo(ctx.db);
      for (const kind of REMINDER_KINDS) await repo.cancel(openid, measureId, deadlineKey, kind, at);
      const deadline = deadlineKey ? await deadlines.get(deadlineKey) : null;
      return ok({ action, subscription: await rowView(ctx, openid, measureId, deadlineKey, deadline, day) });
    }
  }
};
