/**
 * Collections exist before the first write (issue 26, item 2): on a fresh WeChat environment, where
 * no collection exists, each cloud function — called as WeChat calls it, through makeCloudMain —
 * creates the collections it writes on first use, once, each with one audit entry; two instances
 * starting at once create each collection once; a transaction's write into a missing collection is
 * made after the collection is; and when WeChat refuses to create one, the answer is in Chinese.
 * The fake database runs in its 'explicit' mode (test/fakes/fake-wx-db.ts), failing as WeChat fails.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Envelope } from '../../../shared/cloud/api';
import type { Handler } from '../../../shared/cloud/handler';
import { calculate } from '../../../shared/cloud/handlers/calculate';
import { deadlines } from '../../../shared/cloud/handlers/deadlines';
import { listStatus } from '../../../shared/cloud/handlers/listStatus';
import { qrcode } from '../../../shared/cloud/handlers/qrcode';
import { remind } from '../../../shared/cloud/handlers/remind';
import { screen } from '../../../shared/cloud/handlers/screen';
import { subscriptions } from '../../../shared/cloud/handlers/subscriptions';
import { appendAudit } from '../../../shared/cloud/repos/audited';
import { COLLECTION_SPECS, COLLECTIONS, type AuditDoc, repos } from '../../../shared/cloud/repos';
import { makeCloudMain, type WxCloud } from '../../../shared/cloud/shell';
import { REMINDER_TEMPLATES } from '../../../shared/cloud/templates';
import { isCollectionExistsError, isMissingCollectionError, wxDocumentStore } from '../../../shared/cloud/wx-db';
import { collectionExistsError, FakeWxDatabase, missingCollectionError } from '../../fakes/fake-wx-db';
import { capturingLogger, CJK } from './fakes';

const NOW = new Date('2026-12-01T01:00:00Z');
const ADMIN = 'oAdmin0000000000000000000001';
const ADMIN_2 = 'oAdmin0000000000000000000002';
const USER = 'oUser00000000000000000000001';
const USER_2 = 'oUser00000000000000000000002';
const CODE = 'first-admin-code-0123456789';
const { week: WEEK, day: DAY } = { week: REMINDER_TEMPLATES.week.id, day: REMINDER_TEMPLATES.day.id };
/** Beijing dates around NOW (09:00 on 2026-12-01 in Beijing). */
const IN_A_WEEK = '2026-12-08';

const savedCode = process.env.ADMIN_BOOTSTRAP_CODE;
beforeAll(() => {
  process.env.ADMIN_BOOTSTRAP_CODE = CODE;
});
afterAll(() => {
  if (savedCode === undefined) delete process.env.ADMIN_BOOTSTRAP_CODE;
  else process.env.ADMIN_BOOTSTRAP_CODE = savedCode;
});

/** wx-server-sdk as a function sees it: the caller, the shared database, openapi and storage. */
function wxCloud(db: FakeWxDatabase, openid: string | null) {
  const stored = new Map<string, Buffer>();
  const sent: unknown[] = [];
  const cloud = {
    databaseCalls: 0,
    getWXContext: () => (openid ? { OPENID: openid } : {}),
    database: () => {
      cloud.databaseCalls += 1;
      return db;
    },
    openapi: {
      wxacode: { getUnlimited: async () => ({ buffer: Buffer.from([0xff, 0xd8, 0xff]), contentType: 'image/jpeg', errCode: 0, errMsg: 'openapi.wxacode.getUnlimited:ok' }) },
      subscribeMessage: { send: async (p: unknown) => (sent.push(p), { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' }) },
    },
    uploadFile: async (p: { cloudPath: string; fileContent: Buffer }) => {
      stored.set(p.cloudPath, p.fileContent);
      return { fileID: `cloud://env-1.7465/${p.cloudPath}`, statusCode: 204, errMsg: 'uploadFile:ok' };
    },
    getTempFileURL: async (p: { fileList: string[] }) => ({
      errMsg: 'cloud.getTempFileURL:ok',
      fileList: p.fileList.map((fileID) => ({ fileID, tempFileURL: `https://7465.tcb.qcloud.la/${fileID.slice('cloud://env-1.7465/'.length)}`, status: 0, maxAge: 7200, errMsg: 'ok' })),
    }),
    deleteFile: async (p: { fileList: string[] }) => ({ fileList: p.fileList.map((fileID) => ({ fileID, status: 0, errMsg: 'ok' })) }),
    sent,
  };
  return cloud;
}

type AnyHandler = Handler<never>;
const HANDLERS = { calculate, deadlines, listStatus, qrcode, remind, screen, subscriptions } as unknown as Record<string, AnyHandler>;

/** One instance of a function (its own makeCloudMain, as a WeChat instance has) calling once. */
function call(db: FakeWxDatabase, name: keyof typeof HANDLERS, openid: string | null, event: Record<string, unknown>, log = capturingLogger()) {
  const cloud = wxCloud(db, openid);
  const main = makeCloudMain(name as 'calculate', HANDLERS[name] as unknown as Handler<'calculate'>, cloud as unknown as WxCloud, { now: () => NOW, log });
  return { cloud, log, answer: main(event) as Promise<Envelope<unknown>> };
}

/** Collections and documents made by hand in the console before the first call. */
async function given(db: FakeWxDatabase, setup: Setup): Promise<void> {
  if (setup === 'empty') return;
  for (const name of [COLLECTIONS.admins]) db.existing.add(name);
  const r = repos(wxDocumentStore(() => db));
  for (const id of [ADMIN, ADMIN_2]) await r.admins.add({ _id: id, addedAt: 'console', addedBy: 'console' });
  if (setup === 'an admin') return;
  for (const name of [COLLECTIONS.deadlines, COLLECTIONS.subscriptions]) db.existing.add(name);
  await r.deadlines.add({ _id: 'dl-1', measureId: 'm01', batchTitle: '2022 年度自治区级企业技术中心认定', opensOn: '2026-11-01', closesOn: IN_A_WEEK, issuer: '自治区工业和信息化厅', sourceUrl: 'https://gxt.nmg.gov.cn/n/1', sample: false, createdAt: 'console', createdBy: 'console', updatedAt: 'console', updatedBy: 'console' });
  await r.subscriptions.accept({ openid: USER, measureId: 'm01', deadlineKey: 'dl-1', kind: 'week', at: NOW.toISOString() });
}

type Setup = 'empty' | 'an admin' | 'an admin, a deadline in a week and a subscription to it';

const created = (db: FakeWxDatabase) => [...db.created].sort();
const creationAudits = (db: FakeWxDatabase) => (db.dump(COLLECTIONS.auditLog) as unknown as AuditDoc[]).filter((e) => e.action === 'collection.create');

const FIRST_USE: [string, keyof typeof HANDLERS, Setup, string | null, Record<string, unknown>, string[]][] = [
  ['calculate answers without opening the database', 'calculate', 'empty', USER, { profile: { version: 1, entity: 'enterprise', facts: {} } }, []],
  ['deadlines: the first admin claims with the bootstrap code', 'deadlines', 'empty', ADMIN, { action: 'claimAdmin', code: CODE }, ['admins', 'auditLog', 'bootstrap']],
  ['deadlines: an admin adds the first deadline', 'deadlines', 'an admin', ADMIN, { action: 'create', deadline: { measureId: 'm01', batchTitle: '2022 年度自治区级企业技术中心认定', opensOn: '2026-11-01', closesOn: '2026-12-30', issuer: '自治区工业和信息化厅', sourceUrl: 'https://gxt.nmg.gov.cn/n/1' } }, ['auditLog', 'deadlines']],
  ['deadlines: the public list of a fresh environment is read (reads create nothing)', 'deadlines', 'empty', USER, { action: 'list' }, []],
  ['subscriptions: a person subscribes to a measure', 'subscriptions', 'empty', USER, { action: 'subscribe', measureId: 'm02', results: { [WEEK]: 'accept', [DAY]: 'accept' } }, ['auditLog', 'subscriptions']],
  ['listStatus: an admin sets the list’s status', 'listStatus', 'an admin', ADMIN, { action: 'set', status: { state: 'inForce', notice: '', sourceUrl: 'https://gxt.nmg.gov.cn/n/1', checkedOn: '2026-12-01' } }, ['auditLog', 'listStatus']],
  ['remind: the morning timer on an empty database records its run', 'remind', 'empty', null, { Type: 'timer', TriggerName: 'morningReminders' }, ['auditLog', 'runs']],
  ['remind: the morning timer sends the first reminder', 'remind', 'an admin, a deadline in a week and a subscription to it', null, { Type: 'timer', TriggerName: 'morningReminders' }, ['auditLog', 'runs', 'sendLog']],
  ['qrcode: the first 小程序码 is asked for', 'qrcode', 'empty', null, { scene: 'm=m08&i=3' }, ['auditLog', 'qrcodes']],
  ['screen: an admin starts the first screening', 'screen', 'an admin', ADMIN, { action: 'start', fileName: '园区名单.xlsx', size: 2048 }, ['auditLog', 'screenJobs']],
];

describe('first use of each function on a fresh WeChat environment', () => {
  it.each(FIRST_USE)('%s: creates what it writes, once, each with one audit entry', async (_name, fn, setup, openid, event, expected) => {
    const db = new FakeWxDatabase({ collections: 'explicit' });
    await given(db, setup);
    const { answer, cloud } = call(db, fn, openid, event);
    const env = await answer;
    expect(env.ok ? 'ok' : env.error).toBe('ok');
    expect(created(db)).toEqual(expected);
    expect(creationAudits(db).map((e) => [e.target, e.actor]).sort()).toEqual(expected.map((name) => [name, `function:${fn}`]));
    if (fn === 'calculate') expect(cloud.databaseCalls).toBe(0);
    if (setup === 'an admin, a deadline in a week and a subscription to it') expect(cloud.sent).toHaveLength(1);
    // The second call finds them all: nothing created again.
    await call(db, fn, openid, event).answer;
    expect(created(db)).toEqual(expected);
    expect(db.calls.filter((c) => c.startsWith('createCollection.'))).toHaveLength(expected.length);
  });

  it.each(FIRST_USE.filter(([, fn]) => fn !== 'calculate'))('%s: every collection it creates lists the function among its writers in COLLECTION_SPECS', (_name, fn, _setup, _openid, _event, expected) => {
    for (const name of expected) expect([name, COLLECTION_SPECS.find((s) => s.name === name)?.writtenBy.includes(fn as never)]).toEqual([name, true]);
  });
});

const TWICE: [string, keyof typeof HANDLERS, Setup, [string | null, Record<string, unknown>][], string[]][] = [
  ['two people subscribe', 'subscriptions', 'empty', [[USER, { action: 'subscribe', measureId: 'm02', results: { [WEEK]: 'accept' } }], [USER_2, { action: 'subscribe', measureId: 'm03', results: { [DAY]: 'accept' } }]], ['auditLog', 'subscriptions']],
  ['two admins add a deadline each', 'deadlines', 'an admin', [
    [ADMIN, { action: 'create', deadline: { measureId: 'm01', batchTitle: '2022 年度第一批', opensOn: '2026-11-01', closesOn: '2026-12-30', issuer: '自治区工业和信息化厅', sourceUrl: 'https://gxt.nmg.gov.cn/n/1' } }],
    [ADMIN_2, { action: 'create', deadline: { measureId: 'm02', batchTitle: '2022 年度第二批', opensOn: '2026-11-01', closesOn: '2026-12-31', issuer: '自治区工业和信息化厅', sourceUrl: 'https://gxt.nmg.gov.cn/n/2' } }],
  ], ['auditLog', 'deadlines']],
  ['two codes are asked for', 'qrcode', 'empty', [[null, { scene: 'm=m08&i=3' }], [null, { scene: 'm=m01&i=1' }]], ['auditLog', 'qrcodes']],
  ['two admins start a screening each', 'screen', 'an admin', [[ADMIN, { action: 'start', fileName: '甲.xlsx', size: 2048 }], [ADMIN_2, { action: 'start', fileName: '乙.csv', size: 100 }]], ['auditLog', 'screenJobs']],
];

describe('two instances starting at once on a fresh environment', () => {
  it.each(TWICE)('%s: both succeed, each collection is created by one of them and audited once', async (_name, fn, setup, calls, expected) => {
    const db = new FakeWxDatabase({ collections: 'explicit' });
    await given(db, setup);
    const answers = await Promise.all(calls.map(([openid, event]) => call(db, fn, openid, event).answer));
    expect(answers.map((a) => a.ok)).toEqual([true, true]);
    expect(db.created).toHaveLength(expected.length);
    expect(created(db)).toEqual(expected);
    expect(creationAudits(db).map((e) => e.target).sort()).toEqual(expected);
    // Both tried: the loser's "Table exist" was taken as success.
    const tries = db.calls.filter((c) => c === `createCollection.${expected[1]}`);
    expect(tries).toHaveLength(2);
  });
});

describe('a transaction that writes into a missing collection', () => {
  it.each([
    ['both collections missing', [] as string[], ['admins', 'auditLog']],
    ['only the audit log missing', ['admins'], ['auditLog']],
    ['only the record’s collection missing', ['auditLog'], ['admins']],
  ])('%s: the collections are created, then the transaction runs again and writes both documents', async (_name, existing, expected) => {
    const db = new FakeWxDatabase({ collections: 'explicit', existing });
    const store = wxDocumentStore(() => db, { actor: 'function:deadlines', now: () => NOW });
    await store.transaction(async (tx) => {
      await tx.collection(COLLECTIONS.admins).add({ _id: ADMIN, addedAt: NOW.toISOString(), addedBy: 'claim' });
      await appendAudit(tx, { at: NOW.toISOString(), actor: ADMIN, action: 'admin.claim', target: ADMIN, summary: '凭口令成为首位管理员' });
    });
    expect(created(db)).toEqual(expected);
    expect(db.dump(COLLECTIONS.admins).map((d) => d._id)).toEqual([ADMIN]);
    const audit = db.dump(COLLECTIONS.auditLog) as unknown as AuditDoc[];
    expect(audit.filter((e) => e.action === 'admin.claim')).toHaveLength(1);
    expect(audit.filter((e) => e.action === 'collection.create').map((e) => e.target).sort()).toEqual(expected);
    expect(db.calls.filter((c) => c === 'runTransaction')).toHaveLength(2);
  });
});

describe('reads and edits of a missing collection', () => {
  const store = (db: FakeWxDatabase) => wxDocumentStore(() => db).collection(COLLECTIONS.runs);
  it.each([
    ['get', (db: FakeWxDatabase) => store(db).get('r1'), null],
    ['find', (db: FakeWxDatabase) => store(db).find({ limit: 10 }), []],
    ['update', (db: FakeWxDatabase) => store(db).update('r1', { note: 'x' }), { updated: 0 }],
    ['updateIf', (db: FakeWxDatabase) => store(db).updateIf('r1', { state: 'a' }, { note: 'x' }), { updated: 0 }],
    ['remove', (db: FakeWxDatabase) => store(db).remove('r1'), { removed: 0 }],
  ])('%s answers as an empty collection does and creates nothing', async (_name, op, expected) => {
    const db = new FakeWxDatabase({ collections: 'explicit' });
    expect(await op(db)).toEqual(expected);
    expect(db.calls.filter((c) => c.startsWith('createCollection.'))).toEqual([]);
  });
});

describe('when WeChat refuses to create a collection', () => {
  it.each([
    ['the environment’s collection limit (-502004)', Object.assign(new Error('createCollection:fail -502004 database exceed collection limit. [LimitExceeded] collection count exceeds limit'), { errCode: -502004 })],
    ['permission denied (-502003)', Object.assign(new Error('createCollection:fail -502003 database permission denied. [AuthFailure] permission denied'), { errCode: -502003 })],
    ['a network timeout', new Error('createCollection:fail ESOCKETTIMEDOUT')],
  ])('%s: the function answers in Chinese naming the collection, logs WeChat’s error, and does not crash', async (_name, refusal) => {
    const db = new FakeWxDatabase({ collections: 'explicit' });
    db.createCollectionFailure = (name) => (name === COLLECTIONS.subscriptions ? refusal : undefined);
    const { answer, log } = call(db, 'subscriptions', USER, { action: 'subscribe', measureId: 'm02', results: { [WEEK]: 'accept' } });
    const env = await answer;
    expect(env).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('「subscriptions」') } });
    expect(!env.ok && env.error.message).toMatch(CJK);
    expect(!env.ok && env.error.message).not.toMatch(/createCollection|errCode|-50\d{4}/);
    expect(log.entries.filter((e) => e.level === 'error').map((e) => JSON.stringify(e.meta))).toEqual([expect.stringContaining(refusal.message)]);
    expect(db.dump(COLLECTIONS.subscriptions)).toEqual([]);
  });
});

describe('WeChat’s words for a missing collection and for one that exists', () => {
  it.each([
    ['wx-server-sdk 4 (toSDKError)', missingCollectionError('collection.add'), true],
    ['wx-server-sdk 2 (CloudSDKError)', new Error('errCode: -502005 database collection not exists | errMsg: [ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us.'), true],
    ['the raw answer inside a transaction', { code: 'DATABASE_COLLECTION_NOT_EXIST', message: '[ResourceNotFound] Db or Table not exist.' }, true],
    ['only the errCode', Object.assign(new Error('collection.get:fail'), { errCode: -502005 }), true],
    ['a missing document', new Error('document.get:fail document with _id x does not exist'), false],
    ['a duplicate id', new Error('errCode: -502001 database request fail | errMsg: [FailedOperation] E11000 duplicate key error'), false],
    ['a network error', new Error('ECONNRESET'), false],
  ])('%s → missing collection: %s', (_name, err, expected) => {
    expect(isMissingCollectionError(err)).toBe(expected);
  });

  it.each([
    ['wx-server-sdk 4: -501001 "Table exist"', collectionExistsError(), true],
    ['MongoDB-style "already exists"', new Error('createCollection:fail collection already exists'), true],
    ['the raw answer', { code: 'DATABASE_COLLECTION_ALREADY_EXIST', message: 'Table exist.' }, true],
    ['-501001 without "exist" (a system error)', Object.assign(new Error('createCollection:fail -501001 resource system error. [InternalError] try again'), { errCode: -501001 }), false],
    ['a missing collection', missingCollectionError('createCollection'), false],
    ['the collection limit', Object.assign(new Error('createCollection:fail -502004 database exceed collection limit.'), { errCode: -502004 }), false],
  ])('%s → exists: %s', (_name, err, expected) => {
    expect(isCollectionExistsError(err)).toBe(expected);
  });
});

describe('README › Collections', () => {
  const readme = readFileSync(path.join(__dirname, '../../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Collections'), readme.indexOf('\n## ', readme.indexOf('### Collections')));
  const arrow = (d: 'asc' | 'desc') => (d === 'asc' ? '↑' : '↓');

  it.each(COLLECTION_SPECS.map((s) => [s.name, s] as const))('lists %s with its writers, permission and indexes as COLLECTION_SPECS has them', (name, spec) => {
    const writers = spec.localOnly ? '— (local cloud only; not in WeChat)' : spec.writtenBy.map((f) => `\`${f}\``).join(', ');
    const permission = spec.localOnly ? '—' : spec.permission.label;
    const indexes = spec.indexes.map((i) => `\`${i.fields.map(([f, d]) => `${f} ${arrow(d)}`).join(', ')}\``).join('; ') || '—';
    expect(section).toContain(`| \`${name}\` | ${writers} | ${permission} | ${indexes} |`);
  });

  it('lists every collection of COLLECTIONS in COLLECTION_SPECS, once', () => {
    expect(COLLECTION_SPECS.map((s) => s.name).sort()).toEqual(Object.values(COLLECTIONS).sort());
  });
});
