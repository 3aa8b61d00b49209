/**
 * The local cloud's database: the DocumentStore of shared/cloud/context.ts over NeDB, one
 * append-only datafile per collection (`<dataDir>/<collection>.db`), loaded on first use (or by
 * openAll at start-up) and kept across restarts. Dev-only: it stands in for the WeChat cloud
 * database.
 *
 * A damaged datafile (lines that do not parse). NeDB appends each write as whole lines, so a crash
 * mid-append can only leave the LAST line incomplete: that line is dropped on load (its text is
 * appended to `<collection>.db.dropped` first, and logged) — it loses only the write that was cut
 * off. Any other damaged line is refused: the collection is not loaded, the file is left as it is,
 * the damage is logged once by collection, file and line with the way out, and every operation on
 * that collection throws StoreDamagedError (STORE_DAMAGED) while the other collections work. The
 * next operation reads the file again, so a fixed or moved-aside file needs no restart.
 * NeDB's own tolerance (`corruptAlertThreshold`, default 10%) is NOT used: it silently drops bad
 * lines anywhere in a large file and then rewrites the file without them, and it refuses a small
 * file over one torn line. It is set to 0, after this module's own check.
 *
 * Exports: DatafileScan, scanDatafile, JOURNAL_FILE, NedbStoreOptions, NedbStore.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { appendFile, open as openFile, readFile, rename, unlink, writeFile } from 'node:fs/promises';
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
  type Logger,
  type NewDoc,
  rangeEntries,
  type StoredDoc,
  type Transaction,
  type TxCollection,
  type WhereValue,
} from '../shared/cloud/context';
import { DuplicateIdError, StoreDamagedError } from '../shared/cloud/errors';

type Ds = Datastore<Record<string, unknown>>;

/**
 * NeDB reads its datafile with a line splitter that also breaks at these (besides \n and \r\n),
 * but JSON.stringify leaves U+0085, U+2028 and U+2029 raw inside strings: a text holding one
 * would make its document unreadable after a restart. They are written escaped (same JSON value).
 */
const NEDB_LINE_BREAKS = /[\v\f\r\u0085\u2028\u2029]/;
const RAW_IN_JSON = /[\u0085\u2028\u2029]/g;
const escapeLineBreaks = (json: string): string =>
  json.replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** A datafile's lines as NeDB loads them: a line is damaged if it is not JSON (or is `null`). */
export interface DatafileScan {
  /** 1-based numbers (as an editor counts lines) of the damaged lines, a torn last line excepted. */
  damaged: number[];
  /** The last line, when it alone is damaged: a write cut off mid-append. */
  torn: { line: number; text: string } | null;
  /** The content to load instead (torn line dropped, line breaks escaped), or null: load as is. */
  repaired: string | null;
}

export function scanDatafile(text: string): DatafileScan {
  const lines = text.split('\n');
  const kept: string[] = [];
  let damaged: number[] = [];
  let rewritten = false;
  let last = 0;
  lines.forEach((line, i) => {
    const body = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (body === '') return;
    last = i + 1;
    let value: unknown = null;
    try {
      value = JSON.parse(body);
    } catch {
      // damaged
    }
    if (value === null) {
      damaged.push(i + 1);
    } else if (NEDB_LINE_BREAKS.test(body)) {
      kept.push(escapeLineBreaks(JSON.stringify(value)));
      rewritten = true;
    } else {
      kept.push(body);
    }
  });
  let torn: DatafileScan['torn'] = null;
  if (damaged.length === 1 && damaged[0] === last) {
    torn = { line: last, text: lines[last - 1] };
    damaged = [];
  }
  const repaired = damaged.length === 0 && (torn || rewritten) ? kept.map((l) => `${l}\n`).join('') : null;
  return { damaged, torn, repaired };
}

const consoleLogger: Logger = {
  info: (m) => console.log(`[store] ${m}`),
  warn: (m) => console.warn(`[store] ${m}`),
  error: (m) => console.error(`[store] ${m}`),
};

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

/**
 * The journal of the transaction under way (issue 25, item 3): before each of its writes, the
 * document as it was (or null: absent) is appended and synced. A transaction that ends — committed
 * or undone — deletes it; one found at start-up belongs to a process killed mid-transaction, and its
 * writes are undone from it, so a change and its audit entry are both kept or neither.
 */
export const JOURNAL_FILE = 'transaction.journal';

interface JournalLine {
  c: string;
  id: string;
  before: StoredDoc | null;
}

/** A transaction over NeDB: writes apply at once and are undone in reverse order if `fn` throws (or, after a kill, at the next start). */
class NedbTransaction implements Transaction {
  readonly undo: (() => Promise<unknown>)[] = [];
  /** The journal, opened at the transaction's first write. */
  private file: Awaited<ReturnType<typeof openFile>> | null = null;
  constructor(private readonly store: NedbStore) {}

  /** Records the document's state before this transaction writes it (synced before the write). */
  private async journal(c: string, id: string, before: StoredDoc | null): Promise<void> {
    this.file ??= await openFile(this.store.journalFile(), 'w');
    await this.file.appendFile(`${JSON.stringify({ c, id, before } satisfies JournalLine)}\n`);
    await this.file.datasync();
  }

  /** The transaction is over (committed, or undone): its journal goes. */
  async end(): Promise<void> {
    if (!this.file) return;
    await this.file.close();
    this.file = null;
    await unlink(this.store.journalFile()).catch(() => undefined);
  }

  collection<T extends StoredDoc = AnyDoc>(name: string): TxCollection<T> {
    const col = this.store.rawCollection<T>(name);
    const undo = this.undo;
    const journal = (id: string, before: T | null) => this.journal(name, id, before);
    return {
      get: (id) => col.get(id),
      async add(doc) {
        if (doc._id !== undefined) await journal(doc._id, await col.get(doc._id));
        const res = await col.addUnlocked(doc);
        undo.push(() => col.removeUnlocked(res._id));
        return res;
      },
      async update(id, patch) {
        const before = await col.get(id);
        if (before) await journal(id, before);
        const res = await col.updateUnlocked(id, patch);
        if (before && res.updated > 0) undo.push(() => col.replaceUnlocked(before));
        return res;
      },
      async remove(id) {
        const before = await col.get(id);
        if (before) await journal(id, before);
        const res = await col.removeUnlocked(id);
        if (before && res.removed > 0) undo.push(() => col.addUnlocked(before as NewDoc<T>));
        return res;
      },
    };
  }
}

export interface NedbStoreOptions {
  /** Where damaged datafiles are reported. Default: the console. */
  log?: Logger;
}

export class NedbStore implements DocumentStore {
  private readonly stores = new Map<string, Promise<Ds>>();
  /** Damaged collections already reported → their damaged lines (to log each damage once). */
  private readonly damaged = new Map<string, string>();
  private closed = false;
  private readonly lock = new WriteLock();
  private readonly log: Logger;

  constructor(
    readonly dataDir: string,
    options: NedbStoreOptions = {},
  ) {
    mkdirSync(dataDir, { recursive: true });
    this.log = options.log ?? consoleLogger;
  }

  /** Path of a collection's datafile. */
  fileOf(name: string): string {
    checkCollectionName(name);
    return path.join(this.dataDir, `${name}.db`);
  }

  private open(name: string): Promise<Ds> {
    if (this.closed) return Promise.reject(new Error('store is closed'));
    return this.recover().then(() => this.openLoaded(name));
  }

  private openLoaded(name: string): Promise<Ds> {
    if (this.closed) return Promise.reject(new Error('store is closed'));
    let p = this.stores.get(name);
    if (!p) {
      const loading = this.load(name);
      p = loading;
      this.stores.set(name, loading);
      // A failed load is reported to the caller of this operation, and retried by the next one.
      loading.catch(() => {
        if (this.stores.get(name) === loading) this.stores.delete(name);
      });
    }
    return p;
  }

  /**
   * Checks the datafile (see the top of this file), then loads it. Not NeDB's `autoload`: its
   * failure is rethrown inside NeDB where nothing catches it, an unhandled rejection that ends
   * the process.
   */
  private async load(name: string): Promise<Ds> {
    const file = this.fileOf(name);
    // As NeDB does: a compaction cut off after writing `file~` and before renaming it.
    if (!existsSync(file) && existsSync(`${file}~`)) await rename(`${file}~`, file);
    let text: string | null = null;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw this.loadFailed(name, file, err);
    }
    if (text !== null) {
      const scan = scanDatafile(text);
      if (scan.damaged.length > 0) throw this.reportDamage(name, file, scan.damaged);
      if (scan.torn) {
        await appendFile(`${file}.dropped`, `${scan.torn.text}\n`);
        this.log.warn(
          `collection "${name}": dropped a half-written last line (line ${scan.torn.line} of ${file}, ${scan.torn.text.length} characters — ` +
            `a write cut off mid-append; only that write is lost). Its text is kept in ${file}.dropped; the other lines are loaded.`,
        );
      }
      if (scan.repaired !== null) {
        await writeFile(`${file}~`, scan.repaired, 'utf8');
        await rename(`${file}~`, file);
      }
    }
    const ds: Ds = new Datastore({
      filename: file,
      corruptAlertThreshold: 0,
      afterSerialization: escapeLineBreaks,
      beforeDeserialization: (line) => line,
    });
    try {
      await ds.loadDatabaseAsync();
    } catch (err) {
      // Only if the file changed since it was checked: no line number to give.
      if (typeof (err as { corruptItems?: unknown }).corruptItems === 'number') throw this.reportDamage(name, file, []);
      throw this.loadFailed(name, file, err);
    }
    if (this.damaged.delete(name)) this.log.info(`collection "${name}" loads again (${file})`);
    return ds;
  }

  private reportDamage(name: string, file: string, lines: number[]): StoreDamagedError {
    const key = lines.join(',');
    if (this.damaged.get(name) !== key) {
      this.damaged.set(name, key);
      const where = lines.length === 0 ? 'some lines' : `${lines.length === 1 ? 'line' : 'lines'} ${lines.slice(0, 20).join(', ')}${lines.length > 20 ? ` (${lines.length} in all)` : ''}`;
      this.log.error(
        `collection "${name}" is damaged and not loaded: ${where} of ${file} do${lines.length === 1 ? 'es' : ''} not parse. ` +
          `The file is left as it is; calls that need "${name}" answer STORE_DAMAGED, the other collections keep serving. ` +
          `To recover, move the file aside (mv ${file} ${file}.damaged — "${name}" then starts empty; copy back the good lines if you need them) ` +
          `or delete the damaged line(s) from it; the next call reads it again, no restart needed.`,
      );
    }
    return new StoreDamagedError(name, file, lines);
  }

  private loadFailed(name: string, file: string, err: unknown): Error {
    return Object.assign(new Error(`collection "${name}" could not be loaded from ${file}: ${err instanceof Error ? err.message : String(err)}`), { cause: err });
  }

  /**
   * Loads every collection that has a datafile (start-up), so a damaged one is reported now
   * rather than at its first call. Never throws for a damaged one: returns their names.
   */
  async openAll(): Promise<{ loaded: string[]; damaged: string[] }> {
    const names = new Set<string>();
    for (const entry of readdirSync(this.dataDir)) {
      const m = /^(.+)\.db~?$/.exec(entry);
      if (!m) continue;
      try {
        this.fileOf(m[1]);
        names.add(m[1]);
      } catch {
        // not a collection's datafile
      }
    }
    const loaded: string[] = [];
    const damaged: string[] = [];
    for (const name of [...names].sort()) {
      try {
        await this.open(name);
        loaded.push(name);
      } catch (err) {
        if (!(err instanceof StoreDamagedError)) throw err;
        damaged.push(name);
      }
    }
    return { loaded, damaged };
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
      await this.recover();
      const tx = new NedbTransaction(this);
      let result: R;
      try {
        result = await fn(tx);
      } catch (err) {
        for (const undo of tx.undo.reverse()) await undo();
        await tx.end();
        throw err;
      }
      await tx.end();
      return result;
    });
  }

  /** @internal where the transaction journal is. */
  journalFile(): string {
    return path.join(this.dataDir, JOURNAL_FILE);
  }

  private recovering: Promise<void> | null = null;

  /**
   * Once per store, before anything is read: undoes the writes of a transaction a killed process
   * left half done (its journal, newest write first), then deletes the journal. A torn last line
   * is a write that never happened (the journal is written first).
   */
  private recover(): Promise<void> {
    this.recovering ??= (async () => {
      let text: string;
      try {
        text = await readFile(this.journalFile(), 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw err;
      }
      const lines: JournalLine[] = [];
      for (const line of text.split('\n')) {
        try {
          if (line.trim() !== '') lines.push(JSON.parse(line) as JournalLine);
        } catch {
          // the torn last line
        }
      }
      for (const { c, id, before } of lines.reverse()) {
        const ds = await this.openLoaded(c);
        if (before === null) await ds.removeAsync({ _id: id }, {});
        else await ds.updateAsync({ _id: id }, { ...before, _id: id }, { upsert: true });
      }
      this.log.warn(`undid ${lines.length} write(s) of a transaction cut off by a stop (${this.journalFile()}): its changes and their audit entries are both absent.`);
      await unlink(this.journalFile());
    })();
    return this.recovering;
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
