/**
 * `npm run screen` end to end on a generated register (run by scripts/bench.mjs in its own process):
 * 100 000 seeded questionnaire-like profiles written as a filled screening table (profile-row.ts,
 * the table's own writer), then the CLI exactly as `npm run screen -- <file> --out <result.xlsx>`
 * runs it (tsx), timed from spawn to exit, with the child's peak resident memory (bench/peak-rss.cjs).
 * Prints one JSON object.
 */
import { spawnSync } from 'child_process';
import { mkdirSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { catalog2022, parseProfile } from '../shared/policy/engine';
import { screenColumns, profileRow, writeTable } from '../shared/policy/screening';
import { rng } from '../test/fakes/simulate';
import { questionnaireProfile } from './profiles';
import { stat } from './stats';

const RUNS = Number(process.env.BENCH_RUNS || 5);
const ROWS = Number(process.env.BENCH_SCREEN_ROWS || 100_000);
const FORMATS = (process.env.BENCH_SCREEN_FORMATS || 'xlsx,csv').split(',') as ('xlsx' | 'csv')[];
const root = process.env.BENCH_ROOT || process.cwd();
const dir = path.join(tmpdir(), `bench-screen-${process.pid}`);

function* rows(numbers: boolean) {
  const columns = screenColumns(catalog2022);
  const r = rng(3);
  for (let i = 0; i < ROWS; i++) {
    const parsed = parseProfile(questionnaireProfile(r));
    if (!parsed.ok) throw new Error(`generated profile ${i} is invalid`);
    yield profileRow(`企业 ${i + 1}`, parsed.profile, columns, { numbers });
  }
}

function runOnce(file: string, out: string): { seconds: number; peakMb: number; summary: string } {
  const started = performance.now();
  const r = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['shared/policy/cli/screen.ts', file, '--out', out], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: `--require ${path.join(root, 'bench/peak-rss.cjs')}` },
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`npm run screen failed (${r.status}):\n${r.stderr}`);
  // The largest of the processes that reported (tsx's own and the one that screens).
  const peaks = [...r.stderr.matchAll(/PEAK_RSS_KB (\d+)/g)].map((m) => Number(m[1]));
  return { seconds, peakMb: Math.max(...peaks) / 1024, summary: r.stdout.trim().split('\n').pop() ?? '' };
}

async function main() {
  mkdirSync(dir, { recursive: true });
  try {
    const results: Record<string, unknown> = {};
    for (const format of FORMATS) {
      const file = path.join(dir, `register.${format}`);
      await writeTable(file, screenColumns(catalog2022), rows(format === 'xlsx'));
      const runs = Array.from({ length: RUNS }, () => runOnce(file, path.join(dir, `result-${format}.xlsx`)));
      results[format] = {
        rows: ROWS,
        fileMb: statSync(file).size / 2 ** 20,
        seconds: stat(runs.map((x) => x.seconds)),
        peakMb: stat(runs.map((x) => x.peakMb)),
        summary: runs[runs.length - 1].summary,
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
