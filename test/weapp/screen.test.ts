/**
 * 园区批量测算 in the WeChat build: an admin gets the blank template (opened in WeChat's viewer, sent
 * to a chat), picks the filled register from a chat (chooseMessageFile), which is uploaded to their
 * own folder (wx.cloud.uploadFile) and screened by the real `screen` handler in calls of
 * SCREEN_CHUNK_ROWS rows with the progress on the page; the result opens (downloadFile →
 * openDocument with its menu), goes to a chat (shareFileMessage) and is deleted — and afterwards
 * storage holds nothing of the register. Anyone else sees the admin gate, and the cloud refuses them.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { questionnaireProfile } from '../../bench/profiles';
import { SCREEN_CHUNK_ROWS } from '../../shared/cloud/api';
import { SCREEN_MESSAGES, TEMPLATE_PATH } from '../../shared/cloud/handlers/screen';
import { adminsRepo, screenJobsRepo } from '../../shared/cloud/repos';
import { rng } from '../fakes/simulate';
import { wxDocumentStore } from '../../shared/cloud/wx-db';
import { catalog2022, parseProfile, type Profile } from '../../shared/policy/engine';
import { screenColumns, profileRow, writeTable } from '../../shared/policy/screening';
import { launch } from './harness';
import { enterprise, registerSheet, workbookParts, writeZip } from '../unit/screen/hostile-files';

const mp = launch();
const ADMIN = 'admin-openid';
const ROUTE = '/pages/admin/screen/index';
const PRIVACY = '名单只用于这次测算：上传的文件和中间结果在生成结果后即删除，只保留结果文件；结果文件只有你能打开，可随时删除。';
const ROWS = SCREEN_CHUNK_ROWS + 25;

const dir = mkdtempSync(path.join(os.tmpdir(), 'weapp-screen-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let register: Uint8Array;

beforeAll(async () => {
  const r = rng(42);
  const columns = screenColumns(catalog2022);
  const rows = Array.from({ length: ROWS }, (_, i) => {
    const p = parseProfile(questionnaireProfile(r));
    if (!p.ok) throw new Error('generated profile invalid');
    return profileRow(`企业${i + 1}`, p.profile as Profile, columns, { numbers: true });
  });
  const file = path.join(dir, 'register.xlsx');
  await writeTable(file, columns, rows);
  register = readFileSync(file);
}, 60000);

beforeEach(async () => {
  await mp.reset();
});
afterEach(() => expect(mp.errors).toEqual([]));

async function open(): Promise<string> {
  await mp.reLaunch(ROUTE);
  return mp.waitFor(() => {
    const text = mp.text();
    return text.length > 0 && !/正在加载/.test(text) && text;
  }, 'the page to load');
}

async function makeAdmin() {
  await adminsRepo(wxDocumentStore(() => mp.db)).add({ _id: ADMIN, addedAt: new Date().toISOString(), addedBy: 'bootstrap' });
  mp.openid = ADMIN;
}

const storedPaths = () => [...mp.files.values()].map((f) => f.cloudPath).sort();

it('a user who is not an admin sees the gate, and the cloud refuses them', async () => {
  const text = await open();
  expect(text).toContain('仅管理员可用');
  expect(mp.has('screen-pick')).toBe(false);
  const forced = await mp.callCloud('screen', { action: 'template' }, 'user-a');
  expect(forced).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

it('the admin hub leads to the page', async () => {
  await makeAdmin();
  await mp.reLaunch('/pages/admin/index');
  await mp.waitFor(() => mp.has('admin-screen'), 'the hub');
  await mp.tap('#admin-screen');
  expect(mp.page().route).toBe('pages/admin/screen/index');
});

it('template → register from a chat → progress → result opened, sent and deleted; nothing of the register stays', async () => {
  await makeAdmin();
  const text = await open();
  expect(text).toContain(PRIVACY);

  // The blank template, in WeChat's viewer and to a chat.
  await mp.tap('#screen-template-open');
  const [doc] = mp.callsOf('openDocument');
  expect(doc).toMatchObject({ fileType: 'xlsx', showMenu: true });
  const template = mp.tempFiles.get(String(doc.filePath));
  expect(template?.kind).toBe('url');
  await mp.tap('#screen-template-send');
  expect(mp.callsOf('shareFileMessage')).toEqual([expect.objectContaining({ fileName: '政策筛查模板.xlsx' })]);

  // The register, with the second chunk held back to see the progress in between.
  mp.answers.messageFiles = [{ path: 'wxfile://tmp/msg-1.xlsx', name: '园区名单.xlsx', size: register.byteLength, bytes: register }];
  const cloud = (globalThis as unknown as { wx: { cloud: { callFunction: (o: Record<string, unknown>) => Promise<unknown> } } }).wx.cloud;
  const real = cloud.callFunction;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  cloud.callFunction = async (o) => {
    const data = o.data as { action?: string; index?: number };
    if (data.action === 'chunk' && data.index === 1) await held;
    return real(o);
  };
  try {
    await mp.tap('#screen-pick');
    expect(mp.callsOf('chooseMessageFile')).toEqual([expect.objectContaining({ count: 1, type: 'file', extension: ['xlsx', 'csv'] })]);
    await mp.waitFor(() => /已测算 1000 \/ 1025 行/.test(mp.text('#screen-progress')), 'the first chunk’s progress', 60000);
    const [upload] = mp.callsOf('cloud.uploadFile');
    expect(upload).toMatchObject({ filePath: 'wxfile://tmp/msg-1.xlsx', cloudPath: expect.stringMatching(new RegExp(`^screen/${ADMIN}/[0-9a-f]{32}/input\\.xlsx$`)) });
    release();
    await mp.waitFor(() => mp.has('screen-result'), 'the result', 60000);
  } finally {
    cloud.callFunction = real;
  }
  expect(mp.text('#screen-result-summary')).toBe(`园区名单.xlsx：共 ${ROWS} 行，已测算 ${ROWS} 行，未能测算 0 行。`);
  const jobId = /screen\/admin-openid\/([0-9a-f]{32})\//.exec(String(mp.callsOf('cloud.uploadFile')[0].cloudPath))![1];
  // Only the result (and the template) in storage: the register and the parts are gone.
  expect(storedPaths()).toEqual([TEMPLATE_PATH, `screen/${ADMIN}/${jobId}/result.xlsx`].sort());
  const chunks = mp.callsOf('cloud.callFunction').filter((c) => (c.data as { action: string }).action === 'chunk');
  expect(chunks.map((c) => (c.data as { index: number }).index)).toEqual([0, 1]);

  // Opened: the file downloaded is the stored result.
  await mp.tap('#screen-result-open');
  const opened = mp.callsOf('openDocument')[1];
  expect(opened).toMatchObject({ fileType: 'xlsx', showMenu: true });
  const file = mp.tempFiles.get(String(opened.filePath));
  const stored = [...mp.files.values()].find((f) => f.cloudPath.endsWith('result.xlsx'))!;
  expect(file?.kind === 'url' && Buffer.from(file.bytes).equals(Buffer.from(stored.content))).toBe(true);
  await mp.tap('#screen-result-send');
  expect(mp.callsOf('shareFileMessage')[1]).toMatchObject({ filePath: opened.filePath, fileName: '园区名单-测算结果.xlsx' });

  // Deleted by its owner, after a confirmation: nothing of it remains.
  mp.answers.modals = [true];
  await mp.tap('#screen-result-delete');
  await mp.waitFor(() => !mp.has('screen-result'), 'the result to go');
  expect(mp.callsOf('showModal')).toEqual([expect.objectContaining({ content: '删除后无法恢复，确定删除这份结果吗？' })]);
  expect(storedPaths()).toEqual([TEMPLATE_PATH]);
  expect(mp.has('screen-results-empty')).toBe(true);
}, 120000);

it('a kept result is listed when the page opens again, and can be opened from there', async () => {
  await makeAdmin();
  await open();
  mp.answers.messageFiles = [{ path: 'wxfile://tmp/msg-2.csv', name: '小名单.csv', size: 200, content: `${'名称,主体类型'}\n甲公司,企业\n乙公司,园区\n` }];
  await mp.tap('#screen-pick');
  await mp.waitFor(() => mp.has('screen-result'), 'the result', 30000);
  expect(mp.text('#screen-result-summary')).toBe('小名单.csv：共 2 行，已测算 2 行，未能测算 0 行。');
  await open();
  const row = mp.byClass('admin__row')[0];
  expect(mp.text(row)).toContain('小名单-测算结果.xlsx');
  expect(mp.text(row)).toContain('2 行，未能测算 0 行');
  const openButton = [...mp.byClass('btn')].find((b) => b.id.endsWith('-open') && b.id.startsWith('screen-job-'))!;
  await mp.tap(openButton);
  expect(mp.callsOf('cloud.callFunction').some((c) => (c.data as { action: string }).action === 'link')).toBe(true);
  expect(mp.callsOf('openDocument')).toHaveLength(1);
});

describe('issue 22: 我的测算结果', () => {
  const TINY = { path: 'wxfile://tmp/msg-6.csv', name: '小名单.csv', size: 40, content: '名称,主体类型\n甲公司,企业\n' };

  it('right after a run lists the new result, not 没有保存的结果 (item 12)', async () => {
    await makeAdmin();
    await open();
    expect(mp.has('screen-results-empty')).toBe(true);
    mp.answers.messageFiles = [TINY];
    await mp.tap('#screen-pick');
    await mp.waitFor(() => mp.has('screen-result'), 'the result', 30000);
    await mp.settle();
    expect(mp.has('screen-results-empty')).toBe(false);
    expect(mp.text('#screen-results')).toContain('小名单-测算结果.xlsx');
  });

  it.each([
    ['06:00 Beijing time on 12-06 (22:00 UTC on 12-05)', '2026-12-05T22:00:00Z', '2026-12-06 06:00'],
    ['07:30 Beijing time on 12-06 (23:30 UTC on 12-05)', '2026-12-05T23:30:00Z', '2026-12-06 07:30'],
    ['23:59 Beijing time on 12-05 (15:59 UTC)', '2026-12-05T15:59:00Z', '2026-12-05 23:59'],
  ])('a result made at %s is dated in Beijing time (item 11)', async (_name, at, shown) => {
    await makeAdmin();
    mp.now = () => new Date(at);
    await open();
    mp.answers.messageFiles = [TINY];
    await mp.tap('#screen-pick');
    await mp.waitFor(() => mp.has('screen-result'), 'the result', 30000);
    await open(); // as the list shows it when the page opens again
    expect(mp.text(mp.byClass('admin__row')[0])).toContain(`${shown} · 1 行`);
  });
});

// Since issue 27, item 2 a table without 主体类型 is a park's own register, read as enterprises once
// confirmed (screen-columns.test); it was refused here before — updated on purpose.
it('a table without 主体类型: the page asks to confirm, nothing is screened, and 取消 keeps nothing; a cancelled pick does nothing', async () => {
  await makeAdmin();
  await open();
  await mp.tap('#screen-pick'); // no file chosen: cancelled
  expect(mp.has('screen-error')).toBe(false);
  mp.answers.messageFiles = [{ path: 'wxfile://tmp/msg-3.csv', name: '通讯录.csv', size: 30, content: '名称,电话\n甲公司,123\n' }];
  await mp.tap('#screen-pick');
  await mp.waitFor(() => mp.has('screen-columns'), 'the columns to confirm');
  expect(mp.text('#screen-columns-entity')).toContain('没有「主体类型」列');
  expect(actions()).not.toContain('chunk');
  await mp.tap('#screen-confirm-cancel');
  await mp.waitFor(() => storedPaths().length === 0, 'nothing kept');
});

type Cloud = { callFunction: (o: Record<string, unknown>) => Promise<unknown>; uploadFile: (o: Record<string, unknown>) => Promise<unknown> };
const wxCloud = () => (globalThis as unknown as { wx: { cloud: Cloud } }).wx.cloud;
const screenCalls = () => mp.calls.filter((c) => c.api === 'cloud.callFunction' && c.options.name === 'screen');
const actions = () => screenCalls().map((c) => (c.options.data as { action: string }).action);
const jobsInDb = async () => (await screenJobsRepo(wxDocumentStore(() => mp.db)).mine(ADMIN)).length;

/** Holds the first call `which` picks until `release`; `reached` resolves when it is made. */
function hold(api: keyof Cloud, which: (o: Record<string, unknown>) => boolean) {
  const cloud = wxCloud();
  const real = cloud[api];
  let release!: () => void;
  let reached!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const at = new Promise<void>((r) => (reached = r));
  cloud[api] = async (o) => {
    if (which(o)) {
      reached();
      await held;
    }
    return real(o);
  };
  return { at, release, restore: () => (cloud[api] = real) };
}

const SMALL = { path: 'wxfile://tmp/msg-5.csv', name: '小名单.csv', size: 40, content: '名称,主体类型\n甲公司,企业\n' };

it('the page closed during the upload: once the upload has landed the run deletes its job, and nothing stays', async () => {
  await makeAdmin();
  await open();
  mp.answers.messageFiles = [SMALL];
  const upload = hold('uploadFile', () => true);
  try {
    void mp.tap('#screen-pick');
    await upload.at;
    await mp.reLaunch('/pages/admin/index'); // the page closes while the file is on its way
    expect(actions()).toEqual(['list', 'start']); // nothing deleted under the upload's feet
    upload.release();
    await mp.waitFor(() => actions().includes('delete') && screenCalls().every((c) => c.answer), 'the run to delete its job', 3000);
    await mp.settle();
  } finally {
    upload.restore();
  }
  expect(actions()).toEqual(['list', 'start', 'delete']);
  expect(storedPaths()).toEqual([]);
  expect(await jobsInDb()).toBe(0);
});

it('the page closed while start was answering: the run deletes the job it got, and uploads nothing', async () => {
  await makeAdmin();
  await open();
  mp.answers.messageFiles = [SMALL];
  const start = hold('callFunction', (o) => (o.data as { action?: string }).action === 'start');
  try {
    void mp.tap('#screen-pick');
    await start.at;
    await mp.reLaunch('/pages/admin/index');
    start.release();
    await mp.waitFor(() => actions().includes('delete') && screenCalls().every((c) => c.answer), 'the run to delete its job', 3000);
    await mp.settle();
  } finally {
    start.restore();
  }
  expect(actions()).toEqual(['list', 'start', 'delete']);
  expect(mp.callsOf('cloud.uploadFile')).toEqual([]);
  expect(storedPaths()).toEqual([]);
  expect(await jobsInDb()).toBe(0);
});

it('a register over the limit: the function’s own words, before anything is uploaded', async () => {
  await makeAdmin();
  await open();
  mp.answers.messageFiles = [{ ...SMALL, size: 10 * 1024 * 1024 + 1 }];
  await mp.tap('#screen-pick');
  expect(mp.text('#screen-error')).toBe(SCREEN_MESSAGES.tooBig);
  expect(actions()).toEqual(['list']);
});

it('the template is opened and sent under the name the function gives it', async () => {
  await makeAdmin();
  await open();
  const cloud = wxCloud();
  const real = cloud.callFunction;
  cloud.callFunction = async (o) => {
    const res = (await real(o)) as { result: { ok: boolean; data?: { action?: string; fileName?: string } } };
    if (res.result.data?.action === 'template') res.result.data.fileName = '空白模板-2026.xlsx';
    return res;
  };
  try {
    await mp.tap('#screen-template-send');
  } finally {
    cloud.callFunction = real;
  }
  expect(mp.callsOf('shareFileMessage')).toEqual([expect.objectContaining({ fileName: '空白模板-2026.xlsx' })]);
});

it('a workbook with several sheets: the result says which sheet was read, and another is read at a tap (issue 27, item 4)', async () => {
  const file = path.join(dir, 'two-sheets.xlsx');
  writeZip(file, workbookParts([
    { name: '名单甲', part: registerSheet([enterprise('甲一'), enterprise('甲二')]) },
    { name: '名单乙', part: registerSheet([enterprise('乙一')]) },
  ]));
  const book = readFileSync(file);
  await makeAdmin();
  await open();
  mp.answers.messageFiles = [{ path: 'wxfile://tmp/msg-9.xlsx', name: '两张表.xlsx', size: book.byteLength, bytes: book }];
  await mp.tap('#screen-pick');
  await mp.waitFor(() => mp.has('screen-result'), 'the result', 30000);
  expect(mp.text('#screen-result-summary')).toContain('共 2 行');
  expect(mp.text('#screen-sheets')).toContain('读取的是工作表「名单甲」');
  await mp.tap('#screen-sheet-0');
  await mp.waitFor(() => mp.has('screen-result') && mp.text('#screen-result-summary').includes('共 1 行'), 'the other sheet read', 30000);
  expect(mp.text('#screen-sheets')).toContain('读取的是工作表「名单乙」');
  expect(mp.text('#screen-sheet-0')).toContain('改读「名单甲」');
});
