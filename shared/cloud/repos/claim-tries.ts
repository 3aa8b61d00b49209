/**
 * Tries of the bootstrap code (issue 25, item 6: 200 wrong guesses were answered in 2.6 s with no
 * limit). Each try takes a numbered slot before the code is compared — one for the caller in this
 * Beijing hour, one for everybody on this Beijing day — by adding a document with the slot's id
 * to `bootstrap` (next to the claim marker). An id that exists makes `add` fail atomically on both
 * back ends, so concurrent tries can never take more slots than there are: no transaction on a
 * hot counter (WeChat gives up on one after a few conflicting retries).
 * claimTriesRepo takes the slots: CLAIM_TRIES_PER_CALLER_HOUR for a caller, CLAIM_TRIES_PER_DAY for all.
 */
import type { DocumentStore } from '../context';
import { addDays, beijingTime } from '../dates';
import { DuplicateIdError } from '../errors';
import { COLLECTIONS } from './docs';

/** Tries one caller may make per hour (a mistyped code needs one or two). */
export const CLAIM_TRIES_PER_CALLER_HOUR = 5;
/** Tries all callers together may make per day: beyond it even the right code waits for tomorrow. */
export const CLAIM_TRIES_PER_DAY = 50;

export interface ClaimTryDoc {
  _id: string;
  scope: 'caller' | 'all';
  /** The Beijing hour ('2026120522') or day ('2026-12-05') the try counts in. */
  window: string;
  openid: string;
  at: string;
}

const HOUR_MS = 3_600_000;

/** The refusal, or null when the try may go on (it has taken a slot of each limit). */
export type ClaimTryRefusal = { limit: 'caller'; freeAt: string } | { limit: 'all'; freeAt: string };

export function claimTriesRepo(db: DocumentStore) {
  const col = db.collection<ClaimTryDoc>(COLLECTIONS.bootstrap);

  /** Takes the first free slot of `max` in a window; false when all are taken. */
  async function take(scope: ClaimTryDoc['scope'], window: string, openid: string, max: number, at: string): Promise<boolean> {
    const where: Record<string, string> = scope === 'caller' ? { scope, window, openid } : { scope, window };
    const taken = (await col.find({ where, limit: max })).length;
    for (let n = taken + 1; n <= max; n += 1) {
      const _id = scope === 'caller' ? `try-${window}-${openid}-${n}` : `try-${window}-all-${n}`;
      try {
        await col.add({ _id, scope, window, openid, at });
        return true;
      } catch (err) {
        if (!(err instanceof DuplicateIdError)) throw err;
      }
    }
    return false;
  }

  return {
    /**
     * Counts one try of `openid` at `now`: null when it is within both limits, else which limit
     * is reached and when it frees (Beijing time, 'HH:mm' or 'YYYY-MM-DD').
     */
    async take(openid: string, now: Date): Promise<ClaimTryRefusal | null> {
      const at = now.toISOString();
      const hour = beijingTime(now, 'YYYYMMDDHH');
      if (!(await take('caller', hour, openid, CLAIM_TRIES_PER_CALLER_HOUR, at))) {
        // Beijing is a whole number of hours ahead of UTC: its hours start with UTC's.
        return { limit: 'caller', freeAt: beijingTime(new Date((Math.floor(now.getTime() / HOUR_MS) + 1) * HOUR_MS), 'HH:mm') };
      }
      const day = beijingTime(now, 'YYYY-MM-DD');
      if (!(await take('all', day, openid, CLAIM_TRIES_PER_DAY, at))) {
        return { limit: 'all', freeAt: addDays(day, 1) };
      }
      return null;
    },
  };
}
