/**
 * Repositories: one small object per collection, each over the DocumentStore contract, which has
 * two implementations — the WeChat cloud database (shared/cloud/wx-db.ts) and the local cloud's
 * NeDB store (server/store.ts). test/unit/cloud/repos.contract.test.ts runs every repository
 * against both (NeDB for real, WeChat against an in-memory fake of exactly the calls it makes).
 *
 * Every query names a `.limit()` (≤ 1000, WeChat's maximum) and callers page; nothing loads a
 * whole collection.
 */
import type { DocumentStore, Transaction, WhereValue } from '../context';
import { CloudFailure, DuplicateIdError } from '../errors';
import {
  type AdminDoc,
  type AuditDoc,
  BOOTSTRAP_ID,
  type BootstrapDoc,
  COLLECTIONS,
  type DeadlineDoc,
  LIST_STATUS_ID,
  type ListStatusDoc,
  type OutboxDoc,
  type QrcodeDoc,
  type ScreenJobDoc,
  type RunDoc,
  type SendLogDoc,
  type SendState,
  type SubscriptionDoc,
} from './docs';
import { subscriptionId } from './ids';
import type { ReminderKind } from '../api';

export * from './docs';
export * from './ids';

/** Default and maximum page sizes. */
export const PAGE = 100;

function page(limit: number | undefined, max = 1000): number {
  const n = limit ?? PAGE;
  return Math.max(1, Math.min(max, Math.floor(n)));
}

// ---------------------------------------------------------------------------------------------
// Audited writes (issue 25, items 2 and 3): a change and its audit entry are one transaction, so a
// crash leaves both or neither; an edit names the revision it read, and a record whose revision
// moved on is left alone ('conflict').

/** A record's revision; records written before revisions existed count as 0. */
export function revisionOf(doc: { revision?: number } | null | undefined): number {
  return typeof doc?.revision === 'number' ? doc.revision : 0;
}

/** The `revision` a request names (an integer ≥ 0), or undefined when it names none. */
export function requestedRevision(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    const message = '版本号应为不小于 0 的整数，请刷新后再改';
    throw new CloudFailure('INVALID_INPUT', message, [{ field: 'revision', message }]);
  }
  return value;
}

/** An audit entry as the writer gives it (the id is made here). */
export type AuditInput = Omit<AuditDoc, '_id'>;

function appendAudit(tx: Transaction, entry: AuditInput): Promise<{ _id: string }> {
  return tx.collection<AuditDoc>(COLLECTIONS.auditLog).add({ _id: auditId(entry.at), ...entry });
}

/** The outcome of an edit that names the revision it read. */
export type Audited<T> = { outcome: 'done'; before: T | null; after: T | null } | { outcome: 'gone' } | { outcome: 'conflict'; current: T };

/**
 * One transaction: reads the record, refuses when it is missing or its revision is not `expected`
 * (undefined: no check — a write that names no revision), writes `change(before)` with the revision
 * incremented (null: removes it), and appends `audit(before)` (null: no entry).
 */
async function auditedEdit<T extends { _id: string; revision?: number }>(
  db: DocumentStore,
  collection: string,
  id: string,
  expected: number | undefined,
  change: (before: T) => Partial<Omit<T, '_id'>> | null,
  audit: (before: T) => AuditInput | null,
): Promise<Audited<T>> {
  return db.transaction(async (tx) => {
    const col = tx.collection<T>(collection);
    const before = await col.get(id);
    if (!before) return { outcome: 'gone' as const };
    if (expected !== undefined && revisionOf(before) !== expected) return { outcome: 'conflict' as const, current: before };
    const patch = change(before);
    let after: T | null = null;
    if (patch === null) await col.remove(id);
    else {
      const full = { ...patch, revision: revisionOf(before) + 1 } as Partial<Omit<T, '_id'>>;
      await col.update(id, full);
      after = { ...before, ...full };
    }
    const entry = audit(before);
    if (entry) await appendAudit(tx, entry);
    return { outcome: 'done' as const, before, after };
  });
}

/** One transaction: a new record (revision 1; DuplicateIdError if the id exists) and its audit entry. */
async function auditedAdd<T extends { _id: string; revision?: number }>(db: DocumentStore, collection: string, doc: T, entry: AuditInput): Promise<T> {
  const full = { ...doc, revision: 1 };
  await db.transaction(async (tx) => {
    await tx.collection<T>(collection).add(full);
    await appendAudit(tx, entry);
  });
  return full;
}

export function deadlinesRepo(db: DocumentStore) {
  const col = db.collection<DeadlineDoc>(COLLECTIONS.deadlines);
  return {
    get: (id: string) => col.get(id),
    /** Throws DuplicateIdError when the id exists. */
    add: (doc: DeadlineDoc) => col.add(doc),
    update: (id: string, patch: Partial<Omit<DeadlineDoc, '_id'>>) => col.update(id, patch),
    remove: (id: string) => col.remove(id),
    /** A new deadline with its audit entry, in one write. Throws DuplicateIdError when the id exists. */
    addAudited: (doc: DeadlineDoc, entry: AuditInput) => auditedAdd(db, COLLECTIONS.deadlines, doc, entry),
    /** Saves `patch` with its audit entry if the deadline is still at revision `expected` (see auditedEdit). */
    updateAudited: (id: string, expected: number | undefined, patch: Partial<Omit<DeadlineDoc, '_id'>>, audit: (before: DeadlineDoc) => AuditInput) =>
      auditedEdit<DeadlineDoc>(db, COLLECTIONS.deadlines, id, expected, () => patch, audit),
    /** Removes the deadline with its audit entry if it is still at revision `expected`. */
    removeAudited: (id: string, expected: number | undefined, audit: (before: DeadlineDoc) => AuditInput) =>
      auditedEdit<DeadlineDoc>(db, COLLECTIONS.deadlines, id, expected, () => null, audit),
    /** Not yet closed on `today` (closesOn ≥ today), soonest first. */
    current(today: string, opts: { measureId?: string; skip?: number; limit?: number } = {}) {
      return col.find({
        where: opts.measureId ? { measureId: opts.measureId } : undefined,
        range: { closesOn: { gte: today } },
        orderBy: [
          { field: 'closesOn', direction: 'asc' },
          { field: '_id', direction: 'asc' },
        ],
        skip: opts.skip,
        limit: page(opts.limit),
      });
    },
    /** Closed before `today`, latest first. */
    closed(today: string, opts: { measureId?: string; skip?: number; limit?: number } = {}) {
      return col.find({
        where: opts.measureId ? { measureId: opts.measureId } : undefined,
        range: { closesOn: { lt: today } },
        orderBy: [
          { field: 'closesOn', direction: 'desc' },
          { field: '_id', direction: 'asc' },
        ],
        skip: opts.skip,
        limit: page(opts.limit),
      });
    },
    /** The deadlines of one measure with this batch title (normally 0 or 1). */
    withTitle: (measureId: string, batchTitle: string) => col.find({ where: { measureId, batchTitle }, orderBy: [{ field: '_id', direction: 'asc' }], limit: 10 }),
    /** Closing between `from` and `to` inclusive, by date then id; keyset paging on (closesOn, _id) is done by the caller with `skip`. */
    closingBetween(from: string, to: string, opts: { skip?: number; limit?: number } = {}) {
      return col.find({
        range: { closesOn: { gte: from, lte: to } },
        orderBy: [
          { field: 'closesOn', direction: 'asc' },
          { field: '_id', direction: 'asc' },
        ],
        skip: opts.skip,
        limit: page(opts.limit),
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------

export function adminsRepo(db: DocumentStore) {
  const col = db.collection<AdminDoc>(COLLECTIONS.admins);
  return {
    async isAdmin(openid: string | null): Promise<boolean> {
      if (!openid) return false;
      return (await col.get(openid)) !== null;
    },
    /** false when already an admin. */
    async add(doc: AdminDoc): Promise<boolean> {
      try {
        await col.add(doc);
        return true;
      } catch (err) {
        if (err instanceof DuplicateIdError) return false;
        throw err;
      }
    },
    async remove(openid: string): Promise<boolean> {
      return (await col.remove(openid)).removed > 0;
    },
    /** The admin with its audit entry, in one write; false when already an admin (nothing written). */
    async addAudited(doc: AdminDoc, entry: AuditInput): Promise<boolean> {
      try {
        await auditedAdd(db, COLLECTIONS.admins, doc, entry);
        return true;
      } catch (err) {
        if (err instanceof DuplicateIdError) return false;
        throw err;
      }
    },
    /** Removes the admin with its audit entry if its record is still at revision `expected`. */
    removeAudited: (openid: string, expected: number | undefined, audit: (before: AdminDoc) => AuditInput) =>
      auditedEdit<AdminDoc>(db, COLLECTIONS.admins, openid, expected, () => null, audit),
    list: (limit = PAGE) => col.find({ orderBy: [{ field: '_id', direction: 'asc' }], limit: page(limit) }),
    /** Whether there is no admin at all. */
    async none(): Promise<boolean> {
      return (await col.find({ limit: 1 })).length === 0;
    },
    /** Whether the first admin was ever claimed (then the bootstrap code opens nothing, even with no admin left). */
    async claimed(): Promise<boolean> {
      return (await db.collection<BootstrapDoc>(COLLECTIONS.bootstrap).get(BOOTSTRAP_ID)) !== null;
    },
    /**
     * The first admin: the claim marker and the admin in one transaction. A second claim (at the
     * same time, or ever after) meets the marker: false, nothing written.
     */
    async claimFirst(doc: AdminDoc, entry?: AuditInput): Promise<boolean> {
      try {
        await db.transaction(async (tx) => {
          await tx.collection<BootstrapDoc>(COLLECTIONS.bootstrap).add({ _id: BOOTSTRAP_ID, claimedBy: doc._id, claimedAt: doc.addedAt });
          if (!(await tx.collection<AdminDoc>(COLLECTIONS.admins).get(doc._id))) await tx.collection<AdminDoc>(COLLECTIONS.admins).add({ ...doc, revision: 1 });
          if (entry) await appendAudit(tx, entry);
        });
        return true;
      } catch (err) {
        if (err instanceof DuplicateIdError) return false;
        throw err;
      }
    },
  };
}

export function listStatusRepo(db: DocumentStore) {
  const col = db.collection<ListStatusDoc>(COLLECTIONS.listStatus);
  return {
    get: () => col.get(LIST_STATUS_ID),
    /** Replaces the status (created on first use). */
    async put(doc: Omit<ListStatusDoc, '_id'>): Promise<void> {
      const { updated } = await col.update(LIST_STATUS_ID, doc);
      if (updated > 0) return;
      try {
        await col.add({ _id: LIST_STATUS_ID, ...doc });
      } catch (err) {
        // Two admins saving at once: the other's add won; ours is the later write.
        if (!(err instanceof DuplicateIdError)) throw err;
        await col.update(LIST_STATUS_ID, doc);
      }
    },
    /**
     * Sets the status with its audit entry in one transaction, if the stored status is still at
     * revision `expected` (no status yet counts as revision 0; undefined: no check).
     */
    putAudited(expected: number | undefined, doc: Omit<ListStatusDoc, '_id' | 'revision'>, audit: (before: ListStatusDoc | null) => AuditInput): Promise<Audited<ListStatusDoc>> {
      return db.transaction(async (tx) => {
        const c = tx.collection<ListStatusDoc>(COLLECTIONS.listStatus);
        const before = await c.get(LIST_STATUS_ID);
        if (expected !== undefined && revisionOf(before) !== expected) {
          return before ? { outcome: 'conflict' as const, current: before } : { outcome: 'gone' as const };
        }
        const after: ListStatusDoc = { _id: LIST_STATUS_ID, ...doc, revision: revisionOf(before) + 1 };
        if (before) await c.update(LIST_STATUS_ID, { ...doc, revision: after.revision });
        else await c.add(after);
        await appendAudit(tx, audit(before));
        return { outcome: 'done' as const, before, after };
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------

let auditSeq = 0;

/** Audit ids sort like their time (then the order of writes in this process), so ties keep order. */
function auditId(at: string): string {
  auditSeq = (auditSeq + 1) % 36 ** 4;
  const ms = Number.isFinite(Date.parse(at)) ? Date.parse(at) : Date.now();
  return `a${ms.toString(36).padStart(9, '0')}${auditSeq.toString(36).padStart(4, '0')}${Math.random().toString(36).slice(2, 6)}`;
}

export function auditRepo(db: DocumentStore) {
  const col = db.collection<AuditDoc>(COLLECTIONS.auditLog);
  return {
    append: (doc: Omit<AuditDoc, '_id'>) => col.add({ _id: auditId(doc.at), ...doc }),
    /**
     * Newest first (ids sort like their time), keyset-paged: `beforeId` is the last id of the
     * previous page, so entries written meanwhile never shift a page (no row shown twice).
     */
    list: (opts: { beforeId?: string; limit?: number } = {}) =>
      col.find({
        range: opts.beforeId !== undefined ? { _id: { lt: opts.beforeId } } : undefined,
        orderBy: [{ field: '_id', direction: 'desc' }],
        limit: page(opts.limit),
      }),
  };
}

// ---------------------------------------------------------------------------------------------

/** Most acceptances a subscription keeps (WeChat allows many; a reminder needs one). */
export const MAX_CREDITS = 10;

export function subscriptionsRepo(db: DocumentStore) {
  const col = db.collection<SubscriptionDoc>(COLLECTIONS.subscriptions);
  return {
    get: (id: string) => col.get(id),
    /**
     * Records one acceptance: a new subscription with one credit, or one more credit (up to
     * MAX_CREDITS) on the existing one, which becomes active again if it was cancelled.
     */
    async accept(p: { openid: string; measureId: string; deadlineKey: string; kind: ReminderKind; at: string }): Promise<SubscriptionDoc> {
      const id = subscriptionId(p.openid, p.measureId, p.deadlineKey, p.kind);
      return db.transaction(async (tx) => {
        const subs = tx.collection<SubscriptionDoc>(COLLECTIONS.subscriptions);
        const existing = await subs.get(id);
        if (!existing) {
          const doc: SubscriptionDoc = {
            _id: id,
            openid: p.openid,
            measureId: p.measureId,
            deadlineId: p.deadlineKey,
            kind: p.kind,
            credits: 1,
            accepted: 1,
            status: 'active',
            active: true,
            createdAt: p.at,
            updatedAt: p.at,
          };
          await subs.add(doc);
          return doc;
        }
        const credits = Math.min(MAX_CREDITS, existing.credits + 1);
        const patch = { credits, accepted: existing.accepted + 1, status: 'active' as const, active: true, updatedAt: p.at };
        await subs.update(id, patch);
        return { ...existing, ...patch };
      });
    },
    /** The user's subscriptions (by id; callers group and sort). */
    own: (openid: string, opts: { skip?: number; limit?: number } = {}) =>
      col.find({ where: { openid }, orderBy: [{ field: '_id', direction: 'asc' }], skip: opts.skip, limit: page(opts.limit) }),
    /** Cancels one subscription of `openid` (the id is derived from the caller, so no other user's). */
    async cancel(openid: string, measureId: string, deadlineKey: string, kind: ReminderKind, at: string): Promise<number> {
      const id = subscriptionId(openid, measureId, deadlineKey, kind);
      const res = await col.updateIf(id, { openid, status: 'active' }, { status: 'cancelled', active: false, updatedAt: at });
      return res.updated;
    },
    /** Active subscriptions with credit for one measure, kind and deadline key, keyset-paged by _id. */
    due: (q: { measureId: string; kind: ReminderKind; deadlineKey: string; afterId?: string; limit?: number }) =>
      col.find({
        where: { measureId: q.measureId, kind: q.kind, deadlineId: q.deadlineKey, active: true },
        range: q.afterId !== undefined ? { _id: { gt: q.afterId } } : undefined,
        orderBy: [{ field: '_id', direction: 'asc' }],
        limit: page(q.limit),
      }),
    /**
     * Users holding a credit for one measure, kind and deadline key, counted by keyset paging up
     * to `cap` (an admin view of a deadline's reach).
     */
    async countDue(q: { measureId: string; kind: ReminderKind; deadlineKey: string; cap: number }): Promise<{ count: number; capped: boolean }> {
      let count = 0;
      let after: string | undefined;
      for (;;) {
        const docs = await col.find({
          where: { measureId: q.measureId, kind: q.kind, deadlineId: q.deadlineKey, active: true },
          range: after !== undefined ? { _id: { gt: after } } : undefined,
          orderBy: [{ field: '_id', direction: 'asc' }],
          limit: 1000,
        });
        count += docs.length;
        if (count >= q.cap) return { count: q.cap, capped: true };
        if (docs.length < 1000) return { count, capped: false };
        after = docs[docs.length - 1]._id;
      }
    },
    /** Distinct users holding a credit on subscriptions made for one deadline (any kind), up to `cap`. */
    async holdersOf(deadlineId: string, cap: number): Promise<number> {
      const users = new Set<string>();
      let after: string | undefined;
      for (;;) {
        const docs = await col.find({
          where: { deadlineId, active: true },
          range: after !== undefined ? { _id: { gt: after } } : undefined,
          orderBy: [{ field: '_id', direction: 'asc' }],
          limit: 1000,
        });
        for (const d of docs) users.add(d.openid);
        if (users.size >= cap || docs.length < 1000) return Math.min(users.size, cap);
        after = docs[docs.length - 1]._id;
      }
    },
    /**
     * Whether a subscription of the user records a credit for a reminder kind (= template) that
     * WeChat may still honour — whatever our own status of that subscription says. WeChat keeps one
     * credit per acceptance, per user and template; it knows nothing of our subscriptions:
     *  - active: counts;
     *  - cancelled (by the user, in 我的提醒): counts. Cancelling is ours alone — it keeps `credits`
     *    and WeChat keeps the acceptance, so a send can still spend it;
     *  - dropped (40003, openid invalid for this mini-program): counts. The openid was refused once,
     *    but nothing says for good (a configuration error answers 40003 too), and the credit was not
     *    spent; counting it costs at most an `unknown` where a resend would most likely be refused;
     *  - credits 0 after 43101 (noCredit): does not count — WeChat said it holds none. A later
     *    acceptance adds a credit, and then it counts again;
     *  - more acceptances than MAX_CREDITS: counts even at 0 credits, since our books stop counting
     *    at the cap and WeChat does not.
     * The credit a claim took for the message in question is no longer on its subscription, so
     * what this finds is another credit. Two queries of one document at most (the rare path).
     */
    async holdsWeChatCredit(openid: string, kind: ReminderKind): Promise<boolean> {
      const withCredits = await col.find({ where: { openid, kind }, range: { credits: { gt: 0 } }, limit: 1 });
      if (withCredits.length > 0) return true;
      return (await col.find({ where: { openid, kind }, range: { accepted: { gt: MAX_CREDITS } }, limit: 1 })).length > 0;
    },
    /** After 43101: WeChat holds no credit for this user and template. */
    noCredit: (id: string, at: string) => col.update(id, { credits: 0, active: false, updatedAt: at }),
    /** After 40003: the openid is not valid for this mini-program. */
    drop: (id: string, at: string) => col.update(id, { status: 'dropped', active: false, updatedAt: at }),
  };
}

// ---------------------------------------------------------------------------------------------

/** 'cancelled': the user cancelled the subscription after the run listed it (nothing written). */
export type ClaimResult = 'claimed' | 'duplicate' | 'noCredit' | 'cancelled';

export function sendLogRepo(db: DocumentStore) {
  const col = db.collection<SendLogDoc>(COLLECTIONS.sendLog);
  return {
    get: (id: string) => col.get(id),
    /**
     * One transaction: the send-log record (deterministic id → 'duplicate' if it exists, whoever
     * wrote it) and one credit of the subscription. Either both happen or neither.
     */
    async claim(log: SendLogDoc, at: string): Promise<ClaimResult> {
      try {
        return await db.transaction(async (tx) => {
          const subs = tx.collection<SubscriptionDoc>(COLLECTIONS.subscriptions);
          const logs = tx.collection<SendLogDoc>(COLLECTIONS.sendLog);
          const sub = await subs.get(log.subId);
          if (!sub || sub.status !== 'active' || sub.credits < 1) {
            // Rare path: say why (another run may have used this credit for this very message).
            if (await logs.get(log._id)) return 'duplicate' as const;
            return sub?.status === 'cancelled' ? ('cancelled' as const) : ('noCredit' as const);
          }
          await logs.add(log);
          const credits = sub.credits - 1;
          await subs.update(log.subId, { credits, active: credits > 0, updatedAt: at, lastLogId: log._id });
          return 'claimed' as const;
        });
      } catch (err) {
        if (err instanceof DuplicateIdError) return 'duplicate';
        throw err;
      }
    },
    /** Compare-and-set on the state and owner; `updated` 0 = someone else changed it first. */
    async transition(id: string, from: { state: SendState; runId: string }, patch: Partial<Omit<SendLogDoc, '_id'>>): Promise<boolean> {
      const expect: Record<string, WhereValue> = { state: from.state, runId: from.runId };
      return (await col.updateIf(id, expect, patch)).updated === 1;
    },
    /** Records in one state, keyset-paged by _id (recovery of claimed/sending/retry). */
    inState: (state: SendState, afterId?: string, limit?: number) =>
      col.find({
        where: { state },
        range: afterId !== undefined ? { _id: { gt: afterId } } : undefined,
        orderBy: [{ field: '_id', direction: 'asc' }],
        limit: page(limit),
      }),
    /**
     * Whether another record of this user and kind took a credit off our books that WeChat may not
     * have spent: every state but `sent` (spent) and `refused` (43101: WeChat held none) —
     * claimed, sending and retry (still to go), unknown (a crashed send may never have reached
     * WeChat), failed, dataError and dropped (not delivered: the credit is still WeChat's to honour).
     * Conservative: true when the user has 100 records or more.
     */
    async othersHoldCredit(openid: string, kind: ReminderKind, exceptId: string): Promise<boolean> {
      const docs = await col.find({ where: { openid, kind }, limit: 100 });
      if (docs.length >= 100) return true;
      return docs.some((d) => d._id !== exceptId && d.state !== 'sent' && d.state !== 'refused');
    },
    /** Whether a reminder of one deadline and kind was sent to anyone (a rerun's summary says so). */
    async anySent(deadlineId: string, kind: ReminderKind): Promise<boolean> {
      return (await col.find({ where: { deadlineId, kind, state: 'sent' }, limit: 1 })).length > 0;
    },
    /** The user's recent records (for 我的提醒). */
    own: (openid: string, limit = PAGE) =>
      col.find({ where: { openid }, orderBy: [{ field: 'claimedAt', direction: 'desc' }], limit: page(limit) }),
  };
}

// ---------------------------------------------------------------------------------------------

export function runsRepo(db: DocumentStore) {
  const col = db.collection<RunDoc>(COLLECTIONS.runs);
  return {
    save: (doc: RunDoc) => col.add(doc),
    recent: (limit = 20) => col.find({ orderBy: [{ field: 'startedAt', direction: 'desc' }], limit: page(limit, 100) }),
  };
}

export function outboxRepo(db: DocumentStore) {
  const col = db.collection<OutboxDoc>(COLLECTIONS.outbox);
  return {
    add: (doc: Omit<OutboxDoc, '_id'>) => col.add(doc),
    /** Newest first. */
    recent: (opts: { skip?: number; limit?: number } = {}) =>
      col.find({ orderBy: [{ field: 'seq', direction: 'desc' }], skip: opts.skip, limit: page(opts.limit) }),
    /** Oldest first, keyset-paged by _id (tests, counting). */
    all: (afterId?: string, limit?: number) =>
      col.find({ range: afterId !== undefined ? { _id: { gt: afterId } } : undefined, orderBy: [{ field: '_id', direction: 'asc' }], limit: page(limit) }),
  };
}

/** The 小程序码 made so far (one record per cache key; see handlers/qrcode.ts). */
export function qrcodesRepo(db: DocumentStore) {
  const col = db.collection<QrcodeDoc>(COLLECTIONS.qrcodes);
  return {
    get: (id: string) => col.get(id),
    /** Writes the record (created on first use, replaced when the code was made again). */
    async put(doc: QrcodeDoc): Promise<void> {
      const { _id, ...fields } = doc;
      const { updated } = await col.update(_id, fields);
      if (updated > 0) return;
      try {
        await col.add(doc);
      } catch (err) {
        // Two first calls for the same code at once: the other's add won. Both uploaded the same
        // picture to the same path, so either record is right; ours is the later write.
        if (!(err instanceof DuplicateIdError)) throw err;
        await col.update(_id, fields);
      }
    },
  };
}

/** Screenings of registers (handlers/screen.ts): one record per job, its owner's only. */
export function screenJobsRepo(db: DocumentStore) {
  const col = db.collection<ScreenJobDoc>(COLLECTIONS.screenJobs);
  return {
    get: (id: string) => col.get(id),
    add: (doc: ScreenJobDoc) => col.add(doc),
    update: (id: string, patch: Partial<Omit<ScreenJobDoc, '_id'>>) => col.update(id, patch),
    /**
     * Saves `patch` only while the job is still in `state` (one atomic compare-and-set): false when
     * the job was deleted (or moved on) in the meantime — the caller then removes what it wrote.
     */
    updateIf: async (id: string, state: ScreenJobDoc['state'], patch: Partial<Omit<ScreenJobDoc, '_id'>>) => (await col.updateIf(id, { state }, patch)).updated > 0,
    remove: (id: string) => col.remove(id),
    /**
     * Every job of the owner, newest first, read in pages of SCREEN_JOBS_PAGE (a person keeps as
     * many results as they like, and must be able to see and delete each one).
     */
    async mine(owner: string): Promise<ScreenJobDoc[]> {
      const out: ScreenJobDoc[] = [];
      for (;;) {
        const batch = await col.find({
          where: { owner },
          orderBy: [
            { field: 'createdAt', direction: 'desc' },
            { field: '_id', direction: 'asc' },
          ],
          skip: out.length,
          limit: SCREEN_JOBS_PAGE,
        });
        out.push(...batch);
        if (batch.length < SCREEN_JOBS_PAGE) return out;
      }
    },
  };
}

/** Screening jobs are read this many per query (WeChat's server-side queries answer at most 1000). */
export const SCREEN_JOBS_PAGE = 100;

export function repos(db: DocumentStore) {
  return {
    deadlines: deadlinesRepo(db),
    admins: adminsRepo(db),
    listStatus: listStatusRepo(db),
    audit: auditRepo(db),
    subscriptions: subscriptionsRepo(db),
    sendLog: sendLogRepo(db),
    runs: runsRepo(db),
    outbox: outboxRepo(db),
    qrcodes: qrcodesRepo(db),
    screenJobs: screenJobsRepo(db),
  };
}
export type Repos = ReturnType<typeof repos>;
