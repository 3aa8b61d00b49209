/**
 * Subscribe-message templates of the reminders (REMINDER_TEMPLATES, one per kind of reminder, and
 * REMINDER_PAGE, the page a reminder opens). Client (the subscribe button asks WeChat for these
 * ids) and server (`remind` sends with them, `subscriptions` maps results back to a kind with
 * kindOfTemplate) share this file, so the two sides cannot disagree.
 *
 * PLACEHOLDERS: the ids below are not real. Before a release, pick two templates in the WeChat
 * console (订阅消息 → 公共模板库, one-time, e.g. 「申报截止提醒」 with the keywords 项目名称 / 截止时间 /
 * 温馨提示), put their ids here, and map each field key (thing1, date2, …) to the keyword number
 * the console shows. Field kinds and limits (WeChat's): thing ≤ 20 characters, date 'YYYY年MM月DD日'.
 */
import type { ReminderKind } from './api';

export interface ReminderTemplate {
  kind: ReminderKind;
  /** Template id from the WeChat console (placeholder until configured). */
  id: string;
  /** '截止前 7 天' — shown in the app. */
  label: string;
  /** Days before closing the reminder is due (and, if a run was missed, until the next kind is due). */
  daysBefore: number;
  /** Keyword keys of the template's fields. */
  fields: {
    /** thing: the batch title (≤ 20 characters). */
    item: string;
    /** date: the closing date. */
    closes: string;
    /** thing: the hint line (≤ 20 characters). */
    note: string;
  };
}

export const REMINDER_TEMPLATES: Record<ReminderKind, ReminderTemplate> = {
  week: {
    kind: 'week',
    id: 'TEMPLATE_ID_DEADLINE_7D_PLACEHOLDER',
    label: '截止前 7 天',
    daysBefore: 7,
    fields: { item: 'thing1', closes: 'date2', note: 'thing3' },
  },
  day: {
    kind: 'day',
    id: 'TEMPLATE_ID_DEADLINE_1D_PLACEHOLDER',
    label: '截止前 1 天',
    daysBefore: 1,
    fields: { item: 'thing1', closes: 'date2', note: 'thing3' },
  },
};

/** The kind of a template id, or null for an id that is not ours. */
export function kindOfTemplate(id: string): ReminderKind | null {
  for (const t of Object.values(REMINDER_TEMPLATES)) if (t.id === id) return t.kind;
  return null;
}

/** The page a reminder opens (in the reminders subpackage). */
export const REMINDER_PAGE = 'pages/reminders/index';
