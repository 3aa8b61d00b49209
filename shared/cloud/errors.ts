/**
 * Error codes every cloud function and the local cloud answer with, each with its Chinese message
 * for the user (ERROR_MESSAGES, and the finer MESSAGES and CONFLICT_MESSAGES) and its HTTP_STATUS
 * for the local cloud; isErrorCode checks a code. A failure is returned as a Failure or thrown as a
 * CloudFailure (DuplicateIdError for an id taken, StoreDamagedError for a local data file that does
 * not parse, CollectionUnavailableError for a WeChat collection that could not be created), and
 * toErrorEnvelope turns either into an Envelope.
 * An envelope never carries a stack trace or an internal message: unexpected errors are logged
 * on the server and answered with INTERNAL.
 */
import { type CloudError, DEV_OPENID_HEADER, OPENID_RULE } from './api';

export const ERROR_MESSAGES = {
  /** The request or one of its fields is wrong; `fields` names which. */
  INVALID_INPUT: '输入有误',
  /** The function name is not one of FUNCTION_NAMES. */
  UNKNOWN_FUNCTION: '未知的功能',
  /** The request is larger than MAX_REQUEST_BYTES. */
  PAYLOAD_TOO_LARGE: '请求内容过大',
  /** Local cloud only: a cloud function is called with POST. */
  METHOD_NOT_ALLOWED: '请求方式不正确',
  /** The caller has no identity (no OPENID), where the function needs one. */
  UNAUTHENTICATED: '请在微信中打开后再试',
  /** The caller may not touch this record. */
  FORBIDDEN: '没有权限执行此操作',
  /** A record with this id already exists. */
  DUPLICATE_ID: '记录已存在',
  /**
   * The record changed since the page read it (its `revision` moved on: another admin saved first);
   * nothing was written. The message says which record (CONFLICT_MESSAGES).
   */
  CONFLICT: '这条记录已被其他管理员修改，请刷新后再改',
  /**
   * Local cloud only: a collection's datafile is damaged, so that collection is not loaded (the
   * others still work); the message names the collection (StoreDamagedError).
   */
  STORE_DAMAGED: '数据文件已损坏，相关功能暂不可用',
  /** Anything unexpected. */
  INTERNAL: '服务暂时不可用，请稍后再试',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** Specific messages used in several places. */
export const MESSAGES = {
  notJson: '请求不是有效的 JSON',
  notObject: '请求内容应为对象',
  notSerializable: '请求内容无法解析',
  tooLarge: '请求内容过大（超过 64 KB）',
  badDevOpenid: `开发身份 ${DEV_OPENID_HEADER} 无效：应为 ${OPENID_RULE}`,
} as const;

/** What CONFLICT says, per kind of record an admin edits (issue 25, item 2). */
export const CONFLICT_MESSAGES = {
  deadline: '这条截止时间已被其他管理员修改，请刷新后再改',
  listStatus: '清单状态已被其他管理员修改，请刷新后再改',
  admin: '这位管理员的记录已被其他管理员修改，请刷新后再改',
} as const;

/** HTTP status of each code, for the local cloud (WeChat's callFunction has no status). */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNKNOWN_FUNCTION: 404,
  PAYLOAD_TOO_LARGE: 413,
  METHOD_NOT_ALLOWED: 405,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  DUPLICATE_ID: 409,
  CONFLICT: 409,
  STORE_DAMAGED: 503,
  INTERNAL: 500,
};

export type Failure = { ok: false; error: CloudError };

/** An error envelope; the message defaults to the code's own. */
export function failure(
  code: ErrorCode,
  message: string = ERROR_MESSAGES[code],
  fields?: CloudError['fields'],
): Failure {
  const error: CloudError = { code, message };
  if (fields && fields.length > 0) error.fields = fields.map((f) => ({ field: f.field, message: f.message }));
  return { ok: false, error };
}

/**
 * A failure a handler may throw instead of returning, e.g. deep inside a helper. Its code and
 * message reach the user; it has no other payload.
 */
export class CloudFailure extends Error {
  readonly code: ErrorCode;
  readonly fields?: CloudError['fields'];
  constructor(code: ErrorCode, message: string = ERROR_MESSAGES[code], fields?: CloudError['fields']) {
    super(message);
    this.name = 'CloudFailure';
    this.code = code;
    this.fields = fields;
  }
}

/** Thrown by a document store when `add` is given an `_id` that exists. */
export class DuplicateIdError extends CloudFailure {
  readonly collection: string;
  readonly id: string;
  constructor(collection: string, id: string) {
    super('DUPLICATE_ID');
    this.name = 'DuplicateIdError';
    this.collection = collection;
    this.id = id;
  }
}

/**
 * Thrown by the local cloud's store for every operation on a collection whose datafile has lines
 * that do not parse (1-based `lines`, as counted in the file). The message names the collection
 * and the lines; the file's path is only in the server log.
 */
export class StoreDamagedError extends CloudFailure {
  readonly collection: string;
  readonly file: string;
  readonly lines: readonly number[];
  constructor(collection: string, file: string, lines: readonly number[]) {
    const shown = lines.slice(0, 5).join('、');
    const where = lines.length === 0 ? '' : `（第 ${shown} 行${lines.length > 5 ? ` 等 ${lines.length} 行` : ''}无法读取）`;
    super(
      'STORE_DAMAGED',
      `数据集合「${collection}」的数据文件已损坏${where}，该集合暂不可用，其他功能不受影响。请按 README「If a data file is damaged」修复后重试。`,
    );
    this.name = 'StoreDamagedError';
    this.collection = collection;
    this.file = file;
    this.lines = lines;
  }
}

/**
 * Thrown by the WeChat store when a collection is still missing after it tried to create it
 * (createCollection refused: the environment's collection limit, permissions, the network).
 * Answered as INTERNAL with a message that names the collection; WeChat's own error is in the
 * function's log (shared/cloud/wx-db.ts).
 */
export class CollectionUnavailableError extends CloudFailure {
  readonly collections: readonly string[];
  constructor(collections: readonly string[]) {
    super(
      'INTERNAL',
      `数据集合「${collections.join('」「')}」尚未建立，自动建立也未成功，这次的内容没有保存。请稍后再试；如仍不成功，请管理员在云开发控制台建立该集合（README「Collections」）。`,
    );
    this.name = 'CollectionUnavailableError';
    this.collections = collections;
  }
}

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, code);
}

/**
 * Any thrown value → an error envelope. A CloudFailure keeps its code and message; anything else
 * becomes INTERNAL with the generic Chinese message, and is passed to `onUnexpected` (for the
 * server log) — its message and stack never reach the envelope.
 */
export function toErrorEnvelope(err: unknown, onUnexpected?: (err: unknown) => void): Failure {
  if (err instanceof CloudFailure && isErrorCode(err.code)) {
    return failure(err.code, err.message, err.fields);
  }
  onUnexpected?.(err);
  return failure('INTERNAL');
}
