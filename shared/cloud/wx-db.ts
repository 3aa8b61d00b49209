/**
 * The DocumentStore of context.ts over the WeChat cloud database (wxDocumentStore over
 * wx-server-sdk's `cloud.database()`). Typed structurally against the few calls it makes
 * (WxDatabase, WxTransaction, WxCommand), so tests can pass a fake. isDuplicateKeyError reads
 * WeChat's E11000 answer to an `_id` already taken.
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
  type NewDoc,
  rangeEntries,
  type StoredDoc,
  type Transaction,
  type TxCollection,
  type WhereValue,
} from './context';
import { DuplicateIdError } from './errors';

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

class WxCollectionAdapter<T extends StoredDoc> implements Collection<T> {
  constructor(
    private readonly db: () => WxDatabase,
    private readonly name: string,
  ) {}

  private ref(): WxCollection {
    return this.db().collection(this.name);
  }

  async get(id: string): Promise<T | null> {
    checkId(id);
    // where+limit instead of doc(id).get(): the latter throws when the document does not exist.
    const res = await this.ref().where({ _id: id }).limit(1).get();
    return (res.data[0] as T | undefined) ?? null;
  }

  async add(doc: NewDoc<T>): Promise<{ _id: string }> {
    const data = { ...(doc as Record<string, unknown>) };
    if (data._id === undefined) delete data._id;
    else checkId(data._id as string);
    try {
      const res = await this.ref().add({ data });
      return { _id: String(res._id) };
    } catch (err) {
      if (data._id !== undefined && isDuplicateKeyError(err)) throw new DuplicateIdError(this.name, data._id as string);
      throw err;
    }
  }

  async update(id: string, patch: Partial<Omit<T, '_id'>>): Promise<{ updated: number }> {
    checkId(id);
    const clean = cleanPatch(patch as Record<string, unknown>);
    if (Object.keys(clean).length === 0) return { updated: 0 };
    // Nested objects are wrapped in command.set so the field is replaced, as in NeDB's $set (the
    // contract is a shallow replacement of top-level fields).
    const res = await this.ref().doc(id).update({ data: toWxData(this.db(), clean) });
    return { updated: res.stats.updated };
  }

  async updateIf(id: string, expect: Record<string, WhereValue>, patch: Partial<Omit<T, '_id'>>): Promise<{ updated: number }> {
    checkId(id);
    checkExpect(expect);
    const clean = cleanPatch(patch as Record<string, unknown>);
    if (Object.keys(clean).length === 0) return { updated: 0 };
    // where(_id + expected fields).update: WeChat updates each matching document atomically, so
    // this is a compare-and-set on one document.
    const res = await this.ref().where({ ...expect, _id: id }).update({ data: toWxData(this.db(), clean) });
    return { updated: res.stats.updated };
  }

  async remove(id: string): Promise<{ removed: number }> {
    checkId(id);
    const res = await this.ref().doc(id).remove();
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
    const res = await q.limit(query.limit).get();
    return res.data as T[];
  }
}

class WxTxAdapter implements Transaction {
  /** The last `_id` added, to name a duplicate reported only at commit. */
  lastAdd: { collection: string; id: string } | null = null;
  constructor(
    private readonly db: WxDatabase,
    private readonly tx: WxTransaction,
  ) {}

  collection<T extends StoredDoc = AnyDoc>(name: string): TxCollection<T> {
    checkCollectionName(name);
    const ref = () => this.tx.collection(name);
    const db = this.db;
    const noteAdd = (id: string) => {
      this.lastAdd = { collection: name, id };
    };
    return {
      async get(id) {
        checkId(id);
        try {
          const res = await ref().doc(id).get();
          return (res.data as T | undefined) ?? null;
        } catch (err) {
          if (isMissingDocError(err)) return null;
          throw err;
        }
      },
      async add(doc) {
        const data = { ...(doc as Record<string, unknown>) };
        checkId(data._id as string);
        noteAdd(data._id as string);
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
        const res = await ref().doc(id).update({ data: toWxData(db, clean) });
        return { updated: res.stats.updated };
      },
      async remove(id) {
        checkId(id);
        const res = await ref().doc(id).remove();
        return { removed: res.stats.removed };
      },
    };
  }
}

/** `database` is called on first use (after `cloud.init`). */
export function wxDocumentStore(database: () => WxDatabase): DocumentStore {
  let db: WxDatabase | undefined;
  const get = () => (db ??= database());
  return {
    collection<T extends StoredDoc = AnyDoc>(name: string): Collection<T> {
      checkCollectionName(name);
      return new WxCollectionAdapter<T>(get, name);
    },
    async transaction<R>(fn: (tx: Transaction) => Promise<R>): Promise<R> {
      const wx = get();
      let adapter: WxTxAdapter | undefined;
      try {
        return await wx.runTransaction((t) => {
          adapter = new WxTxAdapter(wx, t);
          return fn(adapter);
        });
      } catch (err) {
        // A duplicate `_id` may surface only when WeChat commits: same error as from `add`.
        if (!(err instanceof DuplicateIdError) && isDuplicateKeyError(err) && adapter?.lastAdd) {
          throw new DuplicateIdError(adapter.lastAdd.collection, adapter.lastAdd.id);
        }
        throw err;
      }
    },
  };
}
