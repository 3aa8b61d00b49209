/**
 * Deterministic ids, so a duplicate is refused by the store itself: deadlineId, subscriptionId,
 * sendLogId, within WeChat's 128 characters (DEADLINE_ID_MAX bounds the part a caller names; an
 * openid is at most OPENID_MAX_LENGTH, shared/cloud/api/openid.ts).
 */
import type { ReminderKind } from '../api';

/** FNV-1a, 32 bit, as 8 hex digits: short stable ids from text (not a security hash). */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The id a new deadline gets, from its measure and title when created (readable, and two creates
 * of the same batch at once collide on it); `attempt` > 0 when a renamed deadline holds that id
 * already. The id never changes afterwards: a rename keeps it.
 */
export function deadlineId(measureId: string, batchTitle: string, attempt = 0): string {
  return `dl-${measureId}-${shortHash(attempt === 0 ? batchTitle.trim() : `${batchTitle.trim()}#${attempt}`)}`;
}

/**
 * The longest deadline id a request may name. Ours are 15 characters (`dl-m08-0a1b2c3d`); the bound
 * keeps every id built from one within WeChat's 128 (context.ts checkId): the subscription id
 * `week.m08.<deadline>.<openid>` is at most 4 + 1 + 3 + 1 + 40 + 1 + 64 = 114, the send-log id less
 * (issue 25, item 4: a 100-character deadline id built one of 174 and answered INTERNAL).
 */
export const DEADLINE_ID_MAX = 40;

export function subscriptionId(openid: string, measureId: string, deadlineKey: string, kind: ReminderKind): string {
  return `${kind}.${measureId}.${deadlineKey || 'next'}.${openid}`;
}

/** One message per deadline, reminder kind and user — whichever subscription pays for it. */
export function sendLogId(deadlineId: string, kind: ReminderKind, openid: string): string {
  return `${deadlineId}.${kind}.${openid}`;
}
