/**
 * Times on screen in Beijing time, whatever the phone's time zone (the admin pages, the list
 * status line's fetch time).
 *
 * dayjs with the utc plugin and a fixed +08:00 offset: Asia/Shanghai has had no daylight saving
 * since 1991, so this equals dayjs's timezone plugin for every date the service stores, and it
 * does not depend on Intl time zones, which the timezone plugin needs and which Android WeChat
 * does not apply (dayjs issue #2635, Taro issue #16078).
 */
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/** Minutes east of UTC of Beijing time. */
const BEIJING_OFFSET = 8 * 60

/** Today's date in Beijing, 'YYYY-MM-DD'. */
export function todayBeijing(now: Date = new Date()): string {
  return dayjs(now).utcOffset(BEIJING_OFFSET).format('YYYY-MM-DD')
}

/** An ISO time (or a Date) as 'YYYY-MM-DD HH:mm:ss' in Beijing time; '' when it is not a time. */
export function beijingTime(time: string | Date, format = 'YYYY-MM-DD HH:mm:ss'): string {
  const t = dayjs(time)
  return t.isValid() ? t.utcOffset(BEIJING_OFFSET).format(format) : ''
}

/** A real calendar day written 'YYYY-MM-DD' (2022-02-30 is not). */
export function isCalendarDay(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs.utc(value).format('YYYY-MM-DD') === value
}
