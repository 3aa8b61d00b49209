/**
 * 园区批量测算 with a park's own register in the WeChat build (issue 27, item 2): the 200-row
 * register of its own columns (test/fixtures/park-register.ts) picked from a chat shows how each
 * column is read, as a list with a picker per column (不使用 included); a column changed there and
 * 确认并测算 screen it with that mapping — the result is the CLI's for the same mapping — and the
 * mapping is remembered: the same headers next time are screened without asking. 取消 deletes the
 * waiting job with its files.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { adminsRepo, screenMappingId, screenMappingsRepo } from '../../shared/cloud/repos';
import { wxDocumentStore } from '../../shared/cloud/wx-db';
import { catalog2022 } from '../../shared/policy/engine';
import { headerKey, matchHeader, screenFile, SHEETS } from '../../shared/policy/screening';
import { PARK_HEADER, writeParkRegister } from '../fixtures/park-register';
import { launch } from './harness';
import { sheetRows } from '../support/sheet-rows';

const mp = launch();
const ADMIN = 'admin-openid';
const ROUTE = '/pages/admin/screen/index';
const dir = mkdtempSync(path.join(os.tmpdir(), 'weapp-screen-columns-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const registerFile = path.join(dir, '园区企业名录.xlsx');
let register: Uint8Array;

beforeAll(async () => {
  await writeParkRegister(registerFile);
  register = readFileSync(registerFile);
}, 60000);

beforeEach(async () => {
  await mp.reset();
  await adminsRepo(wxDocumentStore(() => mp.db)).add({ _id: ADMIN, addedAt: new Date().toISOString(), addedBy: 'bootstrap' });
  mp.openid = ADMIN;
});
afterEach(() => expect(mp.errors).toEqual([]));

async function open(): Promise<void> {
  await mp.reLaunch(ROUTE);
  await mp.waitFor(() => mp.has('screen-pick'), 'the page to load');
}
const storedPaths = () => [...mp.files.values()].map((f) => f.cloudPath).sort();
const screenActions = () => mp.calls.filter((c) => c.api === 'cloud.callFunction' && c.options.name === 'screen').map((c) => c.options.data as { action: string; mapping?: (string | null)[] });


const pickRegister = () => (mp.answers.messageFiles = [{ path: 'wxfile://tmp/park.xlsx', name: '园区企业名录.xlsx', size: register.byteLength, bytes: register }]);

it('the preview as a list; a column set aside with its picker; 确认并测算 screens with it, as the CLI does; the same headers next time are screened without asking', async () => {
  await open();
  pickRegister();
  await mp.tap('#screen-pick');
  await mp.waitFor(() => mp.has('screen-columns'), 'the columns to confirm', 30000);
  expect(mp.text('#screen-column-1')).toBe('企业名称读作：名称');
  expect(mp.text('#screen-column-2')).toBe('统一社会信用代码读作：统一社会信用代码');
  expect(mp.text('#screen-column-4')).toBe('所属旗县区读作：旗县区名称');
  expect(mp.text('#screen-column-6')).toContain('是否专精特新读作：不使用清单问的是本年度获得的认定类别');
  expect(mp.text('#screen-column-8')).toBe('是否中小企业读作：是否为中小企业');
  expect(mp.text('#screen-columns-entity')).toBe('名单没有「主体类型」列：每一行都按「企业」测算。');
  expect(screenActions().map((a) => a.action)).not.toContain('chunk');

  // 是否中小企业 set aside (the picker's first entry, 不使用), then confirmed.
  await mp.pick('#screen-column-8-picker', 0);
  expect(mp.text('#screen-column-8')).toBe('是否中小企业读作：不使用');
  await mp.tap('#screen-confirm');
  await mp.waitFor(() => mp.has('screen-result'), 'the result', 60000);
  expect(mp.text('#screen-result-summary')).toContain('共 200 行，已测算 200 行，未能测算 0 行');
  const mapping = matchHeader([...PARK_HEADER], catalog2022).mapping;
  mapping[8] = null;
  expect(screenActions().find((a) => a.action === 'map')?.mapping).toEqual(mapping);

  // The result is the CLI's for the same mapping, each code beside its name.
  const result = [...mp.files.values()].find((f) => f.cloudPath.endsWith('result.xlsx'))!;
  const cli = path.join(dir, 'cli.xlsx');
  await screenFile(registerFile, cli, { mapping });
  const [got, want] = [await sheetRows(result.content, SHEETS.rows), await sheetRows(cli, SHEETS.rows)];
  expect(got.slice(1)).toEqual(want.slice(1));
  expect(got[0].slice(0, 3)).toEqual(['行号', '名称', '统一社会信用代码']);

  // Remembered for this admin; the next register with the same headers goes straight to screening.
  const stored = await screenMappingsRepo(wxDocumentStore(() => mp.db)).get(screenMappingId(ADMIN, headerKey([...PARK_HEADER])));
  expect(stored?.mapping).toEqual(mapping);
  await open();
  pickRegister();
  await mp.tap('#screen-pick');
  await mp.waitFor(() => mp.has('screen-result'), 'the second result', 60000);
  expect(screenActions().filter((a) => a.action === 'map')).toHaveLength(1);
  expect(mp.has('screen-columns')).toBe(false);
}, 120000);

it('取消 deletes the waiting register with every file of it', async () => {
  await open();
  mp.answers.messageFiles = [{ path: 'wxfile://tmp/msg.csv', name: '通讯录.csv', size: 30, content: '名称,电话\n甲公司,123\n' }];
  await mp.tap('#screen-pick');
  await mp.waitFor(() => mp.has('screen-columns'), 'the columns to confirm');
  expect(mp.text('#screen-columns-entity')).toContain('每一行都按「企业」测算');
  expect(storedPaths().length).toBeGreaterThan(0);
  await mp.tap('#screen-confirm-cancel');
  await mp.waitFor(() => storedPaths().length === 0 && !mp.has('screen-columns'), 'the job and its files deleted');
});
