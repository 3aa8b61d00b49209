/**
 * deadlinesRepo: the `deadlines` collection (application windows per measure; audited edits with revisions).
 */
import type { DocumentStore } from '../context';
import { type AuditInput, auditedAdd, auditedEdit } from './audited';
import { COLLECTIONS, type DeadlineDoc } from './docs';
import { page } from './page';

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
