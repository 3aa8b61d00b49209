/**
 * The `screen` cloud function's billed time on a 20 000-row register (issue 24, item 4), run by
 * scripts/bench.mjs in its own process: the handler itself (open + every chunk + finish, each call
 * timed from its start to its answer, summed — storage and database in memory, so no network
 * latency), against one pass of the same pipeline over the file (`screenFile`, what `npm run screen`
 * does in one process), and against the way before rows were stored (a job whose record has no
 * rowFiles: each chunk reads the register from row 1). Rounds rotate the three (A B C, B C A, …) in
 * this one process; .xlsx and .csv; medians. Prints one JSON object.
 *   BENCH_CLOUD_SCREEN_RUNS=3 BENCH_CLOUD_SCREEN_ROWS=20000 BENCH_CLOUD_SCREEN_OLD=1 (defaults)
 */
import { mkdirSync, readFileSync, rmSync, statSync } from 'fs';
import os from 'os';
import path from 'path';
import { SCREEN_MAX_ROWS, type Envelope, type ScreenResponse } from '../shared/cloud/api';
import { type FileStore, type HandlerContext, silentLogger } from '../shared/cloud/context';
import { runHandler } from '../shared/cloud/handler';
import { screen } from '../shared/cloud/handlers/screen';
import { adminsRepo, screenJobsRepo } from '../shared/cloud/repos';
import { wxDocumentStore } from '../shared/cloud/wx-db';
import { catalog2022 } from '../shared/policy/engine';
import { screenColumns, screenFile, writeTable } from '../shared/policy/screening';
import { FakeWxDatabase } from '../test/fakes/fake-wx-db';
import { registerRows } from './register-rows';
import { stat } from './stats';

const RUNS = Number(process.env.BENCH_CLOUD_SCREEN_RUNS || 3);
const ROWS = Math.min(SCREEN_MAX_ROWS, Number(process.env.BENCH_CLOUD_SCREEN_ROWS || 20_000));
const WITH_OLD = process.env.BENCH_CLOUD_SCREEN_OLD !== '0';
const ADMIN = 'oBench00000000000000000000001';
const PREFIX = 'cloud://bench.0000/';
const dir = path.join(os.tmpdir(), `bench-cloud-screen-${process.pid}`);

function memoryFiles(): FileStore {
  const stored = new Map<string, Uint8Array>();
  return {
    async put(cloudPath, content) {
      stored.set(cloudPath, content);
      return { fileID: `${PREFIX}${cloudPath}` };
    },
    async urlOf(fileID) {
      return stored.has(fileID.slice(PREFIX.length)) ? `https://bench/${fileID.slice(PREFIX.length)}` : null;
    },
    async get(fileID) {
      return stored.get(fileID.slice(PREFIX.length)) ?? null;
    },
    async remove(fileIDs) {
      for (const id of fileIDs) stored.delete(id.slice(PREFIX.length));
    },
  };
}

interface CloudRun {
  seconds: number;
  openMs: number;
  chunkMs: number[];
  finishMs: number;
}

/** start → upload → open → chunks → finish; the function's time is open + chunks + finish. `old`: the job as opened before rows were stored. */
async function cloudRun(file: string, bytes: Buffer, old: boolean): Promise<CloudRun> {
  const db = new FakeWxDatabase();
  const files = memoryFiles();
  const store = wxDocumentStore(() => db);
  await adminsRepo(store).add({ _id: ADMIN, addedAt: '2026-12-01T00:00:00Z', addedBy: 'console' });
  const ctx: HandlerContext = { openid: ADMIN, now: () => new Date(), db: store, log: silentLogger, files };
  async function call<A extends ScreenResponse['action']>(req: Record<string, unknown> & { action: A }): Promise<{ data: Extract<ScreenResponse, { action: A }>; ms: number }> {
    const t0 = performance.now();
    const res = (await runHandler('screen', screen, req, ctx)) as Envelope<ScreenResponse>;
    const ms = performance.now() - t0;
    if (!res.ok) throw new Error(`${req.action}: ${res.error.message}`);
    return { data: res.data as Extract<ScreenResponse, { action: A }>, ms };
  }
  const started = await call({ action: 'start', fileName: path.basename(file), size: bytes.byteLength });
  const { fileID } = await files.put(started.data.cloudPath, bytes, 'application/octet-stream');
  const jobId = started.data.job.jobId;
  const opened = await call({ action: 'open', jobId, fileID });
  if (old) {
    // As a record written before rows were stored: no rowFiles (its chunks read the register).
    const repo = screenJobsRepo(store);
    const { rowFiles, ...before } = (await repo.get(jobId))!;
    await files.remove(rowFiles ?? []);
    await repo.remove(jobId);
    await repo.add(before);
  }
  const chunkMs: number[] = [];
  for (let index = 0; index < opened.data.job.chunks; index++) chunkMs.push((await call({ action: 'chunk', jobId, index })).ms);
  const finished = await call({ action: 'finish', jobId });
  if (finished.data.job.rows !== ROWS) throw new Error(`finish: ${finished.data.job.rows} rows, expected ${ROWS}`);
  const total = opened.ms + chunkMs.reduce((a, b) => a + b, 0) + finished.ms;
  return { seconds: total / 1000, openMs: opened.ms, chunkMs, finishMs: finished.ms };
}

async function onePass(file: string, out: string): Promise<number> {
  const t0 = performance.now();
  const report = await screenFile(file, out);
  if (report.rows !== ROWS) throw new Error(`screenFile: ${report.rows} rows, expected ${ROWS}`);
  return (performance.now() - t0) / 1000;
}

async function main() {
  mkdirSync(dir, { recursive: true });
  try {
    const results: Record<string, unknown> = {};
    for (const format of ['xlsx', 'csv'] as const) {
      const file = path.join(dir, `register.${format}`);
      await writeTable(file, screenColumns(catalog2022), registerRows(ROWS, format === 'xlsx'));
      const bytes = readFileSync(file);
      const pass: number[] = [];
      const cloud: CloudRun[] = [];
      const old: CloudRun[] = [];
      const ratios: number[] = [];
      const oldRatios: number[] = [];
      const ways = ['pass', 'cloud', ...(WITH_OLD ? ['old'] : [])];
      // Warm-up, untimed: the first run of each way pays for compiling the code it runs.
      await onePass(file, path.join(dir, 'result.xlsx'));
      await cloudRun(file, bytes, false);
      for (let round = 0; round < RUNS; round++) {
        const got: Record<string, number> = {};
        for (let k = 0; k < ways.length; k++) {
          const way = ways[(round + k) % ways.length];
          if (way === 'pass') pass.push((got.pass = await onePass(file, path.join(dir, 'result.xlsx'))));
          else {
            const run = await cloudRun(file, bytes, way === 'old');
            (way === 'old' ? old : cloud).push(run);
            got[way] = run.seconds;
          }
        }
        ratios.push(got.cloud / got.pass);
        if (WITH_OLD) oldRatios.push(got.old / got.pass);
      }
      const chunkStat = (runs: CloudRun[]) => ({ firstMs: stat(runs.map((r) => r.chunkMs[0])), lastMs: stat(runs.map((r) => r.chunkMs[r.chunkMs.length - 1])) });
      results[format] = {
        rows: ROWS,
        fileMb: statSync(file).size / 2 ** 20,
        onePassS: stat(pass),
        cloudS: stat(cloud.map((r) => r.seconds)),
        ratio: stat(ratios),
        chunkCount: cloud[0].chunkMs.length,
        openMs: stat(cloud.map((r) => r.openMs)),
        finishMs: stat(cloud.map((r) => r.finishMs)),
        chunks: chunkStat(cloud),
        ...(WITH_OLD ? { oldCloudS: stat(old.map((r) => r.seconds)), oldRatio: stat(oldRatios), oldChunks: chunkStat(old) } : {}),
      };
    }
    console.log(JSON.stringify({ ...results, load: os.loadavg() }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
