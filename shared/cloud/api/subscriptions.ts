/**
 * The `subscriptions` function's contract (the caller's own only; the openid comes from WeChat,
 * never from the request) and the reminder vocabulary it answers with: ReminderKind,
 * REMINDER_KINDS, SubscribeOutcome, ReminderState, ReminderStatus, SubscriptionView,
 * BatchReminderStatus, MeasureReminderStatus, SubscriptionsRequest and SubscriptionsResponse.
 */
import type { DateString } from './date-string';
import type { Deadline } from './deadlines';

/**
 * The two reminders of a deadline, each its own one-time subscribe-message template (one tap asks
 * for both; WeChat grants one message per accepted template): 7 days and 1 day before closing.
 */
export type ReminderKind = 'week' | 'day';

export const REMINDER_KINDS: readonly ReminderKind[] = ['week', 'day'] as const;

/** What `wx.requestSubscribeMessage` answers per template id. */
export type SubscribeOutcome = 'accept' | 'reject' | 'ban' | 'filter';

/** State of one reminder (kind) of one subscription. */
export type ReminderState =
  /** A credit is held; the reminder goes out when due. */
  | 'waiting'
  /** Sent. */
  | 'sent'
  /** Being sent right now. */
  | 'sending'
  /** WeChat refused (43101: the user's credit is used up or was withdrawn). */
  | 'refused'
  /** Could not be sent (template data error, too many failures, or the deadline passed). */
  | 'failed'
  /** A send whose outcome is unknown after a crash; never resent (see README, "Reminders"). */
  | 'unknown'
  /** No credit (the user did not accept this template). */
  | 'none'
  /** Cancelled by the user. */
  | 'cancelled'
  /** WeChat rejected the user id (40003); the subscription was dropped. */
  | 'dropped';

export interface ReminderStatus {
  kind: ReminderKind;
  /** '截止前 7 天' / '截止前 1 天' */
  label: string;
  /** Unspent acceptances on our books. */
  credits: number;
  state: ReminderState;
  /** ISO time of the last send, if any. */
  sentAt?: string;
  /** The deadline the last message was about (useful when the subscription was for "the next deadline"). */
  usedFor?: { deadlineId: string; batchTitle: string; closesOn: string; sample: boolean };
}

/** One subscription row: a user, a measure, and a deadline (or the measure's next deadline). */
export interface SubscriptionView {
  /** `${measureId}.${deadlineId || 'next'}` — stable per user. */
  key: string;
  measureId: string;
  measureLabel: string;
  measureTitle: string;
  /** null: the measure's next deadline (none was known when the user subscribed). */
  deadlineId: string | null;
  /** The deadline, when known and still stored. */
  deadline: Deadline | null;
  status: 'active' | 'cancelled';
  reminders: ReminderStatus[];
  createdAt: string;
  updatedAt: string;
}

/** One batch of a measure not yet closed, with the caller's subscription to it. */
export interface BatchReminderStatus {
  deadline: Deadline;
  subscription: SubscriptionView | null;
}

/** Reminder status of one measure for the caller (the subscribe buttons' state). */
export interface MeasureReminderStatus {
  measureId: string;
  /** The soonest batch not yet closed; else null (a subscription then waits for the next one). */
  deadline: Deadline | null;
  /** The caller's subscription for that deadline (or for 'next' when deadline is null), if any. */
  subscription: SubscriptionView | null;
  /**
   * Every batch of the measure not yet closed, soonest closing first, each with the caller's own
   * subscription: each batch is subscribed on its own (issue 22, item 2). Empty when none is known;
   * absent (a function deployed before batches): read `deadline` as the only batch.
   */
  batches?: BatchReminderStatus[];
}

export type SubscriptionsRequest =
  /**
   * After `requestSubscribeMessage` on a tap: `results` maps template id → outcome, as WeChat gave
   * it (the `errMsg` key removed). `deadlineId` is the deadline shown to the user (from `status`);
   * absent: the measure's next deadline.
   */
  | { action: 'subscribe'; measureId: string; deadlineId?: string; results: Record<string, string> }
  /** The subscribe button's state for up to 30 measures at once. */
  | { action: 'status'; measureIds: string[] }
  /** My subscriptions, newest first. */
  | { action: 'list'; limit?: number; cursor?: string }
  /** Cancels both reminders of one subscription row. */
  | { action: 'cancel'; measureId: string; deadlineId?: string };

export type SubscriptionsResponse =
  | {
      action: 'subscribe';
      subscription: SubscriptionView | null;
      accepted: ReminderKind[];
      refused: ReminderKind[];
      banned: ReminderKind[];
      filtered: ReminderKind[];
      /** Chinese explanation of the outcome for the user. */
      message: string;
    }
  | { action: 'status'; today: DateString; measures: MeasureReminderStatus[] }
  | { action: 'list'; subscriptions: SubscriptionView[]; nextCursor: string | null }
  | { action: 'cancel'; subscription: SubscriptionView | null };
