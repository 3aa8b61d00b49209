/**
 * outboxRepo: the `outbox` collection (messages the local cloud "sent", for tests and the dev page).
 */
import type { DocumentStore } from '../context';
import { COLLECTIONS, type OutboxDoc } from './docs';
import { page } from './page';

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
