/**
 * The local store between processes and between concurrent writes (issue 25, item 7): duplicate
 * chunk calls wrote one file through the same temp name (`<file>.<pid>.<Date.now()>.tmp`; 33 of 45
 * answered 500), and two servers started on one data folder both accepted writes (an acknowledged
 * write was lost). Here: 45 concurrent writes of one file; the real `npm start` entry (server/main.ts)
 * started twice on one folder; a stale lock taken over; the CLIs' store refused while a server
 * holds the folder.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LOCK_FILE } from '../../../server/data-lock';
import { LocalFiles } from '../../../server/files';
import { localCaller } from '../../../server/local-call';
import { tempDir } from './tmp';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '../../..');
let tmp: ReturnType<typeof tempDir>;
const started: ChildProcess[] = [];

beforeEach(() => {
  tmp = tempDir('data-lock');
});
afterEach(async () => {
  for (const child of started.splice(0)) {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }
  tmp.cleanup();
});

interface Run {
  child: ChildProcess;
  /** Resolves with what it printed once it serves (its first line) or ends. */
  ready: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** `npm start` on the folder: the real entry, on any free port, no H5, no samples. */
function startServer(dataDir: string): Run {
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', LOCAL_CLOUD_DIR: dataDir, STATIC_DIR: path.join(dataDir, 'no-h5'), LOCAL_SAMPLES: '0' },
  });
  started.push(child);
  let stdout = '';
  let stderr = '';
  const ready = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes('local cloud:')) resolve({ code: null, stdout, stderr });
    });
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, ready };
}

const holderOf = (dataDir: string) => JSON.parse(readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')) as { pid: number; port: number | null; by: string };

it('45 concurrent writes of the same file all succeed (a random temp name each), and the file holds one of them whole', async () => {
  const files = new LocalFiles(path.join(tmp.dir, 'files'), () => 'http://127.0.0.1:10086');
  const contents = Array.from({ length: 45 }, (_, i) => new Uint8Array(64 * 1024).fill(i));
  const results = await Promise.allSettled(contents.map((c) => files.put('screen/u/chunk-1.json', c)));
  expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
  const stored = readFileSync(path.join(tmp.dir, 'files', '127.0.0.1-10086', 'screen/u/chunk-1.json'));
  expect(stored.length).toBe(64 * 1024);
  expect(new Set(stored).size).toBe(1);
});

it('a second server on the same data folder refuses to start, naming the process that holds it; the first keeps serving', async () => {
  const first = startServer(tmp.dir);
  expect((await first.ready).code).toBeNull();
  const second = await startServer(tmp.dir).ready;
  expect(second.code).toBe(1);
  const holder = holderOf(tmp.dir);
  expect(holder).toMatchObject({ by: 'npm start', port: expect.any(Number) });
  expect(second.stderr).toContain(`本地云未启动：数据文件夹 ${tmp.dir} 正被进程 ${holder.pid} 使用（npm start，端口 ${holder.port}`);
  const res = await fetch(`http://127.0.0.1:${holder.port}/cloud/deadlines`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'list' }) });
  expect(res.status).toBe(200);
});

it('a lock left by a process that is gone is taken over, with a log line naming it, and removed when the server stops', async () => {
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const deadPid = Number(gone.stdout);
  writeFileSync(path.join(tmp.dir, LOCK_FILE), JSON.stringify({ pid: deadPid, by: 'npm start', port: 10086, startedAt: '2026-12-05T01:00:00.000Z' }));
  const run = startServer(tmp.dir);
  const ready = await run.ready;
  expect(ready.code).toBeNull();
  expect(ready.stderr).toContain(`接管数据文件夹锁 ${path.join(tmp.dir, LOCK_FILE)}：原持有进程 ${deadPid}（npm start，北京时间 2026-12-05 09:00:00 启动）已不在运行`);
  expect(holderOf(tmp.dir).pid).not.toBe(deadPid);
  const exited = new Promise((resolve) => run.child.once('exit', resolve));
  run.child.kill('SIGTERM');
  await exited;
  expect(existsSync(path.join(tmp.dir, LOCK_FILE))).toBe(false);
});

it('npm run admin / npm run remind do not open the store under a server that holds the folder (still starting: no server.json yet)', async () => {
  writeFileSync(path.join(tmp.dir, LOCK_FILE), JSON.stringify({ pid: process.pid, by: 'npm start', port: null, startedAt: new Date().toISOString() }));
  let caller: ReturnType<typeof localCaller> | undefined;
  try {
    expect(() => (caller = localCaller(tmp.dir))).toThrow(`正被进程 ${process.pid} 使用（npm start，`);
  } finally {
    await caller?.close();
  }
});
