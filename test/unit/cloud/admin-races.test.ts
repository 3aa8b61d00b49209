/**
 * Issue 25, items 2 and 3, on both back ends: admins editing the same record at once never lose a
 * change silently (an edit names the revision it read; a stale one is refused with CONFLICT), and a
 * change and its audit entry are one write — a crash between them leaves both or neither.
 *
 * The probe: two admins editing one deadline at once (one the issuer, the other the closing date)
 * both got 200 and one change was lost, 50 of 50 rounds; a kill during a 500-row import left a
 * deadline with no `deadline.import` entry, and the re-import called it unchanged and never audited it.
 */
import type { DeadlinesRequest, DeadlinesResponse, Envelope, ListStatusRequest, ListStatusResponse } from '../../../shared/cloud/api';
import type { AnyDoc, DocumentStore, StoredDoc } from '../../../shared/cloud/context';
import { CONFLICT_MESSAGES } from '../../../shared/cloud/errors';
import { runHandler } from '../../../shared/cloud/handler';
import { deadlines } from '../../../shared/cloud/handlers/deadlines';
import { listStatus } from '../../../shared/cloud/handlers/listStatus';
import { COLLECTIONS, repos, type AuditDoc } from '../../../shared/cloud/repos';
import { BACKENDS, useStoreWithAdmins } from './backends';
import { fakeContext } from './fakes';
import { CrashError } from './remind-fixtures';

const NOW = new Date('2022-06-23T01:00:00.000Z');
const GOOD = { measureId: 'm01', batchTitle: '2022 年度自治区级企业技术中心认定', opensOn: '2022-06-01', closesOn: '2022-06-30', issuer: '自治区工业和信息化厅', sourceUrl: 'https://gxt.nmg.gov.cn/n/1' };
const IN_FORCE = { state: 'inForce', notice: '', sourceUrl: 'https://gxt.nmg.gov.cn/zfxxgk/', checkedOn: '2022-06-20' } as const;
const ROUNDS = 20;

/**
 * The store as a process that dies when it writes its `at`-th audit entry (inside a transaction or
 * not): the write throws CrashError, as the remind engine's crash hooks do.
 */
function dyingAtAudit(db: DocumentStore, at: number): DocumentStore {
  let n = 0;
  const wrap = <C extends object>(col: C): C =>
    new Proxy(col, {
      get(target, prop) {
        const value = Reflect.get(target, prop) as unknown;
        if (prop === 'add') {
          return async (doc: unknown) => {
            n += 1;
            if (n === at) throw new CrashError();
            return (value as (d: unknown) => Promise<unknown>).call(target, doc);
          };
        }
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  return {
    collection: <T extends StoredDoc = AnyDoc>(name: string) => (name === COLLECTIONS.auditLog ? wrap(db.collection<T>(name)) : db.collection<T>(name)),
    transaction: (fn) =>
      db.transaction((tx) => fn({ collection: <T extends StoredDoc = AnyDoc>(name: string) => (name === COLLECTIONS.auditLog ? wrap(tx.collection<T>(name)) : tx.collection<T>(name)) })),
  };
}

describe.each(BACKENDS)('%s', (_name, make) => {
  let db: DocumentStore;
  useStoreWithAdmins(make, NOW, (store) => (db = store), ['o-admin', 'o-admin2']);

  const call = (openid: string, request: DeadlinesRequest, store = db) =>
    runHandler('deadlines', deadlines, request, fakeContext({ openid, db: store, now: () => NOW })) as Promise<Envelope<DeadlinesResponse>>;
  const setStatus = (request: ListStatusRequest) => runHandler('listStatus', listStatus, request, fakeContext({ openid: 'o-admin', db, now: () => NOW })) as Promise<Envelope<ListStatusResponse>>;
  const create = async (deadline = GOOD) => {
    const env = await call('o-admin', { action: 'create', deadline });
    if (!env.ok || env.data.action !== 'create') throw new Error(env.ok ? env.data.action : env.error.message);
    return env.data.deadline;
  };
  const read = async (id: string) => {
    const env = await call('o-admin', { action: 'reach', id });
    if (!env.ok || env.data.action !== 'reach') throw new Error(env.ok ? env.data.action : env.error.message);
    return env.data.deadline;
  };
  const auditOf = async (target: string) => (await db.collection<AuditDoc>(COLLECTIONS.auditLog).find({ where: { target }, limit: 100 })).map((e) => e.action);
  const code = (env: Envelope<unknown>) => (env.ok ? 'ok' : env.error.code);

  it(`two admins edit the same deadline at once (one the issuer, one the closing date), ${ROUNDS} rounds: each round keeps both changes or refuses exactly one with CONFLICT, never drops one silently`, async () => {
    const { id } = await create();
    const lost: string[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      const seen = await read(id);
      const input = { measureId: seen.measureId, batchTitle: seen.batchTitle, opensOn: seen.opensOn, closesOn: seen.closesOn, issuer: seen.issuer, sourceUrl: seen.sourceUrl };
      const issuer = `发文单位第 ${round} 次`;
      const closesOn = `2022-07-${String(10 + round).padStart(2, '0')}`;
      const [a, c] = await Promise.all([
        call('o-admin', { action: 'update', id, revision: seen.revision ?? 0, deadline: { ...input, issuer } }),
        call('o-admin2', { action: 'update', id, revision: seen.revision ?? 0, deadline: { ...input, closesOn } }),
      ]);
      const after = await read(id);
      const kept = { issuer: after.issuer === issuer, closesOn: after.closesOn === closesOn };
      const refused = [a, c].filter((e) => !e.ok && e.error.code === 'CONFLICT' && e.error.message === CONFLICT_MESSAGES.deadline).length;
      const fine =
        (kept.issuer && kept.closesOn && a.ok && c.ok) ||
        (refused === 1 && ((a.ok && kept.issuer && !kept.closesOn) || (c.ok && kept.closesOn && !kept.issuer)));
      if (!fine) lost.push(`round ${round}: answers ${code(a)}/${code(c)}, issuer kept ${kept.issuer}, closing date kept ${kept.closesOn}`);
    }
    expect(lost).toEqual([]);
  });

  it('a delete naming a revision the deadline no longer has is refused with CONFLICT, and the deadline stays', async () => {
    const seen = await create();
    const moved = await call('o-admin2', { action: 'update', id: seen.id, revision: seen.revision ?? 0, deadline: { ...GOOD, closesOn: '2022-07-15' } });
    expect(code(moved)).toBe('ok');
    const env = await call('o-admin', { action: 'delete', id: seen.id, revision: seen.revision ?? 0 });
    expect(env.ok ? env.data : env.error).toEqual({ code: 'CONFLICT', message: CONFLICT_MESSAGES.deadline });
    expect((await read(seen.id)).closesOn).toBe('2022-07-15');
    expect(await auditOf(seen.id)).not.toContain('deadline.delete');
  });

  it('setting the list status with the revision read before another admin set it is refused with CONFLICT, and the other setting stays', async () => {
    const first = await setStatus({ action: 'get' });
    const read0 = first.ok && first.data.status.revision !== undefined ? first.data.status.revision : 0;
    expect(code(await setStatus({ action: 'set', status: IN_FORCE, revision: read0 }))).toBe('ok');
    const env = await setStatus({ action: 'set', status: { ...IN_FORCE, state: 'repealed', notice: '已废止' }, revision: read0 });
    expect(env.ok ? env.data : env.error).toEqual({ code: 'CONFLICT', message: CONFLICT_MESSAGES.listStatus });
    const now = await setStatus({ action: 'get' });
    expect(now.ok && now.data.status.state).toBe('inForce');
  });

  it('removing an admin with a revision its record no longer has is refused with CONFLICT, and the admin stays', async () => {
    expect(code(await call('o-admin', { action: 'addAdmin', openid: 'o-third', note: '新同事' }))).toBe('ok');
    const list = await call('o-admin', { action: 'admins' });
    const listed = list.ok && list.data.action === 'admins' ? list.data.admins.find((a) => a.openid === 'o-third') : undefined;
    expect(listed?.revision).toBe(1);
    const env = await call('o-admin2', { action: 'removeAdmin', openid: 'o-third', revision: 0 });
    expect(env.ok ? env.data : env.error).toEqual({ code: 'CONFLICT', message: CONFLICT_MESSAGES.admin });
    expect(await repos(db).admins.isAdmin('o-third')).toBe(true);
  });

  it.each([
    ['update', (id: string, revision: number): DeadlinesRequest => ({ action: 'update', id, revision, deadline: { ...GOOD, issuer: '改过的发文单位' } })],
    ['delete', (id: string, revision: number): DeadlinesRequest => ({ action: 'delete', id, revision })],
  ] as const)('a crash between a deadline %s and its audit entry leaves neither: the deadline as it was, no entry', async (_action, request) => {
    const seen = await create();
    const env = await call('o-admin', request(seen.id, seen.revision ?? 0), dyingAtAudit(db, 1));
    expect(code(env)).toBe('INTERNAL');
    const now = await read(seen.id);
    expect([now.issuer, now.revision ?? 0]).toEqual([GOOD.issuer, seen.revision ?? 0]);
    expect(await auditOf(seen.id)).toEqual(['deadline.create']);
  });

  it('a crash during an import (at the third row\'s audit entry): every stored deadline has its entry, and the re-import audits the rest', async () => {
    const rows = [1, 2, 3, 4, 5].map((n) => ({ ...GOOD, batchTitle: `第 ${n} 批` }));
    const text = JSON.stringify(rows);
    const env = await call('o-admin', { action: 'import', format: 'json', text }, dyingAtAudit(db, 3));
    expect(code(env)).toBe('INTERNAL');
    const stored = await db.collection(COLLECTIONS.deadlines).find({ limit: 100 });
    const unaudited: string[] = [];
    for (const d of stored) if (!(await auditOf(d._id)).includes('deadline.import')) unaudited.push(d._id);
    expect([stored.length, unaudited]).toEqual([2, []]);
    const again = await call('o-admin', { action: 'import', format: 'json', text });
    expect(again.ok && again.data.action === 'import' && [again.data.created, again.data.unchanged]).toEqual([3, 2]);
    for (const d of await db.collection(COLLECTIONS.deadlines).find({ limit: 100 })) expect(await auditOf(d._id)).toEqual(['deadline.import']);
  });
});

describe('NeDB (local cloud): a process killed mid-transaction', () => {
  it.each([
    ['update', (id: string): DeadlinesRequest => ({ action: 'update', id, revision: 1, deadline: { ...GOOD, issuer: '改过的发文单位' } })],
    ['delete', (id: string): DeadlinesRequest => ({ action: 'delete', id, revision: 1 })],
  ] as const)('a deadline %s whose process dies before its audit entry is written is undone at the next start: neither is there', async (_action, request) => {
    const make = BACKENDS[0][1];
    const first = make();
    const dir = (first.store as unknown as { dataDir: string }).dataDir;
    await repos(first.store).admins.add({ _id: 'o-admin', addedAt: NOW.toISOString(), addedBy: 'bootstrap' });
    const created = await runHandler('deadlines', deadlines, { action: 'create', deadline: GOOD }, fakeContext({ openid: 'o-admin', db: first.store, now: () => NOW }));
    const id = created.ok && created.data.action === 'create' ? created.data.deadline.id : '';
    // The process stops for good as it is about to write the audit entry (the deadline is written).
    let reached: () => void = () => undefined;
    const atAudit = new Promise<void>((resolve) => (reached = resolve));
    const dying: DocumentStore = {
      collection: (name) => first.store.collection(name),
      transaction: (fn) =>
        first.store.transaction((tx) =>
          fn({
            collection: <T extends StoredDoc = AnyDoc>(name: string) => {
              const col = tx.collection<T>(name);
              if (name !== COLLECTIONS.auditLog) return col;
              return { ...col, add: () => (reached(), new Promise<never>(() => undefined)) };
            },
          }),
        ),
    };
    void runHandler('deadlines', deadlines, request(id), fakeContext({ openid: 'o-admin', db: dying, now: () => NOW }));
    await atAudit;
    const { NedbStore } = await import('../../../server/store');
    const restarted = new NedbStore(dir, { log: { info() {}, warn() {}, error() {} } });
    try {
      const now = await restarted.collection<{ _id: string; issuer: string }>(COLLECTIONS.deadlines).get(id);
      const entries = await restarted.collection<AuditDoc>(COLLECTIONS.auditLog).find({ where: { target: id }, limit: 10 });
      expect([now?.issuer, entries.map((e) => e.action)]).toEqual([GOOD.issuer, ['deadline.create']]);
    } finally {
      await restarted.close();
    }
  });
});
