/** Deterministic ids. */
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

/** One deadline per measure and batch title: importing the same batch again updates it. */
export function deadlineId(measureId: string, batchTitle: string): string {
  return `dl-${measureId}-${shortHash(batchTitle.trim())}`;
}

/** Openids (WeChat: 28 characters of [A-Za-z0-9_-]; dev ids: up to 64). */
export const OPENID_RE = /^[A-Za-z0-9_-]{1,64}$/;

export function subscriptionId(openid: string, measureId: string, deadlineKey: string, kind: ReminderKind): string {
  return `${kind}.${measureId}.${deadlineKey || 'next'}.${openid}`;
}

/** One message per deadline, reminder kind and user — whichever subscription pays for it. */
export function sendLogId(deadlineId: string, kind: ReminderKind, openid: string): string {
  return `${deadlineId}.${kind}.${openid}`;
}
