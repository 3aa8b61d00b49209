/**
 * A file a person hands us reads the same at every door (issue 25, item 5): `npm run admin -- import`
 * of a GBK CSV stored '�������' titles (the page refused the file, the CLI and the function did not);
 * the CLI resolved a relative path from the project root instead of where npm was run, and said
 * ENOENT / EISDIR in English. Here: the real CLI (spawned, as npm runs it) and the `deadlines.import`
 * function on both store back ends; the page's reader is in test/component/admin-pages.test.tsx.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DeadlinesResponse, Envelope } from '../../../shared/cloud/api';
import { runHandler } from '../../../shared/cloud/handler';
import { deadlines } from '../../../shared/cloud/handlers/deadlines';
import { adminsRepo, repos } from '../../../shared/cloud/repos';
import { COLLECTIONS } from '../../../shared/cloud/repos/docs';
import { NedbStore } from '../../../server/store';
import { BACKENDS } from '../cloud/backends';
import { fakeContext } from '../cloud/fakes';
import { gbk, utf16 } from '../../support/gbk';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '../../..');
const CSV = 'measureId,batchTitle,opensOn,closesOn,issuer,sourceUrl\nm01,2022 年度自治区级企业技术中心认定,2022-06-01,2022-06-30,自治区工业和信息化厅,https://gxt.nmg.gov.cn/n/1\n';
/** The one message for a file that is not UTF-8: the GBK title starts on line 2 at column 10 (after `m01,2022 `). */
export const NOT_UTF8 =
  '文件不是 UTF-8 编码（可能是 GBK），从第 2 行第 10 列起中文会变成乱码。请另存为 UTF-8 后重试：Excel 里「另存为」选「CSV UTF-8（逗号分隔）」';
const DRY_RUN_OK = '试导入（未写入）：新增 1，更新 0，未变 0';

let data: string;
let work: string;

beforeAll(async () => {
  data = mkdtempSync(path.join(os.tmpdir(), 'admin-import-data-'));
  work = mkdtempSync(path.join(os.tmpdir(), 'admin-import-work-'));
  const store = new NedbStore(data);
  await adminsRepo(store).add({ _id: 'cli-admin', addedAt: '2022-06-01T00:00:00.000Z', addedBy: 'bootstrap' });
  await store.close();
  writeFileSync(path.join(work, 'gbk.csv'), gbk(CSV));
  writeFileSync(path.join(work, 'utf16le.csv'), utf16(CSV, true));
  writeFileSync(path.join(work, 'utf16be.csv'), utf16(CSV, false));
  writeFileSync(path.join(work, 'utf8.csv'), CSV);
  mkdirSync(path.join(work, 'folder.csv'));
});
afterAll(() => {
  rmSync(data, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

/** The CLI as `npm run admin -- import <file> --dry-run` runs it: in `cwd`, with npm's INIT_CWD when given. */
function admin(file: string, where: { cwd: string; initCwd?: string }): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOCAL_CLOUD_DIR: data };
  delete env.INIT_CWD;
  if (where.initCwd) env.INIT_CWD = where.initCwd;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/admin.ts'), 'import', file, '--dry-run', '--as', 'cli-admin'],
      { cwd: where.cwd, env },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run admin -- import reads the file through the one reading', () => {
  it.each<[string, string, { code: number; stdout?: string; stderr?: string }]>([
    ['a GBK CSV is refused with the one message, nothing sent', 'gbk.csv', { code: 1, stderr: NOT_UTF8 }],
    ['a UTF-16LE CSV with its BOM is read right', 'utf16le.csv', { code: 0, stdout: DRY_RUN_OK }],
    ['a UTF-16BE CSV with its BOM is read right', 'utf16be.csv', { code: 0, stdout: DRY_RUN_OK }],
  ])('%s', async (_, file, expected) => {
    const r = await admin(file, { cwd: work });
    expect(r.code).toBe(expected.code);
    if (expected.stdout) expect(r.stdout).toContain(expected.stdout);
    if (expected.stderr) expect(r.stderr).toContain(expected.stderr);
  });

  it.each<[string, { cwd: string; initCwd?: string }]>([
    ['from where npm was run (INIT_CWD), not the project root', { cwd: ROOT, initCwd: 'WORK' }],
    ['from the current folder when run without npm', { cwd: 'WORK' }],
  ])('resolves a relative path %s', async (_, where) => {
    const r = await admin('utf8.csv', { cwd: where.cwd === 'WORK' ? work : where.cwd, initCwd: where.initCwd === 'WORK' ? work : undefined });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(DRY_RUN_OK);
  });

  it.each([
    ['a missing file', 'nope.csv', '找不到文件：'],
    ['a folder', 'folder.csv', '这是一个文件夹，不是文件：'],
  ])('says in Chinese, naming the path, when it is given %s', async (_, file, words) => {
    const r = await admin(file, { cwd: work });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${words}${path.join(work, file)}`);
    expect(r.stderr).not.toMatch(/ENOENT|EISDIR|no such file|illegal operation/);
  });
});

describe.each(BACKENDS)('deadlines.import on %s checks the text it is sent', (_name, make) => {
  it.each([
    ['GBK bytes decoded as UTF-8 by the caller (U+FFFD where the Chinese was)', Buffer.from(gbk(CSV)).toString('utf8')],
  ])('refuses %s with the one message, and stores nothing', async (_, text) => {
    const b = make();
    try {
      await repos(b.store).admins.add({ _id: 'o-admin', addedAt: '2022-06-01T00:00:00.000Z', addedBy: 'bootstrap' });
      const env = (await runHandler('deadlines', deadlines, { action: 'import', format: 'csv', text }, fakeContext({ openid: 'o-admin', db: b.store, now: () => new Date('2022-06-23T01:00:00Z') }))) as Envelope<DeadlinesResponse>;
      expect(env.ok ? env.data : env.error).toMatchObject({ code: 'INVALID_INPUT', message: NOT_UTF8, fields: [{ field: 'text', message: NOT_UTF8 }] });
      expect(await b.store.collection(COLLECTIONS.deadlines).find({ orderBy: [{ field: '_id', direction: 'asc' }], limit: 10 })).toEqual([]);
    } finally {
      await b.close();
    }
  });
});
