/**
 * `npm run screen` end to end on a generated register (run by scripts/bench.mjs in its own process):
 * 100 000 seeded questionnaire-like profiles written as a filled screening table (profile-row.ts,
 * the table's own writer), then the command exactly as `npm run screen -- <file> --out <result.xlsx>
 * --workers <n>` runs it (package.json's script: the built bundle, built once before
 * the first run), timed from spawn to exit, with the process's peak resident memory (worker threads
 * included; bench/peak-rss.cjs). One worker (every row in the main thread: the one-core figure) and
 * two worker threads, alternating round by round (1 2 1 2 …) on the same file, so both see the same
 * load; both results are compared cell for cell. Prints one JSON object:
 * { [format]: { rows, fileMb, sameCells, workers: { '1': {seconds, peakMb, summary}, '2': … } } }.
 */
import { execFileSync, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { mkdirSync, readFileSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { catalog2022 } from '../shared/policy/engine';
import { CLI_LIMITS, screenColumns, writeTable, xlsxRows } from '../shared/policy/screening';
import { registerRows } from './register-rows';
import { stat } from './stats';

const RUNS = Number(process.env.BENCH_RUNS || 5);
const ROWS = Number(process.env.BENCH_SCREEN_ROWS || 100_000);
const FORMATS = (process.env.BENCH_SCREEN_FORMATS || 'xlsx,csv').split(',') as ('xlsx' | 'csv')[];
const WORKERS = (process.env.BENCH_SCREEN_WORKERS || '1,2').split(',');
const root = process.env.BENCH_ROOT || process.cwd();
const dir = path.join(tmpdir(), `bench-screen-${process.pid}`);
/** package.json's screen script after its `node` (its heap cap and the launcher): what `npm run screen` runs. */
const SCREEN_SCRIPT = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.screen as string).split(' ').slice(1);

function runOnce(file: string, out: string, workers: string): { seconds: number; peakMb: number; summary: string } {
  const started = performance.now();
  const r = spawnSync(process.execPath, [...SCREEN_SCRIPT, file, '--out', out, '--workers', workers], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: `--require ${path.join(root, 'bench/peak-rss.cjs')}` },
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`npm run screen failed (${r.status}):\n${r.stderr}`);
  const peaks = [...r.stderr.matchAll(/PEAK_RSS_KB (\d+)/g)].map((m) => Number(m[1]));
  return { seconds, peakMb: Math.max(...peaks) / 1024, summary: r.stdout.trim().split('\n')[0] ?? '' };
}

/** A hash of every cell of every sheet, read row by row (streaming: a 100 000-row result held whole would need gigabytes). */
async function cells(file: string): Promise<string> {
  const hash = createHash('sha256');
  let sheets: string[] = [];
  for await (const _ of xlsxRows(file, { limits: CLI_LIMITS.xlsx, allowMerged: true, onSheets: (all) => (sheets = all.map((s) => s.name)) })) break;
  for (const sheet of sheets) {
    hash.update('\f');
    // The version line after the last header names the commit, which may move between two runs of a long bench.
    for await (const row of xlsxRows(file, { limits: CLI_LIMITS.xlsx, allowMerged: true, sheet })) hash.update(`${JSON.stringify(row.values).replace(/测算版本 [^"]*/, '测算版本')}\n`);
  }
  return hash.digest('hex');
}

async function main() {
  mkdirSync(dir, { recursive: true });
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root });
  try {
    const results: Record<string, unknown> = {};
    for (const format of FORMATS) {
      const file = path.join(dir, `register.${format}`);
      await writeTable(file, screenColumns(catalog2022), registerRows(ROWS, format === 'xlsx'));
      const runs: Record<string, ReturnType<typeof runOnce>[]> = Object.fromEntries(WORKERS.map((w) => [w, []]));
      for (let i = 0; i < RUNS; i++) for (const w of WORKERS) runs[w].push(runOnce(file, path.join(dir, `result-${format}-${w}.xlsx`), w));
      const hashes = await Promise.all(WORKERS.map((w) => cells(path.join(dir, `result-${format}-${w}.xlsx`))));
      results[format] = {
        rows: ROWS,
        /** Did every --workers write the same cells (the last run of each)? */
        sameCells: hashes.every((h) => h === hashes[0]),
        fileMb: statSync(file).size / 2 ** 20,
        workers: Object.fromEntries(
          WORKERS.map((w) => [w, { seconds: stat(runs[w].map((x) => x.seconds)), peakMb: stat(runs[w].map((x) => x.peakMb)), summary: runs[w][runs[w].length - 1].summary }]),
        ),
      };
    }
    console.log(JSON.stringify(results));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
