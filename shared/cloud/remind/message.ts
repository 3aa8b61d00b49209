/**
 * The subscribe message of a reminder (buildReminder), within WeChat's field rules (thing ≤ 20
 * characters, date as 'YYYY年MM月DD日'), and a checker of those rules (fieldProblems: used by the
 * local sender to answer 47003 the way WeChat would, and by tests).
 */
import type { ReminderKind } from '../api';
import type { OutgoingMessage } from '../context';
import { daysBetween, formatDateCn } from '../dates';
import type { DeadlineDoc } from '../repos/docs';
import { REMINDER_PAGE, REMINDER_TEMPLATES } from '../templates';

/** WeChat's limits per field kind (the key without its number: thing1 → thing). */
export const FIELD_LIMITS = { thing: 20, phrase: 5, number: 32, character_string: 32, name: 10, letter: 32, symbol: 5 } as const;

/** At most `max` characters (code points); cut with '…'. Line breaks become spaces. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

export function reminderNote(daysLeft: number): string {
  if (daysLeft <= 0) return '今天截止，请尽快提交申报材料';
  return `还剩${daysLeft}天截止，请尽快准备申报`;
}

export function buildReminder(p: {
  deadline: DeadlineDoc;
  kind: ReminderKind;
  openid: string;
  today: string;
  miniprogramState: OutgoingMessage['miniprogramState'];
}): OutgoingMessage {
  const t = REMINDER_TEMPLATES[p.kind];
  const daysLeft = daysBetween(p.today, p.deadline.closesOn);
  return {
    touser: p.openid,
    templateId: t.id,
    page: `${REMINDER_PAGE}?measure=${encodeURIComponent(p.deadline.measureId)}&deadline=${encodeURIComponent(p.deadline._id)}`,
    data: {
      [t.fields.item]: { value: clip(p.deadline.batchTitle, FIELD_LIMITS.thing) },
      [t.fields.closes]: { value: formatDateCn(p.deadline.closesOn) },
      [t.fields.note]: { value: clip(reminderNote(daysLeft), FIELD_LIMITS.thing) },
    },
    miniprogramState: p.miniprogramState,
    lang: 'zh_CN',
  };
}

const DATE_VALUE = /^\d{4}年\d{1,2}月\d{1,2}日$|^\d{4}-\d{2}-\d{2}$/;

/** Problems WeChat would answer with 47003 (argument invalid: data.xxx.value), by field. */
export function fieldProblems(data: OutgoingMessage['data']): string[] {
  const problems: string[] = [];
  for (const [key, entry] of Object.entries(data)) {
    const kind = key.replace(/\d+$/, '');
    const value = entry && typeof entry.value === 'string' ? entry.value : null;
    if (value === null || value.length === 0) {
      problems.push(`${key}: empty`);
      continue;
    }
    if (kind === 'date' || kind === 'time') {
      if (!DATE_VALUE.test(value)) problems.push(`${key}: not a date`);
      continue;
    }
    const max = (FIELD_LIMITS as Record<string, number>)[kind];
    if (max !== undefined && Array.from(value).length > max) problems.push(`${key}: longer than ${max}`);
  }
  return problems;
}
