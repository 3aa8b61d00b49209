/**
 * The local stand-ins for what WeChat tells a cloud function about its call, read from request
 * headers (dev only; a deployed function reads them from getWXContext, never from a request):
 * who calls (`x-dev-openid`, default DEFAULT_OPENID), when (`x-dev-now`), and a call without a user
 * as the timer trigger makes it (`x-dev-timer: 1`).
 *
 * Exports: DEFAULT_OPENID, DEV_OPENID_HEADER, DEV_NOW_HEADER, DEV_TIMER_HEADER, devOpenid, devClock.
 */
import { DEV_OPENID_HEADER, OPENID_RE } from '../shared/cloud/api';
import { isCalendarDate, morningOf } from '../shared/cloud/dates';
import { failure, MESSAGES, type Failure } from '../shared/cloud/errors';

export const DEFAULT_OPENID = 'dev-user-a';
// One name for the H5 build and this server (shared/cloud/api/dev-headers.ts).
export { DEV_OPENID_HEADER };
/** Local only: run the call at another instant ('2022-06-23' = 09:00 Beijing time that day, or an ISO time). */
export const DEV_NOW_HEADER = 'x-dev-now';
/** Local only: '1' = a call without a user, as WeChat's timer trigger makes it. */
export const DEV_TIMER_HEADER = 'x-dev-timer';

/** `x-dev-openid` → openid; absent → DEFAULT_OPENID; malformed → a failure. */
export function devOpenid(header: string | string[] | undefined): { ok: true; openid: string } | Failure {
  if (header === undefined) return { ok: true, openid: DEFAULT_OPENID };
  if (typeof header === 'string' && OPENID_RE.test(header)) return { ok: true, openid: header };
  return failure('INVALID_INPUT', MESSAGES.badDevOpenid, [{ field: DEV_OPENID_HEADER, message: MESSAGES.badDevOpenid }]);
}

/** `x-dev-now` → a clock that starts at that instant and runs on; absent → the server's clock. */
export function devClock(header: string | string[] | undefined, base: () => Date): { ok: true; now: () => Date } | Failure {
  if (header === undefined) return { ok: true, now: base };
  const text = typeof header === 'string' ? header.trim() : '';
  const start = isCalendarDate(text) ? morningOf(text) : /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/.test(text) ? new Date(text) : null;
  if (!start || Number.isNaN(start.getTime())) {
    const message = '开发时间 x-dev-now 无效：应为 YYYY-MM-DD 或带时区的 ISO 时间';
    return failure('INVALID_INPUT', message, [{ field: DEV_NOW_HEADER, message }]);
  }
  const offset = start.getTime() - base().getTime();
  return { ok: true, now: () => new Date(base().getTime() + offset) };
}
