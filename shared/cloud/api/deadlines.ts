/**
 * The `deadlines` function's contract (application windows per measure: anyone reads, admins
 * write, audited) and what it answers with: DeadlineInput, Deadline, ImportIssue, AuditEntry,
 * importPlace, ReminderReach, DeadlinesRequest and DeadlinesResponse.
 */
import type { DateString } from './date-string';
import type { RemindRunSummary } from './remind';
import type { ReminderKind } from './subscriptions';

/** What an admin enters for an application window (all strings; the server validates). */
export interface DeadlineInput {
  /** Measure id of the 2022 catalog, 'm01' … 'm30'. */
  measureId: string;
  /** e.g. '2022 年度自治区级企业技术中心认定' (1–60 characters). */
  batchTitle: string;
  /** First day applications are accepted (Asia/Shanghai). */
  opensOn: DateString;
  /** Last day applications are accepted (Asia/Shanghai); after opensOn. */
  closesOn: DateString;
  /** The body that issued the notice, e.g. '自治区工业和信息化厅' (1–40 characters). */
  issuer: string;
  /** Link to the official notice (http/https, ≤ 500 characters). */
  sourceUrl: string;
  /**
   * The items of the measure this batch is for ('m08.smart-factory'); absent or empty: the whole
   * measure (整项措施). Shown only under those items (shared/cloud/deadline-items.ts).
   */
  itemIds?: string[];
}

export interface Deadline extends DeadlineInput {
  id: string;
  /** '（一）' */
  measureLabel: string;
  /** The measure's title from the catalog. */
  measureTitle: string;
  /** The titles of `itemIds` from the catalog, in the same order (the function always sets both; empty: the whole measure). */
  itemTitles?: string[];
  /** A local sample (示例), never an official date. Only the local cloud has these. */
  sample: boolean;
  /** Relative to the server's today (Asia/Shanghai). */
  status: 'upcoming' | 'open' | 'closed';
  /** closesOn − today in days (0 = closes today, negative = closed). */
  daysToClose: number;
  /**
   * When the batch was published (ISO time): the home page shows batches published since the
   * user's last visit. Absent from functions deployed before it was sent.
   */
  createdAt?: string;
  updatedAt: string;
  /**
   * Incremented on every write (older records: 0); an update or delete sends back the one it read.
   * Absent from functions deployed before it was sent.
   */
  revision?: number;
}

export interface ImportIssue {
  /** 1-based data row (CSV: the header is row 0; JSON: the array index + 1). */
  row: number;
  field: string;
  message: string;
}

export interface AuditEntry {
  id: string;
  /** ISO time. */
  at: string;
  /**
   * openid of the admin, 'cli:<name>' / 'bootstrap' for local operator actions, or 'function:<name>'
   * for what a cloud function did by itself (a collection created on first use).
   */
  actor: string;
  action: 'deadline.create' | 'deadline.update' | 'deadline.delete' | 'deadline.import' | 'admin.add' | 'admin.remove' | 'admin.claim' | 'listStatus.set' | 'collection.create';
  /** Deadline id, admin openid, 'catalog-2022' for the list's status, or a collection's name. */
  target: string;
  /** Chinese one-line summary. */
  summary: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Where a deadline import names a row (README, "Deadline import format"): the row a person sees in
 * their file, as the screening does — a CSV's row as a spreadsheet numbers it (the header is 第 1 行,
 * so the first data row under it is 第 2 行; blank rows count), a JSON array's element 1-based
 * (第 N 条: JSON has no rows).
 */
export function importPlace(format: 'json' | 'csv', row: number): string {
  return format === 'json' ? `第 ${row} 条` : `第 ${row} 行`;
}

/** Who a deadline's reminder of one kind will reach, counted from the subscriptions with credit. */
export interface ReminderReach {
  kind: ReminderKind;
  /** '截止前 7 天' / '截止前 1 天' */
  label: string;
  /** Users who subscribed to this batch and hold a credit. */
  forBatch: number;
  /**
   * Users who subscribed to the measure's next deadline (none was known then) and hold a credit:
   * the timer uses their credit on the first deadline of the measure whose reminder falls due.
   */
  forNext: number;
  /** Counting stopped at REACH_COUNT_CAP per group: the true number is at least this. */
  capped: boolean;
}

export type DeadlinesRequest =
  /** Anyone: deadlines, not yet closed first (soonest closing first); `closed` lists past ones, latest first. */
  | { action: 'list'; measureId?: string; scope?: 'current' | 'closed'; limit?: number; cursor?: string }
  /** Anyone: whether the caller is an admin. */
  | { action: 'me' }
  /** Admins only. */
  | { action: 'create'; deadline: DeadlineInput }
  /**
   * `revision`: the deadline's revision as the page read it; a deadline changed since is left alone
   * and the answer is CONFLICT (CONFLICT_MESSAGES.deadline). Pages always send it.
   */
  | { action: 'update'; id: string; deadline: DeadlineInput; revision?: number }
  | { action: 'delete'; id: string; revision?: number }
  /** JSON array or CSV (see README, "Deadline import format"); all rows valid or nothing is written. */
  | { action: 'import'; format: 'json' | 'csv'; text: string; dryRun?: boolean }
  | { action: 'audit'; limit?: number; cursor?: string }
  | { action: 'admins' }
  | { action: 'addAdmin'; openid: string; note?: string }
  /** `revision`: the admin record's, as the admins page listed it (CONFLICT when it changed since). */
  | { action: 'removeAdmin'; openid: string; revision?: number }
  /** Admins: who the reminders of one deadline will reach (credits held, per kind). */
  | { action: 'reach'; id: string }
  /** Admins: the reminder timer's last runs, newest first. */
  | { action: 'runs'; limit?: number }
  /**
   * Admins: the items of a measure (given as m08, 8 or （八）), for the editor's 适用事项 picker —
   * the admin package does not load the catalog.
   */
  | { action: 'items'; measureId: string }
  /**
   * The first admin: allowed only while there is no admin at all, with the code set in the
   * function's environment variable ADMIN_BOOTSTRAP_CODE (README, "Admins").
   */
  | { action: 'claimAdmin'; code: string };

export type DeadlinesResponse =
  | { action: 'list'; today: DateString; deadlines: Deadline[]; nextCursor: string | null }
  /** `openid`: the caller's own (to paste into the `admins` collection when bootstrapping). */
  | {
      action: 'me';
      isAdmin: boolean;
      openid: string;
      /** No admin exists yet and a bootstrap code is configured: the caller may claim with it. */
      canClaim: boolean;
    }
  | { action: 'create'; deadline: Deadline }
  | { action: 'update'; deadline: Deadline }
  | { action: 'delete'; removed: boolean }
  | {
      action: 'import';
      dryRun: boolean;
      created: number;
      updated: number;
      unchanged: number;
      /** Per row, in file order: what the import does (dry run) or did with it. */
      outcomes: ('created' | 'updated' | 'unchanged')[];
      /** Per row, in file order: where it is in the file (importPlace). */
      rows: number[];
      deadlines: Deadline[];
    }
  | { action: 'audit'; entries: AuditEntry[]; nextCursor: string | null }
  | { action: 'admins'; admins: { openid: string; addedAt: string; addedBy: string; note?: string; revision: number }[] }
  | { action: 'addAdmin'; added: boolean }
  | { action: 'removeAdmin'; removed: boolean }
  | { action: 'reach'; today: DateString; deadline: Deadline; reminders: ReminderReach[] }
  | { action: 'runs'; runs: RemindRunSummary[] }
  /** measureId null: not a measure of the list (items then empty). */
  | { action: 'items'; measureId: string | null; measureLabel: string; measureTitle: string; items: { id: string; title: string }[] }
  | { action: 'claimAdmin'; added: boolean };
