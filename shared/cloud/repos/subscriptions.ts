/**
 * subscriptionsRepo and MAX_CREDITS: the `subscriptions` collection (one record per user, measure,
 * deadline and reminder kind, holding the credits WeChat granted).
 */
import type { ReminderKind } from '../api';
import type { DocumentStore } from '../context';
import { COLLECTIONS, type SubscriptionDoc } from './docs';
import { subscriptionId } from './ids';
import { page } from './page';

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
