/**
 * Audited writes shared by the repositories (issue 25, items 2 and 3): a change and its audit entry
 * are one transaction, so a crash leaves both or neither; an edit names the revision it read, and a
 * record whose revision moved on is left alone ('conflict').
 *
 * Exports revisionOf, requestedRevision, AuditInput, Audited, appendAudit, auditedEdit, auditedAdd
 * and auditId (the audit log's ids, which sort like their time).
 */
import type { DocumentStore, Transaction } from '../context';
import { CloudFailure } from '../errors';
import { type AuditDoc, COLLECTIONS } from './docs';

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

export function appendAudit(tx: Transaction, entry: AuditInput): Promise<{ _id: string }> {
  return tx.collection<AuditDoc>(COLLECTIONS.auditLog).add({ _id: auditId(entry.at), ...entry });
}

/** The outcome of an edit that names the revision it read. */
export type Audited<T> = { outcome: 'done'; before: T | null; after: T | null } | { outcome: 'gone' } | { outcome: 'conflict'; current: T };

/**
 * One transaction: reads the record, refuses when it is missing or its revision is not `expected`
 * (undefined: no check — a write that names no revision), writes `change(before)` with the revision
 * incremented (null: removes it), and appends `audit(before)` (null: no entry).
 */
export async function auditedEdit<T extends { _id: string; revision?: number }>(
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
export async function auditedAdd<T extends { _id: string; revision?: number }>(db: DocumentStore, collection: string, doc: T, entry: AuditInput): Promise<T> {
  const full = { ...doc, revision: 1 };
  await db.transaction(async (tx) => {
    await tx.collection<T>(collection).add(full);
    await appendAudit(tx, entry);
  });
  return full;
}

let auditSeq = 0;

/** Audit ids sort like their time (then the order of writes in this process), so ties keep order. */
export function auditId(at: string): string {
  auditSeq = (auditSeq + 1) % 36 ** 4;
  const ms = Number.isFinite(Date.parse(at)) ? Date.parse(at) : Date.now();
  return `a${ms.toString(36).padStart(9, '0')}${auditSeq.toString(36).padStart(4, '0')}${Math.random().toString(36).slice(2, 6)}`;
}
