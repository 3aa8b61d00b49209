/**
 * Temp folders of killed runs are swept at the next start (issue 27, item 4: 20 of 20 calls killed
 * mid-chunk or mid-finish left the whole register in the OS temp folder, never removed). A child
 * process runs the `screen` function's open (the register downloaded into its folder) or finish
 * (the result written there) and is killed (SIGKILL) while storage keeps it waiting: its folder is
 * left, as the probe found. The next start of the CLI or of the function removes it once it is older
 * than SCREEN_TEMP_MAX_AGE_MS — and leaves a folder that may still be in use, other names and files.
 * A screening that ends (done or refused) leaves nothing (its finally).
 */
import { spawn } from 'child_process';
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'fs';
import os from 'os';
import { join } from 'path';
import type { Envelope, ScreenResponse } from '../../../shared/cloud/api';
import { runHandler } from '../../../shared/cloud/handler';
import { screen } from '../../../shared/cloud/handlers/screen';
import { adminsRepo } from '../../../shared/cloud/repos';
import { wxDocumentStore } from '../../../shared/cloud/wx-db';
import { runScreen } from '../../../shared/policy/cli';
import { SCREEN_TEMP_MAX_AGE_MS, SCREEN_TEMP_PREFIX } from '../../../shared/policy/screening';
import { FakeWxDatabase } from '../../fakes/fake-wx-db';
import { capturingLogger } from '../cloud/fakes';
import { personaProfiles, tempDir, writeProfiles } from './support';
import { childScript } from '../../support/child-script';

const root = join(__dirname, '../../..');
const CHILD = childScript(join(__dirname, 'hostile-child.ts'));
const ADMIN = 'oAdmin0000000000000000000001';

/** Runs the child until it says HANGING, then kills it (SIGKILL: no finally runs). */
function killedWhileHanging(mode: 'hang-open' | 'hang-finish', file: string, tmp: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, mode, file, join(tmp, 'unused.xlsx')], { cwd: root, env: { ...process.env, TMPDIR: tmp, NODE_OPTIONS: '' } });
    let said = '';
    let err = '';
    child.stdout.on('data', (d) => {
      said += String(d);
      if (said.includes('HANGING')) child.kill('SIGKILL');
    });
    child.stderr.on('data', (d) => (err += String(d)));
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`the child ended by itself: ${said} ${err.slice(-1000)}`))));
  });
}

const screeningFolders = (dir: string) => readdirSync(dir).filter((n) => n.startsWith(SCREEN_TEMP_PREFIX));

/** The next start: the CLI screening a file, or any call of the function. */
const NEXT_START: Record<string, (register: string, dir: string) => Promise<void>> = {
  cli: async (register, dir) => {
    const code = await runScreen([register, '--out', join(dir, 'next-result.xlsx')], { out: () => undefined, err: () => undefined, tty: false, cwd: dir, docsDir: dir });
    expect(code).toBe(0);
  },
  function: async () => {
    const db = new FakeWxDatabase();
    await adminsRepo(wxDocumentStore(() => db)).add({ _id: ADMIN, addedAt: '2026-11-01T00:00:00Z', addedBy: 'console' });
    const files = { put: async () => ({ fileID: 'x' }), urlOf: async () => null, get: async () => null, remove: async () => undefined };
    const res = (await runHandler('screen', screen, { action: 'list' }, { openid: ADMIN, now: () => new Date(), db: wxDocumentStore(() => db), log: capturingLogger(), files })) as Envelope<ScreenResponse>;
    expect(res.ok).toBe(true);
  },
};

describe.each([
  ['killed in open, the register downloaded', 'hang-open' as const, 'input.csv'],
  ['killed in finish, the result written', 'hang-finish' as const, 'result.xlsx'],
])('a function call %s', (_, mode, leftFile) => {
  const tmp = tempDir();
  afterAll(tmp.done);
  afterEach(() => jest.restoreAllMocks());

  it.each(Object.keys(NEXT_START))('leaves its folder; the next start of the %s removes it once older than the bound, and nothing else', async (door) => {
    const dir = join(tmp.dir, `${mode}-${door}`);
    mkdirSync(dir);
    const register = join(tmp.dir, `名单-${door}.csv`);
    await writeProfiles(register, personaProfiles());
    await killedWhileHanging(mode, register, dir);
    const [left] = screeningFolders(dir);
    expect(readdirSync(join(dir, left))).toContain(leftFile);

    // Older than the bound (the killed run's), and a folder of a run still going, a file and another name.
    const old = (Date.now() - SCREEN_TEMP_MAX_AGE_MS - 60_000) / 1000;
    utimesSync(join(dir, left), old, old);
    mkdirSync(join(dir, `${SCREEN_TEMP_PREFIX}running`));
    writeFileSync(join(dir, `${SCREEN_TEMP_PREFIX}file`), '');
    mkdirSync(join(dir, 'other-old'));
    utimesSync(join(dir, 'other-old'), old, old);

    jest.spyOn(os, 'tmpdir').mockReturnValue(dir);
    await NEXT_START[door](register, dir);
    expect(existsSync(join(dir, left))).toBe(false);
    expect(screeningFolders(dir).sort()).toEqual([`${SCREEN_TEMP_PREFIX}file`, `${SCREEN_TEMP_PREFIX}running`]);
    expect(readdirSync(dir)).toContain('other-old');
  }, 60000);
});
