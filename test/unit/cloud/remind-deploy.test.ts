/**
 * What `remind` needs where WeChat runs it: the timer trigger and the openapi permission in its
 * config.json (the schedule agrees with the documented one), the WeChat sender's error mapping, the
 * handler's access rule and settings, and the simulation the benchmark runs (small here; the
 * 100 000-message run is `npm run bench`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runHandler } from '../../../shared/cloud/handler';
import { remind } from '../../../shared/cloud/handlers/remind';
import { FakeWeChat } from '../../fakes/fake-wechat';
import { REMIND_SCHEDULE } from '../../../shared/cloud/remind/schedule';
import { simulateDispatch } from '../../fakes/simulate';
import { wxSender } from '../../../shared/cloud/remind/wx-sender';
import { makeCloudMain } from '../../../shared/cloud/shell';
import { repos } from '../../../shared/cloud/repos';
import { FakeWxDatabase } from '../../fakes/fake-wx-db';
import { BACKENDS } from './backends';
import { capturingLogger, fakeContext } from './fakes';

const root = path.resolve(__dirname, '../../..');

it('config.json: a 7-field timer in the morning window, and subscribeMessage.send', () => {
  const config = JSON.parse(readFileSync(path.join(root, 'cloudfunctions/remind/config.json'), 'utf8'));
  expect(config.permissions.openapi).toEqual(['subscribeMessage.send']);
  expect(config.triggers).toHaveLength(1); // WeChat allows one trigger per function
  const [trigger] = config.triggers;
  expect(trigger.type).toBe('timer');
  expect(trigger.config).toBe(REMIND_SCHEDULE.cron);
  const fields = trigger.config.split(' ');
  expect(fields).toHaveLength(7);
  // sec min hour: 0 */3 9-11 → 60 runs, from 09:00.
  expect(fields.slice(0, 3)).toEqual(['0', '*/3', '9-11']);
  expect((60 / 3) * 3).toBe(REMIND_SCHEDULE.runsPerMorning);
  for (const other of ['calculate', 'deadlines', 'subscriptions']) {
    const c = JSON.parse(readFileSync(path.join(root, `cloudfunctions/${other}/config.json`), 'utf8'));
    expect([other, c.permissions.openapi, c.triggers]).toEqual([other, [], undefined]);
  }
});

describe('wxSender', () => {
  const message = { touser: 'o', templateId: 't', page: 'pages/reminders/index', data: {}, miniprogramState: 'formal' as const };
  it('passes the message; ok → errCode 0', async () => {
    const send = jest.fn().mockResolvedValue({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' });
    expect(await wxSender(() => ({ subscribeMessage: { send } })).send(message)).toEqual({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' });
    expect(send).toHaveBeenCalledWith(message);
  });
  it('WeChat refusals (thrown with errCode) come back as results; other failures are thrown', async () => {
    const refusal = Object.assign(new Error('errCode: 43101 | errMsg: user refuse to accept the msg'), { errCode: 43101 });
    const s1 = wxSender(() => ({ subscribeMessage: { send: jest.fn().mockRejectedValue(refusal) } }));
    expect(await s1.send(message)).toMatchObject({ errCode: 43101 });
    const s2 = wxSender(() => ({ subscribeMessage: { send: jest.fn().mockRejectedValue(new Error('ECONNRESET')) } }));
    await expect(s2.send(message)).rejects.toThrow('ECONNRESET');
  });
});

describe('remind handler', () => {
  it('runs for the timer (no OPENID) and for admins; refuses everyone else', async () => {
    const [, make] = BACKENDS[1];
    const b = make();
    await repos(b.store).admins.add({ _id: 'o-admin', addedAt: '2022', addedBy: 'bootstrap' });
    const ctx = (openid: string | null, env: Record<string, string> = {}) => fakeContext({ openid, db: b.store, sender: new FakeWeChat(), env, now: () => new Date('2022-06-23T01:00:00Z') });
    const user = await runHandler('remind', remind, {}, ctx('o-user'));
    expect(!user.ok && user.error).toEqual({ code: 'FORBIDDEN', message: '提醒任务只能由定时触发器或管理员运行' });
    const timer = await runHandler('remind', remind, { Type: 'timer', TriggerName: 'morningReminders', Time: '2022-06-23T01:00:00Z' }, ctx(null, { REMIND_BUDGET_MS: '20000', REMIND_CONCURRENCY: '4' }));
    expect(timer.ok && timer.data).toMatchObject({ today: '2022-06-23', budgetMs: 20000, stoppedBy: 'done' });
    const admin = await runHandler('remind', remind, {}, ctx('o-admin', { REMIND_BUDGET_MS: 'nonsense' }));
    expect(admin.ok && admin.data.budgetMs).toBe(50000);
  });

  it('the WeChat shell gives remind the openapi sender and the environment', async () => {
    const fake = new FakeWxDatabase();
    const send = jest.fn().mockResolvedValue({ errCode: 0 });
    const cloud = { getWXContext: () => ({}), database: () => fake, openapi: { subscribeMessage: { send } } };
    const main = makeCloudMain('remind', remind, cloud, { log: capturingLogger(), now: () => new Date('2022-06-23T01:00:00Z') });
    await fake.collection('deadlines').add({ data: { _id: 'dl-1', measureId: 'm01', batchTitle: '批次', opensOn: '2022-06-01', closesOn: '2022-06-30', issuer: 'x', sourceUrl: 'https://a.cn', sample: false, createdAt: '', createdBy: '', updatedAt: '', updatedBy: '' } });
    await repos((await import('../../../shared/cloud/wx-db')).wxDocumentStore(() => fake)).subscriptions.accept({ openid: 'o-1', measureId: 'm01', deadlineKey: 'dl-1', kind: 'week', at: '' });
    const env = await main({ Type: 'timer' });
    expect(env.ok && env.data.sent).toBe(1);
    expect(send).toHaveBeenCalledWith(expect.objectContaining({ touser: 'o-1', miniprogramState: 'formal' }));
  });
});

it('simulateDispatch: every subscriber once, none twice (10 % also holding a cancelled subscription’s credit), with round trips and rates reported', async () => {
  const runs: number[] = [];
  const r = await simulateDispatch({ subscriptions: 600, budgetMs: 10_000, onRun: (s) => runs.push(s.sent) });
  expect(r).toMatchObject({ subscriptions: 600, sent: 600, duplicates: 0, missing: 0, cancelledWithCredit: 60, cancelledCreditsSpent: 0 });
  expect(r.settings.cancelledShare).toBe(0.1);
  expect(r.runs).toBeGreaterThan(1); // the budget split the batch over several runs
  expect(runs.reduce((a, b) => a + b, 0)).toBe(600);
  expect(r.dbRoundTripsPerMessage).toBeGreaterThan(5);
  expect(r.dbRoundTripsPerMessage).toBeLessThan(9);
  expect(r.messagesPerSecond).toBeGreaterThan(0);
  expect(r.capacityPerMorning).toBe(Math.floor(r.messagesPerFullRun * 60));
});
