/**
 * The deadlines function on both back ends: anyone lists, only admins write (the server refuses,
 * whatever a page shows), every change audited, import all-or-nothing and idempotent.
 */
import type { DeadlinesRequest, DeadlinesResponse, Envelope } from '../../../shared/cloud/api';
import type { DocumentStore } from '../../../shared/cloud/context';
import { runHandler } from '../../../shared/cloud/handler';
import { deadlines } from '../../../shared/cloud/handlers/deadlines';
import { repos } from '../../../shared/cloud/repos';
import { BACKENDS, useStoreWithAdmins, type Backend } from './backends';
import { CJK, fakeContext } from './fakes';
import { DuplicateIdError } from '../../../shared/cloud/errors';

const NOW = new Date('2022-06-23T01:00:00.000Z');
const GOOD = { measureId: 'm01', batchTitle: '2022 年度自治区级企业技术中心认定', opensOn: '2022-06-01', closesOn: '2022-06-30', issuer: '自治区工业和信息化厅', sourceUrl: 'https://gxt.nmg.gov.cn/n/1' };

describe.each(BACKENDS)('%s', (_name, make) => {
  let db: DocumentStore;
  useStoreWithAdmins(make, NOW, (store) => (db = store));

  const call = (openid: string | null, request: DeadlinesRequest | Record<string, unknown>) =>
    runHandler('deadlines', deadlines, request, fakeContext({ openid, db, now: () => NOW })) as Promise<Envelope<DeadlinesResponse>>;
  const data = async (openid: string | null, request: DeadlinesRequest) => {
    const env = await call(openid, request);
    if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
    return env.data;
  };

  it('an admin creates, updates and deletes; each change is audited with who and when', async () => {
    const created = await data('o-admin', { action: 'create', deadline: GOOD });
    expect(created.action === 'create' && created.deadline).toMatchObject({ measureId: 'm01', measureLabel: '（一）', status: 'open', daysToClose: 7, sample: false });
    const id = created.action === 'create' ? created.deadline.id : '';
    const updated = await data('o-admin', { action: 'update', id, deadline: { ...GOOD, closesOn: '2022-07-10' } });
    expect(updated.action === 'update' && updated.deadline.closesOn).toBe('2022-07-10');
    expect(await data('o-admin', { action: 'delete', id })).toEqual({ action: 'delete', removed: true });
    expect(await data('o-admin', { action: 'delete', id })).toEqual({ action: 'delete', removed: false });
    const audit = await data('o-admin', { action: 'audit' });
    expect(audit.action === 'audit' && audit.entries.map((e) => [e.action, e.actor, e.at])).toEqual([
      ['deadline.delete', 'o-admin', NOW.toISOString()],
      ['deadline.update', 'o-admin', NOW.toISOString()],
      ['deadline.create', 'o-admin', NOW.toISOString()],
    ]);
    expect(audit.action === 'audit' && audit.entries[1]).toMatchObject({ before: { closesOn: '2022-06-30' }, after: { closesOn: '2022-07-10' } });
  });

  it('a non-admin cannot write (FORBIDDEN, in Chinese), and nothing changes', async () => {
    const created = await data('o-admin', { action: 'create', deadline: GOOD });
    const id = created.action === 'create' ? created.deadline.id : '';
    const attempts: DeadlinesRequest[] = [
      { action: 'create', deadline: { ...GOOD, batchTitle: '另一个' } },
      { action: 'update', id, deadline: { ...GOOD, closesOn: '2023-01-01' } },
      { action: 'delete', id },
      { action: 'import', format: 'json', text: JSON.stringify([{ ...GOOD, batchTitle: '导入' }]) },
      { action: 'audit' },
      { action: 'admins' },
      { action: 'addAdmin', openid: 'o-user' },
      { action: 'removeAdmin', openid: 'o-admin' },
    ];
    for (const request of attempts) {
      // An admin's openid in the payload changes nothing: identity comes from the context.
      const env = await call('o-user', { ...request, openid: 'o-admin', OPENID: 'o-admin', userInfo: { openId: 'o-admin' } } as never);
      expect([request.action, env.ok || env.error.code]).toEqual([request.action, 'FORBIDDEN']);
      if (!env.ok) expect(env.error.message).toMatch(CJK);
    }
    for (const request of attempts.slice(0, 4)) {
      const env = await call(null, request);
      expect(env.ok || env.error.code).toBe('UNAUTHENTICATED');
    }
    const list = await data('o-user', { action: 'list' });
    expect(list.action === 'list' && list.deadlines.map((d) => [d.batchTitle, d.closesOn])).toEqual([[GOOD.batchTitle, GOOD.closesOn]]);
    expect(await data('o-user', { action: 'me' })).toEqual({ action: 'me', isAdmin: false, openid: 'o-user', canClaim: false });
    expect(await data('o-admin', { action: 'me' })).toEqual({ action: 'me', isAdmin: true, openid: 'o-admin', canClaim: false });
  });

  it('anyone lists: not yet closed first (soonest first), by measure, paged; closed ones separately', async () => {
    const rows = [
      { ...GOOD, batchTitle: 'A', closesOn: '2022-07-30' },
      { ...GOOD, batchTitle: 'B', closesOn: '2022-06-25' },
      { ...GOOD, measureId: 'm02', batchTitle: 'C', closesOn: '2022-06-24' },
      { ...GOOD, batchTitle: 'D', opensOn: '2022-01-01', closesOn: '2022-03-01' },
      { ...GOOD, batchTitle: 'E', opensOn: '2022-08-01', closesOn: '2022-09-01' },
    ];
    await data('o-admin', { action: 'import', format: 'json', text: JSON.stringify(rows) });
    const all = await data(null, { action: 'list' });
    expect(all.action === 'list' && all.deadlines.map((d) => [d.batchTitle, d.status])).toEqual([['C', 'open'], ['B', 'open'], ['A', 'open'], ['E', 'upcoming']]);
    const m01 = await data('o-x', { action: 'list', measureId: 'm01', limit: 2 });
    expect(m01.action === 'list' && [m01.deadlines.map((d) => d.batchTitle), m01.nextCursor]).toEqual([['B', 'A'], '2']);
    const next = await data('o-x', { action: 'list', measureId: 'm01', limit: 2, cursor: '2' });
    expect(next.action === 'list' && [next.deadlines.map((d) => d.batchTitle), next.nextCursor]).toEqual([['E'], null]);
    const closed = await data('o-x', { action: 'list', scope: 'closed' });
    expect(closed.action === 'list' && closed.deadlines.map((d) => [d.batchTitle, d.status, d.daysToClose])).toEqual([['D', 'closed', -114]]);
  });

  it('validation: Chinese messages naming the field; a duplicate batch; unknown ids', async () => {
    const bad = await call('o-admin', { action: 'create', deadline: { ...GOOD, closesOn: '2022-02-30' } });
    expect(!bad.ok && bad.error).toMatchObject({ code: 'INVALID_INPUT', fields: [{ field: 'deadline.closesOn', message: expect.stringContaining('「截止日期」') }] });
    await data('o-admin', { action: 'create', deadline: GOOD });
    const dup = await call('o-admin', { action: 'create', deadline: GOOD });
    expect(!dup.ok && dup.error).toMatchObject({ code: 'INVALID_INPUT', message: '该措施已有同名批次，请修改已有的那条' });
    const missing = await call('o-admin', { action: 'update', id: 'dl-m01-00000000', deadline: GOOD });
    expect(!missing.ok && missing.error.fields![0].field).toBe('id');
    for (const request of [{ action: 'nope' }, {}, { action: 'list', measureId: 'm77' }, { action: 'list', limit: 0 }, { action: 'list', cursor: '-1' }, { action: 'update', id: { $ne: 1 }, deadline: GOOD }]) {
      const env = await call('o-admin', request);
      expect([request, env.ok || env.error.code]).toEqual([request, 'INVALID_INPUT']);
      if (!env.ok) expect(env.error.message).toMatch(CJK);
    }
  });

  it('import: all rows valid or nothing written; a rerun is idempotent; dry run writes nothing; every change audited', async () => {
    const csv = ['措施编号,批次名称,开始日期,截止日期,发布机关,来源链接', 'm01,批次一,2022-06-01,2022-06-30,厅,https://a.cn/1', 'm05,批次二,2022-06-01,2022-07-30,厅,https://a.cn/2'].join('\n');
    const broken = `${csv}\nm06,批次三,2022-06-01,2022-02-30,厅,https://a.cn/3`;
    const refused = await call('o-admin', { action: 'import', format: 'csv', text: broken });
    expect(!refused.ok && refused.error.fields).toEqual([{ field: 'rows[4].closesOn', message: expect.stringMatching(/^第 4 行「截止日期」/) }]);
    expect((await repos(db).deadlines.current('2022-01-01')).length).toBe(0);

    const dry = await data('o-admin', { action: 'import', format: 'csv', text: csv, dryRun: true });
    expect(dry).toMatchObject({ action: 'import', dryRun: true, created: 2, updated: 0 });
    expect((await repos(db).deadlines.current('2022-01-01')).length).toBe(0);

    expect(await data('o-admin', { action: 'import', format: 'csv', text: csv })).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(await data('o-admin', { action: 'import', format: 'csv', text: csv })).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await data('o-admin', { action: 'import', format: 'csv', text: csv.replace('2022-07-30', '2022-08-15') })).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const audit = await data('o-admin', { action: 'audit' });
    expect(audit.action === 'audit' && audit.entries.filter((e) => e.action === 'deadline.import').length).toBe(3);
  });

  it('admins: add and remove other admins (audited); not yourself', async () => {
    expect(await data('o-admin', { action: 'addAdmin', openid: 'o-second', note: '运营' })).toEqual({ action: 'addAdmin', added: true });
    expect(await data('o-admin', { action: 'addAdmin', openid: 'o-second' })).toEqual({ action: 'addAdmin', added: false });
    const self = await call('o-admin', { action: 'removeAdmin', openid: 'o-admin' });
    expect(!self.ok && self.error.message).toContain('不能移除自己');
    expect(await data('o-second', { action: 'removeAdmin', openid: 'o-admin' })).toEqual({ action: 'removeAdmin', removed: true });
    expect(await data('o-second', { action: 'me' })).toEqual({ action: 'me', isAdmin: true, openid: 'o-second', canClaim: false });
    const audit = await data('o-second', { action: 'audit' });
    expect(audit.action === 'audit' && audit.entries.map((e) => [e.action, e.actor, e.target])).toEqual([
      ['admin.remove', 'o-second', 'o-admin'],
      ['admin.add', 'o-admin', 'o-second'],
    ]);
    const bad = await call('o-second', { action: 'addAdmin', openid: 'bad id!' });
    expect(!bad.ok && bad.error.code).toBe('INVALID_INPUT');
  });
});

describe.each(BACKENDS)('%s: identity, reach, runs, the first admin', (_name, make) => {
  let b: Backend;
  let db: DocumentStore;
  let env: Record<string, string | undefined>;
  beforeEach(async () => {
    b = make();
    db = b.store;
    env = {};
  });
  afterEach(() => b.close());

  const call = (openid: string | null, request: DeadlinesRequest | Record<string, unknown>) =>
    runHandler('deadlines', deadlines, request, fakeContext({ openid, db, now: () => NOW, env })) as Promise<Envelope<DeadlinesResponse>>;
  const data = async (openid: string | null, request: DeadlinesRequest) => {
    const res = await call(openid, request);
    if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
    return res.data;
  };
  const admin = () => repos(db).admins.add({ _id: 'o-admin', addedAt: NOW.toISOString(), addedBy: 'bootstrap' });
  const create = async (deadline: typeof GOOD) => {
    const res = await data('o-admin', { action: 'create', deadline });
    if (res.action !== 'create') throw new Error(res.action);
    return res.deadline.id;
  };
  const subscribe = (openid: string, deadlineKey: string, kind: 'week' | 'day', measureId = GOOD.measureId) =>
    repos(db).subscriptions.accept({ openid, measureId, deadlineKey, kind, at: NOW.toISOString() });

  it('a renamed batch keeps its id; importing its new title updates it; its old title is free for a new batch', async () => {
    await admin();
    const id = await create({ ...GOOD, batchTitle: '第一批' });
    await data('o-admin', { action: 'update', id, deadline: { ...GOOD, batchTitle: '第一批（延期）' } });
    // The import matches on (measure, title): the renamed batch, not a second deadline.
    const imported = await data('o-admin', { action: 'import', format: 'json', text: JSON.stringify([{ ...GOOD, batchTitle: '第一批（延期）', closesOn: '2022-07-15' }]) });
    expect(imported).toMatchObject({ created: 0, updated: 1, unchanged: 0, outcomes: ['updated'] });
    expect(imported.action === 'import' && imported.deadlines.map((d) => d.id)).toEqual([id]);
    // The old title names no stored deadline any more: creating it makes a new one with another id.
    const again = await create({ ...GOOD, batchTitle: '第一批' });
    expect(again).not.toBe(id);
    const all = await data(null, { action: 'list', limit: 100 });
    expect(all.action === 'list' && all.deadlines.map((d) => [d.id, d.batchTitle]).sort()).toEqual([[again, '第一批'], [id, '第一批（延期）']].sort());
    // Renaming onto a title the measure already has is refused; the same title on another measure is not.
    const clash = await call('o-admin', { action: 'update', id: again, deadline: { ...GOOD, batchTitle: '第一批（延期）' } });
    expect(!clash.ok && clash.error.fields).toEqual([{ field: 'deadline.batchTitle', message: '该措施已有同名批次，请修改已有的那条' }]);
    await create({ ...GOOD, measureId: 'm02', batchTitle: '第一批（延期）' });
    // The first title is taken again (by `again`): creating it once more is refused.
    const dup = await call('o-admin', { action: 'create', deadline: { ...GOOD, batchTitle: '第一批' } });
    expect(!dup.ok && dup.error.message).toBe('该措施已有同名批次，请修改已有的那条');
    const audit = await data('o-admin', { action: 'audit' });
    expect(audit.action === 'audit' && audit.entries.filter((e) => e.target === id).map((e) => e.action)).toEqual(['deadline.import', 'deadline.update', 'deadline.create']);
  });

  it("a deadline's measure cannot move away from users holding its reminders; dates and titles can change", async () => {
    await admin();
    const id = await create(GOOD);
    await subscribe('o-u1', id, 'week');
    await subscribe('o-u1', id, 'day');
    await subscribe('o-u2', id, 'day');
    const moved = await call('o-admin', { action: 'update', id, deadline: { ...GOOD, measureId: 'm02' } });
    expect(!moved.ok && moved.error.fields).toEqual([{ field: 'deadline.measureId', message: expect.stringContaining('已有 2 位用户订阅了这一批次的提醒') }]);
    expect((await repos(db).deadlines.get(id))?.measureId).toBe('m01');
    await data('o-admin', { action: 'update', id, deadline: { ...GOOD, batchTitle: '改名', closesOn: '2022-07-05' } });
    expect((await repos(db).deadlines.get(id))).toMatchObject({ measureId: 'm01', batchTitle: '改名', closesOn: '2022-07-05' });
    // Once nobody holds a credit for it (both cancelled), the measure may change.
    await repos(db).subscriptions.cancel('o-u1', 'm01', id, 'week', NOW.toISOString());
    await repos(db).subscriptions.cancel('o-u1', 'm01', id, 'day', NOW.toISOString());
    const stillOne = await call('o-admin', { action: 'update', id, deadline: { ...GOOD, measureId: 'm02' } });
    expect(!stillOne.ok && stillOne.error.message).toContain('已有 1 位用户');
    await repos(db).subscriptions.cancel('o-u2', 'm01', id, 'day', NOW.toISOString());
    expect(await data('o-admin', { action: 'update', id, deadline: { ...GOOD, measureId: 'm02' } })).toMatchObject({ deadline: { id, measureId: 'm02' } });
  });

  it('reach: per reminder, users holding a credit for this batch and for the measure’s next batch; admins only', async () => {
    await admin();
    const id = await create(GOOD);
    const other = await create({ ...GOOD, batchTitle: '另一批' });
    await subscribe('o-u1', id, 'week');
    await subscribe('o-u1', id, 'day');
    await subscribe('o-u2', id, 'week');
    await subscribe('o-u3', '', 'week'); // the measure's next deadline
    await subscribe('o-u4', other, 'week'); // another batch: not counted
    await subscribe('o-u5', '', 'day', 'm02'); // another measure: not counted
    await subscribe('o-u6', id, 'day');
    await repos(db).subscriptions.cancel('o-u6', 'm01', id, 'day', NOW.toISOString()); // cancelled: not counted
    const reach = await data('o-admin', { action: 'reach', id });
    expect(reach.action === 'reach' && reach.reminders).toEqual([
      { kind: 'week', label: '截止前 7 天', forBatch: 2, forNext: 1, capped: false },
      { kind: 'day', label: '截止前 1 天', forBatch: 1, forNext: 0, capped: false },
    ]);
    expect(reach.action === 'reach' && reach.deadline.id).toBe(id);
    const gone = await call('o-admin', { action: 'reach', id: 'dl-m01-ffffffff' });
    expect(!gone.ok && gone.error.fields).toEqual([{ field: 'id', message: '这条截止时间不存在（可能已被删除）' }]);
    for (const request of [{ action: 'reach', id }, { action: 'runs' }] as DeadlinesRequest[]) {
      const res = await call('o-user', request);
      expect(res.ok || [res.error.code, res.error.message]).toEqual(['FORBIDDEN', '仅管理员可以查看提醒名单与发送记录']);
    }
  });

  it('audit pages by the last entry seen: a change made between two pages is not shown twice; a forged cursor is refused', async () => {
    await admin();
    for (const batchTitle of ['一', '二', '三']) await create({ ...GOOD, batchTitle });
    const first = await data('o-admin', { action: 'audit', limit: 2 });
    if (first.action !== 'audit' || !first.nextCursor) throw new Error('no cursor');
    await create({ ...GOOD, batchTitle: '四' }); // written while the admin reads page 1
    const second = await data('o-admin', { action: 'audit', limit: 2, cursor: first.nextCursor });
    const ids = [...first.entries, ...(second.action === 'audit' ? second.entries : [])].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(second.action === 'audit' && second.entries.map((e) => e.summary)).toEqual([expect.stringContaining('「一」')]);
    for (const cursor of ['2', '../x', 'a'.repeat(60)]) {
      const bad = await call('o-admin', { action: 'audit', cursor });
      expect([cursor, !bad.ok && bad.error.fields?.[0].field]).toEqual([cursor, 'cursor']);
    }
  });

  it('runs: the timer’s last runs, newest first, as stored', async () => {
    await admin();
    const run = (startedAt: string, sent: number) => ({
      _id: `run-${startedAt}`, runId: `r-${startedAt}`, today: startedAt.slice(0, 10), startedAt, finishedAt: startedAt, durationMs: 10, budgetMs: 50000,
      stoppedBy: 'done' as const, deadlinesDue: 1, sent, skipped: { noCredit: 1 }, refused: 0, dropped: 0, dataErrors: 0, retry: 0, failed: 0, unknown: 0, remaining: 0, dbCalls: 9,
    });
    await repos(db).runs.save(run('2022-06-23T01:00:00.000Z', 5));
    await repos(db).runs.save(run('2022-06-23T01:03:00.000Z', 2));
    const res = await data('o-admin', { action: 'runs' });
    expect(res.action === 'runs' && res.runs.map((r) => [r.startedAt, r.sent, r.skipped])).toEqual([
      ['2022-06-23T01:03:00.000Z', 2, { noCredit: 1 }],
      ['2022-06-23T01:00:00.000Z', 5, { noCredit: 1 }],
    ]);
    expect(res.action === 'runs' && res.runs[0]).not.toHaveProperty('_id');
    const bad = await call('o-admin', { action: 'runs', limit: 500 });
    expect(!bad.ok && bad.error.fields?.[0].field).toBe('limit');
  });

  it('the first admin: claimed once with the configured code, only while there is no admin; audited; closed for good after', async () => {
    // No code configured, or one too short to resist guessing: nobody can claim, and `me` does not offer it.
    for (const code of [undefined, '', 'short-code-15ch']) {
      env.ADMIN_BOOTSTRAP_CODE = code;
      expect(await data('o-first', { action: 'me' })).toEqual({ action: 'me', isAdmin: false, openid: 'o-first', canClaim: false });
      const unconfigured = await call('o-first', { action: 'claimAdmin', code: code ?? 'x' });
      expect(!unconfigured.ok && unconfigured.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('ADMIN_BOOTSTRAP_CODE') });
    }
    // Pasted into the console with a trailing newline: still the code.
    env.ADMIN_BOOTSTRAP_CODE = 'k7-Trust-Me-2026-long\n';
    expect(await data('o-first', { action: 'me' })).toMatchObject({ isAdmin: false, canClaim: true });
    for (const code of ['k7-trust-me-2026-long', '', 'k7-Trust-Me-2026-lon', 42]) {
      const wrong = await call('o-first', { action: 'claimAdmin', code } as Record<string, unknown>);
      expect([code, !wrong.ok && wrong.error.fields]).toEqual([code, [{ field: 'code', message: '口令不正确' }]]);
    }
    expect(await repos(db).admins.none()).toBe(true);
    const noUser = await call(null, { action: 'claimAdmin', code: 'k7-Trust-Me-2026-long' });
    expect(!noUser.ok && noUser.error.code).toBe('UNAUTHENTICATED');
    expect(await data('o-first', { action: 'claimAdmin', code: ' k7-Trust-Me-2026-long ' })).toEqual({ action: 'claimAdmin', added: true });
    expect(await data('o-first', { action: 'me' })).toEqual({ action: 'me', isAdmin: true, openid: 'o-first', canClaim: false });
    // Closed once claimed, even with the right code — and even after every admin is gone.
    expect(await data('o-second', { action: 'me' })).toMatchObject({ canClaim: false });
    const late = await call('o-second', { action: 'claimAdmin', code: 'k7-Trust-Me-2026-long' });
    expect(!late.ok && late.error).toMatchObject({ code: 'FORBIDDEN', message: '首位管理员已设置：请由现有管理员在「管理员」页添加您' });
    await repos(db).admins.remove('o-first');
    expect(await repos(db).admins.none()).toBe(true);
    expect(await data('o-second', { action: 'me' })).toMatchObject({ canClaim: false });
    const reopened = await call('o-second', { action: 'claimAdmin', code: 'k7-Trust-Me-2026-long' });
    expect(!reopened.ok && reopened.error.code).toBe('FORBIDDEN');
    const audit = await data('o-first', { action: 'audit' }).catch((e: Error) => e.message);
    expect(audit).toContain('FORBIDDEN'); // o-first is no admin any more
    const entries = await repos(db).audit.list();
    expect(entries.map((e) => [e.action, e.actor, e.target])).toEqual([['admin.claim', 'o-first', 'o-first']]);
  });

  it('two claims at once: one admin, the other refused', async () => {
    env.ADMIN_BOOTSTRAP_CODE = 'k7-Trust-Me-2026-long';
    const [a, b2] = await Promise.all([
      call('o-a', { action: 'claimAdmin', code: 'k7-Trust-Me-2026-long' }),
      call('o-b', { action: 'claimAdmin', code: 'k7-Trust-Me-2026-long' }),
    ]);
    expect([a.ok, b2.ok].filter(Boolean)).toHaveLength(1);
    expect((await repos(db).admins.list()).map((x) => x._id)).toHaveLength(1);
  });
});

it('import meets a batch another admin stored meanwhile: the row is named, the rows before are in, importing again finishes', async () => {
  const b = BACKENDS[0][1]();
  try {
    await repos(b.store).admins.add({ _id: 'o-admin', addedAt: NOW.toISOString(), addedBy: 'bootstrap' });
    // A store where, for the batch 抢先, the title query still finds nothing but the add collides:
    // the other admin's add landed between this import's look and its write.
    let raced = true;
    const store: DocumentStore = {
      // A new deadline is written with its audit entry in one transaction (issue 25, item 3): the
      // collision is met there.
      transaction: (fn) =>
        b.store.transaction((tx) =>
          fn({
            collection: <T extends { _id: string }>(name: string) => {
              const col = tx.collection<T>(name);
              if (name !== 'deadlines') return col;
              const wrapped = Object.create(col) as typeof col;
              wrapped.add = (doc) => {
                if (raced && (doc as unknown as { batchTitle: string }).batchTitle === '抢先') return Promise.reject(new DuplicateIdError('deadlines', String(doc._id)));
                return col.add(doc);
              };
              return wrapped;
            },
          }),
        ),
      collection: <T extends { _id: string }>(name: string) => {
        const col = b.store.collection<T>(name);
        if (name !== 'deadlines') return col;
        const wrapped = Object.create(col) as typeof col;
        wrapped.add = (doc) => {
          if (raced && (doc as unknown as { batchTitle: string }).batchTitle === '抢先') return Promise.reject(new DuplicateIdError('deadlines', String(doc._id)));
          return col.add(doc);
        };
        return wrapped;
      },
    };
    const rows = ['先到', '抢先', '后到'].map((batchTitle) => ({ ...GOOD, batchTitle }));
    const env = (await runHandler('deadlines', deadlines, { action: 'import', format: 'json', text: JSON.stringify(rows) }, fakeContext({ openid: 'o-admin', db: store, now: () => NOW }))) as Envelope<DeadlinesResponse>;
    expect(!env.ok && env.error.fields).toEqual([{ field: 'rows[2].batchTitle', message: expect.stringMatching(/^第 2 条「批次名称」：该措施刚刚已有同名批次.*前面 1 行已写入/) }]);
    expect((await repos(b.store).deadlines.current('2022-01-01')).map((d) => d.batchTitle)).toEqual(['先到']);
    raced = false;
    const again = (await runHandler('deadlines', deadlines, { action: 'import', format: 'json', text: JSON.stringify(rows) }, fakeContext({ openid: 'o-admin', db: store, now: () => NOW }))) as Envelope<DeadlinesResponse>;
    expect(again.ok && again.data).toMatchObject({ created: 2, unchanged: 1 });
  } finally {
    b.close();
  }
});
