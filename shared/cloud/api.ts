/**
 * The one map of cloud function names → request/response types. Pages (through
 * src/services/cloud.ts) and cloud functions (through their handlers) both import it, so a name or
 * a payload shape cannot drift between the two sides: FUNCTION_NAMES and FunctionName, RequestOf
 * and ResponseOf each function's payloads, Envelope and CloudError every answer, MAX_REQUEST_BYTES
 * the size both sides refuse above.
 *
 * Functions with several operations (`deadlines`, `subscriptions`) take an `action` and answer with
 * the same `action`, so a caller narrows the response with `if (env.ok && env.data.action === 'list')`.
 *
 * The contracts, by function:
 *  - deadlines: DeadlineInput (what an admin types) and Deadline (as stored), DeadlinesRequest and
 *    DeadlinesResponse, AuditEntry (the log), ReminderReach with REACH_COUNT_CAP (who would be
 *    reminded), importPlace (第 N 行 / 第 N 条 of an import);
 *  - subscriptions: ReminderKind and REMINDER_KINDS (7 days and 1 day before), SubscribeOutcome
 *    (WeChat's answer to a tap), ReminderState, ReminderStatus, BatchReminderStatus,
 *    MeasureReminderStatus, SubscriptionView, SubscriptionsRequest and SubscriptionsResponse;
 *  - remind: RemindRunSummary and RemindSkipReason (what a morning run did and why it skipped);
 *  - listStatus: ListState with LIST_STATES and LIST_STATE_LABELS, ListStatusInput, ListStatus,
 *    UNVERIFIED_LIST_STATUS (until an admin publishes one), ListStatusRequest, ListStatusResponse;
 *  - qrcode: QrcodeResponse;
 *  - screen: ScreenJob and ScreenResponse, SCREEN_TOO_BIG (the file size message), and the local
 *    cloud's upload door UPLOAD_ROUTE with its CLOUD_PATH_HEADER and DEV_OPENID_HEADER.
 */
import { type EvaluateResult, SCREEN_MAX_FILE_BYTES } from '../policy/engine';

// ---------------------------------------------------------------------------------------------
// Shared vocabulary

/**
 * The two reminders of a deadline, each its own one-time subscribe-message template (one tap asks
 * for both; WeChat grants one message per accepted template): 7 days and 1 day before closing.
 */
export type ReminderKind = 'week' | 'day';
export const REMINDER_KINDS: readonly ReminderKind[] = ['week', 'day'] as const;

/** What `wx.requestSubscribeMessage` answers per template id. */
export type SubscribeOutcome = 'accept' | 'reject' | 'ban' | 'filter';

/** A calendar date in Asia/Shanghai, 'YYYY-MM-DD'. */
export type DateString = string;

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
  /** openid of the admin, or 'cli:<name>' / 'bootstrap' for local operator actions. */
  actor: string;
  action: 'deadline.create' | 'deadline.update' | 'deadline.delete' | 'deadline.import' | 'admin.add' | 'admin.remove' | 'admin.claim' | 'listStatus.set';
  /** Deadline id, admin openid, or 'catalog-2022' for the list's status. */
  target: string;
  /** Chinese one-line summary. */
  summary: string;
  before?: unknown;
  after?: unknown;
}

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

/** Counting a deadline's reach stops here (an admin view, not a billing figure). */
export const REACH_COUNT_CAP = 5000;

// ---------------------------------------------------------------------------------------------
// deadlines

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

// ---------------------------------------------------------------------------------------------
// listStatus: whether the 2022 list is still in force, as admins last checked it

/** The list's state, as an admin found it in the official sources. */
export type ListState = 'inForce' | 'superseded' | 'repealed' | 'unverified';
export const LIST_STATES: readonly ListState[] = ['inForce', 'superseded', 'repealed', 'unverified'] as const;
export const LIST_STATE_LABELS: Record<ListState, string> = {
  inForce: '在执行',
  superseded: '已有后续清单',
  repealed: '已废止',
  unverified: '状态未核实',
};

/** What an admin enters (the server validates; see shared/cloud/list-status.ts). */
export interface ListStatusInput {
  state: ListState;
  /** One line for users, e.g. '2023 年清单已发布，本清单措施以新清单为准' (≤ 60 characters; may be empty when in force). */
  notice: string;
  /** The official page the admin checked (http/https; required unless unverified). */
  sourceUrl: string;
  /** The day the admin checked the sources (Asia/Shanghai, not in the future). */
  checkedOn: DateString;
}

/** The published status. Until an admin sets it: unverified, never checked. */
export interface ListStatus {
  state: ListState;
  /** LIST_STATE_LABELS[state] */
  label: string;
  notice: string;
  sourceUrl: string;
  /** null: nobody has checked yet. */
  checkedOn: DateString | null;
  /** ISO time of the last change; null for the default. */
  updatedAt: string | null;
  /** The stored status's revision (absent: none stored yet, which a `set` names as 0). */
  revision?: number;
}

/**
 * What everyone reads until an admin publishes a status: unverified, never checked (the server's
 * answer, and what the app holds before it has heard anything).
 */
export const UNVERIFIED_LIST_STATUS: Readonly<ListStatus> = Object.freeze({
  state: 'unverified',
  label: LIST_STATE_LABELS.unverified,
  notice: '',
  sourceUrl: '',
  checkedOn: null,
  updatedAt: null,
});

export type ListStatusRequest =
  /** Anyone. */
  | { action: 'get' }
  /** Admins only; audited. */
  /** `revision`: the status's as the page read it (0 when none was stored); CONFLICT when it changed since. */
  | { action: 'set'; status: ListStatusInput; revision?: number };

export type ListStatusResponse = { action: 'get'; status: ListStatus } | { action: 'set'; status: ListStatus };

// ---------------------------------------------------------------------------------------------
// subscriptions (the caller's own only; the openid comes from WeChat, never from the request)

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

// ---------------------------------------------------------------------------------------------
// qrcode: a 小程序码 (wxacode.getUnlimited) of one page and scene, for the share poster

export interface QrcodeRequest {
  /** A scene of shared/policy/view/scene.ts (`m=m08`, `m=m08&i=3`, `v=start`); the page follows from it. */
  scene: string;
}

export type QrcodeResponse =
  /**
   * `fileID`: the image in cloud storage (the weapp downloads it with `Taro.cloud.downloadFile`);
   * `url`: a temporary link to it (cloud) or the local server's /files/ link (H5). `cached`: made by
   * an earlier call.
   */
  | { status: 'ready'; scene: string; page: string; fileID: string; url: string; cached: boolean }
  /** WeChat refused to make the code (`errCode` is WeChat's); `reason` is a Chinese sentence for the poster. Not cached. */
  | { status: 'unavailable'; scene: string; page: string; errCode: number; reason: string };

// ---------------------------------------------------------------------------------------------
// screen: 园区批量测算 — a register (.xlsx / .csv) screened in the cloud, in calls of CHUNK rows

// The limits live with the product settings (shared/policy/engine/config.ts), where docs/screening.md reads them too.
export { SCREEN_CHUNK_ROWS, SCREEN_MAX_FILE_BYTES, SCREEN_MAX_ROWS } from '../policy/engine';
/** A register over SCREEN_MAX_FILE_BYTES: the page (before uploading), the local /upload and the function say the same. */
export const SCREEN_TOO_BIG = `文件太大：园区批量测算一次最多 ${SCREEN_MAX_FILE_BYTES / 1024 / 1024} MB。请把名单拆成几个文件分别测算。`;

/**
 * The local cloud only (H5 dev build ↔ server/): `POST UPLOAD_ROUTE` stands in for
 * wx.cloud.uploadFile, the file's place in CLOUD_PATH_HEADER; the caller is DEV_OPENID_HEADER (in
 * WeChat the user id comes only from cloud.getWXContext()).
 */
export const UPLOAD_ROUTE = '/upload';
export const CLOUD_PATH_HEADER = 'x-cloud-path';
export const DEV_OPENID_HEADER = 'x-dev-openid';

/** One screening of one register, as its owner sees it (nothing of the enterprises' figures). */
export interface ScreenJob {
  jobId: string;
  /** The register's name as picked ('园区企业名单.xlsx'). */
  fileName: string;
  /**
   * uploading: waiting for the file; screening: rows being screened; done: the result file is
   * written (input and parts deleted); deleting: its files are being removed.
   */
  state: 'uploading' | 'screening' | 'done' | 'deleting';
  /** Data rows (0 until the file is read). */
  rows: number;
  /** Rows screened so far (all of them once done). */
  screened: number;
  /** Rows refused so far (each with its reasons in the result's 未能测算的行). */
  refused: number;
  /** `chunk` calls needed, and done so far. */
  chunks: number;
  chunksDone: number;
  /** Headers left aside (not columns of the screening table). */
  unknownColumns: string[];
  createdAt: string;
  /** The result file (done only): its name for the chat or the download. */
  resultName?: string;
}

export type ScreenRequest =
  /** The blank template (.xlsx), written fresh from the catalog. */
  | { action: 'template' }
  /** A new job for a file about to be uploaded: answers where to upload it (the caller's own folder). Older unfinished jobs of the caller are deleted. */
  | { action: 'start'; fileName: string; size: number }
  /** The file is uploaded: read its header, count its rows. */
  | { action: 'open'; jobId: string; fileID: string }
  /** Screen chunk `index` (rows [index × SCREEN_CHUNK_ROWS, …)). Chunks go in order; a chunk may be asked again. */
  | { action: 'chunk'; jobId: string; index: number }
  /** Every chunk done: write the result file, delete the uploaded file and the parts. */
  | { action: 'finish'; jobId: string }
  /** The caller's results, newest first. */
  | { action: 'list' }
  /** A fresh link to a job's result file (owner only). */
  | { action: 'link'; jobId: string }
  /** Deletes a job and every file of it (owner only). */
  | { action: 'delete'; jobId: string };

export type ScreenResponse =
  | { action: 'template'; fileName: string; url: string }
  | { action: 'start'; job: ScreenJob; cloudPath: string }
  | { action: 'open'; job: ScreenJob }
  | { action: 'chunk'; job: ScreenJob }
  | { action: 'finish'; job: ScreenJob; url: string }
  | { action: 'list'; jobs: ScreenJob[] }
  | { action: 'link'; job: ScreenJob; url: string }
  | { action: 'delete'; removed: boolean };

// ---------------------------------------------------------------------------------------------

export interface CloudFunctions {
  /** Validates a profile with the shared schema and returns the engine's result. Stores nothing. */
  calculate: {
    request: { profile: unknown };
    response: EvaluateResult;
  };
  /** Application windows per measure: anyone reads, admins write (audited). */
  deadlines: {
    request: DeadlinesRequest;
    response: DeadlinesResponse;
  };
  /** The caller's reminder subscriptions: record accepted templates, status, list, cancel. */
  subscriptions: {
    request: SubscriptionsRequest;
    response: SubscriptionsResponse;
  };
  /** Whether the 2022 list is still in force: anyone reads, admins set (audited). */
  listStatus: {
    request: ListStatusRequest;
    response: ListStatusResponse;
  };
  /**
   * The reminder timer (config.json trigger). Called without a user (timer) or by an admin; sends
   * due reminders exactly once and answers the run's summary.
   */
  remind: {
    request: Record<string, never>;
    response: RemindRunSummary;
  };
  /** Anyone: the 小程序码 of a measure, an item or the home page, made once and kept in cloud storage. */
  qrcode: {
    request: QrcodeRequest;
    response: QrcodeResponse;
  };
  /** Admins (and park staff they added): screen a register into a result .xlsx kept in the caller's own storage folder. */
  screen: {
    request: ScreenRequest;
    response: ScreenResponse;
  };
}

/**
 * Requests above this size (as JSON, UTF-8) are refused with PAYLOAD_TOO_LARGE — by the functions
 * and the local cloud; pages check what they send against it (an import file, say) first.
 */
export const MAX_REQUEST_BYTES = 64 * 1024;

export type FunctionName = keyof CloudFunctions;
export type RequestOf<N extends FunctionName> = CloudFunctions[N]['request'];
export type ResponseOf<N extends FunctionName> = CloudFunctions[N]['response'];

/** Every function answers with this envelope; an error never carries a stack trace. */
export interface CloudError {
  /** Stable machine code, e.g. 'INVALID_INPUT', 'UNKNOWN_FUNCTION', 'FORBIDDEN', 'INTERNAL'. */
  code: string;
  /** Chinese message for the user, naming the field where there is one. */
  message: string;
  /** Per-field problems, for inline messages. */
  fields?: { field: string; message: string }[];
}
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: CloudError };

/** Runtime list of names (the server routes and the bundler iterate over it). */
export const FUNCTION_NAMES: readonly FunctionName[] = ['calculate', 'deadlines', 'subscriptions', 'listStatus', 'remind', 'qrcode', 'screen'] as const;
