/**
 * The DocumentStore of context.ts over the WeChat cloud database (wxDocumentStore over
 * wx-server-sdk's `cloud.database()`). Typed structurally against the few calls it makes
 * (WxDatabase, WxTransaction, WxCommand), so tests can pass a fake. isDuplicateKeyError reads
 * WeChat's E11000 answer to an `_id` already taken; isMissingCollectionError and
 * isCollectionExistsError read its answers about collections, and WxStoreOptions says who creates
 * a missing one.
 *
 * Collections are made on first use (issue 26, item 2): a fresh environment has none, and WeChat
 * fails every call on a missing collection (-502005) instead of making it. The store creates a
 * collection lazily — when a write is answered "missing", it calls createCollection and writes again
 * once (a transaction runs again once, after every collection it wrote to is made). Why lazily and
 * not at each cold start with a list per function: once the collections exist (every call after
 * the first few) the lazy way costs nothing, where the eager way costs one createCollection round
 * trip per collection on every cold start, fails "exists" each time, and would open the database
 * for `calculate`, which never uses it. It is safe when two instances start at once: both see
 * "missing", both call createCollection, WeChat makes it once and answers the other "exists",
 * which counts as success; only the caller whose createCollection succeeded writes the audit
 * entry, so each collection is created and audited once. A read of a missing collection answers
 * as an empty one does (nothing to find, update or remove) and creates nothing.
 */
import {
  type AnyDoc,
  checkCollectionName,
  checkExpect,
  checkFindQuery,
  checkId,
  cleanPatch,
  type Collection,
  type DocumentStore,
  type FindQuery,
  type Logger,
  type NewDoc,
  rangeEntries,
  type StoredDoc,
  type Transaction,
  type TxCollection,
  type WhereValue,
} from './context';
import { CollectionUnavailableError, DuplicateIdError } from './errors';
import { auditId } from './repos/audited';
import { type AuditDoc, COLLECTIONS } from './repos/docs';

interface WxQuery {
  where(cond: Record<string, unknown>): WxQuery;
  orderBy(field: string, direction: 'asc' | 'desc'): WxQuery;
  skip(n: number): WxQuery;
  limit(n: number): WxQuery;
  get(): Promise<{ data: unknown[] }>;
  /** Multi-document update of what `where` matched (each document atomically). */
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>;
}
interface WxDocRef {
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}
interface WxCollection extends WxQuery {
  doc(id: string): WxDocRef;
  add(options: { data: Record<string, unknown> }): Promise<{ _id: string | number }>;
}
/** A query command (`db.command.gt(1)`); several on one field are joined with `.and`. */
export interface WxCommand {
  and(other: WxCommand): WxCommand;
}
interface WxTxDocRef {
  get(): Promise<{ data: unknown }>;
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}
/** Inside `runTransaction` WeChat allows single-document calls only (no where/orderBy/limit). */
interface WxTxCollection {
  doc(id: string): WxTxDocRef;
  add(options: { data: Record<string, unknown> }): Promise<{ _id: string | number }>;
}
export interface WxTransaction {
  collection(name: string): WxTxCollection;
}
export interface WxDatabase {
  collection(name: string): WxCollection;
  command: {
    set(value: unknown): unknown;
    gt(value: unknown): WxCommand;
    gte(value: unknown): WxCommand;
    lt(value: unknown): WxCommand;
    lte(value: unknown): WxCommand;
  };
  runTransaction<R>(fn: (transaction: WxTransaction) => Promise<R>): Promise<R>;
  /** Fails when the collection exists (isCollectionExistsError). */
  createCollection(name: string): Promise<unknown>;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * `doc(id).get()` fails for a missing document (in and out of transactions); its message says the
 * document does not exist. Matched on text, like the duplicate key.
 */
export function isMissingDocError(err: unknown): boolean {
  const text = err instanceof Error ? err.message : typeof err === 'object' && err ? JSON.stringify(err) : String(err);
  return /does not exist|not exist|cannot find document|不存在/i.test(text);
}

/** Everything an SDK error says: its message, errMsg, code and errCode (a raw answer has no message). */
function errorText(err: unknown): string {
  if (err === null || typeof err !== 'object') return String(err);
  const e = err as { message?: unknown; errMsg?: unknown; code?: unknown; errCode?: unknown };
  return [e.message, e.errMsg, e.code, e.errCode].filter((x) => x !== undefined).map(String).join(' | ');
}

/**
 * A call on a collection that does not exist. wx-server-sdk 4.0.2 (its TCB_ERR_CODE) names it
 * DATABASE_COLLECTION_NOT_EXIST, errCode -502005, 'database collection not exists'; the server adds
 * "[ResourceNotFound] Db or Table not exist" (as reported in github.com/Voyzz/Fruit-store-mp/issues/8
 * and github.com/Hppppppf/miniprogram-STITP/issues/2). Inside runTransaction the raw answer
 * `{ code: 'DATABASE_COLLECTION_NOT_EXIST', message }` may arrive unwrapped (@cloudbase/database's
 * transaction throws `res` as is).
 */
export function isMissingCollectionError(err: unknown): boolean {
  if ((err as { errCode?: unknown } | null)?.errCode === -502005) return true;
  return /-502005|DATABASE_COLLECTION_NOT_EXIST|collection not exist|Db or Table not exist/i.test(errorText(err));
}

/**
 * createCollection of a collection that exists ("如果集合已经存在会创建失败", WeChat's
 * Database.createCollection). The server's code is not in wx-server-sdk's map, so the SDK answers
 * SYS_ERR -501001 'resource system error' with the server's text ("Table exist" /
 * DATABASE_COLLECTION_ALREADY_EXIST); -501001 alone is any system error, so the words decide.
 */
export function isCollectionExistsError(err: unknown): boolean {
  const text = errorText(err);
  if (isMissingCollectionError(err)) return false;
  return /already exist|ALREADY_EXIST|Table exist|ResourceExist|集合已存在/i.test(text);
}

/** WeChat merges a nested object into the stored one; `command.set` makes the update replace it. */
function toWxData(db: WxDatabase, clean: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(clean)) data[k] = isPlainObject(v) ? db.command.set(v) : v;
  return data;
}

/** WeChat reports a duplicate _id with MongoDB's E11000 text inside its error message. */
export function isDuplicateKeyError(err: unknown): boolean {
  const text = err instanceof Error ? err.message : typeof err === 'object' && err ? JSON.stringify(err) : String(err);
  return /E11000|duplicate key/i.test(text);
}

/** A read of a missing collection answers as an empty collection does. */
async function orIfMissing<R>(op: Promise<R>, empty: R): Promise<R> {
  try {
    return await op;
  } catch (err) {
    if (isMissingCollectionError(err)) return empty;
    throw err;
  }
}

/** Makes missing collections: `write` runs `op`, and when the collection is missing creates it and runs `op` again. */
interface Maker {
  write<R>(name: string, op: () => Promise<R>): Promise<R>;
  /** Creates each collection (sequentially); the names whose creation failed. */
  ensure(names: Iterable<string>): Promise<string[]>;
}

class WxCollectionAdapter<T extends StoredDoc> implements Collection<T> {
  constructor(
    private readonly db: () => WxDatabase,
    private readonly name: string,
    private readonly maker: Maker,
  ) {}

  private ref(): WxCollection {
    return this.db().collection(this.name);
  }

  async get(id: string): Promise<T | null> {
    checkId(id);
    // where+limit instead of doc(id).get(): the latter throws when the document does not exist.
    const res = await orIfMissing(this.ref().where({ _id: id }).limit(1).get(), { data: [] });
    return (res.data[0] as T | undefined) ?? null;
  }

  async add(doc: NewDoc<T>): Promise<{ _id: string }> {
    const data = { ...(doc as Record<string, unknown>) };
    if (data._id === undefined) delete data._id;
    else checkId(data._id as string);
    return this.maker.write(this.name, async () => {
      try {
        const res = await this.ref().add({ data });
        return { _id: String(res._id) };
      } catch (err) {
        if (data._id !== undefined && isDuplicateKeyError(err)) throw new DuplicateIdError(this.name, data._id as string);
        throw err;
      }
    });
  }

  async update(id: string, patch: Partial<Omit<T, '_id'>>): Promise<{ updated: number }> {
    checkId(id);
    const clean = cleanPatch(patch as Record<string, unknown>);
    if (Object.keys(clean).length === 0) return { updated: 0 };
    // Nested objects are wrapped in command.set so the field is replaced, as in NeDB's $set (the
    // contract is a shallow replacement of top-level fields).
    const res = await orIfMissing(this.ref().doc(id).update({ data: toWxData(this.db(), clean) }), { stats: { updated: 0 } });
    return { updated: res.stats.updated };
  }

  async updateIf(id: string, expect: Record<string, WhereValue>, patch: Partial<Omit<T, '_id'>>): Promise<{ updated: number }> {
    checkId(id);
    checkExpect(expect);
    const clean = cleanPatch(patch as Record<string, unknown>);
    if (Object.keys(clean).length === 0) return { updated: 0 };
    // where(_id + expected fields).update: WeChat updates each matching document atomically, so
    // this is a compare-and-set on one document.
    const res = await orIfMissing(this.ref().where({ ...expect, _id: id }).update({ data: toWxData(this.db(), clean) }), { stats: { updated: 0 } });
    return { updated: res.stats.updated };
  }

  async remove(id: string): Promise<{ removed: number }> {
    checkId(id);
    const res = await orIfMissing(this.ref().doc(id).remove(), { stats: { removed: 0 } });
    return { removed: res.stats.removed };
  }

  async find(query: FindQuery): Promise<T[]> {
    checkFindQuery(query);
    let q: WxQuery = this.ref();
    const cond: Record<string, unknown> = { ...query.where };
    const cmd = this.db().command;
    for (const [field, range] of Object.entries(query.range ?? {})) {
      let c: WxCommand | undefined;
      for (const [op, value] of rangeEntries(range)) {
        const next = cmd[op](value);
        c = c ? c.and(next) : next;
      }
      cond[field] = c;
    }
    if (Object.keys(cond).length > 0) q = q.where(cond);
    for (const o of query.orderBy ?? []) q = q.orderBy(o.field, o.direction);
    if (query.skip) q = q.skip(query.skip);
    const res = await orIfMissing(q.limit(query.limit).get(), { data: [] });
    return res.data as T[];
  }
}

class WxTxAdapter implements Transaction {
  /** The last `_id` added, to name a duplicate reported only at commit. */
  lastAdd: { collection: string; id: string } | null = null;
  constructor(
    private readonly db: WxDatabase,
    private readonly tx: WxTransaction,
    /** The collections this transaction writes to, in order: made when one of them is missing. */
    private readonly written: Set<string>,
  ) {}

  collection<T extends StoredDoc = AnyDoc>(name: string): TxCollection<T> {
    checkCollectionName(name);
    const ref = () => this.tx.collection(name);
    const db = this.db;
    const noteAdd = (id: string) => {
      this.lastAdd = { collection: name, id };
    };
    const writes = () => this.written.add(name);
    return {
      async get(id) {
        checkId(id);
        try {
          const res = await ref().doc(id).get();
          return (res.data as T | undefined) ?? null;
        } catch (err) {
          // A missing collection holds no document either.
          if (isMissingCollectionError(err) || isMissingDocError(err)) return null;
          throw err;
        }
      },
      async add(doc) {
        const data = { ...(doc as Record<string, unknown>) };
        checkId(data._id as string);
        noteAdd(data._id as string);
        writes();
        try {
          const res = await ref().add({ data });
          return { _id: String(res._id) };
        } catch (err) {
          if (isDuplicateKeyError(err)) throw new DuplicateIdError(name, data._id as string);
          throw err;
        }
      },
      async update(id, patch) {
        checkId(id);
        const clean = cleanPatch(patch as Record<string, unknown>);
        if (Object.keys(clean).length === 0) return { updated: 0 };
        writes();
        const res = await ref().doc(id).update({ data: toWxData(db, clean) });
        return { updated: res.stats.updated };
      },
      async remove(id) {
        checkId(id);
        writes();
        const res = await ref().doc(id).remove();
        return { removed: res.stats.removed };
      },
    };
  }
}

/** Who creates a missing collection (for its audit entry), the clock, and where failures are logged. */
export interface WxStoreOptions {
  /** The audit entry's actor, 'function:<name>'. */
  actor?: string;
  now?: () => Date;
  log?: Logger;
}

/** `database` is called on first use (after `cloud.init`). */
export function wxDocumentStore(database: () => WxDatabase, options: WxStoreOptions = {}): DocumentStore {
  let db: WxDatabase | undefined;
  const get = () => (db ??= database());
  const now = options.now ?? (() => new Date());
  const actor = options.actor ?? 'function';
  /** Creations under way in this instance, so its concurrent calls share one createCollection. */
  const creating = new Map<string, Promise<boolean>>();
  /** Collections this instance made or found made: a transaction's second run does not ask again. */
  const known = new Set<string>();

  /** The audit entry of a collection this caller created; a failure is logged, the write goes on. */
  async function audit(name: string): Promise<void> {
    const at = now().toISOString();
    const entry: AuditDoc = { _id: auditId(at), at, actor, action: 'collection.create', target: name, summary: `首次使用时建立数据集合「${name}」` };
    const add = () => get().collection(COLLECTIONS.auditLog).add({ data: { ...entry } });
    try {
      // The audit log's own entry goes into the log just made (no second round of making).
      await (name === COLLECTIONS.auditLog ? add() : maker.write(COLLECTIONS.auditLog, add));
    } catch (err) {
      options.log?.error('wx-db: the audit entry of a created collection was not written', { collection: name, error: errorText(err) });
    }
  }

  /** createCollection; true when the collection exists now (made here, or "exists": made by another caller). */
  async function create(name: string): Promise<boolean> {
    try {
      await get().createCollection(name);
    } catch (err) {
      if (isCollectionExistsError(err)) {
        known.add(name);
        return true;
      }
      options.log?.error('wx-db: createCollection failed', { collection: name, error: errorText(err) });
      return false;
    }
    known.add(name);
    await audit(name);
    return true;
  }

  function ensureOne(name: string): Promise<boolean> {
    let p = creating.get(name);
    if (!p) {
      p = create(name).finally(() => creating.delete(name));
      creating.set(name, p);
    }
    return p;
  }

  const maker: Maker = {
    async write(name, op) {
      try {
        return await op();
      } catch (err) {
        if (!isMissingCollectionError(err)) throw err;
      }
      // Written again even when createCollection failed in words not known here: if the
      // collection is there after all, the write succeeds; if not, the answer names it.
      await ensureOne(name);
      try {
        return await op();
      } catch (err) {
        if (isMissingCollectionError(err)) throw new CollectionUnavailableError([name]);
        throw err;
      }
    },
    async ensure(names) {
      const failed: string[] = [];
      for (const name of names) if (!(await ensureOne(name))) failed.push(name);
      return failed;
    },
  };

  async function runOnce<R>(fn: (tx: Transaction) => Promise<R>, written: Set<string>): Promise<R> {
    const wx = get();
    let adapter: WxTxAdapter | undefined;
    try {
      return await wx.runTransaction((t) => {
        adapter = new WxTxAdapter(wx, t, written);
        return fn(adapter);
      });
    } catch (err) {
      // A duplicate `_id` may surface only when WeChat commits: same error as from `add`.
      if (!(err instanceof DuplicateIdError) && isDuplicateKeyError(err) && adapter?.lastAdd) {
        throw new DuplicateIdError(adapter.lastAdd.collection, adapter.lastAdd.id);
      }
      throw err;
    }
  }

  return {
    collection<T extends StoredDoc = AnyDoc>(name: string): Collection<T> {
      checkCollectionName(name);
      return new WxCollectionAdapter<T>(get, name, maker);
    },
    async transaction<R>(fn: (tx: Transaction) => Promise<R>): Promise<R> {
      const written = new Set<string>();
      try {
        return await runOnce(fn, written);
      } catch (err) {
        // WeChat cannot make a collection inside a transaction (and does not say which one is
        // missing): every collection it wrote to is made, then it runs once more.
        if (!isMissingCollectionError(err) || written.size === 0) throw err;
      }
      const names = [...written];
      const failed = await maker.ensure(names.filter((name) => !known.has(name)));
      try {
        return await runOnce(fn, written);
      } catch (err) {
        if (!isMissingCollectionError(err)) throw err;
        // Gone again (removed in the console?): the next call asks WeChat afresh.
        for (const name of names) known.delete(name);
        throw new CollectionUnavailableError(failed.length > 0 ? failed : names);
      }
    },
  };
}
