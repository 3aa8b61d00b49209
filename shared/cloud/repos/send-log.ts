/**
 * sendLogRepo and ClaimResult: the `sendLog` collection (one record per message, claimed with a credit
 * in one transaction, so a reminder goes out at most once).
 */
import type { ReminderKind } from '../api';
import type { DocumentStore, WhereValue } from '../context';
import { DuplicateIdError } from '../errors';
import { COLLECTIONS, type SendLogDoc, type SendState, type SubscriptionDoc } from './docs';
import { PAGE, page } from './page';

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
