/**
 * A damaged datafile (fault injection). A half-written last line — what a crash mid-append
 * leaves — is dropped on load (its text kept in `<collection>.db.dropped`) and the other lines
 * load; damage anywhere else is refused and reported by collection, file and line (log and
 * STORE_DAMAGED reply) without touching the file, while the other collections, the server and
 * the process keep working.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ERROR_MESSAGES, HTTP_STATUS } from '../../../shared/cloud/errors';
import { createServer, DEV_OPENID_HEADER, type LocalCloud, type LocalCloudOptions } from '../../../server';
import { NedbStore, scanDatafile } from '../../../server/store';
import { capturingLogger, CJK } from '../cloud/fakes';
import { postJson, request } from './http';
import { tempDir } from './tmp';

const ROOT = path.resolve(__dirname, '../../..');

let tmp: ReturnType<typeof tempDir>;
let dataDir: string;
const running: LocalCloud[] = [];
const stores: NedbStore[] = [];

beforeEach(() => {
  tmp = tempDir('damage');
  dataDir = path.join(tmp.dir, 'data');
});
afterEach(async () => {
  while (running.length) await running.pop()!.close();
  while (stores.length) await stores.pop()!.close();
  tmp.cleanup();
});

const RUNS = [
  { _id: 'r1', startedAt: '2022-06-20T01:00:00.000Z', today: '2022-06-20', sent: 0 },
  { _id: 'r2', startedAt: '2022-06-21T01:00:00.000Z', today: '2022-06-21', sent: 1 },
  { _id: 'r3', startedAt: '2022-06-22T01:00:00.000Z', today: '2022-06-22', sent: 2 },
];

/** Several collections on disk: runs (3 lines), admins (2), plans (1). */
async function seed(): Promise<void> {
  const store = new NedbStore(dataDir);
  for (const run of RUNS) await store.collection('runs').add(run);
  await store.collection('admins').add({ _id: 'dev-admin', addedAt: '2022-06-01T00:00:00.000Z', addedBy: 'bootstrap' });
  await store.collection('admins').add({ _id: 'other-admin', addedAt: '2022-06-02T00:00:00.000Z', addedBy: 'dev-admin' });
  await store.collection('plans').add({ _id: 'p1', n: 1 });
  await store.close();
  expect(linesOf('runs')).toHaveLength(3);
}

const fileOf = (collection: string) => path.join(dataDir, `${collection}.db`);
const linesOf = (collection: string) => readFileSync(fileOf(collection), 'utf8').split('\n').filter((l) => l !== '');

/** A crash mid-append: the start of a line, no newline. */
const TORN = '{"_id":"r4","startedAt":"2022-06-23T01:0';
function tearLastLine(collection: string): void {
  appendFileSync(fileOf(collection), TORN);
}

/** Line `n` (1-based) replaced by a line that does not parse. */
function damageLine(collection: string, n: number): string {
  const lines = linesOf(collection);
  lines[n - 1] = lines[n - 1].slice(0, 17) + '\u0000\u0000\u0000';
  const text = `${lines.join('\n')}\n`;
  writeFileSync(fileOf(collection), text);
  return text;
}

function openStore() {
  const log = capturingLogger();
  const store = new NedbStore(dataDir, { log });
  stores.push(store);
  return { store, log };
}

async function start(over: Partial<LocalCloudOptions> = {}) {
  const log = capturingLogger();
  const now = () => new Date('2022-06-23T01:00:00Z');
  const cloud = createServer({ port: 0, dataDir, staticDir: path.join(tmp.dir, 'none'), log, admins: [], now, ...over });
  await cloud.listen();
  running.push(cloud);
  return Object.assign(cloud, { log });
}

const byId = { orderBy: [{ field: '_id', direction: 'asc' as const }], limit: 100 };
const as = (openid: string) => ({ [DEV_OPENID_HEADER]: openid });
const text = (log: ReturnType<typeof capturingLogger>, level: string) =>
  log.entries.filter((e) => e.level === level).map((e) => `${e.message} ${JSON.stringify(e.meta ?? {})}`);

describe('the store', () => {
  it('a half-written last line is dropped on load and kept aside; the other lines and collections are intact, and later writes land in a clean file', async () => {
    await seed();
    tearLastLine('runs');
    const { store, log } = openStore();
    expect((await store.collection('runs').find(byId)).map((d) => d._id)).toEqual(['r1', 'r2', 'r3']);
    expect(await store.collection('plans').get('p1')).toEqual({ _id: 'p1', n: 1 });
    const warned = text(log, 'warn').join('\n');
    expect(warned).toContain('"runs"');
    expect(warned).toContain('line 4');
    expect(readFileSync(`${fileOf('runs')}.dropped`, 'utf8')).toContain(TORN);
    expect(text(log, 'error')).toEqual([]);

    await store.collection('runs').add({ _id: 'r5', startedAt: '2022-06-24T01:00:00.000Z' });
    await store.close();
    for (const line of linesOf('runs')) expect(() => JSON.parse(line)).not.toThrow();
    const again = openStore();
    expect((await again.store.collection('runs').find(byId)).map((d) => d._id)).toEqual(['r1', 'r2', 'r3', 'r5']);
    expect(again.log.entries).toEqual([]);
  });

  it('a damaged line in the middle is refused by name (collection, file, line), the file is left as it was, the other collections serve, and a fixed file loads without a restart', async () => {
    await seed();
    const damaged = damageLine('runs', 2);
    const { store, log } = openStore();
    const runs = store.collection('runs');
    for (const attempt of [() => runs.find(byId), () => runs.get('r1'), () => runs.add({ _id: 'r9' })]) {
      const err = await attempt().then(
        () => null,
        (e: unknown) => e as { code?: string; message: string },
      );
      expect(err).toMatchObject({ code: 'STORE_DAMAGED' });
      expect(err!.message).toMatch(CJK);
      expect(err!.message).toContain('runs');
      expect(err!.message).toContain('第 2 行');
    }
    // Nothing dropped, nothing rewritten.
    expect(readFileSync(fileOf('runs'), 'utf8')).toBe(damaged);
    expect(existsSync(`${fileOf('runs')}.dropped`)).toBe(false);
    // The other collections read and write.
    expect(await store.collection('plans').get('p1')).toEqual({ _id: 'p1', n: 1 });
    expect(await store.collection('plans').add({ _id: 'p2', n: 2 })).toEqual({ _id: 'p2' });
    // Reported once (not on every call), with the file, the line and what to do.
    const errors = text(log, 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('"runs"');
    expect(errors[0]).toContain(fileOf('runs'));
    expect(errors[0]).toContain('line 2');
    expect(errors[0]).toMatch(/move the file aside/);

    // The line removed by hand: the next call loads the file (no restart).
    const lines = linesOf('runs');
    writeFileSync(fileOf('runs'), `${[lines[0], lines[2]].join('\n')}\n`);
    expect((await runs.find(byId)).map((d) => d._id)).toEqual(['r1', 'r3']);
    expect(text(log, 'info').join('\n')).toContain('"runs"');
  });

  it('a damaged line in a larger file is not dropped silently either (NeDB alone drops up to 10% and rewrites the file)', async () => {
    const first = openStore();
    for (let i = 1; i <= 20; i++) await first.store.collection('plans').add({ _id: `p${String(i).padStart(2, '0')}`, n: i });
    await first.store.close();
    stores.pop();
    const damaged = damageLine('plans', 10);
    const { store } = openStore();
    await expect(store.collection('plans').find(byId)).rejects.toMatchObject({ code: 'STORE_DAMAGED', message: expect.stringContaining('第 10 行') });
    await store.close();
    expect(readFileSync(fileOf('plans'), 'utf8')).toBe(damaged);
  });

  it('a damaged last line with more damage above it is not repaired either', async () => {
    await seed();
    damageLine('runs', 1);
    tearLastLine('runs');
    const before = readFileSync(fileOf('runs'), 'utf8');
    const { store, log } = openStore();
    await expect(store.collection('runs').find(byId)).rejects.toMatchObject({ code: 'STORE_DAMAGED', message: expect.stringContaining('第 1、4 行') });
    expect(readFileSync(fileOf('runs'), 'utf8')).toBe(before);
    expect(text(log, 'error')[0]).toContain('lines 1, 4');
  });

  it('a text with U+2028/U+2029/U+0085 survives a restart (NeDB splits lines on them), also in a file written before the fix', async () => {
    const { store } = openStore();
    const note = '第一行\u2028第二行\u2029第三行\u0085完';
    await store.collection('plans').add({ _id: 'p1', note });
    await store.close();
    stores.pop();
    expect(readFileSync(fileOf('plans'), 'utf8')).not.toMatch(/[\u0085\u2028\u2029]/);
    // A file as NeDB wrote it before: the characters raw inside the JSON string.
    writeFileSync(fileOf('legacy'), `${JSON.stringify({ _id: 'l1', note })}\n${JSON.stringify({ _id: 'l2', n: 2 })}\n`);
    const again = openStore();
    expect(await again.store.collection('plans').get('p1')).toEqual({ _id: 'p1', note });
    expect((await again.store.collection('legacy').find(byId)).map((d) => d.note ?? d.n)).toEqual([note, 2]);
    expect(text(again.log, 'error')).toEqual([]);
  });
});

describe('scanDatafile', () => {
  it('tells a torn last line (with or without its newline) from damage elsewhere; CRLF and blank lines are not damage', () => {
    expect(scanDatafile('')).toEqual({ damaged: [], torn: null, repaired: null });
    expect(scanDatafile('{"_id":"a"}\r\n\r\n{"_id":"b"}\r\n')).toEqual({ damaged: [], torn: null, repaired: null });
    expect(scanDatafile('{"_id":"a"}\n{"_id":"b')).toEqual({ damaged: [], torn: { line: 2, text: '{"_id":"b' }, repaired: '{"_id":"a"}\n' });
    expect(scanDatafile('{"_id":"a"}\n{"_id":"b\n\n')).toEqual({ damaged: [], torn: { line: 2, text: '{"_id":"b' }, repaired: '{"_id":"a"}\n' });
    expect(scanDatafile('{"_id":"a"}\nnull\n{"_id":"c"}\n').damaged).toEqual([2]);
    expect(scanDatafile('x\n{"_id":"b"}\ny').damaged).toEqual([1, 3]);
    expect(scanDatafile('{"_id":"a","t":"\u2028"}\n').repaired).toBe('{"_id":"a","t":"\\u2028"}\n');
  });
});

describe('the local cloud', () => {
  it('starts with a damaged collection, says so at start-up, answers STORE_DAMAGED for the calls that need it and serves the others', async () => {
    await seed();
    damageLine('runs', 2);
    const cloud = await start({ sampleDeadlines: true });
    // At start-up, before any call.
    const startup = text(cloud.log, 'error');
    expect(startup).toHaveLength(1);
    expect(startup[0]).toContain('"runs"');
    expect(startup[0]).toContain('line 2');

    const list = await postJson(`${cloud.url}/cloud/deadlines`, { action: 'list' }, as('x'));
    expect(list.status).toBe(200);
    expect(list.json().data.deadlines).toHaveLength(4);

    const runs = await postJson(`${cloud.url}/cloud/deadlines`, { action: 'runs' }, as('dev-admin'));
    expect(runs.status).toBe(HTTP_STATUS.STORE_DAMAGED);
    expect(runs.status).not.toBe(500);
    expect(runs.json()).toEqual({ ok: false, error: { code: 'STORE_DAMAGED', message: expect.stringContaining('runs') } });
    expect(runs.json().error.message).toMatch(CJK);
    expect(runs.json().error.message).not.toBe(ERROR_MESSAGES.INTERNAL);

    const outbox = await request(`${cloud.url}/dev/outbox`);
    expect(outbox.status).toBe(HTTP_STATUS.STORE_DAMAGED);
    expect(outbox.json()).toMatchObject({ ok: false, error: { code: 'STORE_DAMAGED', message: expect.stringContaining('runs') } });

    // Still up: later calls work, and the damage was not logged again per call.
    const status = await postJson(`${cloud.url}/cloud/listStatus`, { action: 'get' }, as('x'));
    expect(status.status).toBe(200);
    const me = await postJson(`${cloud.url}/cloud/deadlines`, { action: 'me' }, as('dev-admin'));
    expect(me.json().data.isAdmin).toBe(true);
    expect(text(cloud.log, 'error')).toHaveLength(1);
  });

  it('a half-written last line: the server starts, warns, and serves the collection with its other lines', async () => {
    await seed();
    tearLastLine('runs');
    const cloud = await start();
    expect(text(cloud.log, 'warn').join('\n')).toContain('"runs"');
    const runs = await postJson(`${cloud.url}/cloud/deadlines`, { action: 'runs' }, as('dev-admin'));
    expect(runs.status).toBe(200);
    expect(runs.json().data.runs.map((r: { today: string }) => r.today)).toEqual(['2022-06-22', '2022-06-21', '2022-06-20']);
    const outbox = await request(`${cloud.url}/dev/outbox`);
    expect(outbox.status).toBe(200);
    expect(outbox.json().data.runs).toHaveLength(3);
    expect(text(cloud.log, 'error')).toEqual([]);
  });

  it('a damaged collection the start-up itself needs (admins, for LOCAL_ADMINS) does not stop the server', async () => {
    await seed();
    damageLine('admins', 1);
    const cloud = await start({ admins: ['dev-admin'], sampleDeadlines: true });
    expect(text(cloud.log, 'error').join('\n')).toContain('"admins"');
    expect(text(cloud.log, 'warn').join('\n')).toContain('LOCAL_ADMINS skipped: collection "admins" is damaged');
    const list = await postJson(`${cloud.url}/cloud/deadlines`, { action: 'list' }, as('x'));
    expect(list.status).toBe(200);
    const me = await postJson(`${cloud.url}/cloud/deadlines`, { action: 'me' }, as('dev-admin'));
    expect(me.status).toBe(HTTP_STATUS.STORE_DAMAGED);
    expect(me.json().error.message).toContain('admins');
  });
});

describe('`npm start` (server/main.ts in its own process)', () => {
  let child: ChildProcess | null = null;
  afterEach(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    child = null;
  });

  it('does not exit when a call needs the damaged collection; the start-up log names it', async () => {
    await seed();
    damageLine('runs', 2);
    let output = '';
    child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'server/main.ts')], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', LOCAL_CLOUD_DIR: dataDir, STATIC_DIR: path.join(tmp.dir, 'none'), LOCAL_SAMPLES: '0', LOCAL_ADMINS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr!.on('data', (c: Buffer) => (output += c.toString('utf8')));
    const serverFile = path.join(dataDir, 'server.json');
    const deadline = Date.now() + 20_000;
    while (!existsSync(serverFile) && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(serverFile)).toBe(true);
    const { url } = JSON.parse(readFileSync(serverFile, 'utf8')) as { url: string };

    const outbox = await request(`${url}/dev/outbox`);
    const runs = await postJson(`${url}/cloud/deadlines`, { action: 'runs' }, as('dev-admin')).catch((e: Error) => e);
    await new Promise((r) => setTimeout(r, 300));
    // Still running, and nothing went unhandled (the output is shown if not).
    expect({ exitCode: child.exitCode, output }).toEqual({ exitCode: null, output: expect.not.stringMatching(/unhandled|UnhandledPromiseRejection|triggerUncaughtException/i) });
    expect(outbox.status).toBe(HTTP_STATUS.STORE_DAMAGED);
    expect(outbox.json().error.code).toBe('STORE_DAMAGED');
    expect(runs).not.toBeInstanceOf(Error);
    expect(!(runs instanceof Error) && runs.json().error.code).toBe('STORE_DAMAGED');
    const status = await postJson(`${url}/cloud/listStatus`, { action: 'get' }, as('x'));
    expect(status.status).toBe(200);
    expect(child.exitCode).toBeNull();
    // Named at start-up, before the first call.
    expect(output.split('政策算盘 local cloud:')[0]).toMatch(/"runs".*line 2/);
  }, 30_000);
});
