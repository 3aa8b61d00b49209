/**
 * The reminder flow on the local cloud over real HTTP (NeDB underneath): identity from the dev
 * header only, admins bootstrapped by LOCAL_ADMINS, the timer run at a chosen date by a dev
 * header, the outbox the local sender writes, the samples (示例), and the CLI's way in.
 */
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { createServer, DEV_NOW_HEADER, DEV_OPENID_HEADER, DEV_TIMER_HEADER, type LocalCloud, type LocalCloudOptions } from '../../../server';
import { localCaller, SERVER_FILE } from '../../../server/local-call';
import { SAMPLE_ISSUER } from '../../../server/samples';
import { REMINDER_TEMPLATES } from '../../../shared/cloud/templates';
import { capturingLogger, CJK } from '../cloud/fakes';
import { postJson, request } from './http';
import { tempDir } from './tmp';

const WEEK = REMINDER_TEMPLATES.week.id;
const DAY = REMINDER_TEMPLATES.day.id;
const DEADLINE = { measureId: 'm01', batchTitle: '2022 年度自治区级企业技术中心认定', opensOn: '2022-06-01', closesOn: '2022-06-30', issuer: '自治区工业和信息化厅', sourceUrl: 'https://gxt.nmg.gov.cn/n/1' };

let tmp: ReturnType<typeof tempDir>;
const running: LocalCloud[] = [];
beforeEach(() => {
  tmp = tempDir('reminders');
});
afterEach(async () => {
  while (running.length) await running.pop()!.close();
  tmp.cleanup();
});

async function start(over: Partial<LocalCloudOptions> = {}) {
  const log = capturingLogger();
  const cloud = createServer({ port: 0, dataDir: path.join(tmp.dir, 'data'), staticDir: path.join(tmp.dir, 'none'), log, admins: ['dev-admin'], ...over });
  await cloud.listen();
  running.push(cloud);
  return Object.assign(cloud, { log });
}

const as = (openid: string, extra: Record<string, string> = {}) => ({ [DEV_OPENID_HEADER]: openid, ...extra });

it('the whole flow: subscribe before the deadline exists, admin adds it, the timer at 06-23 → one message per due reminder in the outbox', async () => {
  const cloud = await start();
  const sub = await postJson(`${cloud.url}/cloud/subscriptions`, { action: 'subscribe', measureId: 'm01', results: { [WEEK]: 'accept', [DAY]: 'accept' } }, as('dev-user-a'));
  expect(sub.status).toBe(200);
  expect(sub.json().data.subscription.key).toBe('m01.next');
  const forbidden = await postJson(`${cloud.url}/cloud/deadlines`, { action: 'create', deadline: DEADLINE }, as('dev-user-a'));
  expect(forbidden.status).toBe(403);
  expect(forbidden.json().error.message).toBe('仅管理员可以修改申报截止时间');
  const created = await postJson(`${cloud.url}/cloud/deadlines`, { action: 'create', deadline: DEADLINE }, as('dev-admin'));
  expect(created.status).toBe(200);

  // A user cannot run the timer; the timer (no user) at 09:00 on 2022-06-23 can.
  const byUser = await postJson(`${cloud.url}/cloud/remind`, {}, as('dev-user-a', { [DEV_NOW_HEADER]: '2022-06-23' }));
  expect(byUser.status).toBe(403);
  const run = await postJson(`${cloud.url}/cloud/remind`, {}, { [DEV_TIMER_HEADER]: '1', [DEV_NOW_HEADER]: '2022-06-23' });
  expect(run.status).toBe(200);
  expect(run.json().data).toMatchObject({ today: '2022-06-23', sent: 1, deadlinesDue: 1 });
  const again = await postJson(`${cloud.url}/cloud/remind`, {}, { [DEV_TIMER_HEADER]: '1', [DEV_NOW_HEADER]: '2022-06-23T09:03:00+08:00' });
  expect(again.json().data.sent).toBe(0);
  const dayBefore = await postJson(`${cloud.url}/cloud/remind`, {}, { [DEV_TIMER_HEADER]: '1', [DEV_NOW_HEADER]: '2022-06-29' });
  expect(dayBefore.json().data.sent).toBe(1);

  const outbox = await request(`${cloud.url}/dev/outbox`);
  expect(outbox.status).toBe(200);
  const { messages, runs } = outbox.json().data;
  expect(messages.map((m: { message: { touser: string; templateId: string; data: Record<string, { value: string }> } }) => [m.message.touser, m.message.templateId, m.message.data.thing3.value])).toEqual([
    ['dev-user-a', DAY, '还剩1天截止，请尽快准备申报'],
    ['dev-user-a', WEEK, '还剩7天截止，请尽快准备申报'],
  ]);
  expect(runs).toHaveLength(3);

  // The user's view.
  const list = await postJson(`${cloud.url}/cloud/subscriptions`, { action: 'list' }, as('dev-user-a'));
  expect(list.json().data.subscriptions[0].reminders.map((r: { state: string }) => r.state)).toEqual(['sent', 'sent']);
});

it('identity is the dev header only: a body naming another user changes nothing', async () => {
  const cloud = await start();
  await postJson(`${cloud.url}/cloud/subscriptions`, { action: 'subscribe', measureId: 'm05', results: { [WEEK]: 'accept' } }, as('user-a'));
  const b = await postJson(`${cloud.url}/cloud/subscriptions`, { action: 'list', openid: 'user-a', OPENID: 'user-a', userInfo: { openId: 'user-a' } }, as('user-b'));
  expect(b.json().data.subscriptions).toEqual([]);
  const cancel = await postJson(`${cloud.url}/cloud/subscriptions`, { action: 'cancel', measureId: 'm05', openid: 'user-a' }, as('user-b'));
  expect(cancel.json().data.subscription).toBeNull();
  const a = await postJson(`${cloud.url}/cloud/subscriptions`, { action: 'list' }, as('user-a'));
  expect(a.json().data.subscriptions[0].status).toBe('active');
  // An admin's openid in the body does not make user-b an admin.
  const write = await postJson(`${cloud.url}/cloud/deadlines`, { action: 'create', deadline: DEADLINE, openid: 'dev-admin' }, as('user-b'));
  expect(write.status).toBe(403);
});

it('bad dev headers and oversized or malformed bodies → an error code and a Chinese message', async () => {
  const cloud = await start();
  const badNow = await postJson(`${cloud.url}/cloud/remind`, {}, { [DEV_TIMER_HEADER]: '1', [DEV_NOW_HEADER]: '2022-02-30' });
  expect(badNow.status).toBe(400);
  expect(badNow.json().error.message).toMatch(CJK);
  const big = await postJson(`${cloud.url}/cloud/subscriptions`, { action: 'list', pad: 'x'.repeat(70 * 1024) }, as('user-a'));
  expect(big.status).toBe(413);
  expect(big.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(CJK) });
  const notJson = await request(`${cloud.url}/cloud/deadlines`, { method: 'POST', headers: { 'content-type': 'application/json', ...as('dev-admin') }, body: '{"action":' });
  expect(notJson.status).toBe(400);
  expect(notJson.json().error.code).toBe('INVALID_INPUT');
  const badImport = await postJson(`${cloud.url}/cloud/deadlines`, { action: 'import', format: 'csv', text: 'measureId,batchTitle,opensOn,closesOn,issuer,sourceUrl\nm01,批次,2022-06-31,2022-07-01,厅,https://a.cn' }, as('dev-admin'));
  expect(badImport.status).toBe(400);
  expect(badImport.json().error.message).toBe('第 2 行「开始日期」“2022-06-31”不是有效日期（应为真实的日历日期，如 2022-06-30）');
  const devGet = await request(`${cloud.url}/dev/nothing`);
  expect(devGet.status).toBe(404);
});

it('LOCAL_ADMINS bootstrap is audited once; samples are flagged 示例 and only added on request', async () => {
  const plain = await start();
  const none = await postJson(`${plain.url}/cloud/deadlines`, { action: 'list' }, as('x'));
  expect(none.json().data.deadlines).toEqual([]);
  await plain.close();
  running.pop();
  const cloud = await start({ sampleDeadlines: true, now: () => new Date('2022-06-23T01:00:00Z') });
  const list = await postJson(`${cloud.url}/cloud/deadlines`, { action: 'list' }, as('x'));
  const samples = list.json().data.deadlines;
  expect(samples.length).toBe(4); // m01, m07 and two batches of （八）
  for (const d of samples) {
    expect(d.sample).toBe(true);
    expect(d.batchTitle.startsWith('示例')).toBe(true);
    expect(d.issuer).toBe(SAMPLE_ISSUER);
  }
  const audit = await postJson(`${cloud.url}/cloud/deadlines`, { action: 'audit' }, as('dev-admin'));
  expect(audit.json().data.entries.map((e: { actor: string; action: string; target: string }) => [e.actor, e.action, e.target])).toEqual([['bootstrap', 'admin.add', 'dev-admin']]);
});

it('the CLI reaches the running server (server.json) instead of opening the store twice', async () => {
  const cloud = await start();
  const dataDir = path.join(tmp.dir, 'data');
  writeFileSync(path.join(dataDir, SERVER_FILE), JSON.stringify({ pid: process.pid, url: cloud.url }));
  const caller = localCaller(dataDir);
  expect(caller.via).toBe(`server ${cloud.url}`);
  expect(caller.store).toBeNull();
  const env = await caller.call('deadlines', { action: 'create', deadline: DEADLINE }, { openid: 'dev-admin' });
  expect(env.ok).toBe(true);
  const run = await caller.call('remind', {}, { openid: null, now: '2022-06-23' });
  expect(run.ok && run.data.today).toBe('2022-06-23');
  await caller.close();
});

it('without a running server the CLI opens the store itself', async () => {
  const dataDir = path.join(tmp.dir, 'alone');
  const caller = localCaller(dataDir);
  expect(caller.via).toBe(`store ${dataDir}`);
  const me = await caller.call('deadlines', { action: 'me' }, { openid: 'dev-user-a' });
  expect(me).toEqual({ ok: true, data: { action: 'me', isAdmin: false, openid: 'dev-user-a', canClaim: false } });
  const run = await caller.call('remind', {}, { openid: null, now: '2022-06-23' });
  expect(run.ok && run.data).toMatchObject({ today: '2022-06-23', sent: 0 });
  await caller.close();
});
