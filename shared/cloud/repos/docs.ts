/**
 * The stored documents, one interface per collection, and COLLECTIONS, their names: deadlines
 * (DeadlineDoc; NEXT_DEADLINE marks none yet), subscriptions (SubscriptionDoc), the send log
 * (SendLogDoc, its SendState), the timer's runs (RunDoc), admins (AdminDoc, with the first-admin
 * claim BootstrapDoc at BOOTSTRAP_ID), the audit log (AuditDoc), the list's status (ListStatusDoc at
 * LIST_STATUS_ID), the outbox (OutboxDoc), 小程序码 (QrcodeDoc), screening jobs (ScreenJobDoc) and the
 * column mappings confirmed for them (ScreenMappingDoc).
 * Ids are ASCII (so ordering by `_id` agrees between WeChat and NeDB) and deterministic where a
 * duplicate must be impossible: a subscription per (user, measure, deadline, kind), a send-log
 * record per (deadline, kind, user).
 *
 * COLLECTION_SPECS (CollectionSpec, CollectionIndex, CollectionName, COLLECTION_PERMISSION) says, for
 * each collection, which functions write and read it, the permission to set in the console and the
 * indexes its queries need — one list for README › Collections and the deploy checklist.
 */
import type { AuditEntry, FunctionName, ListState, ReminderKind, ReminderState, RemindRunSummary } from '../api';
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
  screenMappings: 'screenMappings',
} as const;

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];

/**
 * Every collection's permission (WeChat console: 数据库 › 集合 › 数据权限). Only the cloud functions
 * touch the database — they have admin rights whatever is set — so no client may read or write
 * directly. ADMINONLY is the tag of 仅管理员可读写 in Tencent Cloud's ModifyDatabaseACL
 * (cloud.tencent.com/document/api/876/34819); wx-server-sdk cannot set it, so it is on the checklist.
 */
export const COLLECTION_PERMISSION = { tag: 'ADMINONLY', label: '仅管理端可读写' } as const;

/** A compound index a query needs (`_id` has its own index in every collection). */
export interface CollectionIndex {
  fields: readonly (readonly [field: string, direction: 'asc' | 'desc'])[];
  /** Which query (repository function) uses it. */
  for: string;
}

export interface CollectionSpec {
  name: CollectionName;
  /** What it holds, for a person reading the checklist. */
  holds: string;
  /** The functions that write it — each creates it on first use (shared/cloud/wx-db.ts). */
  writtenBy: readonly FunctionName[];
  readBy: readonly FunctionName[];
  permission: typeof COLLECTION_PERMISSION;
  indexes: readonly CollectionIndex[];
  /** Only the local cloud writes it (server/): never made in WeChat. */
  localOnly?: true;
}

/**
 * Every collection's writers, readers and indexes, read from the repositories' queries (where,
 * range and orderBy fields). Every writer also writes `auditLog` when it creates a collection.
 * Names are literals (checked as CollectionName), not COLLECTIONS.x: a property read would keep
 * this list in every function's bundle, none of which reads it.
 */
export const COLLECTION_SPECS: readonly CollectionSpec[] = [
  {
    name: 'deadlines',
    holds: '申报截止时间',
    writtenBy: ['deadlines'],
    readBy: ['deadlines', 'subscriptions', 'remind'],
    permission: COLLECTION_PERMISSION,
    indexes: [
      { fields: [['closesOn', 'asc'], ['_id', 'asc']], for: 'deadlinesRepo.current / closed / closingBetween' },
      { fields: [['measureId', 'asc'], ['closesOn', 'asc']], for: 'deadlinesRepo.current / closed of one measure' },
      { fields: [['measureId', 'asc'], ['batchTitle', 'asc']], for: 'deadlinesRepo.withTitle' },
    ],
  },
  {
    name: 'admins',
    holds: '管理员（openid）',
    writtenBy: ['deadlines'],
    readBy: ['deadlines', 'listStatus', 'remind', 'screen'],
    permission: COLLECTION_PERMISSION,
    indexes: [],
  },
  {
    name: 'auditLog',
    holds: '管理操作记录，及函数首次使用时建立集合的记录',
    writtenBy: ['deadlines', 'listStatus', 'subscriptions', 'remind', 'qrcode', 'screen'],
    readBy: ['deadlines'],
    permission: COLLECTION_PERMISSION,
    indexes: [],
  },
  {
    name: 'subscriptions',
    holds: '提醒订阅（openid、措施、次数）',
    writtenBy: ['subscriptions', 'remind'],
    readBy: ['subscriptions', 'remind', 'deadlines'],
    permission: COLLECTION_PERMISSION,
    indexes: [
      { fields: [['openid', 'asc'], ['_id', 'asc']], for: 'subscriptionsRepo.own' },
      { fields: [['measureId', 'asc'], ['kind', 'asc'], ['deadlineId', 'asc'], ['active', 'asc'], ['_id', 'asc']], for: 'subscriptionsRepo.due / countDue' },
      { fields: [['deadlineId', 'asc'], ['active', 'asc'], ['_id', 'asc']], for: 'subscriptionsRepo.holdersOf' },
      { fields: [['openid', 'asc'], ['kind', 'asc']], for: 'subscriptionsRepo.holdsWeChatCredit' },
    ],
  },
  {
    name: 'sendLog',
    holds: '提醒发送记录',
    writtenBy: ['remind'],
    readBy: ['remind', 'subscriptions'],
    permission: COLLECTION_PERMISSION,
    indexes: [
      { fields: [['state', 'asc'], ['_id', 'asc']], for: 'sendLogRepo.inState' },
      { fields: [['openid', 'asc'], ['claimedAt', 'desc']], for: 'sendLogRepo.own' },
      { fields: [['openid', 'asc'], ['kind', 'asc']], for: 'sendLogRepo.othersHoldCredit' },
      { fields: [['deadlineId', 'asc'], ['kind', 'asc'], ['state', 'asc']], for: 'sendLogRepo.anySent' },
    ],
  },
  {
    name: 'runs',
    holds: '定时提醒每次运行的摘要',
    writtenBy: ['remind'],
    readBy: ['deadlines'],
    permission: COLLECTION_PERMISSION,
    indexes: [{ fields: [['startedAt', 'desc']], for: 'runsRepo.recent' }],
  },
  {
    name: 'outbox',
    holds: '本地云“发出”的提醒（仅本地）',
    writtenBy: [],
    readBy: [],
    permission: COLLECTION_PERMISSION,
    indexes: [],
    localOnly: true,
  },
  {
    name: 'listStatus',
    holds: '清单状态（一条）',
    writtenBy: ['listStatus'],
    readBy: ['listStatus'],
    permission: COLLECTION_PERMISSION,
    indexes: [],
  },
  {
    name: 'bootstrap',
    holds: '首位管理员的认领及口令尝试次数',
    writtenBy: ['deadlines'],
    readBy: ['deadlines'],
    permission: COLLECTION_PERMISSION,
    indexes: [{ fields: [['scope', 'asc'], ['window', 'asc'], ['openid', 'asc']], for: 'claimTriesRepo.take' }],
  },
  {
    name: 'qrcodes',
    holds: '已生成的小程序码（云存储文件）',
    writtenBy: ['qrcode'],
    readBy: ['qrcode'],
    permission: COLLECTION_PERMISSION,
    indexes: [],
  },
  {
    name: 'screenJobs',
    holds: '园区批量测算任务（不含企业数据）',
    writtenBy: ['screen'],
    readBy: ['screen'],
    permission: COLLECTION_PERMISSION,
    indexes: [{ fields: [['owner', 'asc'], ['createdAt', 'desc'], ['_id', 'asc']], for: 'screenJobsRepo.mine' }],
  },
  {
    name: 'screenMappings',
    holds: '园区批量测算确认过的列对应（表头文字，不含企业数据）',
    writtenBy: ['screen'],
    readBy: ['screen'],
    permission: COLLECTION_PERMISSION,
    indexes: [],
  },
];

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
  /**
   * confirming: read, waiting for the person to confirm how its columns are read (a park's own
   * register; issue 27, item 2); deleting: its files are being removed (a delete that failed
   * half-way is swept again).
   */
  state: 'uploading' | 'confirming' | 'screening' | 'done' | 'deleting';
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
  /**
   * By chunk index: the file of that chunk's rows, written by `open` (the register is read once;
   * issue 24, item 4). Absent on a job opened before: its chunks read the register itself.
   */
  rowFiles?: string[];
  unknownColumns: string[];
  /** The header row as read (each cell at most SCREEN_HEADER_TEXT_MAX characters), while a mapping may still be confirmed. */
  header?: string[];
  /** The header row's key (headerKey): the confirmed mapping is remembered by it. */
  headerKey?: string;
  /** How the columns are read: a column id or null per position (absent on jobs opened before). */
  mapping?: (string | null)[];
  resultFileID: string;
  refused: number;
  createdAt: string;
  updatedAt: string;
}

export type { ReminderState };

/**
 * A column mapping confirmed on 园区批量测算 (screenMappingId: the owner and the header row's key):
 * the next register with the same headers is read this way without asking.
 */
export interface ScreenMappingDoc {
  _id: string;
  owner: string;
  headerKey: string;
  /** A column id or null (不使用) per position of the header row. */
  mapping: (string | null)[];
  updatedAt: string;
}
