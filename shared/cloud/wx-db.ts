/**
 * The DocumentStore of context.ts over the WeChat cloud database (wx-server-sdk's `cloud.database()`).
 * Typed structurally against the few calls it makes, so tests can pass a fake.
 */
import {
  type AnyDoc,
  checkCollectionName,
  checkFindQuery,
  checkId,
  cleanPatch,
  type Collection,
  type DocumentStore,
  type FindQuery,
  type NewDoc,
  type StoredDoc,
} from './context';
import { DuplicateIdError } from './errors';

interface WxQuery {
  where(cond: Record<string, unknown>): WxQuery;
  orderBy(field: string, direction: 'asc' | 'desc'): WxQuery;
  skip(n: number): WxQuery;
  limit(n: number): WxQuery;
  get(): Promise<{ data: unknown[] }>;
}
interface WxDocRef {
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}
interface WxCollection extends WxQuery {
  doc(id: string): WxDocRef;
  add(options: { data: Record<string, unknown> }): Promise<{ _id: string | number }>;
}
export interface WxDatabase {
  collection(name: string): WxCollection;
  command: { set(value: unknown): unknown };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
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
    // WeChat merges a nested object into the stored one; wrap it in command.set so the field is
    // replaced, as in NeDB's $set (the contract is a shallow replacement of top-level fields).
    const set = this.db().command;
    const data: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(clean)) data[k] = isPlainObject(v) ? set.set(v) : v;
    const res = await this.ref().doc(id).update({ data });
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
    if (query.where && Object.keys(query.where).length > 0) q = q.where({ ...query.where });
    for (const o of query.orderBy ?? []) q = q.orderBy(o.field, o.direction);
    if (query.skip) q = q.skip(query.skip);
    const res = await q.limit(query.limit).get();
    return res.data as T[];
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
  };
}
