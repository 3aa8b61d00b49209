/**
 * Writing result.xlsx takes memory that does not grow with the rows (issue 27, items 3 and 5): in a
 * child process with its heap capped at 64 MB (writer-memory-child.ts), 10 000 and 50 000 screened
 * lines — 按措施名单's some 42 000 and 212 000 lines with them — are written as screenFile writes
 * them, and the peak resident memory (maxRSS) of both stays under a generous ceiling and about the
 * same. Measured on a busy 2-core machine: 149 MB and 140 MB, in 4 s and 11 s. Before the writer
 * waited for the zip to take its rows (write-result.ts, drained), 按措施名单's lines piled up in the
 * zip's input: 171 MB and 278 MB.
 */
import { spawnSync } from 'child_process';
import { join } from 'path';
import { tempDir } from './support';
import { childScript } from '../../support/child-script';

const CHILD = childScript(join(__dirname, 'writer-memory-child.ts'));
/** The bound for one thread. */
const CEILING_MB = 300;
/** What 40 000 more lines may add: some noise of the collector's, far below what a pile-up adds (107 MB). */
const GROWTH_MB = 40;

interface ChildResult {
  rows: number;
  listed: number;
  seconds: number;
  peakRssMb: number;
}

function write(rows: number, dir: string): ChildResult {
  const child = spawnSync(process.execPath, ['--max-old-space-size=64', CHILD, String(rows), join(dir, `result-${rows}.xlsx`)], {
    cwd: join(__dirname, '../../..'),
    encoding: 'utf8',
    timeout: 120000,
  });
  const line = /^RESULT (.*)$/m.exec(child.stdout)?.[1];
  if (!line) throw new Error(`the child wrote no result (exit ${child.status}):\n${child.stderr.slice(-2000)}`);
  return JSON.parse(line) as ChildResult;
}

describe('result.xlsx is written in memory that does not grow with the rows', () => {
  const tmp = tempDir();
  afterAll(tmp.done);
  const runs = new Map<number, ChildResult>();

  beforeAll(() => {
    for (const rows of [10000, 50000]) runs.set(rows, write(rows, tmp.dir));
  }, 180000);

  it.each([10000, 50000])(`%i lines: within ${CEILING_MB} MB, 按措施名单 some four lines a row`, (rows) => {
    const run = runs.get(rows)!;
    expect(run.listed).toBeGreaterThan(rows * 4);
    expect(run.peakRssMb).toBeLessThan(CEILING_MB);
  });

  it(`50 000 lines take at most ${GROWTH_MB} MB more than 10 000`, () => {
    expect(runs.get(50000)!.peakRssMb - runs.get(10000)!.peakRssMb).toBeLessThan(GROWTH_MB);
  });
});
