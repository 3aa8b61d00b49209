/**
 * Screening a register takes memory that does not grow with its rows (issue 27, items 3 and 5): a
 * generated .csv of 3 000 and of 15 000 rows (500 seeded questionnaire-like rows over and over, each
 * with its own name) is screened as `npm run screen -- --workers 1` does it (screenFile), in a child
 * process with its heap capped at 96 MB, and the peak resident memory (maxRSS) of both stays under a
 * generous ceiling and about the same. Measured at 5 000 and 25 000 rows on a busy 2-core machine: 149 MB and 143 MB (7 s and
 * 22 s; 10 000 and 50 000 rows: 149 and 139 MB); before the result's writer waited for its zip
 * (write-result.ts, drained): 151 MB and 226 MB, and 50 000 rows did not fit in a 96 MB heap. At
 * these sizes (3 000 and 15 000, smaller for CI's 15 minutes), without the waits: 46.6 MB more. The
 * larger run is the bench's (bench/screen.ts, 100 000 rows).
 */
import { spawnSync } from 'child_process';
import { join } from 'path';
import { questionnaireProfile } from '../../../bench/profiles';
import { catalog2022 } from '../../../shared/policy/engine';
import { profileRow, screenColumns, writeTable } from '../../../shared/policy/screening';
import { parsed } from '../../support/engine';
import { rng } from '../../fakes/simulate';
import { tempDir } from './support';
import { childScript } from '../../support/child-script';

const CHILD = childScript(join(__dirname, 'screen-memory-child.ts'));
/** The bound for one thread. */
const CEILING_MB = 300;
/** What 12 000 more rows may add: some noise of the collector's (the writer without its waits added ~45). */
const GROWTH_MB = 30;
const SIZES = [3000, 15000];

interface ChildResult {
  rows: number;
  refused: number;
  seconds: number;
  peakRssMb: number;
}

function screen(file: string, out: string): ChildResult {
  const child = spawnSync(process.execPath, ['--max-old-space-size=96', CHILD, file, out], { cwd: join(__dirname, '../../..'), encoding: 'utf8', timeout: 150000 });
  const line = /^RESULT (.*)$/m.exec(child.stdout)?.[1];
  if (!line) throw new Error(`the child screened nothing (exit ${child.status}, ${child.signal ?? 'no signal'}):\n${child.stderr.slice(-2000)}`);
  return JSON.parse(line) as ChildResult;
}

describe('a register is screened in memory that does not grow with its rows', () => {
  const tmp = tempDir();
  afterAll(tmp.done);
  const runs = new Map<number, ChildResult>();

  beforeAll(async () => {
    const columns = screenColumns(catalog2022);
    const r = rng(27);
    const base = Array.from({ length: 500 }, () => profileRow('', parsed(questionnaireProfile(r)), columns));
    for (const size of SIZES) {
      const file = join(tmp.dir, `register-${size}.csv`);
      await writeTable(
        file,
        columns,
        (function* () {
          for (let i = 0; i < size; i++) yield [`企业${i + 1}`, ...base[i % base.length].slice(1)];
        })(),
      );
      runs.set(size, screen(file, join(tmp.dir, `result-${size}.xlsx`)));
    }
  }, 240000);

  it.each(SIZES)(`%i rows, every one screened: within ${CEILING_MB} MB`, (size) => {
    const run = runs.get(size)!;
    expect([run.rows, run.refused]).toEqual([size, 0]);
    expect(run.peakRssMb).toBeLessThan(CEILING_MB);
  });

  it(`${SIZES[1]} rows take at most ${GROWTH_MB} MB more than ${SIZES[0]}`, () => {
    expect(runs.get(SIZES[1])!.peakRssMb - runs.get(SIZES[0])!.peakRssMb).toBeLessThan(GROWTH_MB);
  });
});
