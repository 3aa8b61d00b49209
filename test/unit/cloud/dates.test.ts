/**
 * The one formatter of dates and times a person sees (shared/cloud/dates.ts): Beijing time, a fixed
 * +08:00, whatever the machine's time zone (issue 22, item 11: the screening list said 2026-12-05
 * for a result made at 06:00 Beijing time on 12-06).
 */
import { beijingTime, todayIn, todayBeijing, morningOf } from '../../../shared/cloud/dates';
import { beijingTime as pagesBeijingTime, todayBeijing as pagesTodayBeijing } from '../../../src/services/beijing-time';

describe('an instant is shown in Beijing time', () => {
  it.each([
    ['23:30 UTC is the next day in Beijing', '2026-12-05T23:30:00Z', 'YYYY-MM-DD', '2026-12-06'],
    ['22:00 UTC (06:00 Beijing) is the next day', '2026-12-05T22:00:00.000Z', 'YYYY-MM-DD', '2026-12-06'],
    ['15:59 UTC is still the same day', '2026-12-05T15:59:59Z', 'YYYY-MM-DD', '2026-12-05'],
    ['16:00 UTC is Beijing midnight', '2026-12-05T16:00:00Z', 'YYYY-MM-DD', '2026-12-06'],
    ['a date and time, by default', '2026-12-05T23:30:00Z', undefined, '2026-12-06 07:30:00'],
    ['a date and time to the minute', '2026-12-31T16:05:00Z', 'YYYY-MM-DD HH:mm', '2027-01-01 00:05'],
    ['a month and day in Chinese', '2026-12-05T23:30:00Z', 'M月D日', '12月6日'],
    ['an ISO time with its own offset', '2026-12-06T07:30:00+08:00', 'YYYY-MM-DD HH:mm', '2026-12-06 07:30'],
    ['a time in summer (no daylight saving in China)', '2026-07-01T16:30:00Z', 'YYYY-MM-DD HH:mm', '2026-07-02 00:30'],
    ['not a time: nothing', 'not a time', undefined, ''],
  ])('%s: %s → %s', (_name, time, format, shown) => {
    expect(beijingTime(time, format)).toBe(shown);
  });

  it.each([
    ['23:30 UTC', '2026-12-05T23:30:00Z', '2026-12-06'],
    ['15:59 UTC', '2026-12-05T15:59:59Z', '2026-12-05'],
  ])("today's date at %s is the Beijing date", (_name, time, date) => {
    expect(todayIn(new Date(time))).toBe(date);
    expect(todayBeijing(new Date(time))).toBe(date);
  });

  it('the pages use the same formatter, not a copy', () => {
    expect(pagesBeijingTime).toBe(beijingTime);
    expect(pagesTodayBeijing).toBe(todayBeijing);
  });

  it.each([
    ['09:00 by default', undefined, '2026-12-06T01:00:00.000Z'],
    ['07:00', 7, '2026-12-05T23:00:00.000Z'],
  ])('morningOf a date at %s is that hour in Beijing', (_name, hour, iso) => {
    expect(morningOf('2026-12-06', hour).toISOString()).toBe(iso);
  });
});
