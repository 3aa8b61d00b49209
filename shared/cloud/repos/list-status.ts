/**
 * listStatusRepo: the one `listStatus` record (whether the 2022 list is still in force).
 */
import type { DocumentStore } from '../context';
import { DuplicateIdError } from '../errors';
import { type Audited, type AuditInput, appendAudit, revisionOf } from './audited';
import { COLLECTIONS, LIST_STATUS_ID, type ListStatusDoc } from './docs';

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
