/**
 * auditRepo: the `auditLog` collection, newest first, keyset-paged.
 */
import type { DocumentStore } from '../context';
import { auditId } from './audited';
import { type AuditDoc, COLLECTIONS } from './docs';
import { page } from './page';

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
