/**
 * The deadlines function on both back ends: anyone lists, only admins write (the server refuses,
 * whatever a page shows), every change audited, import all-or-nothing and idempotent.
 */
import type { DeadlinesRequest, DeadlinesResponse, Envelope } from '../../../shared/cloud/api';
import type { DocumentStore } from '../../../shared/cloud/context';
import { runHandler } from '../../../shared/cloud/handler';
import { deadlines } from '../../../shared/cloud/handlers/deadlines';
import { repos } from '../../../shared/cloud/repos';
import { BACKENDS, type Backend } from './backends';
import { CJK, fakeContext } from './fakes';

const NOW = new Date('2022-06-23T01:00:00.000Z');
const GOOD = { measureId: 'm01', batchTitle: '2022 年度自治区级企业技术中心认定', opensOn: '2022-06-01', closesOn: '2022-06-30', issuer: '自治区工业和信息化厅', sourceUrl: 'https://gxt.nmg.gov.cn/n/1' };

describe.each(BACKENDS)('%s', (_name, make) => {
  let b: Backend;
  let db: DocumentStore;
  beforeEach(async () => {
    b = make();
    db = b.store;
    await repos(db).admins.add({ _id: 'o-admin', addedAt: NOW.toISOString(), addedBy: 'bootstrap' });
  });
  afterEach(() => b.close());

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
    expect(await data('o-user', { action: 'me' })).toEqual({ action: 'me', isAdmin: false, openid: 'o-user' });
    expect(await data('o-admin', { action: 'me' })).toEqual({ action: 'me', isAdmin: true, openid: 'o-admin' });
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
    expect(!refused.ok && refused.error.fields).toEqual([{ field: 'rows[3].closesOn', message: expect.stringMatching(/^第 3 行「截止日期」/) }]);
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
    expect(await data('o-second', { action: 'me' })).toEqual({ action: 'me', isAdmin: true, openid: 'o-second' });
    const audit = await data('o-second', { action: 'audit' });
    expect(audit.action === 'audit' && audit.entries.map((e) => [e.action, e.actor, e.target])).toEqual([
      ['admin.remove', 'o-second', 'o-admin'],
      ['admin.add', 'o-admin', 'o-second'],
    ]);
    const bad = await call('o-second', { action: 'addAdmin', openid: 'bad id!' });
    expect(!bad.ok && bad.error.code).toBe('INVALID_INPUT');
  });
});
