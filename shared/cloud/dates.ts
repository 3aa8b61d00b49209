/**
 * Calendar dates of deadlines and reminders, in Asia/Shanghai (dayjs with the utc and timezone
 * plugins). A deadline's dates are calendar dates ('YYYY-MM-DD', the whole day in Beijing time);
 * day arithmetic is done on those dates in UTC, so no time zone or DST can shift a day.
 */
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(customParseFormat);

export const TIME_ZONE = 'Asia/Shanghai';
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Dates outside these years are refused as typos. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** Today's date in Asia/Shanghai at the instant `now`. */
export function todayIn(now: Date): string {
  return dayjs(now).tz(TIME_ZONE).format('YYYY-MM-DD');
}

/** 'YYYY-MM-DD' of a real calendar day (strict: 2022-02-30 and 2022-2-3 are not). */
export function isCalendarDate(s: unknown): s is string {
  if (typeof s !== 'string' || !DATE_RE.test(s)) return false;
  const year = Number(s.slice(0, 4));
  if (year < MIN_YEAR || year > MAX_YEAR) return false;
  return dayjs(s, 'YYYY-MM-DD', true).isValid();
}

/**
 * A date as people type it → 'YYYY-MM-DD', or null. Accepts 2022-06-30, 2022/6/30, 2022.6.30 and
 * 2022年6月30日 (Excel and Chinese notices); the day must exist.
 */
export function normalizeDate(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const m = /^\s*(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?\s*$/.exec(input);
  if (!m) return null;
  const s = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isCalendarDate(s) ? s : null;
}

/** `date` plus `days` (may be negative). */
export function addDays(date: string, days: number): string {
  return dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD');
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayjs.utc(to).diff(dayjs.utc(from), 'day');
}

/** '2022年06月30日' — the form WeChat's `date` template field takes. */
export function formatDateCn(date: string): string {
  return dayjs.utc(date).format('YYYY年MM月DD日');
}

/** The instant 09:00 Beijing time on `date` (the CLI's `--now 2022-06-23`). */
export function morningOf(date: string, hour = 9): Date {
  return dayjs.tz(`${date} ${String(hour).padStart(2, '0')}:00`, 'YYYY-MM-DD HH:mm', TIME_ZONE).toDate();
}
