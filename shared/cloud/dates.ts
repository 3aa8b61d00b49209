/**
 * Every date and time a person sees, and the calendar arithmetic of deadlines and reminders, in
 * Beijing time — the one formatter of the app (pages through src/services/beijing-time.ts, cloud
 * functions, CLIs). A deadline's dates are calendar dates ('YYYY-MM-DD', the whole day in Beijing
 * time); day arithmetic (addDays, daysBetween, morningOf the reminder hour) is done on those dates
 * in UTC, so no time zone can shift a day. todayBeijing and todayIn give today's date;
 * isCalendarDate and isCalendarDay check one; normalizeDate reads a date as people type it and
 * formatDateCn writes one as 2022年6月30日.
 *
 * A stored instant (an ISO time such as createdAt, or a Date) is shown by beijingTime at a fixed
 * +08:00: Asia/Shanghai has had no daylight saving since 1991, so this equals dayjs's timezone
 * plugin for every date the service stores, and it does not depend on Intl time zones, which that
 * plugin needs and which Android WeChat does not apply (dayjs issue #2635, Taro issue #16078).
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** Minutes east of UTC of Beijing time (Asia/Shanghai, UTC+8 all year). */
export const BEIJING_OFFSET_MINUTES = 8 * 60;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Dates outside these years are refused as typos. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/**
 * An instant (ISO time or Date) written in Beijing time with a dayjs format ('YYYY-MM-DD HH:mm:ss' by
 * default; 'YYYY-MM-DD' for its date, 'M月D日' …); '' when it is not a time.
 */
export function beijingTime(time: string | Date, format = 'YYYY-MM-DD HH:mm:ss'): string {
  const t = dayjs(time);
  return t.isValid() ? t.utcOffset(BEIJING_OFFSET_MINUTES).format(format) : '';
}

/** Today's date in Beijing at the instant `now`, 'YYYY-MM-DD'. */
export function todayIn(now: Date): string {
  return beijingTime(now, 'YYYY-MM-DD');
}

/** Today's date in Beijing, 'YYYY-MM-DD' (the pages' clock by default). */
export function todayBeijing(now: Date = new Date()): string {
  return todayIn(now);
}

/** A real calendar day written 'YYYY-MM-DD' (2022-02-30 and 2022-2-3 are not), any year. */
export function isCalendarDay(value: unknown): value is string {
  return typeof value === 'string' && DATE_RE.test(value) && dayjs.utc(value).format('YYYY-MM-DD') === value;
}

/** A calendar day of the years a deadline may have (MIN_YEAR…MAX_YEAR). */
export function isCalendarDate(s: unknown): s is string {
  if (!isCalendarDay(s)) return false;
  const year = Number(s.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
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

/** The instant `hour`:00 Beijing time on `date` (the CLI's `--now 2022-06-23`: 09:00). */
export function morningOf(date: string, hour = 9): Date {
  return dayjs.utc(date).add(hour * 60 - BEIJING_OFFSET_MINUTES, 'minute').toDate();
}
