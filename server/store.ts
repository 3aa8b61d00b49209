/**
 * The local cloud's database: the DocumentStore of shared/cloud/context.ts over NeDB, one
 * append-only datafile per collection (`<dataDir>/<collection>.db`), loaded on first use and kept
 * across restarts. Dev-only: it stands in for the WeChat cloud database.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Datastore from '@seald-io/nedb';
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
} from '../shared/cloud/context';
import { DuplicateIdError } from '../shared/cloud/errors';

type Ds = Datastore<Record<string, unknown>>;

/**
 * One writer at a time: a transaction holds this lock for its whole run and every write outside a
 * transaction takes it briefly, so a transaction's read-then-write is not interleaved with other
 * writes (NeDB has no transactions; the local cloud is one process).
 */
class WriteLock {
  private tail: Promise<unknown> = Promise.resolve();
  run<R>(fn: () => Promise<R>): Promise<R> {
    const result = this.tail.then(fn, fn);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

const OP_NAMES: Record<string, string> = { gt: '$gt', gte: '$gte', lt: '$lt', lte: '$lte' };

class NedbCollection<T extends StoredDoc> implements Collection<T> {
  constructor(
    private readonly name: string,
    private readonly open: () => Promise<Ds>,
    private readonly lock: WriteLock,
  ) {}

  async get(id: string): Promise<T | null> {
    checkId(id);
    const ds = await this.open();
    const doc = await ds.findOneAsync({ _id: id });
    return (doc as unknown as T | null) ?? null;
  }

  add(doc: NewDoc<T>): Promise<{ _id: string }> {
    return this.lock.run(() => this.addUnlocked(doc));
  }

  update(id: string, patch: Partial<Omit<T, '_id'>>): Promise<{ updated: number }> {
    return this.lock.run(() => this.updateUnlocked(id, patch));
  }

  remove(id: string): Promise<{ removed: number }> {
    return this.lock.run(() => this.removeUnlocked(id));
  }

  async updateIf(id: string, expect: Record<string, WhereValue>, patch: Partial<Omit<T, '_id'>>): Promise<{ updated: number }> {
    checkId(id);
    checkExpect(expect);
    const clean = cleanPatch(patch as Record<string, unknown>);
    if (Object.keys(clean).length === 0) return { updated: 0 };
    return this.lock.run(async () => {
      const ds = await this.open();
      const res = await ds.updateAsync({ ...expect, _id: id }, { $set: clean }, {});
      return { updated: res.numAffected };
    });
  }

  async addUnlocked(doc: NewDoc<T>): Promise<{ _id: string }> {
    const data = { ...(doc as Record<string, unknown>) };
    if (data._id === undefined) delete data._id;
    else checkId(data._id as string);
    const ds = await this.open();
    try {
      const inserted = await ds.insertAsync(data);
      return { _id: inserted._id };
    } catch (err) {
      if ((err as { errorType?: string }).errorType === 'uniqueViolated') {
        throw new DuplicateIdError(this.name, data._id as string);
      }
      throw err;
    }
  }

  async updateUnlocked(id: string, patch: Partial<Omit<T, '_id'>>): Promise<{ updated: number }> {
    checkId(id);
    const clean = cleanPatch(patch as Record<string, unknown>);
    if (Object.keys(clean).length === 0) return { updated: 0 };
    const ds = await this.open();
    const res = await ds.updateAsync({ _id: id }, { $set: clean }, {});
    return { updated: res.numAffected };
  }

  async removeUnlocked(id: string): Promise<{ removed: number }> {
    checkId(id);
    const ds = await this.open();
    return { removed: await ds.removeAsync({ _id: id }, {}) };
  }

  /** Puts back a whole document (transaction undo). */
  async replaceUnlocked(doc: T): Promise<void> {
    const ds = await this.open();
    await ds.updateAsync({ _id: doc._id }, { ...(doc as Record<string, unknown>) }, {});
  }

  async find(query: FindQuery): Promise<T[]> {
    checkFindQuery(query);
    const ds = await this.open();
    const filter: Record<string, unknown> = { ...query.where };
    for (const [field, cond] of Object.entries(query.range ?? {})) {
      const ops: Record<string, unknown> = {};
      for (const [op, value] of rangeEntries(cond)) ops[OP_NAMES[op]] = value;
      filter[field] = ops;
    }
    let cursor = ds.findAsync(filter);
    if (query.orderBy && query.orderBy.length > 0) {
      const sort: Record<string, 1 | -1> = {};
      for (const o of query.orderBy) sort[o.field] = o.direction === 'asc' ? 1 : -1;
      cursor = cursor.sort(sort);
    }
    if (query.skip) cursor = cursor.skip(query.skip);
    const docs = await cursor.limit(query.limit);
    return docs as unknown as T[];
  }
}

/** A transaction over NeDB: writes apply at once and are undone in reverse order if `fn` throws. */
class NedbTransaction implements Transaction {
  readonly undo: (() => Promise<unknown>)[] = [];
  constructor(private readonly store: NedbStore) {}

  collection<T extends StoredDoc = AnyDoc>(name: string): TxCollection<T> {
    const col = this.store.rawCollection<T>(name);
    const undo = this.undo;
    return {
      get: (id) => col.get(id),
      async add(doc) {
        const res = await col.addUnlocked(doc);
        undo.push(() => col.removeUnlocked(res._id));
        return res;
      },
      async update(id, patch) {
        const before = await col.get(id);
        const res = await col.updateUnlocked(id, patch);
        if (before && res.updated > 0) undo.push(() => col.replaceUnlocked(before));
        return res;
      },
      async remove(id) {
        const before = await col.get(id);
        const res = await col.removeUnlocked(id);
        if (before && res.removed > 0) undo.push(() => col.addUnlocked(before as NewDoc<T>));
        return res;
      },
    };
  }
}

export class NedbStore implements DocumentStore {
  private readonly stores = new Map<string, Promise<Ds>>();
  private closed = false;
  private readonly lock = new WriteLock();

  constructor(readonly dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
  }

  /** Path of a collection's datafile. */
  fileOf(name: string): string {
    checkCollectionName(name);
    return path.join(this.dataDir, `${name}.db`);
  }

  private open(name: string): Promise<Ds> {
    if (this.closed) return Promise.reject(new Error('store is closed'));
    let p = this.stores.get(name);
    if (!p) {
      const ds: Ds = new Datastore({ filename: this.fileOf(name), autoload: true });
      p = (ds.autoloadPromise ?? ds.loadDatabaseAsync()).then(() => ds);
      this.stores.set(name, p);
      // A failed load is reported to the caller of this operation, and retried by the next one.
      p.catch(() => this.stores.delete(name));
    }
    return p;
  }

  collection<T extends StoredDoc = AnyDoc>(name: string): Collection<T> {
    return this.rawCollection<T>(name);
  }

  /** @internal the collection with its unlocked operations (for transactions). */
  rawCollection<T extends StoredDoc = AnyDoc>(name: string): NedbCollection<T> {
    checkCollectionName(name);
    return new NedbCollection<T>(name, () => this.open(name), this.lock);
  }

  transaction<R>(fn: (tx: Transaction) => Promise<R>): Promise<R> {
    return this.lock.run(async () => {
      const tx = new NedbTransaction(this);
      try {
        return await fn(tx);
      } catch (err) {
        for (const undo of tx.undo.reverse()) await undo();
        throw err;
      }
    });
  }

  /** Waits for pending writes and compacts each datafile; the store refuses work afterwards. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const all = [...this.stores.values()];
    this.stores.clear();
    await Promise.all(
      all.map(async (p) => {
        const ds = await p.catch(() => null);
        if (ds) await ds.compactDatafileAsync();
      }),
    );
  }
}
