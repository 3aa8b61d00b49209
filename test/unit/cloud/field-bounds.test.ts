/**
 * Issue 25, item 4: every id and text a function accepts is bounded and checked — an over-long
 * value, a lone surrogate (half of a UTF-16 pair, which no font shows and WeChat's templates
 * refuse) and a control character are each answered INVALID_INPUT naming the field in Chinese,
 * never INTERNAL. On both store back ends (the handlers run on both). The probe: `cancel` with a
 * 100-character deadlineId built a subscription id over WeChat's 128 and answered 500.
 */
import type { Envelope } from '../../../shared/cloud/api';
import type { DocumentStore, FileStore } from '../../../shared/cloud/context';
import { runHandler, type Handler } from '../../../shared/cloud/handler';
import { deadlines } from '../../../shared/cloud/handlers/deadlines';
import { listStatus } from '../../../shared/cloud/handlers/listStatus';
import { qrcode } from '../../../shared/cloud/handlers/qrcode';
import { screen } from '../../../shared/cloud/handlers/screen';
import { subscriptions } from '../../../shared/cloud/handlers/subscriptions';
import { TEXT_MESSAGES } from '../../../shared/cloud/stored-text';
import { REMINDER_TEMPLATES } from '../../../shared/cloud/templates';
import { BACKENDS, useStoreWithAdmins } from './backends';
import { CJK, fakeContext } from './fakes';

const NOW = new Date('2022-06-23T01:00:00.000Z');
const GOOD = { measureId: 'm01', batchTitle: '2022 年度自治区级企业技术中心认定', opensOn: '2022-06-01', closesOn: '2022-06-30', issuer: '自治区工业和信息化厅', sourceUrl: 'https://gxt.nmg.gov.cn/n/1' };
const ACCEPT = { [REMINDER_TEMPLATES.week.id]: 'accept' };
/** A link near its bound of 500, so 100 more is over it. */
const LONG_URL = `https://gxt.nmg.gov.cn/n/${'a'.repeat(420)}`;
const LONE_HIGH = '\uD83D';
const LONE_LOW = '\uDE00';

/** Files are never reached: a field is refused before. */
const noFiles: FileStore = {
  put: () => Promise.reject(new Error('unexpected put')),
  urlOf: () => Promise.reject(new Error('unexpected urlOf')),
  get: () => Promise.reject(new Error('unexpected get')),
  remove: () => Promise.reject(new Error('unexpected remove')),
};

/** [function, field named in the answer, request with the bad value made from a good one] */
type Case = [string, string, (bad: (good: string) => string) => Record<string, unknown>];

const CASES: Case[] = [
  ['subscriptions', 'deadlineId', (bad) => ({ action: 'subscribe', measureId: 'm01', deadlineId: bad('dl-m01-0a1b2c3d'), results: ACCEPT })],
  ['subscriptions', 'deadlineId', (bad) => ({ action: 'cancel', measureId: 'm01', deadlineId: bad('dl-m01-0a1b2c3d') })],
  ['subscriptions', 'measureId', (bad) => ({ action: 'cancel', measureId: bad('m01') })],
  ['subscriptions', 'measureIds[0]', (bad) => ({ action: 'status', measureIds: [bad('m01')] })],
  ['deadlines', 'id', (bad) => ({ action: 'update', id: bad('dl-m01-0a1b2c3d'), deadline: GOOD })],
  ['deadlines', 'id', (bad) => ({ action: 'delete', id: bad('dl-m01-0a1b2c3d') })],
  ['deadlines', 'id', (bad) => ({ action: 'reach', id: bad('dl-m01-0a1b2c3d') })],
  ['deadlines', 'measureId', (bad) => ({ action: 'list', measureId: bad('m01') })],
  ['deadlines', 'deadline.batchTitle', (bad) => ({ action: 'create', deadline: { ...GOOD, batchTitle: bad('2022 年度认定') } })],
  ['deadlines', 'deadline.issuer', (bad) => ({ action: 'create', deadline: { ...GOOD, issuer: bad('自治区工业和信息化厅') } })],
  ['deadlines', 'deadline.sourceUrl', (bad) => ({ action: 'create', deadline: { ...GOOD, sourceUrl: bad(LONG_URL) } })],
  ['deadlines', 'deadline.itemIds', (bad) => ({ action: 'create', deadline: { ...GOOD, itemIds: bad('整项措施') } })],
  ['deadlines', 'rows[1].batchTitle', (bad) => ({ action: 'import', format: 'json', text: JSON.stringify([{ ...GOOD, batchTitle: bad('2022 年度认定') }]) })],
  ['deadlines', 'openid', (bad) => ({ action: 'addAdmin', openid: bad('o-new') })],
  ['deadlines', 'note', (bad) => ({ action: 'addAdmin', openid: 'o-new', note: bad('财务处') })],
  ['deadlines', 'cursor', (bad) => ({ action: 'audit', cursor: bad('a0123') })],
  ['listStatus', 'status.notice', (bad) => ({ action: 'set', status: { state: 'superseded', notice: bad('已由 2024 年清单替代'), sourceUrl: 'https://gxt.nmg.gov.cn/n/2', checkedOn: '2022-06-20' } })],
  ['listStatus', 'status.sourceUrl', (bad) => ({ action: 'set', status: { state: 'inForce', sourceUrl: bad(LONG_URL), checkedOn: '2022-06-20' } })],
  ['qrcode', 'scene', (bad) => ({ scene: bad('m=m08') })],
  ['screen', 'fileName', (bad) => ({ action: 'start', fileName: bad('名册') + '.xlsx', size: 1000 })],
  ['screen', 'jobId', (bad) => ({ action: 'delete', jobId: bad('0123456789abcdef0123456789abcdef') })],
];

/** Over-long: 100 more characters (a deadline id of 115 passed the old bound of 128 and built an id of 189), and 600 more. */
const BADS: [string, (good: string) => string][] = [
  ['100 characters too long', (good) => good + 'x'.repeat(100)],
  ['600 characters too long', (good) => good + 'x'.repeat(600)],
  ['lone high surrogate inside', (good) => `${good.slice(0, 2)}${LONE_HIGH}${good.slice(2)}`],
  ['lone low surrogate at the end', (good) => `${good}${LONE_LOW}`],
  ['BEL (C0) inside', (good) => `${good.slice(0, 2)}\u0007${good.slice(2)}`],
  ['NEL (C1) at the end', (good) => `${good}\u0085`],
  ['DEL at the end', (good) => `${good}\u007f`],
];

const TABLE = CASES.flatMap(([fn, field, request]) =>
  BADS.map(([kind, bad]) => {
    const req = request(bad);
    return [`${fn}.${String(req.action ?? 'call')} with a ${field} with a ${kind} is refused naming ${field}`, fn, field, req] as const;
  }),
);

const HANDLERS: Record<string, Handler<never>> = {
  subscriptions: subscriptions as Handler<never>,
  deadlines: deadlines as Handler<never>,
  listStatus: listStatus as Handler<never>,
  qrcode: qrcode as Handler<never>,
  screen: screen as Handler<never>,
};

describe.each(BACKENDS)('%s', (_name, make) => {
  let db: DocumentStore;
  useStoreWithAdmins(make, NOW, (store) => (db = store));

  const call = (fn: string, request: Record<string, unknown>) =>
    runHandler(fn as never, HANDLERS[fn], request, fakeContext({ openid: 'o-admin', db, now: () => NOW, files: noFiles, env: {} })) as Promise<Envelope<unknown>>;

  it.each(TABLE)('%s', async (_title, fn, field, request) => {
    const res = await call(fn, request);
    expect(res.ok ? 'ok' : res.error.code).toBe('INVALID_INPUT');
    expect(!res.ok && res.error.fields?.[0]?.field).toBe(field);
    expect(!res.ok && res.error.fields?.[0]?.message).toMatch(CJK);
  });

  it.each([
    ['a batch title with a lone surrogate', 'deadlines', { action: 'create', deadline: { ...GOOD, batchTitle: `认定${LONE_HIGH}` } }, 'deadline.batchTitle', `「批次名称」${TEXT_MESSAGES.surrogate}`],
    ['a batch title with a C1 control character', 'deadlines', { action: 'create', deadline: { ...GOOD, batchTitle: '认定\u0085' } }, 'deadline.batchTitle', `「批次名称」${TEXT_MESSAGES.control}`],
    ['an admin note with a lone surrogate', 'deadlines', { action: 'addAdmin', openid: 'o-new', note: `财务${LONE_LOW}` }, 'note', `备注${TEXT_MESSAGES.surrogate}`],
    ['a list notice with a lone surrogate', 'listStatus', { action: 'set', status: { state: 'superseded', notice: `已替代${LONE_HIGH}`, sourceUrl: 'https://gxt.nmg.gov.cn/n/2', checkedOn: '2022-06-20' } }, 'status.notice', `「说明」${TEXT_MESSAGES.surrogate}`],
    ['a file name with DEL', 'screen', { action: 'start', fileName: '名册\u007f.xlsx', size: 1000 }, 'fileName', `「文件名」${TEXT_MESSAGES.control}`],
  ])('%s is refused with the message naming the field and what is wrong', async (_title, fn, request, field, message) => {
    const res = await call(fn, request as Record<string, unknown>);
    expect(!res.ok && res.error.fields?.[0]).toEqual({ field, message });
  });

  it('the probe: subscriptions.cancel with a 100-character deadlineId answers a field message, not INTERNAL', async () => {
    const res = await call('subscriptions', { action: 'cancel', measureId: 'm01', deadlineId: 'd'.repeat(100) });
    expect(res.ok ? 'ok' : [res.error.code, res.error.fields?.[0]?.field]).toEqual(['INVALID_INPUT', 'deadlineId']);
  });
});
