/**
 * FakeWxDatabase: an in-memory stand-in for wx-server-sdk's `cloud.database()`, implementing exactly
 * the calls shared/cloud/wx-db.ts makes — and refusing what WeChat refuses or what this project forbids:
 *
 *  - a query's `get()` without `.limit()` (WeChat would silently cap at 100; we never load "all"),
 *    or a limit above 1000;
 *  - a duplicate `_id` on `add` (with WeChat's E11000 text), `doc(id).get()` of a missing document;
 *  - `where`/`orderBy`/`limit` inside `runTransaction` (WeChat allows single-document calls only);
 *  - where-values that are objects (only scalars and commands).
 *
 * With `collections: 'explicit'` it is a fresh WeChat environment: only collections made by
 * `createCollection` (or listed in `existing`, as made in the console) exist, every call on another
 * fails as WeChat fails it (errCode -502005, "Db or Table not exist"), and `createCollection` of one
 * that exists fails with -501001 "Table exist" — the texts wx-server-sdk 4.0.2 builds (its toSDKError:
 * `<api>:fail <errCode> <code text>. <server message>`). The default ('implicit') keeps the older
 * tests' world, where a collection springs up on its first write.
 *
 * Transactions are optimistic like WeChat's: reads and writes are staged, checked against the
 * documents' versions at commit, and the callback is run again (up to 3 times) on a conflict.
 * Every call is one "round trip" (`roundTrips`), and `latency` (if given) is awaited before each,
 * so the benchmark can simulate the network. Not used by any deployed function (it lives under
 * test/, where lint keeps production code from importing it). Exports FakeWxDatabase,
 * FakeWxDbOptions, missingCollectionError and collectionExistsError.
 */
import type { WxCommand, WxDatabase, WxTransaction } from '../../shared/cloud/wx-db';

type Doc = Record<string, unknown> & { _id: string };
interface Entry {
  doc: Doc;
  version: number;
}

const SET = Symbol('set');
type Op = 'gt' | 'gte' | 'lt' | 'lte';

class FakeCommand implements WxCommand {
  constructor(readonly conds: [Op, unknown][]) {}
  and(other: WxCommand): WxCommand {
    if (!(other instanceof FakeCommand)) throw new Error('fake wx db: and() takes a command');
    return new FakeCommand([...this.conds, ...other.conds]);
  }
}

interface SetValue {
  [SET]: true;
  value: unknown;
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function getPath(doc: Record<string, unknown>, path: string): unknown {
  let cur: unknown = doc;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  // MongoDB orders by type first; missing values sort first.
  const rank = (v: unknown) => (v === undefined || v === null ? 0 : typeof v === 'number' ? 1 : typeof v === 'string' ? 2 : 3);
  return rank(a) - rank(b);
}

function matches(doc: Doc, where: Record<string, unknown>): boolean {
  for (const [path, cond] of Object.entries(where)) {
    const value = getPath(doc, path);
    if (cond instanceof FakeCommand) {
      for (const [op, bound] of cond.conds) {
        if (typeof value !== typeof bound) return false;
        const c = compare(value, bound);
        if (op === 'gt' && !(c > 0)) return false;
        if (op === 'gte' && !(c >= 0)) return false;
        if (op === 'lt' && !(c < 0)) return false;
        if (op === 'lte' && !(c <= 0)) return false;
      }
    } else if (value !== cond) {
      return false;
    }
  }
  return true;
}

function checkWhere(where: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(where)) {
    if (v instanceof FakeCommand) continue;
    const t = typeof v;
    if (t !== 'string' && t !== 'number' && t !== 'boolean') throw new Error(`fake wx db: where.${k} must be a scalar or a command`);
  }
}

/** WeChat's update semantics: scalars/arrays replace, command.set replaces, plain objects merge. */
function applyUpdate(doc: Doc, data: Record<string, unknown>): Doc {
  const out = clone(doc);
  for (const [k, v] of Object.entries(data)) {
    if (k === '_id') throw new Error('fake wx db: _id cannot be updated');
    if (v && typeof v === 'object' && (v as SetValue)[SET]) out[k] = clone((v as SetValue).value);
    else if (v && typeof v === 'object' && !Array.isArray(v)) out[k] = { ...((out[k] as object) ?? {}), ...clone(v as object) };
    else out[k] = clone(v);
  }
  return out;
}

let generated = 0;

type SdkError = Error & { errCode: number; errMsg: string };

/** An error as wx-server-sdk 4.0.2 throws it (utils/error.ts, toSDKError): message, errCode, errMsg. */
function sdkError(apiName: string, errCode: number, codeText: string, serverMessage: string): SdkError {
  const err = new Error(`${apiName}:fail ${errCode} ${codeText}. ${serverMessage}`) as SdkError;
  err.errCode = errCode;
  err.errMsg = err.message;
  return err;
}

/**
 * WeChat's answer to a call on a collection that does not exist: -502005 (the SDK's
 * TCB_ERR_CODE.DATABASE_COLLECTION_NOT_EXIST, 'database collection not exists'); the server's text
 * as reported in github.com/Voyzz/Fruit-store-mp/issues/8 and Hppppppf/miniprogram-STITP/issues/2.
 */
export function missingCollectionError(apiName: string): SdkError {
  return sdkError(apiName, -502005, 'database collection not exists', '[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us.');
}

/**
 * createCollection of a collection that exists ("如果集合已经存在会创建失败", WeChat's
 * Database.createCollection page): the server's code is not in the SDK's map, so it becomes
 * SYS_ERR -501001 'resource system error' with the server's text.
 */
export function collectionExistsError(): SdkError {
  return sdkError('createCollection', -501001, 'resource system error', '[ResourceUnavailable.ResourceExist] Table exist.');
}

class FakeCollectionData {
  readonly entries = new Map<string, Entry>();
  /** Ids in ascending order (binary search on insert). */
  readonly ids: string[] = [];

  lowerBound(id: string): number {
    let lo = 0;
    let hi = this.ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ids[mid] < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  insert(doc: Doc, version: number): void {
    this.entries.set(doc._id, { doc, version });
    const i = this.lowerBound(doc._id);
    this.ids.splice(i, 0, doc._id);
  }
  delete(id: string): void {
    if (!this.entries.delete(id)) return;
    const i = this.lowerBound(id);
    if (this.ids[i] === id) this.ids.splice(i, 1);
  }
}

export interface FakeWxDbOptions {
  /** Awaited before every call (simulated network latency). */
  latency?: () => Promise<void>;
  /**
   * 'implicit' (default): a collection exists once written. 'explicit': as a fresh WeChat
   * environment — a collection exists only once `createCollection` made it (or it is in `existing`).
   */
  collections?: 'implicit' | 'explicit';
  /** With 'explicit': the collections that exist from the start (made by hand in the console). */
  existing?: readonly string[];
}

export class FakeWxDatabase implements WxDatabase {
  readonly data = new Map<string, FakeCollectionData>();
  /** Every SDK call, e.g. 'plans.where.limit.get', 'tx.sendLog.add', 'runTransaction'. */
  readonly calls: string[] = [];
  /** Calls that cost a round trip to the database. */
  roundTrips = 0;
  /** Keep a call log (off for the 100 000-message simulation). */
  recordCalls = true;
  private clock = 0;
  /** With collections 'explicit': the collections that exist. */
  readonly existing: Set<string>;
  /** Each collection createCollection made, in order (a failed call adds nothing). */
  readonly created: string[] = [];
  /** Set by a test: createCollection of this name fails with the returned error (undefined: works). */
  createCollectionFailure: ((name: string) => Error | undefined) | undefined;

  constructor(private readonly options: FakeWxDbOptions = {}) {
    this.existing = new Set(options.existing ?? []);
  }

  /** Database.createCollection: makes the collection; fails if it exists (wx-server-sdk's wording). */
  async createCollection(name: string): Promise<{ errMsg: string }> {
    await this.trip(`createCollection.${name}`);
    const failure = this.createCollectionFailure?.(name);
    if (failure) throw failure;
    const exists = this.options.collections === 'explicit' ? this.existing.has(name) : this.data.has(name);
    if (exists) throw collectionExistsError();
    this.existing.add(name);
    this.created.push(name);
    this.col(name);
    return { errMsg: 'createCollection:ok' };
  }

  /** With collections 'explicit', a call on a collection nobody created fails as WeChat's does. */
  private mustExist(name: string, apiName: string): void {
    if (this.options.collections === 'explicit' && !this.existing.has(name)) throw missingCollectionError(apiName);
  }

  readonly command = {
    set: (value: unknown): unknown => ({ [SET]: true, value }) as SetValue,
    gt: (v: unknown): WxCommand => new FakeCommand([['gt', v]]),
    gte: (v: unknown): WxCommand => new FakeCommand([['gte', v]]),
    lt: (v: unknown): WxCommand => new FakeCommand([['lt', v]]),
    lte: (v: unknown): WxCommand => new FakeCommand([['lte', v]]),
  };

  private col(name: string): FakeCollectionData {
    let c = this.data.get(name);
    if (!c) this.data.set(name, (c = new FakeCollectionData()));
    return c;
  }

  private async trip(call: string): Promise<void> {
    this.roundTrips += 1;
    if (this.recordCalls) this.calls.push(call);
    if (this.options.latency) await this.options.latency();
  }

  /** All documents of a collection (test inspection; not an SDK call). */
  dump(name: string): Doc[] {
    const c = this.data.get(name);
    return c ? c.ids.map((id) => clone(c.entries.get(id)!.doc)) : [];
  }

  collection(name: string) {
    return this.query(name, { where: undefined, orderBy: [], skip: 0, limit: undefined, trail: [] });
  }

  private query(
    name: string,
    s: { where?: Record<string, unknown>; orderBy: [string, 'asc' | 'desc'][]; skip: number; limit?: number; trail: string[] },
  ) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the SDK's builder objects call back into the store
    const self = this;
    const next = (patch: Partial<typeof s>, step: string) => self.query(name, { ...s, ...patch, trail: [...s.trail, step] });
    return {
      where(cond: Record<string, unknown>) {
        if (s.where) throw new Error('fake wx db: where() called twice');
        checkWhere(cond);
        return next({ where: { ...cond } }, 'where');
      },
      orderBy(field: string, direction: 'asc' | 'desc') {
        if (direction !== 'asc' && direction !== 'desc') throw new Error('fake wx db: bad orderBy direction');
        return next({ orderBy: [...s.orderBy, [field, direction]] }, 'orderBy');
      },
      skip(n: number) {
        return next({ skip: n }, 'skip');
      },
      limit(n: number) {
        if (!Number.isInteger(n) || n < 1 || n > 1000) throw new Error(`fake wx db: limit must be 1…1000, got ${n}`);
        return next({ limit: n }, 'limit');
      },
      async get() {
        if (s.limit === undefined) throw new Error('fake wx db: get() without limit() — WeChat would return at most 100 silently');
        await self.trip([name, ...s.trail, 'get'].join('.'));
        self.mustExist(name, 'collection.get');
        return { data: self.select(name, s.where ?? {}, s.orderBy, s.skip, s.limit).map((e) => clone(e.doc)) };
      },
      async update(options: { data: Record<string, unknown> }) {
        if (!s.where) throw new Error('fake wx db: a multi-document update needs where()');
        await self.trip([name, ...s.trail, 'update'].join('.'));
        self.mustExist(name, 'collection.update');
        const c = self.col(name);
        let updated = 0;
        // An _id equality (compare-and-set) touches one document: look it up instead of scanning.
        const candidates = typeof s.where._id === 'string' ? (c.entries.has(s.where._id) ? [s.where._id] : []) : [...c.ids];
        for (const id of candidates) {
          const e = c.entries.get(id)!;
          if (matches(e.doc, s.where)) {
            c.entries.set(id, { doc: applyUpdate(e.doc, options.data), version: e.version + 1 });
            updated += 1;
          }
        }
        return { stats: { updated } };
      },
      doc(id: string) {
        return {
          async get() {
            await self.trip(`${name}.doc.get`);
            self.mustExist(name, 'document.get');
            const e = self.col(name).entries.get(id);
            if (!e) throw new Error(`document.get:fail document with _id ${id} does not exist`);
            return { data: clone(e.doc) };
          },
          async update(options: { data: Record<string, unknown> }) {
            await self.trip(`${name}.doc.update`);
            self.mustExist(name, 'document.update');
            const c = self.col(name);
            const e = c.entries.get(id);
            if (!e) return { stats: { updated: 0 } };
            c.entries.set(id, { doc: applyUpdate(e.doc, options.data), version: e.version + 1 });
            return { stats: { updated: 1 } };
          },
          async remove() {
            await self.trip(`${name}.doc.remove`);
            self.mustExist(name, 'document.remove');
            const c = self.col(name);
            const had = c.entries.has(id);
            c.delete(id);
            return { stats: { removed: had ? 1 : 0 } };
          },
        };
      },
      async add(options: { data: Record<string, unknown> }) {
        await self.trip(`${name}.add`);
        self.mustExist(name, 'collection.add');
        return { _id: self.insert(name, options.data) };
      },
    };
  }

  private insert(name: string, data: Record<string, unknown>): string {
    const c = this.col(name);
    const id = data._id === undefined ? `auto${(++generated).toString(36).padStart(8, '0')}${Math.random().toString(36).slice(2, 8)}` : String(data._id);
    if (c.entries.has(id)) {
      throw new Error(`errCode: -502001 database request fail | errMsg: [FailedOperation] E11000 duplicate key error collection: ${name} index: _id_ dup key: { _id: "${id}" }`);
    }
    c.insert({ ...clone(data), _id: id }, ++this.clock);
    return id;
  }

  private select(name: string, where: Record<string, unknown>, orderBy: [string, 'asc' | 'desc'][], skip: number, limit: number): Entry[] {
    const c = this.col(name);
    if (typeof where._id === 'string') {
      const e = c.entries.get(where._id);
      return e && matches(e.doc, where) && skip === 0 ? [e] : [];
    }
    const byIdOnly = orderBy.length === 0 || (orderBy.length === 1 && orderBy[0][0] === '_id' && orderBy[0][1] === 'asc');
    if (byIdOnly) {
      // Fast path (keyset paging): walk ids in order from the lower bound of an _id range.
      const idCond = where._id instanceof FakeCommand ? where._id : undefined;
      let start = 0;
      if (idCond) {
        for (const [op, v] of idCond.conds) if ((op === 'gt' || op === 'gte') && typeof v === 'string') start = Math.max(start, c.lowerBound(v));
      }
      const out: Entry[] = [];
      let skipped = 0;
      for (let i = start; i < c.ids.length && out.length < limit; i++) {
        const e = c.entries.get(c.ids[i])!;
        if (!matches(e.doc, where)) continue;
        if (skipped < skip) {
          skipped += 1;
          continue;
        }
        out.push(e);
      }
      return out;
    }
    const all = c.ids.map((id) => c.entries.get(id)!).filter((e) => matches(e.doc, where));
    all.sort((a, b) => {
      for (const [field, dir] of orderBy) {
        const r = compare(getPath(a.doc, field), getPath(b.doc, field));
        if (r !== 0) return dir === 'asc' ? r : -r;
      }
      return 0;
    });
    return all.slice(skip, skip + limit);
  }

  async runTransaction<R>(fn: (transaction: WxTransaction) => Promise<R>): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      await this.trip('runTransaction');
      const staged = new Map<string, { name: string; id: string; doc: Doc | null; baseVersion: number | null }>();
      const reads = new Map<string, number | null>();
      const key = (name: string, id: string) => `${name}\u0000${id}`;
      const current = (name: string, id: string): { doc: Doc | null; version: number | null } => {
        const s = staged.get(key(name, id));
        if (s) return { doc: s.doc, version: s.baseVersion };
        const e = this.col(name).entries.get(id);
        return { doc: e ? e.doc : null, version: e ? e.version : null };
      };
      const stage = (name: string, id: string, doc: Doc | null) => {
        const k = key(name, id);
        const prior = staged.get(k);
        const e = this.col(name).entries.get(id);
        staged.set(k, { name, id, doc, baseVersion: prior ? prior.baseVersion : e ? e.version : null });
      };
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- see query()
      const self = this;
      const tx: WxTransaction = {
        collection(name: string) {
          return {
            doc(id: string) {
              return {
                async get() {
                  await self.trip(`tx.${name}.doc.get`);
                  self.mustExist(name, 'document.get');
                  const cur = current(name, id);
                  if (!staged.has(key(name, id))) reads.set(key(name, id), cur.version);
                  if (!cur.doc) throw new Error(`document.get:fail document with _id ${id} does not exist`);
                  return { data: clone(cur.doc) };
                },
                async update(options: { data: Record<string, unknown> }) {
                  await self.trip(`tx.${name}.doc.update`);
                  self.mustExist(name, 'document.update');
                  const cur = current(name, id);
                  if (!cur.doc) return { stats: { updated: 0 } };
                  stage(name, id, applyUpdate(cur.doc, options.data));
                  return { stats: { updated: 1 } };
                },
                async remove() {
                  await self.trip(`tx.${name}.doc.remove`);
                  self.mustExist(name, 'document.remove');
                  const cur = current(name, id);
                  if (!cur.doc) return { stats: { removed: 0 } };
                  stage(name, id, null);
                  return { stats: { removed: 1 } };
                },
              };
            },
            async add(options: { data: Record<string, unknown> }) {
              await self.trip(`tx.${name}.add`);
              self.mustExist(name, 'collection.add');
              if (options.data._id === undefined) throw new Error('fake wx db: give an _id to add inside a transaction');
              const id = String(options.data._id);
              if (current(name, id).doc) {
                throw new Error(`errCode: -502001 | errMsg: [FailedOperation] E11000 duplicate key error collection: ${name} dup key: { _id: "${id}" }`);
              }
              stage(name, id, { ...clone(options.data), _id: id });
              return { _id: id };
            },
          } as unknown as ReturnType<WxTransaction['collection']>;
        },
      };
      const result = await fn(tx); // a throw discards the staged writes
      await this.trip('commit');
      // Commit (synchronously from here, so atomic): every document read or written must be unchanged.
      let conflict = false;
      for (const [k, version] of reads) {
        const [name, id] = k.split('\u0000');
        const e = this.col(name).entries.get(id);
        if ((e ? e.version : null) !== version) conflict = true;
      }
      for (const s of staged.values()) {
        const e = this.col(s.name).entries.get(s.id);
        if ((e ? e.version : null) !== s.baseVersion) conflict = true;
      }
      if (conflict) {
        if (attempt >= 3) throw new Error('fake wx db: transaction conflict (gave up after 3 attempts)');
        continue;
      }
      for (const s of staged.values()) {
        const c = this.col(s.name);
        if (s.doc === null) c.delete(s.id);
        else if (c.entries.has(s.id)) c.entries.set(s.id, { doc: s.doc, version: ++this.clock });
        else c.insert(s.doc, ++this.clock);
      }
      return result;
    }
  }
}
