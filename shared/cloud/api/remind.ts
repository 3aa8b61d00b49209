/**
 * The `remind` function's contract (the reminder timer; called without a user or by an admin):
 * RemindRequest, RemindSkipReason and RemindRunSummary, the run's summary it answers with.
 */
import type { DateString } from './date-string';

/** The timer sends nothing: WeChat's trigger calls it with an empty event. */
export type RemindRequest = Record<string, never>;

/** Why the timer did not send a message it looked at (counted per run in `skipped`). */
export type RemindSkipReason =
  /** Another run or an earlier one claimed it already. */
  | 'alreadyHandled'
  /** Claimed or being sent by a run that is still alive. */
  | 'inFlight'
  /** The subscription had no credit left when claimed. */
  | 'noCredit'
  /** The user cancelled after the run listed the subscription. */
  | 'cancelled'
  /** The deadline passed or was deleted before the message went out. */
  | 'expired'
  /** A resend of an unknown outcome got 43101: the first one had been delivered. */
  | 'confirmedEarlier'
  /** The claim's transaction failed (e.g. a conflict); the next run finds it still due. */
  | 'claimFailed'
  /** Claimed, then its deadline was deleted before the send (credit given back). */
  | 'deadlineDeleted'
  /** Claimed, then its deadline's closing date changed before the send (credit given back for the new date). */
  | 'deadlineMoved'
  /** Claimed, then its deadline was moved to another measure before the send (credit given back). */
  | 'measureChanged';

/** A run of the reminder timer, as logged and stored in `runs`. */
export interface RemindRunSummary {
  runId: string;
  /** Business date of the run (Asia/Shanghai). */
  today: DateString;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  budgetMs: number;
  /** 'done': nothing left; 'budget': stopped before the time budget, the rest is for the next run; 'config': a template/page error stopped sending. */
  stoppedBy: 'done' | 'budget' | 'config';
  /** Deadlines with a reminder due today. */
  deadlinesDue: number;
  /**
   * Of deadlinesDue: those whose reminder of today's kind an earlier run already sent, leaving no
   * one to send it to in this run (a rerun of the timer: 今天的提醒已发送过). Absent in runs saved
   * before it was counted.
   */
  dueSentEarlier?: number;
  sent: number;
  /** Skipped with the reason (RemindSkipReason). */
  skipped: Partial<Record<RemindSkipReason, number>>;
  /** 43101: credit used up / refused. */
  refused: number;
  /** 40003: bad openid, subscription dropped. */
  dropped: number;
  /** 47003 and other template data errors. */
  dataErrors: number;
  /** Network and unknown errors, retried by the next run. */
  retry: number;
  /** Sends given up after too many attempts. */
  failed: number;
  /** Crashed sends with unknown outcome, resolved by the rule (not resent). */
  unknown: number;
  /** Work seen but not done in this run (0 when stoppedBy is 'done'). */
  remaining: number;
  /** Database calls made by the run. */
  dbCalls: number;
}
