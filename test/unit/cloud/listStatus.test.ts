/**
 * listStatus on both back ends: everyone reads it, and until an admin sets it it says 状态未核实
 * with no check date (never that the list is in force); only admins set it, field by field in
 * Chinese, audited with before/after.
 */
import type { Envelope, ListStatusRequest, ListStatusResponse } from '../../../shared/cloud/api';
import type { DocumentStore } from '../../../shared/cloud/context';
import { runHandler } from '../../../shared/cloud/handler';
import { listStatus } from '../../../shared/cloud/handlers/listStatus';
import { LIST_STATUS_MESSAGES } from '../../../shared/cloud/list-status';
import { repos } from '../../../shared/cloud/repos';
import { BACKENDS, useStoreWithAdmins } from './backends';
import { CJK, fakeContext } from './fakes';

// 2026-12-01 09:00 in Beijing.
const NOW = new Date('2026-12-01T01:00:00.000Z');
const IN_FORCE = { state: 'inForce', notice: '', sourceUrl: 'https://gxt.nmg.gov.cn/zfxxgk/', checkedOn: '2026-11-30' } as const;

describe.each(BACKENDS)('%s', (_name, make) => {
  let db: DocumentStore;
  useStoreWithAdmins(make, NOW, (store) => (db = store));

  const call = (openid: string | null, request: ListStatusRequest | Record<string, unknown>) =>
    runHandler('listStatus', listStatus, request, fakeContext({ openid, db, now: () => NOW })) as Promise<Envelope<ListStatusResponse>>;
  const get = async (openid: string | null) => {
    const res = await call(openid, { action: 'get' });
    if (!res.ok) throw new Error(res.error.message);
    return res.data.status;
  };

  it('before any admin sets it: 状态未核实, never checked, for anyone (also the timer, with no user)', async () => {
    for (const who of ['o-user', 'o-admin', null]) {
      expect(await get(who)).toEqual({ state: 'unverified', label: '状态未核实', notice: '', sourceUrl: '', checkedOn: null, updatedAt: null });
    }
  });

  it('an admin sets it; everyone reads the new status; each change is audited with before and after', async () => {
    const set = await call('o-admin', { action: 'set', status: IN_FORCE });
    expect(set.ok && set.data.status).toEqual({ state: 'inForce', label: '在执行', notice: '', sourceUrl: IN_FORCE.sourceUrl, checkedOn: '2026-11-30', updatedAt: NOW.toISOString(), revision: 1 });
    expect(await get('o-user')).toMatchObject({ state: 'inForce', checkedOn: '2026-11-30' });
    const later = { state: 'superseded', notice: '2023 年清单已发布，以新清单为准', sourceUrl: 'https://gxt.nmg.gov.cn/n/2023', checkedOn: '2026年12月1日' };
    const second = await call('o-admin', { action: 'set', status: later });
    expect(second.ok && second.data.status).toMatchObject({ state: 'superseded', label: '已有后续清单', notice: later.notice, checkedOn: '2026-12-01' });
    const audit = await repos(db).audit.list();
    expect(audit.map((e) => [e.action, e.actor, e.target])).toEqual([
      ['listStatus.set', 'o-admin', 'catalog-2022'],
      ['listStatus.set', 'o-admin', 'catalog-2022'],
    ]);
    expect(audit[0]).toMatchObject({ before: { state: 'inForce' }, after: { state: 'superseded', checkedOn: '2026-12-01' }, summary: expect.stringContaining('已有后续清单') });
    expect(audit[1].before).toBeUndefined();
  });

  it('only admins set it (FORBIDDEN in Chinese; a payload naming an admin changes nothing)', async () => {
    for (const who of ['o-user', null]) {
      const res = await call(who, { action: 'set', status: IN_FORCE, openid: 'o-admin', OPENID: 'o-admin' });
      expect(res.ok || res.error.code).toBe(who ? 'FORBIDDEN' : 'UNAUTHENTICATED');
      if (!res.ok) expect(res.error.message).toMatch(CJK);
    }
    expect(await get('o-user')).toMatchObject({ state: 'unverified' });
    expect(await repos(db).audit.list()).toEqual([]);
  });

  // Each bad input: the field it names and its message; nothing is stored.
  it.each([
    ['an unknown state', { ...IN_FORCE, state: 'valid' }, 'status.state', LIST_STATUS_MESSAGES.state],
    ['no state', { ...IN_FORCE, state: undefined }, 'status.state', LIST_STATUS_MESSAGES.state],
    ['superseded without saying by what', { ...IN_FORCE, state: 'superseded', notice: '  ' }, 'status.notice', LIST_STATUS_MESSAGES.noticeNeeded],
    ['repealed without saying by what', { ...IN_FORCE, state: 'repealed' }, 'status.notice', LIST_STATUS_MESSAGES.noticeNeeded],
    ['a notice over 60 characters', { ...IN_FORCE, notice: '字'.repeat(61) }, 'status.notice', LIST_STATUS_MESSAGES.noticeLong],
    ['a notice with a line break', { ...IN_FORCE, notice: '第一行\n第二行' }, 'status.notice', LIST_STATUS_MESSAGES.noticeControl],
    ['a notice that is a number', { ...IN_FORCE, notice: 2023 }, 'status.notice', LIST_STATUS_MESSAGES.noticeType],
    ['in force with no link to what was checked', { ...IN_FORCE, sourceUrl: '' }, 'status.sourceUrl', LIST_STATUS_MESSAGES.urlNeeded],
    ['a link that is not http(s)', { ...IN_FORCE, sourceUrl: 'javascript:alert(1)' }, 'status.sourceUrl', LIST_STATUS_MESSAGES.url],
    ['a date that does not exist', { ...IN_FORCE, checkedOn: '2026-02-30' }, 'status.checkedOn', LIST_STATUS_MESSAGES.date],
    ['no date', { ...IN_FORCE, checkedOn: undefined }, 'status.checkedOn', LIST_STATUS_MESSAGES.date],
    ['a check date tomorrow (Beijing)', { ...IN_FORCE, checkedOn: '2026-12-02' }, 'status.checkedOn', LIST_STATUS_MESSAGES.future],
  ])('refused: %s', async (_case, status, field, message) => {
    const res = await call('o-admin', { action: 'set', status });
    expect(!res.ok && res.error.fields).toEqual([{ field, message }]);
    expect(!res.ok && res.error.message).toBe(message);
    expect(await get('o-user')).toMatchObject({ state: 'unverified' });
  });

  it('accepted: unverified needs no link; the notice and link are trimmed', async () => {
    const res = await call('o-admin', { action: 'set', status: { state: 'unverified', notice: ' 正在向工信厅核实 ', sourceUrl: '', checkedOn: '2026-12-01' } });
    expect(res.ok && res.data.status).toMatchObject({ state: 'unverified', notice: '正在向工信厅核实', sourceUrl: '', checkedOn: '2026-12-01' });
  });

  it('several problems are all named; a request that is not an object is refused', async () => {
    const res = await call('o-admin', { action: 'set', status: { state: 'x', sourceUrl: 'ftp://a', checkedOn: 'soon' } });
    expect(!res.ok && res.error.fields?.map((f) => f.field)).toEqual(['status.state', 'status.sourceUrl', 'status.checkedOn']);
    for (const status of [null, 'inForce', [IN_FORCE]]) {
      const bad = await call('o-admin', { action: 'set', status });
      expect(!bad.ok && bad.error.fields).toEqual([{ field: 'status', message: LIST_STATUS_MESSAGES.notObject }]);
    }
    const unknown = await call('o-user', { action: 'publish' });
    expect(!unknown.ok && unknown.error.code).toBe('INVALID_INPUT');
  });
});
