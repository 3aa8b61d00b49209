/**
 * `npm run admin`'s times are Beijing time, through the app's one formatter (issue 22, item 11): an
 * admin added at 23:30 UTC on 2026-12-05 was added on 2026-12-06 in Beijing, and the audit entry says
 * so too — the CLI printed the stored UTC text before.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { adminsRepo, auditRepo } from '../../../shared/cloud/repos';
import { NedbStore } from '../../../server/store';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '../../..');
const run = promisify(execFile);
const AT = '2026-12-05T23:30:00.000Z';
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'admin-cli-'));
  const store = new NedbStore(dir);
  await adminsRepo(store).add({ _id: 'cli-admin', addedAt: AT, addedBy: 'bootstrap' });
  await auditRepo(store).append({ at: AT, actor: 'cli-admin', action: 'admin.add', target: 'cli-admin', summary: '添加管理员 cli-admin' });
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function admin(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/admin.ts'), ...args, '--as', 'cli-admin'], {
    cwd: ROOT,
    env: { ...process.env, LOCAL_CLOUD_DIR: dir, TZ: 'UTC' },
  });
  return stdout;
}

it.each([
  ['admins', 'cli-admin  2026-12-06 07:30:00  由 bootstrap'],
  ['audit', '2026-12-06 07:30:00  cli-admin  admin.add'],
])('npm run admin -- %s prints the time in Beijing time', async (command, line) => {
  expect(await admin(command)).toContain(line);
});
