/**
 * runsRepo: the `runs` collection (the reminder timer's run summaries).
 */
import type { DocumentStore } from '../context';
import { COLLECTIONS, type RunDoc } from './docs';
import { page } from './page';

export function runsRepo(db: DocumentStore) {
  const col = db.collection<RunDoc>(COLLECTIONS.runs);
  return {
    save: (doc: RunDoc) => col.add(doc),
    recent: (limit = 20) => col.find({ orderBy: [{ field: 'startedAt', direction: 'desc' }], limit: page(limit, 100) }),
  };
}
