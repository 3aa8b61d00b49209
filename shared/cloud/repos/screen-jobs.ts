/**
 * screenJobsRepo and SCREEN_JOBS_PAGE: the `screenJobs` collection (screenings of registers).
 */
import type { DocumentStore } from '../context';
import { COLLECTIONS, type ScreenJobDoc } from './docs';

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
