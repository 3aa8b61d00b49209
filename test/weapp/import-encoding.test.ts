/**
 * The deadline import's file in the WeChat build reads as the CLI and the function read it (issue 25,
 * item 5): readFile's bytes through readText — a GBK CSV (Excel's plain「CSV（逗号分隔）」) is refused
 * with the one message and nothing is sent; a UTF-16 file with its BOM is read and previewed.
 */
import { adminsRepo } from '../../shared/cloud/repos';
import { wxDocumentStore } from '../../shared/cloud/wx-db';
import { gbk, utf16 } from '../support/gbk';
import { launch } from './harness';

const mp = launch();
const ADMIN = 'admin-openid';
const NOW = new Date('2022-06-20T02:00:00Z');
const CSV = 'measureId,batchTitle,opensOn,closesOn,issuer,sourceUrl\nm01,2022 年度自治区级企业技术中心认定,2022-06-01,2022-06-30,自治区工业和信息化厅,https://gxt.nmg.gov.cn/n/1\n';
const NOT_UTF8 = '文件不是 UTF-8 编码（可能是 GBK），从第 2 行第 10 列起中文会变成乱码。请另存为 UTF-8 后重试：Excel 里「另存为」选「CSV UTF-8（逗号分隔）」';

beforeEach(async () => {
  await mp.reset();
  mp.now = () => NOW;
  mp.openid = ADMIN;
  await adminsRepo(wxDocumentStore(() => mp.db)).add({ _id: ADMIN, addedAt: NOW.toISOString(), addedBy: 'bootstrap' });
});
afterEach(() => expect(mp.errors).toEqual([]));

async function pick(bytes: Uint8Array): Promise<void> {
  mp.answers.messageFiles = [{ path: 'wxfile://tmp_dl.csv', name: '截止时间.csv', size: bytes.length, bytes }];
  await mp.reLaunch('/pages/admin/import/index');
  await mp.waitFor(() => mp.has('import-pick'), 'the import page');
  await mp.tap('#import-pick');
  await mp.waitFor(() => mp.has('import-pick-message') || mp.has('import-confirm'), 'the page’s answer to the file');
}

it('a GBK CSV is refused with the same message as npm run admin and the deadlines function, and nothing is sent', async () => {
  await pick(gbk(CSV));
  expect(mp.text('#import-pick-message')).toBe(NOT_UTF8);
  expect(mp.callsOf('cloud.callFunction').filter((c) => JSON.stringify(c).includes('"import"'))).toEqual([]);
});

it.each([
  ['little-endian', true],
  ['big-endian', false],
])('a UTF-16 %s CSV with its BOM is read and previewed', async (_, littleEndian) => {
  await pick(utf16(CSV, littleEndian));
  expect(mp.has('import-pick-message')).toBe(false);
  expect(mp.text('#import-row-1')).toContain('2022 年度自治区级企业技术中心认定');
});
