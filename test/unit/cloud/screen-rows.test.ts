/**
 * The `screen` function reads a register once (issue 24, item 4): `open` stores each chunk's rows in
 * the job's folder, and a `chunk` call reads only its own rows — counted here on every file a chunk
 * downloads (the register itself would be every row) — in .xlsx and .csv. The result is the CLI's,
 * cell for cell; a job opened before rows were stored (its record has no rowFiles) still screens
 * to the same result from the register; every exit of `open` leaves no stored rows and no temp
 * folder behind.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import os from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { SCREEN_CHUNK_ROWS, SCREEN_MAX_ROWS, type Envelope, type ScreenResponse } from '../../../shared/cloud/api';
import type { FileStore, HandlerContext } from '../../../shared/cloud/context';
import { runHandler } from '../../../shared/cloud/handler';
import { screen, SCREEN_MESSAGES } from '../../../shared/cloud/handlers/screen';
import { readRows } from '../../../shared/cloud/handlers/screen/row-files';
import { adminsRepo, screenJobsRepo } from '../../../shared/cloud/repos';
import { wxDocumentStore } from '../../../shared/cloud/wx-db';
import { catalog2022, type Profile } from '../../../shared/policy/engine';
import { readTable, screenColumns, screenFile } from '../../../shared/policy/screening';
import { questionnaireProfile } from '../../../bench/profiles';
import { FakeWxDatabase } from '../../fakes/fake-wx-db';
import { rng } from '../../fakes/simulate';
import { parsed } from '../../support/engine';
import { personaProfiles, refusedRow, tempDir, writeProfiles } from '../screen/support';
import { capturingLogger, CJK } from './fakes';

const ADMIN = 'oAdmin0000000000000000000001';
const PREFIX = 'cloud://env-1.7465/';
/** Data rows start on the sheet's row 3 (row 1 the header, row 2 the template's explanation). */
const FIRST_ROW = 3;

/** In-memory cloud storage whose downloads are recorded (`got`); `beforePut` runs first (and may throw: storage failing). */
function countingFiles() {
  const stored = new Map<string, Uint8Array>();
  const got: string[] = [];
  let before: ((cloudPath: string) => Promise<void>) | null = null;
  const api: FileStore = {
    async put(cloudPath, content) {
      await before?.(cloudPath);
      stored.set(cloudPath, Uint8Array.from(content));
      return { fileID: `${PREFIX}${cloudPath}` };
    },
    async urlOf(fileID) {
      return stored.has(fileID.slice(PREFIX.length)) ? `https://7465.tcb.qcloud.la/${fileID.slice(PREFIX.length)}` : null;
    },
    async get(fileID) {
      got.push(fileID.slice(PREFIX.length));
      return stored.get(fileID.slice(PREFIX.length)) ?? null;
    },
    async remove(fileIDs) {
      for (const id of fileIDs) stored.delete(id.slice(PREFIX.length));
    },
  };
  return { stored, got, api, beforePut: (f: ((cloudPath: string) => Promise<void>) | null) => (before = f) };
}

async function sheets(content: Uint8Array): Promise<Record<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(content) as unknown as ArrayBuffer);
  const out: Record<string, unknown[][]> = {};
  wb.eachSheet((ws) => {
    out[ws.name] = [];
    ws.eachRow((row) => out[ws.name].push((row.values as unknown[]).slice(1)));
  });
  return out;
}

describe.each(['xlsx', 'csv'] as const)('a register read once (.%s)', (format) => {
  const tmp = tempDir();
  afterAll(tmp.done);
  const r = rng(2424);
  // Two chunks and a bit; two rows refused and an empty row (skipped) at the end.
  const profiles: [string, Profile][] = [...personaProfiles(), ...Array.from({ length: 2 * SCREEN_CHUNK_ROWS + 20 }, (_, i): [string, Profile] => [`企业${i + 1}`, parsed(questionnaireProfile(r))])];
  const dataRows = profiles.length + 2;
  const chunks = Math.ceil(dataRows / SCREEN_CHUNK_ROWS);
  const register = join(tmp.dir, `园区名单.${format}`);
  const fileName = `园区名单.${format}`;
  let cli: Record<string, unknown[][]>;

  let db: FakeWxDatabase;
  let files: ReturnType<typeof countingFiles>;
  const ctx = (): HandlerContext => ({ openid: ADMIN, now: () => new Date('2026-12-06T04:00:00Z'), db: wxDocumentStore(() => db), log: capturingLogger(), files: files.api });
  const call = (req: Record<string, unknown>) => runHandler('screen', screen, req, ctx()) as Promise<Envelope<ScreenResponse>>;
  async function data<A extends ScreenResponse['action']>(req: Record<string, unknown> & { action: A }) {
    const res = await call(req);
    if (!res.ok) throw new Error(`${req.action}: ${res.error.message}`);
    return res.data as Extract<ScreenResponse, { action: A }>;
  }
  async function started(bytes: Uint8Array = readFileSync(register)) {
    const s = await data({ action: 'start', fileName, size: bytes.byteLength });
    const { fileID } = await files.api.put(s.cloudPath, bytes, 'application/octet-stream');
    return { jobId: s.job.jobId, fileID };
  }
  async function opened(): Promise<string> {
    const { jobId, fileID } = await started();
    await data({ action: 'open', jobId, fileID });
    return jobId;
  }
  /** The sheet rows held by a file a chunk downloaded: the register holds them all. */
  async function rowsIn(cloudPath: string): Promise<number[]> {
    if (cloudPath.endsWith(`input.${format}`)) {
      const out: number[] = [];
      for await (const row of readTable(register)) out.push(row.row);
      return out;
    }
    return readRows(ctx(), files.stored.get(cloudPath)!).rows.map((row) => row.row);
  }
  /** The job's record as it was before rows were stored: no rowFiles, and none in storage. */
  async function asOpenedBefore(jobId: string) {
    const repo = screenJobsRepo(wxDocumentStore(() => db));
    const { rowFiles, ...old } = (await repo.get(jobId))!;
    await files.api.remove(rowFiles ?? []);
    await repo.remove(jobId);
    await repo.add(old);
  }
  async function screenedResult(jobId: string) {
    for (let index = 0; index < chunks; index++) await data({ action: 'chunk', jobId, index });
    await data({ action: 'finish', jobId });
    return files.stored.get(`screen/${ADMIN}/${jobId}/result.xlsx`)!;
  }

  beforeAll(async () => {
    await writeProfiles(register, profiles, [refusedRow('负数一'), refusedRow('').map(() => ''), refusedRow('负数二')]);
    const out = join(tmp.dir, 'cli.xlsx');
    await screenFile(register, out);
    cli = await sheets(readFileSync(out));
  }, 120000);

  beforeEach(async () => {
    db = new FakeWxDatabase();
    files = countingFiles();
    await adminsRepo(wxDocumentStore(() => db)).add({ _id: ADMIN, addedAt: '2026-11-01T00:00:00Z', addedBy: 'console' });
  });

  it.each(Array.from({ length: chunks }, (_, i) => [i]))('chunk %i reads the rows of its own range and no other', async (index) => {
    const jobId = await opened();
    for (let i = 0; i < index; i++) await data({ action: 'chunk', jobId, index: i });
    files.got.length = 0;
    await data({ action: 'chunk', jobId, index });
    const read: number[] = [];
    for (const p of files.got) read.push(...(await rowsIn(p)));
    // The empty row among the last ones is skipped, so the last chunk's range ends one sheet row later.
    const from = FIRST_ROW + index * SCREEN_CHUNK_ROWS;
    const to = Math.min(from + SCREEN_CHUNK_ROWS, FIRST_ROW + profiles.length + 3);
    const range = Array.from({ length: to - from }, (_, i) => from + i).filter((row) => row !== FIRST_ROW + profiles.length + 1);
    expect({ index, read: read.length, outside: read.filter((row) => row < from || row >= to) }).toEqual({ index, read: range.length, outside: [] });
    expect(read).toEqual(range);
  }, 60000);

  it('open reads the register once and stores each chunk’s rows; finish leaves only the result', async () => {
    const { jobId, fileID } = await started();
    files.got.length = 0;
    const job = (await data({ action: 'open', jobId, fileID })).job;
    expect(job).toMatchObject({ rows: dataRows, chunks });
    expect(files.got).toEqual([`screen/${ADMIN}/${jobId}/input.${format}`]);
    const rowsFiles = [...files.stored.keys()].filter((k) => /\/rows-\d{4}\.json$/.test(k));
    expect(rowsFiles).toHaveLength(chunks);
    let held = 0;
    for (const p of rowsFiles) held += (await rowsIn(p)).length;
    expect(held).toBe(dataRows);
    await screenedResult(jobId);
    expect([...files.stored.keys()]).toEqual([`screen/${ADMIN}/${jobId}/result.xlsx`]);
  }, 60000);

  it.each([
    ['a job opened with its rows stored', false],
    ['a job opened before rows were stored (its chunks read the register)', true],
  ])('%s writes the CLI’s result.xlsx cell for cell', async (_case, before) => {
    const jobId = await opened();
    if (before) await asOpenedBefore(jobId);
    const got = await sheets(await screenedResult(jobId));
    expect(got).toEqual(cli);
    expect([...files.stored.keys()]).toEqual([`screen/${ADMIN}/${jobId}/result.xlsx`]);
  }, 60000);

  it('a chunk whose stored rows are gone says so in Chinese', async () => {
    const jobId = await opened();
    files.stored.delete(`screen/${ADMIN}/${jobId}/rows-0001.json`);
    await data({ action: 'chunk', jobId, index: 0 });
    const res = await call({ action: 'chunk', jobId, index: 1 });
    expect(!res.ok && res.error.message).toBe(SCREEN_MESSAGES.partMissing);
    expect(SCREEN_MESSAGES.partMissing).toMatch(CJK);
  }, 60000);
});

describe('open leaves no stored rows and no temp folder behind, whichever way it ends', () => {
  const tmp = tempDir();
  afterAll(tmp.done);
  let db: FakeWxDatabase;
  let files: ReturnType<typeof countingFiles>;
  let funcTmp: string;
  const ctx = (): HandlerContext => ({ openid: ADMIN, now: () => new Date('2026-12-06T04:00:00Z'), db: wxDocumentStore(() => db), log: capturingLogger(), files: files.api });
  const call = (req: Record<string, unknown>) => runHandler('screen', screen, req, ctx()) as Promise<Envelope<ScreenResponse>>;

  beforeEach(async () => {
    db = new FakeWxDatabase();
    files = countingFiles();
    await adminsRepo(wxDocumentStore(() => db)).add({ _id: ADMIN, addedAt: '2026-11-01T00:00:00Z', addedBy: 'console' });
    // The function's /tmp: a folder of this test's own, so what is left in it is the handler's.
    funcTmp = mkdtempSync(join(tmp.dir, 'function-tmp-'));
    jest.spyOn(os, 'tmpdir').mockReturnValue(funcTmp);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(funcTmp, { recursive: true, force: true });
  });

  /** A register of `n` rows with the name and entity filled (a .csv: quick to write at 20 001 rows). */
  function csvRegister(n: number): Buffer {
    const columns = screenColumns(catalog2022, 3);
    const header = columns.map((c) => c.header);
    const row = columns.map((_, i) => (i === 1 ? '企业' : ''));
    const lines = [header.map((h) => `"${h}"`).join(','), ...Array.from({ length: n }, (_, i) => [`企业${i + 1}`, ...row.slice(1)].join(','))];
    return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
  }

  async function opening(bytes: Buffer) {
    const s = await call({ action: 'start', fileName: '名单.csv', size: bytes.byteLength });
    if (!s.ok || s.data.action !== 'start') throw new Error('start failed');
    const { fileID } = await files.api.put(s.data.cloudPath, bytes, 'text/csv');
    return { jobId: s.data.job.jobId, fileID };
  }
  const storedRows = () => [...files.stored.keys()].filter((k) => /\/rows-\d{4}\.json$/.test(k));

  it.each([
    ['over SCREEN_MAX_ROWS: refused with the count, the job deleted', SCREEN_MAX_ROWS + 1, null, SCREEN_MESSAGES.tooManyRows(SCREEN_MAX_ROWS + 1)],
    ['storage fails on the second chunk’s rows: the first chunk’s rows go', 2 * SCREEN_CHUNK_ROWS, 'rows-0001.json', null],
  ])('%s', async (_case, n, failOn, message) => {
    const { jobId, fileID } = await opening(csvRegister(n));
    if (failOn)
      files.beforePut(async (p) => {
        if (p.endsWith(failOn)) throw new Error(`storage refused ${p}`);
      });
    const res = await call({ action: 'open', jobId, fileID });
    expect(res.ok).toBe(false);
    if (message) expect(!res.ok && res.error.message).toBe(message);
    expect(storedRows()).toEqual([]);
    expect(readdirSync(funcTmp)).toEqual([]);
  }, 60000);

  it('a job deleted while open stores its rows: they go, and open answers gone', async () => {
    const { jobId, fileID } = await opening(csvRegister(SCREEN_CHUNK_ROWS + 5));
    files.beforePut(async (p) => {
      if (p.endsWith('rows-0001.json')) await call({ action: 'delete', jobId });
    });
    const res = await call({ action: 'open', jobId, fileID });
    expect(!res.ok && res.error.message).toBe(SCREEN_MESSAGES.gone);
    expect([...files.stored.keys()]).toEqual([]);
    expect(readdirSync(funcTmp)).toEqual([]);
  }, 60000);

  it('opened: the register was in the temp folder while read, which is gone; a 1000-row chunk’s rows take well under a megabyte', async () => {
    const { jobId, fileID } = await opening(csvRegister(SCREEN_CHUNK_ROWS));
    let during: string[] = [];
    files.beforePut(async () => {
      during = readdirSync(funcTmp);
    });
    expect((await call({ action: 'open', jobId, fileID })).ok).toBe(true);
    expect(during).toHaveLength(1);
    expect(readdirSync(funcTmp)).toEqual([]);
    expect(files.stored.get(`screen/${ADMIN}/${jobId}/rows-0000.json`)!.byteLength).toBeLessThan(1024 * 1024);
  }, 60000);
});
