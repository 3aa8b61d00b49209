/**
 * adminsRepo: the `admins` collection, and the one-time claim of the first admin (`bootstrap`).
 */
import type { DocumentStore } from '../context';
import { DuplicateIdError } from '../errors';
import { type AuditInput, appendAudit, auditedAdd, auditedEdit } from './audited';
import { type AdminDoc, BOOTSTRAP_ID, type BootstrapDoc, COLLECTIONS } from './docs';
import { PAGE, page } from './page';

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
