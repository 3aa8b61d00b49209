/**
 * Memory flat in the row count (issue 27, item 5: peak ≤ 300 MB in one thread; before, a .csv was
 * read whole — 100 000 rows peaked at 318 MB with the heap capped at 192 MB, a million ran out of
 * memory). Each register is read in a child process (bench/read-memory.ts, heap capped at 192 MB):
 * five times the rows may cost a few MB more, never a growth with the rows. The million-row figures
 * are in `npm run bench`.
 */
import { join } from 'path';
import { readMemory, writeCsv, writeXlsx } from '../../../bench/read-memory';
import { tempDir } from './support';

/** How much more the larger read may peak (measured here: 1–15 MB; before: 130 MB for the .csv). */
const FLAT_MB = 40;
const PEAK_MB = 300;

describe('reading a register', () => {
  const tmp = tempDir();
  afterAll(tmp.done);

  it.each([
    ['csv', writeCsv],
    ['xlsx', writeXlsx],
  ] as const)(`a .%s of 100 000 rows peaks within ${FLAT_MB} MB of one of 20 000, under ${PEAK_MB} MB`, (ext, write) => {
    const peaks = [20_000, 100_000].map((rows) => {
      const file = join(tmp.dir, `${rows}.${ext}`);
      write(file, rows);
      const r = readMemory(file);
      expect(r.rows).toBe(rows);
      return r.peakMb;
    });
    expect(peaks[1] - peaks[0]).toBeLessThan(FLAT_MB);
    expect(peaks[1]).toBeLessThan(PEAK_MB);
  }, 120000);
});
