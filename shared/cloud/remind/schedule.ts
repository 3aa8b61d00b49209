/**
 * When the reminder timer runs (REMIND_SCHEDULE; cloudfunctions/remind/config.json holds the same
 * cron, and a test checks they agree). WeChat cron: seconds minutes hours day month weekday year,
 * Beijing time.
 *
 * Every 3 minutes from 09:00 to 11:57: 60 runs a morning. A run stops starting messages after its
 * budget (50 s by default, under the 60 s timeout set in the console), so runs never overlap in
 * normal operation — and if one does (a slow run, a manual run), the claims keep it from sending
 * twice. The first run is at 09:00, as the issue asks; the rest finish the morning's batch.
 */
export const REMIND_SCHEDULE = {
  cron: '0 */3 9-11 * * * *',
  runsPerMorning: 60,
  window: '09:00–11:57（北京时间）',
  intervalMs: 3 * 60_000,
} as const;
