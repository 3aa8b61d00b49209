/**
 * 管理 in the WeChat build: admins run the service from the mini-program — the first admin claims
 * the seat with the bootstrap code, deadlines are imported from a file sent in a chat
 * (chooseMessageFile → readFile → dry run → import), created and edited with the cloud's field
 * messages, their reach is shown before a delete, the list's status is published, admins are
 * added, and the audit log and timer runs are read. Anyone else is refused by the pages and, above
 * all, by the cloud functions.
 */
import type { DeadlinesResponse, Envelope } from '../../shared/cloud/api';
import { runRemind } from '../../shared/cloud/remind/engine';
import { FakeWeChat } from '../fakes/fake-wechat';
import { adminsRepo, runsRepo } from '../../shared/cloud/repos';
import { REMINDER_TEMPLATES } from '../../shared/cloud/templates';
import { wxDocumentStore } from '../../shared/cloud/wx-db';
import { catalog2022 } from '../../shared/policy/engine';
import { launch } from './harness';
import { findByClass } from './query';

const mp = launch();

const ADMIN = 'admin-openid';
const CODE = 'k7-first-admin-2026';
// Beijing 2022-06-20 10:00.
const NOW = new Date('2022-06-20T02:00:00Z');

const measure = (id: string) => catalog2022.measures.find((m) => m.id === id)!;

async function makeAdmin(openid = ADMIN) {
  await adminsRepo(wxDocumentStore(() => mp.db)).add({ _id: openid, addedAt: NOW.toISOString(), addedBy: 'bootstrap' });
}

/** Opens a route and waits until its loading text is gone. */
async function open(url: string): Promise<string> {
  await mp.reLaunch(url);
  return mp.waitFor(() => {
    const text = mp.text();
    return text.length > 0 && !/正在(加载|确认)/.test(text) && text;
  }, `${url} to finish loading`);
}

/** Deadlines as the cloud lists them to anyone. */
async function listed(scope: 'current' | 'closed' = 'current') {
  const env = (await mp.callCloud('deadlines', { action: 'list', scope, limit: 100 }, null)) as Envelope<DeadlinesResponse>;
  if (!env.ok || env.data.action !== 'list') throw new Error(JSON.stringify(env));
  return env.data.deadlines;
}

const CSV_HEADER = '措施编号,批次名称,开始日期,截止日期,发布机关,来源链接';
const GOOD_CSV = [
  CSV_HEADER,
  'm01,2022 年度自治区级企业技术中心认定,2022-06-01,2022-06-30,自治区工业和信息化厅,https://gxt.nmg.gov.cn/n/1',
  '（五）,2022 年度绿色工厂申报,2022/6/10,2022年7月15日,自治区工业和信息化厅,https://gxt.nmg.gov.cn/n/5',
].join('\n');

beforeEach(async () => {
  await mp.reset();
  mp.now = () => NOW;
});
afterEach(() => expect(mp.errors).toEqual([]));

describe('who may use 管理', () => {
  it('a user is refused on every admin page, sees their own id to send to an admin, and the cloud refuses writes anyway', async () => {
    for (const route of ['index', 'deadline/index', 'import/index', 'status/index', 'admins/index', 'log/index']) {
      const text = await open(`/pages/admin/${route}`);
      expect([route, text]).toEqual([route, expect.stringContaining('仅管理员可用')]);
      expect(mp.text('#admin-openid')).toContain('user-a');
      expect(mp.has('admin-save') || mp.has('import-pick') || mp.has('status-save') || mp.has('admins-add') || mp.has('admin-new')).toBe(false);
      expect(mp.has('admin-claim-form')).toBe(false); // no bootstrap code configured
    }
    await mp.tap('#admin-copy-openid');
    expect(mp.callsOf('setClipboardData')).toEqual([expect.objectContaining({ data: 'user-a' })]);
    const forced = await mp.callCloud('deadlines', { action: 'import', format: 'csv', text: GOOD_CSV, openid: ADMIN } as never, 'user-a');
    expect(!forced.ok && forced.error.code).toBe('FORBIDDEN');
    const status = await mp.callCloud('listStatus', { action: 'set', status: { state: 'inForce', notice: '', sourceUrl: 'https://a.cn/x', checkedOn: '2022-06-20' } }, 'user-a');
    expect(!status.ok && status.error.code).toBe('FORBIDDEN');
    expect(await listed()).toEqual([]);
  });

  it('no 管理 button for a user on 我的提醒 or the home page; an admin has it on both', async () => {
    await open('/pages/reminders/index');
    expect(mp.has('reminders-admin')).toBe(false);
    await open('/pages/index/index');
    expect(mp.has('home-admin')).toBe(false);
    await makeAdmin('user-a');
    await open('/pages/reminders/index');
    await mp.waitFor(() => mp.has('reminders-admin'), 'the 管理 button on 我的提醒');
    await mp.tap('#reminders-admin');
    expect(mp.stack().map((p) => p.route)).toEqual(['pages/reminders/index', 'pages/admin/index']);
    await open('/pages/index/index');
    await mp.waitFor(() => mp.has('home-admin'), 'the 管理 button on the home page');
  });

  it('the first admin: with the bootstrap code configured and no admin yet, 管理 offers the claim; a wrong code is refused', async () => {
    mp.cloudEnv = { ADMIN_BOOTSTRAP_CODE: CODE };
    mp.openid = 'first-admin';
    await open('/pages/admin/index');
    await mp.waitFor(() => mp.has('admin-claim-form'), 'the claim form');
    await mp.input('#admin-claim-code', 'wrong-code');
    await mp.tap('#admin-claim');
    expect(await mp.waitFor(() => mp.has('admin-claim-message') && mp.text('#admin-claim-message'), 'the claim message')).toContain('口令不正确');
    expect(mp.value('#admin-claim-code')).toBe('wrong-code');
    await mp.input('#admin-claim-code', CODE);
    await mp.tap('#admin-claim');
    await mp.waitFor(() => mp.has('admin-new'), 'the admin hub after claiming');
    expect(mp.db.dump('admins').map((a) => a._id)).toEqual(['first-admin']);
    // Now closed: another user with the code is only refused.
    mp.openid = 'someone-else';
    await open('/pages/admin/index');
    expect(mp.has('admin-claim-form')).toBe(false);
    expect(mp.text()).toContain('仅管理员可用');
  });
});

describe('an admin runs the deadlines from WeChat', () => {
  beforeEach(async () => {
    await makeAdmin();
    mp.openid = ADMIN;
  });

  it('imports a file sent in a chat: a bad file names every bad row and imports nothing; a good one is previewed row by row, then imported', async () => {
    const bad = `${GOOD_CSV}\nm77,某批次,2022-06-01,2022-06-30,厅,https://a.cn/1\nm02,另一批,2022-06-01,2022-02-30,厅,ftp://a.cn`;
    mp.answers.messageFiles = [{ path: 'wxfile://tmp_bad.csv', name: '截止时间（有错）.csv', size: bad.length, content: bad }];
    await open('/pages/admin/import/index');
    await mp.tap('#import-pick');
    await mp.waitFor(() => mp.has('import-errors'), 'the list of bad rows');
    expect(mp.callsOf('chooseMessageFile')).toHaveLength(1);
    expect(mp.callsOf('readFile')).toEqual([expect.objectContaining({ filePath: 'wxfile://tmp_bad.csv' })]);
    const errors = mp.text('#import-errors');
    expect(errors).toContain('第 4 行「措施编号」“m77”不在 2022 年政策清单中');
    expect(errors).toContain('第 5 行「截止日期」');
    expect(errors).toContain('第 5 行「来源链接」');
    expect(mp.has('import-confirm')).toBe(false);
    expect(await listed()).toEqual([]);

    mp.answers.messageFiles = [{ path: 'wxfile://tmp_good.csv', name: '截止时间.csv', size: GOOD_CSV.length, content: GOOD_CSV }];
    await mp.tap('#import-pick');
    await mp.waitFor(() => mp.has('import-confirm'), 'the preview');
    expect(mp.text('#import-preview-counts')).toContain('新增 2');
    expect(mp.text('#import-row-1')).toContain('2022 年度自治区级企业技术中心认定');
    expect(mp.text('#import-row-2')).toContain(`${measure('m05').label}`);
    expect(mp.text('#import-row-2')).toContain('2022-07-15');
    expect(await listed()).toEqual([]); // the preview wrote nothing
    await mp.tap('#import-confirm');
    await mp.waitFor(() => mp.has('import-done'), 'the import result');
    expect((await listed()).map((d) => [d.measureId, d.batchTitle, d.closesOn])).toEqual([
      ['m01', '2022 年度自治区级企业技术中心认定', '2022-06-30'],
      ['m05', '2022 年度绿色工厂申报', '2022-07-15'],
    ]);
    // The same file again changes nothing.
    await mp.tap('#import-pick');
    await mp.waitFor(() => mp.has('import-preview-counts') && mp.text('#import-preview-counts').includes('未变 2'), 'the second preview');

    // The hub lists both, soonest first; a user who cancels the file pick is told nothing alarming.
    await open('/pages/admin/index');
    expect(mp.text('#admin-list-current')).toMatch(/企业技术中心认定[\s\S]*绿色工厂申报/);
    mp.answers.messageFiles = [];
    await open('/pages/admin/import/index');
    await mp.tap('#import-pick');
    expect(mp.has('import-errors')).toBe(false);
    expect(mp.has('import-pick-message') ? mp.text('#import-pick-message') : '').not.toMatch(/失败|错误/);
  });

  it.each([
    ['a CSV: the first row under the header is 第 2 行', '截止时间.csv', GOOD_CSV, ['第 2 行 · 新增', '第 3 行 · 新增']],
    [
      'a JSON array: its elements are 第 1 条, 第 2 条',
      '截止时间.json',
      JSON.stringify([
        { measureId: 'm01', batchTitle: '2022 年度自治区级企业技术中心认定', opensOn: '2022-06-01', closesOn: '2022-06-30', issuer: '自治区工业和信息化厅', sourceUrl: 'https://gxt.nmg.gov.cn/n/1' },
        { measureId: 'm05', batchTitle: '2022 年度绿色工厂申报', opensOn: '2022-06-10', closesOn: '2022-07-15', issuer: '自治区工业和信息化厅', sourceUrl: 'https://gxt.nmg.gov.cn/n/5' },
      ]),
      ['第 1 条 · 新增', '第 2 条 · 新增'],
    ],
  ])('the import preview names each row as the file has it (issue 22, item 13) — %s', async (_name, name, content, labels) => {
    mp.answers.messageFiles = [{ path: `wxfile://tmp_${name}`, name, size: content.length, content }];
    await open('/pages/admin/import/index');
    await mp.tap('#import-pick');
    await mp.waitFor(() => mp.has('import-confirm'), 'the preview');
    expect([mp.text('#import-row-1'), mp.text('#import-row-2')].map((t) => t.slice(0, labels[0].length))).toEqual(labels);
  });

  it('creates a deadline: a bad date is named under its field and the typed text stays; then it is saved and listed', async () => {
    await open('/pages/admin/index');
    await mp.tap('#admin-new');
    expect(mp.page().route).toBe('pages/admin/deadline/index');
    await mp.waitFor(() => mp.has('admin-save'), 'the form');
    const fill = async (key: string, value: string) => mp.input(`#admin-${key}`, value);
    await fill('measureId', 'm08');
    await fill('batchTitle', '2022 年度重点产业链项目');
    await fill('opensOn', '2022-06-01');
    await fill('closesOn', '2022-02-30');
    await fill('issuer', '自治区工业和信息化厅');
    await fill('sourceUrl', 'https://gxt.nmg.gov.cn/notice/8');
    await mp.tap('#admin-save');
    const message = await mp.waitFor(() => mp.has('admin-closesOn-error') && mp.text('#admin-closesOn-error'), 'the date message');
    expect(message).toContain('「截止日期」“2022-02-30”不是有效日期');
    expect(mp.value('#admin-closesOn')).toBe('2022-02-30');
    expect(mp.value('#admin-batchTitle')).toBe('2022 年度重点产业链项目');
    await fill('closesOn', '2022-07-31');
    await mp.tap('#admin-save');
    await mp.waitFor(() => mp.page().route === 'pages/admin/index' && mp.has('admin-list-current'), 'back on the hub');
    await mp.waitFor(() => mp.text('#admin-list-current').includes('2022 年度重点产业链项目'), 'the new deadline listed');
    expect((await listed()).map((d) => [d.measureId, d.closesOn])).toEqual([['m08', '2022-07-31']]);
  });

  it('shows who will be told, refuses moving subscribers to another measure, and says how many a delete concerns', async () => {
    const created = (await mp.callCloud(
      'deadlines',
      { action: 'create', deadline: { measureId: 'm09', batchTitle: '先进制造业投资贴息', opensOn: '2022-06-01', closesOn: '2022-06-30', issuer: '自治区工业和信息化厅', sourceUrl: 'https://gxt.nmg.gov.cn/n/9' } },
      ADMIN,
    )) as Envelope<DeadlinesResponse>;
    const id = created.ok && created.data.action === 'create' ? created.data.deadline.id : '';
    // Two users subscribe on the measure page (each accepting both templates); one only the 7-day one.
    const both = { [REMINDER_TEMPLATES.week.id]: 'accept', [REMINDER_TEMPLATES.day.id]: 'accept' };
    await mp.callCloud('subscriptions', { action: 'subscribe', measureId: 'm09', deadlineId: id, results: both }, 'u-1');
    await mp.callCloud('subscriptions', { action: 'subscribe', measureId: 'm09', deadlineId: id, results: { ...both, [REMINDER_TEMPLATES.day.id]: 'reject' } }, 'u-2');

    await open('/pages/admin/index');
    await mp.tap(`#admin-deadline-${id}`);
    await mp.waitFor(() => mp.has('deadline-reach'), 'the reach block');
    expect(mp.text('#deadline-reach-week-batch')).toContain('2');
    expect(mp.text('#deadline-reach-day-batch')).toContain('1');

    await mp.input('#admin-measureId', 'm10');
    await mp.tap('#admin-save');
    const refused = await mp.waitFor(() => mp.has('admin-measureId-error') && mp.text('#admin-measureId-error'), 'the measure message');
    expect(refused).toContain('已有 2 位用户订阅了这一批次的提醒');
    expect((await listed())[0].measureId).toBe('m09');

    mp.answers.modals = [false];
    await mp.tap('#deadline-delete');
    const modal = mp.callsOf('showModal').at(-1) as { content: string };
    expect(modal.content).toMatch(/2 位|2 人/);
    expect(await listed()).toHaveLength(1); // cancelled
    mp.answers.modals = [true];
    await mp.tap('#deadline-delete');
    await mp.waitFor(() => mp.page().route === 'pages/admin/index', 'back on the hub');
    expect(await listed()).toEqual([]);
  });

  it('publishes the list status (field messages first) and reads it back', async () => {
    await open('/pages/admin/status/index');
    expect(mp.text('#status-current')).toContain('状态未核实');
    await mp.tap('#status-state-superseded');
    await mp.input('#status-sourceUrl', 'https://gxt.nmg.gov.cn/zcfg/2023');
    // The form proposes the phone's today; the cloud's clock here is 2022-06-20 (a later day is refused).
    await mp.input('#status-checkedOn', '2022-06-20');
    await mp.tap('#status-save');
    expect(await mp.waitFor(() => mp.has('status-notice-error') && mp.text('#status-notice-error'), 'the notice message')).toContain('「说明」不能为空');
    await mp.input('#status-notice', '2023 年清单已发布，以新清单为准');
    await mp.tap('#status-save');
    await mp.waitFor(() => mp.text('#status-current').includes('已有后续清单'), 'the published status');
    const env = await mp.callCloud('listStatus', { action: 'get' }, null);
    expect(env.ok && env.data).toMatchObject({ status: { state: 'superseded', notice: '2023 年清单已发布，以新清单为准', checkedOn: '2022-06-20' } });
  });

  it('adds another admin, refuses removing oneself, and the log shows each change newest first', async () => {
    await open('/pages/admin/admins/index');
    await mp.input('#admins-openid', 'oABC_second-admin');
    await mp.input('#admins-note', '园区办公室');
    await mp.tap('#admins-add');
    await mp.waitFor(() => mp.has('admins-row-oABC_second-admin'), 'the new admin listed');
    // Your own row offers no 移除 (item 12 below); the cloud refuses it all the same.
    const self = await mp.callCloud('deadlines', { action: 'removeAdmin', openid: ADMIN }, ADMIN);
    expect(!self.ok && self.error.message).toContain('不能移除自己');
    expect(mp.db.dump('admins').map((a) => a._id).sort()).toEqual([ADMIN, 'oABC_second-admin'].sort());

    // A run of the reminder timer, as `remind` stores its summary.
    await runsRepo(wxDocumentStore(() => mp.db)).save({
      _id: 'run-1', runId: 'r-1', today: '2022-06-20', startedAt: '2022-06-20T01:00:00.000Z', finishedAt: '2022-06-20T01:00:02.000Z', durationMs: 2000, budgetMs: 50000,
      stoppedBy: 'done', deadlinesDue: 1, sent: 3, skipped: { noCredit: 2 }, refused: 1, dropped: 0, dataErrors: 0, retry: 0, failed: 0, unknown: 0, remaining: 0, dbCalls: 30,
    });
    await open('/pages/admin/log/index');
    const entries = mp.byClass('log-entry').map((e) => mp.text(e));
    expect(entries[0]).toContain('添加管理员 oABC_second-admin（园区办公室）');
    await mp.tap('#log-tab-runs');
    await mp.waitFor(() => findByClass(mp.page().root, 'log-run').length === 1, 'the timer run');
    const run = mp.text('#log-run-0');
    expect(run).toContain('2022-06-20');
    expect(run).toMatch(/发送\D*3/);
    expect(run).toMatch(/无授权\D*2/);
  });
});

describe('issue 22, item 12: the 管理员 page and the run log say what is so', () => {
  beforeEach(async () => {
    await makeAdmin();
    await makeAdmin('oABC_second-admin');
    mp.openid = ADMIN;
  });

  it.each([
    ['your own row offers no 移除 and says 这是你自己', ADMIN, false, '这是你自己'],
    ['another admin’s row offers 移除', 'oABC_second-admin', true, ''],
  ])('%s', async (_name, openid, removable, says) => {
    await open('/pages/admin/admins/index');
    await mp.waitFor(() => mp.has(`admins-row-${openid}`), 'the row');
    expect(mp.has(`admins-remove-${openid}`)).toBe(removable);
    if (says) expect(mp.text(`#admins-row-${openid}`)).toContain(says);
    expect(mp.callsOf('showModal')).toEqual([]);
  });

  it('a rerun of the timer that finds today’s reminder already sent says 今天的提醒已发送过; the first run does not', async () => {
    const created = (await mp.callCloud(
      'deadlines',
      { action: 'create', deadline: { measureId: 'm09', batchTitle: '先进制造业投资贴息', opensOn: '2022-06-01', closesOn: '2022-06-21', issuer: '自治区工业和信息化厅', sourceUrl: 'https://gxt.nmg.gov.cn/n/9' } },
      ADMIN,
    )) as Envelope<DeadlinesResponse>;
    const id = created.ok && created.data.action === 'create' ? created.data.deadline.id : '';
    const both = { [REMINDER_TEMPLATES.week.id]: 'accept', [REMINDER_TEMPLATES.day.id]: 'accept' };
    await mp.callCloud('subscriptions', { action: 'subscribe', measureId: 'm09', deadlineId: id, results: both }, 'u-1');
    const wechat = new FakeWeChat();
    wechat.grant('u-1', REMINDER_TEMPLATES.day.id);
    const quiet = { info() {}, warn() {}, error() {} };
    const db = wxDocumentStore(() => mp.db);
    const first = await runRemind({ db, sender: wechat, log: quiet, now: () => NOW });
    const again = await runRemind({ db, sender: wechat, log: quiet, now: () => new Date(NOW.getTime() + 5 * 60_000) });
    expect([first.sent, again.sent, again.deadlinesDue]).toEqual([1, 0, 1]);

    await open('/pages/admin/log/index');
    await mp.tap('#log-tab-runs');
    await mp.waitFor(() => findByClass(mp.page().root, 'log-run').length === 2, 'both runs');
    expect(mp.text('#log-run-0')).toContain('今天的提醒已发送过');
    expect(mp.text('#log-run-1')).not.toContain('已发送过');
  });
});

describe('issue 25, item 2: two admins editing one deadline at once', () => {
  beforeEach(async () => {
    await makeAdmin();
    await makeAdmin('oABC_second-admin');
    mp.openid = ADMIN;
  });

  it('the page saving after another admin saved gets CONFLICT: it says so, shows what is saved now, keeps the typed text, and the next save goes through', async () => {
    const created = (await mp.callCloud(
      'deadlines',
      { action: 'create', deadline: { measureId: 'm09', batchTitle: '先进制造业投资贴息', opensOn: '2022-06-01', closesOn: '2022-06-30', issuer: '自治区工业和信息化厅', sourceUrl: 'https://gxt.nmg.gov.cn/n/9' } },
      ADMIN,
    )) as Envelope<DeadlinesResponse>;
    const read = created.ok && created.data.action === 'create' ? created.data.deadline : null;
    await open(`/pages/admin/deadline/index?id=${read!.id}`);
    await mp.waitFor(() => mp.has('admin-save'), 'the form');
    await mp.input('#admin-issuer', '自治区发展和改革委员会');
    // Meanwhile the other admin moves the closing date (from the revision both pages read).
    const theirs = await mp.callCloud(
      'deadlines',
      { action: 'update', id: read!.id, revision: read!.revision, deadline: { measureId: 'm09', batchTitle: '先进制造业投资贴息', opensOn: '2022-06-01', closesOn: '2022-07-15', issuer: '自治区工业和信息化厅', sourceUrl: 'https://gxt.nmg.gov.cn/n/9' } },
      'oABC_second-admin',
    );
    expect(theirs.ok).toBe(true);
    await mp.tap('#admin-save');
    const said = await mp.waitFor(() => mp.has('deadline-theirs') && mp.text('#deadline-error'), 'the conflict message with the saved record');
    expect(said).toContain('这条截止时间已被其他管理员修改，请刷新后再改');
    expect(mp.text('#deadline-theirs')).toContain('2022-07-15');
    expect(mp.value('#admin-issuer')).toBe('自治区发展和改革委员会');
    expect((await listed()).map((d) => [d.issuer, d.closesOn])).toEqual([['自治区工业和信息化厅', '2022-07-15']]);
    // The admin takes the other's date too, and saves against the record as it is now.
    await mp.input('#admin-closesOn', '2022-07-15');
    await mp.tap('#admin-save');
    await mp.waitFor(() => mp.page().route === 'pages/admin/index', 'back on the hub');
    expect((await listed()).map((d) => [d.issuer, d.closesOn])).toEqual([['自治区发展和改革委员会', '2022-07-15']]);
  }, 20_000);
});
