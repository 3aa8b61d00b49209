/**
 * What a handler receives besides its request (HandlerContext). The shells build it: the WeChat
 * cloud function from wx-server-sdk (cloudfunctions/<name>/index.ts), the local cloud from its HTTP
 * request and the embedded store (server/). A handler touches the outside world only through this
 * object, so tests hand it a fake.
 *
 * Its parts: the DocumentStore of collections (Collection, StoredDoc, NewDoc, AnyDoc, Patch, FindQuery,
 * WhereValue, Transaction and TxCollection), the FileStore, the MessageSender of reminders
 * (OutgoingMessage, SendResult), the 小程序码 door (WxacodeApi, WxacodeParams) and a Logger
 * (silentLogger for tests). Every store — WeChat's, NeDB's, the fakes — refuses the same things
 * through checkCollectionName, checkId, checkFindQuery, checkExpect, cleanPatch and rangeEntries,
 * so a query that works locally works in WeChat.
 */

export interface HandlerContext {
  /**
   * The caller's WeChat openid: in the cloud from `cloud.getWXContext().OPENID`, locally from the
   * `x-dev-openid` header. Never from the request. `null` when there is no user (timer runs).
   */
  openid: string | null;
  /** The clock, injectable for tests. */
  now: () => Date;
  db: DocumentStore;
  log: Logger;
  /** Sends subscribe messages (WeChat openapi in the cloud, the outbox locally). Only `remind` uses it. */
  sender?: MessageSender;
  /** Settings from the environment (cloud function environment variables / the local process). */
  env?: Readonly<Record<string, string | undefined>>;
  /** WeChat's wxacode.getUnlimited (cloud), a QR code of the H5 link (local). Throws { errCode, errMsg } on WeChat's refusals. Only `qrcode` uses it. */
  wxacode?: WxacodeApi;
  /** Cloud storage (wx-server-sdk's uploadFile, getTempFileURL, downloadFile, deleteFile) or a local folder. `qrcode` and `screen` use it. */
  files?: FileStore;
}

// ---------------------------------------------------------------------------------------------
// 小程序码 and files (the `qrcode` function)

/** What `wxacode.getUnlimited` takes (wx-server-sdk's camelCase names). */
export interface WxacodeParams {
  /** ≤ 32 characters of WeChat's scene alphabet (shared/policy/view/scene.ts). */
  scene: string;
  /** The page the code opens, without the leading '/' ('pages/policy/detail/index'). */
  page: string;
  /** Width in px (WeChat: 280–1280). */
  width: number;
  /** true: WeChat refuses (41030) a page the released version does not have. */
  checkPath: boolean;
  /** Which version of the mini-program the code opens. */
  envVersion: 'release' | 'trial' | 'develop';
}

export interface WxacodeApi {
  /**
   * The code's image. WeChat's refusals (45009 call limit, 41030 page not released, -1 busy, …) are
   * thrown as `{ errCode, errMsg }`; a failure without an errCode (network) is thrown as it came.
   */
  getUnlimited(params: WxacodeParams): Promise<{ buffer: Uint8Array; contentType: string }>;
}

export interface FileStore {
  /** Stores `content` at `cloudPath` (replacing what is there) and answers its file id. */
  put(cloudPath: string, content: Uint8Array, contentType: string): Promise<{ fileID: string }>;
  /** A URL the file can be fetched from now; null when the file is gone. */
  urlOf(fileID: string): Promise<string | null>;
  /** The file's bytes; null when the file is not there. */
  get(fileID: string): Promise<Uint8Array | null>;
  /** Deletes the files (one that is not there is no error). */
  remove(fileIDs: string[]): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Subscribe messages

/** A subscribe message as `subscribeMessage.send` takes it. */
export interface OutgoingMessage {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogramState: 'developer' | 'trial' | 'formal';
  lang?: 'zh_CN';
}

/**
 * The outcome of one send. `errCode` 0 = sent; WeChat's codes otherwise (43101 no credit / refused,
 * 40003 bad openid, 47003 bad template data, 40037 bad template id, 41030 bad page, …).
 * A network failure (no answer) is thrown instead.
 */
export interface SendResult {
  errCode: number;
  errMsg?: string;
}

export interface MessageSender {
  send(message: OutgoingMessage): Promise<SendResult>;
}

export interface Logger {
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

// ---------------------------------------------------------------------------------------------
// Document store: the subset of the WeChat cloud database both back ends implement the same way.

/** Every stored document has a string `_id`. */
export interface StoredDoc {
  _id: string;
}

/** An untyped document (the default type parameter). */
export type AnyDoc = StoredDoc & Record<string, unknown>;

/** A document to add: `_id` optional (generated when absent; a given one must be new). */
export type NewDoc<T extends StoredDoc> = Omit<T, '_id'> & { _id?: string };

/** A value a range condition may compare with. */
export type RangeValue = string | number;

/** Bounds on one field (all given bounds must hold). */
export interface RangeCondition {
  gt?: RangeValue;
  gte?: RangeValue;
  lt?: RangeValue;
  lte?: RangeValue;
}

/**
 * A value a `where` may compare by equality. Objects, arrays and null are left out on purpose:
 * WeChat and NeDB disagree on what they mean in a query.
 */
export type WhereValue = string | number | boolean;

export interface FindQuery {
  /** Field equality, all required. A key may be a dotted path into nested objects ('a.b'). */
  where?: Record<string, WhereValue>;
  /** Range conditions (keyset paging: `{ _id: { gt: lastId } }` with orderBy _id). Fields not in `where`. */
  range?: Record<string, RangeCondition>;
  /** Sort keys, applied in order. */
  orderBy?: { field: string; direction: 'asc' | 'desc' }[];
  /** How many documents at most: 1 … MAX_FIND_LIMIT (WeChat's server-side maximum). Required. */
  limit: number;
  /** How many matching documents to skip (paging), ≥ 0. */
  skip?: number;
}

/** WeChat answers at most 1000 documents per server-side query. */
export const MAX_FIND_LIMIT = 1000;

/** Shallow update: each given top-level field is replaced by the given value; `undefined` is ignored. */
export type Patch<T extends StoredDoc> = Partial<Omit<T, '_id'>>;

export interface Collection<T extends StoredDoc = AnyDoc> {
  /** The document with this id, or null. */
  get(id: string): Promise<T | null>;
  /** Adds a document. A given `_id` that exists already → throws DuplicateIdError (idempotent logs). */
  add(doc: NewDoc<T>): Promise<{ _id: string }>;
  /** Replaces the given top-level fields of one document. */
  update(id: string, patch: Patch<T>): Promise<{ updated: number }>;
  remove(id: string): Promise<{ removed: number }>;
  /** Matching documents, sorted, paged. */
  find(query: FindQuery): Promise<T[]>;
  /**
   * Compare-and-set: replaces the given fields of document `id` only if its fields equal `expect`
   * at that moment (one atomic single-document update). `updated` is 0 when it did not match.
   */
  updateIf(id: string, expect: Record<string, WhereValue>, patch: Patch<T>): Promise<{ updated: number }>;
}

/** Single-document operations inside a transaction (what WeChat allows there: no queries). */
export interface TxCollection<T extends StoredDoc = AnyDoc> {
  get(id: string): Promise<T | null>;
  /** A given `_id` that exists → DuplicateIdError, and the whole transaction is undone. */
  add(doc: NewDoc<T> & { _id: string }): Promise<{ _id: string }>;
  update(id: string, patch: Patch<T>): Promise<{ updated: number }>;
  remove(id: string): Promise<{ removed: number }>;
}

export interface Transaction {
  collection<T extends StoredDoc = AnyDoc>(name: string): TxCollection<T>;
}

export interface DocumentStore {
  /** A collection by name (1–64 of [A-Za-z0-9_-]); it exists once something is added. */
  collection<T extends StoredDoc = AnyDoc>(name: string): Collection<T>;
  /**
   * Runs `fn` as one transaction: all its writes happen, or (when it throws) none. `fn` may be run
   * more than once (WeChat retries on a conflict), so it must only read and write through `tx`.
   */
  transaction<R>(fn: (tx: Transaction) => Promise<R>): Promise<R>;
}

const NAME_RE = /^[A-Za-z0-9_-]{1,64}$/;
const FIELD_RE = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

/** Checks shared by the implementations, so a bad call fails the same way on both back ends. */
export function checkCollectionName(name: string): void {
  if (typeof name !== 'string' || !NAME_RE.test(name)) throw new Error(`invalid collection name: ${String(name)}`);
}

export function checkId(id: string): void {
  if (typeof id !== 'string' || id.length === 0 || id.length > 128) throw new Error('invalid document id');
}

export function checkFindQuery(q: FindQuery): void {
  if (!Number.isInteger(q.limit) || q.limit < 1 || q.limit > MAX_FIND_LIMIT) {
    throw new Error(`find: limit must be an integer 1…${MAX_FIND_LIMIT}`);
  }
  if (q.skip !== undefined && (!Number.isInteger(q.skip) || q.skip < 0)) throw new Error('find: skip must be ≥ 0');
  for (const [key, value] of Object.entries(q.where ?? {})) {
    if (!FIELD_RE.test(key)) throw new Error(`find: invalid field ${key}`);
    const t = typeof value;
    if (t !== 'string' && t !== 'number' && t !== 'boolean') throw new Error(`find: where.${key} must be a string, number or boolean`);
  }
  for (const [key, cond] of Object.entries(q.range ?? {})) {
    if (!FIELD_RE.test(key)) throw new Error(`find: invalid field ${key}`);
    if (q.where && Object.prototype.hasOwnProperty.call(q.where, key)) throw new Error(`find: ${key} is in both where and range`);
    checkRange(key, cond);
  }
  for (const o of q.orderBy ?? []) {
    if (!FIELD_RE.test(o.field) || (o.direction !== 'asc' && o.direction !== 'desc')) throw new Error('find: invalid orderBy');
  }
}

const RANGE_OPS = ['gt', 'gte', 'lt', 'lte'] as const;

function checkRange(key: string, cond: RangeCondition): void {
  if (cond === null || typeof cond !== 'object') throw new Error(`find: range.${key} must be an object`);
  const ops = Object.keys(cond);
  if (ops.length === 0) throw new Error(`find: range.${key} is empty`);
  let kind: string | undefined;
  for (const op of ops) {
    if (!(RANGE_OPS as readonly string[]).includes(op)) throw new Error(`find: range.${key}.${op} is not gt/gte/lt/lte`);
    const v = (cond as Record<string, unknown>)[op];
    const t = typeof v;
    if ((t !== 'string' && t !== 'number') || (t === 'number' && !Number.isFinite(v as number))) {
      throw new Error(`find: range.${key}.${op} must be a string or a finite number`);
    }
    if (kind && kind !== t) throw new Error(`find: range.${key} mixes strings and numbers`);
    kind = t;
  }
}

/** The range conditions present on a field, in a fixed order (for the adapters). */
export function rangeEntries(cond: RangeCondition): [(typeof RANGE_OPS)[number], RangeValue][] {
  const out: [(typeof RANGE_OPS)[number], RangeValue][] = [];
  for (const op of RANGE_OPS) if (cond[op] !== undefined) out.push([op, cond[op] as RangeValue]);
  return out;
}

export function checkExpect(expect: Record<string, WhereValue>): void {
  if (expect === null || typeof expect !== 'object') throw new Error('updateIf: expect must be an object');
  for (const [key, value] of Object.entries(expect)) {
    if (key === '_id' || !FIELD_RE.test(key)) throw new Error(`updateIf: invalid field ${key}`);
    const t = typeof value;
    if (t !== 'string' && t !== 'number' && t !== 'boolean') throw new Error(`updateIf: expect.${key} must be a string, number or boolean`);
  }
}

/** The patch without undefined values and without `_id`; throws on a field name a store rejects. */
export function cleanPatch(patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (key === '_id') throw new Error('update: _id cannot change');
    if (!/^[A-Za-z0-9_]+$/.test(key)) throw new Error(`update: invalid field ${key}`);
    out[key] = value;
  }
  return out;
}

/** A logger that writes nothing (tests). */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
