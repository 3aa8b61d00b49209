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
  checkFindQuery,
  checkId,
  cleanPatch,
  type Collection,
  type DocumentStore,
  type FindQuery,
  type NewDoc,
  type StoredDoc,
} from '../shared/cloud/context';
import { DuplicateIdError } from '../shared/cloud/errors';

type Ds = Datastore<Record<string, unknown>>;

class NedbCollection<T extends StoredDoc> implements Collection<T> {
  constructor(
    private readonly name: string,
    private readonly open: () => Promise<Ds>,
  ) {}

  async get(id: string): Promise<T | null> {
    checkId(id);
    const ds = await this.open();
    const doc = await ds.findOneAsync({ _id: id });
    return (doc as unknown as T | null) ?? null;
  }

  async add(doc: NewDoc<T>): Promise<{ _id: string }> {
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

  async update(id: string, patch: Partial<Omit<T, '_id'>>): Promise<{ updated: number }> {
    checkId(id);
    const clean = cleanPatch(patch as Record<string, unknown>);
    if (Object.keys(clean).length === 0) return { updated: 0 };
    const ds = await this.open();
    const res = await ds.updateAsync({ _id: id }, { $set: clean }, {});
    return { updated: res.numAffected };
  }

  async remove(id: string): Promise<{ removed: number }> {
    checkId(id);
    const ds = await this.open();
    return { removed: await ds.removeAsync({ _id: id }, {}) };
  }

  async find(query: FindQuery): Promise<T[]> {
    checkFindQuery(query);
    const ds = await this.open();
    let cursor = ds.findAsync({ ...query.where });
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

export class NedbStore implements DocumentStore {
  private readonly stores = new Map<string, Promise<Ds>>();
  private closed = false;

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
    checkCollectionName(name);
    return new NedbCollection<T>(name, () => this.open(name));
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
