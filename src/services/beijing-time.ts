/**
 * Times on screen in Beijing time, whatever the phone's time zone (the admin pages, the list status
 * line, the 测算单): the pages' name for the app's one formatter, shared/cloud/dates.ts, which says
 * why a fixed +08:00 offset and not dayjs's timezone plugin.
 */
export { beijingTime, todayBeijing, isCalendarDay } from '@cloud-api'
