/**
 * The stored documents, one interface per collection, and COLLECTIONS, their names: deadlines
 * (DeadlineDoc; NEXT_DEADLINE marks none yet), subscriptions (SubscriptionDoc), the send log
 * (SendLogDoc, its SendState), the timer's runs (RunDoc), admins (AdminDoc, with the first-admin
 * claim BootstrapDoc at BOOTSTRAP_ID), the audit log (AuditDoc), the list's status (ListStatusDoc at
 * LIST_STATUS_ID), the outbox (OutboxDoc), 小程序码 (QrcodeDoc) and screening jobs (ScreenJobDoc).
 * Ids are ASCII (so ordering by `_id` agrees between WeChat and NeDB) and deterministic where a
 * duplicate must be impossible: a subscription per (user, measure, deadline, kind), a send-log
 * record per (deadline, kind, user).
 */
import type { AuditEntry, ListState, ReminderKind, ReminderState, RemindRunSummary } from '../api';
import type { OutgoingMessage } from '../context';

export const COLLECTIONS = {
  deadlines: 'deadlines',
  admins: 'admins',
  auditLog: 'auditLog',
  subscriptions: 'subscriptions',
  sendLog: 'sendLog',
  runs: 'runs',
  outbox: 'outbox',
  listStatus: 'listStatus',
  bootstrap: 'bootstrap',
  qrcodes: 'qrcodes',
  screenJobs: 'screenJobs',
} as const;

export interface DeadlineDoc {
  _id: string;
  measureId: string;
  batchTitle: string;
  opensOn: string;
  closesOn: string;
  issuer: string;
  sourceUrl: string;
  /** The items of the measure the batch is for; absent (older records) or empty: the whole measure. */
  itemIds?: string[];
  /** Local sample (示例): written only by the local cloud's seeding, never by a request. */
  sample: boolean;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  /** Incremented on every write; absent (older records) counts as 0. An edit names the one it read (CONFLICT otherwise). */
  revision?: number;
}

/** The list's status (one document, LIST_STATUS_ID), as the last admin set it. */
export interface ListStatusDoc {
  _id: string;
  state: ListState;
  notice: string;
  sourceUrl: string;
  checkedOn: string;
  updatedAt: string;
  updatedBy: string;
  /** Incremented on every write; absent (older records) counts as 0. An edit names the one it read (CONFLICT otherwise). */
  revision?: number;
}

/** The one status document: the catalog this app computes (the 2022 list). */
export const LIST_STATUS_ID = 'catalog-2022';

/** The first admin's claim, written once with that admin (BOOTSTRAP_ID): the code opens nothing after. */
export interface BootstrapDoc {
  _id: string;
  claimedBy: string;
  claimedAt: string;
}
export const BOOTSTRAP_ID = 'first-admin';

export interface AdminDoc {
  /** The admin's openid. */
  _id: string;
  addedAt: string;
  addedBy: string;
  note?: string;
  /** Incremented on every write; absent (older records) counts as 0. An edit names the one it read (CONFLICT otherwise). */
  revision?: number;
}

export interface AuditDoc {
  _id: string;
  at: string;
  actor: string;
  action: AuditEntry['action'];
  target: string;
  summary: string;
  before?: unknown;
  after?: unknown;
}

/** The deadline key of a subscription made while no deadline was known: the measure's next one. */
export const NEXT_DEADLINE = '';

export interface SubscriptionDoc {
  /** subscriptionId(openid, measureId, deadlineId, kind) */
  _id: string;
  openid: string;
  measureId: string;
  /** A deadline id, or NEXT_DEADLINE ('') for "the measure's next deadline". */
  deadlineId: string;
  kind: ReminderKind;
  /** Unspent acceptances (WeChat: one message per acceptance). */
  credits: number;
  /** Acceptances ever recorded. */
  accepted: number;
  status: 'active' | 'cancelled' | 'dropped';
  /** status === 'active' && credits > 0: what the reminder timer queries. */
  active: boolean;
  createdAt: string;
  updatedAt: string;
  /** The last send-log record that used a credit of this subscription. */
  lastLogId?: string;
}

/**
 * Send-log states. claimed → sending → one final state; claimed/sending carry a lease (`leaseUntil`)
 * so another run leaves them alone while their run may still be alive.
 *  - claimed: credit reserved, not yet attempted — safe to send (also after a crash).
 *  - sending: the request to WeChat may have left — after a crash the outcome is unknown.
 *  - retry:   a network/unknown error; the next run tries again.
 *  - sent | refused (43101) | dropped (40003) | dataError (47003) | failed (too many attempts,
 *    or the deadline passed) | unknown (crashed while sending; never resent).
 */
export type SendState = 'claimed' | 'sending' | 'retry' | 'sent' | 'refused' | 'dropped' | 'dataError' | 'failed' | 'unknown';
export const FINAL_SEND_STATES: readonly SendState[] = ['sent', 'refused', 'dropped', 'dataError', 'failed', 'unknown'];

export interface SendLogDoc {
  /** sendLogId(deadlineId, kind, openid) */
  _id: string;
  deadlineId: string;
  kind: ReminderKind;
  openid: string;
  /** The subscription whose credit this message uses. */
  subId: string;
  measureId: string;
  closesOn: string;
  state: SendState;
  /** The run that owns the record while claimed/sending/retry. */
  runId: string;
  /** Epoch ms; an owned record whose lease has passed belongs to no live run. */
  leaseUntil: number;
  attempts: number;
  claimedAt: string;
  attemptAt?: string;
  doneAt?: string;
  errCode?: number;
  errMsg?: string;
  /**
   * The last attempt got no answer (the request threw: a timeout, a dropped connection): WeChat may
   * have delivered it. A `retry` marked so is resolved by the unknown-outcome rule, like a crashed
   * `sending` record, never simply sent again.
   */
  outcomeUnknown?: boolean;
}

export interface RunDoc extends RemindRunSummary {
  _id: string;
}

/** Local cloud only: a message the local sender "sent". */
export interface OutboxDoc {
  _id: string;
  at: string;
  /** Epoch ms, for ordering. */
  seq: number;
  message: OutgoingMessage;
  /** The result the local sender answered. */
  errCode: number;
}

/**
 * A 小程序码 made by `qrcode` and kept in cloud storage. The id is the hash part of its cache key
 * (qrcodeCacheKey: page, scene, envVersion and width), so one record per code, whoever asked first.
 */
export interface QrcodeDoc {
  _id: string;
  /** Where the image is (cloud storage's fileID, or `local:<cloudPath>` in the local cloud). */
  fileID: string;
  page: string;
  scene: string;
  envVersion: 'release' | 'trial' | 'develop';
  createdAt: string;
}

/**
 * One screening of a register (园区批量测算): where its files are and how far it got — never the
 * enterprises' figures (those are only in the uploaded file, the parts and the result, in storage
 * under `screen/<owner>/<jobId>/`).
 */
export interface ScreenJobDoc {
  _id: string;
  owner: string;
  fileName: string;
  format: 'xlsx' | 'csv';
  /** deleting: its files are being removed (a delete that failed half-way is swept again). */
  state: 'uploading' | 'screening' | 'done' | 'deleting';
  /** Where the page uploads the register (the owner's own folder). */
  inputPath: string;
  /** The register's file id (known from `start` on: the marker's id with inputPath; '' once deleted). */
  inputFileID: string;
  /** A small file written by `start` (job id and time only), whose id tells the folder's file ids; deleted with the input. */
  markerFileID: string;
  rows: number;
  chunks: number;
  /** By chunk index: the part's fileID, and its rows refused. */
  parts: string[];
  partRefused: number[];
  unknownColumns: string[];
  resultFileID: string;
  refused: number;
  createdAt: string;
  updatedAt: string;
}

export type { ReminderState };
