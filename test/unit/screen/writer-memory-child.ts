/**
 * Run in a child process by writer-memory.test.ts (bundled by test/support/child-script.ts, run by node --max-old-space-size=…):
 * writes result.xlsx from `rows` screened lines — 500 seeded questionnaire-like rows' lines, over
 * and over, each with its own row number — the way screenFile writes them (ResultWriter, its
 * 按措施名单 lines waiting in a screening temp folder), and prints one line `RESULT {…}` with the
 * lines written to 按措施名单, the seconds and the process's peak resident memory (maxRSS, MB).
 * Exports nothing (a script).
 */
import { join } from 'path';
import { questionnaireProfile } from '../../../bench/profiles';
import { catalog2022, evaluate } from '../../../shared/policy/engine';
import { DRAIN_EVERY, MeasureTotals, ResultWriter, rowSummary, withTempDir, type ScreenedLine } from '../../../shared/policy/screening';
import { parsed } from '../../support/engine';
import { rng } from '../../fakes/simulate';

const [rows, out] = [Number(process.argv[2]), process.argv[3]];
const started = performance.now();
const r = rng(5);
const lines: ScreenedLine[] = Array.from({ length: 500 }, (_, i) => {
  const profile = parsed(questionnaireProfile(r));
  return { row: i + 3, name: `企业${i + 1}`, entity: profile.entity, summary: rowSummary(evaluate(profile, catalog2022, { explain: false })) };
});

void withTempDir(async (dir) => {
  const writer = new ResultWriter(out, join(dir), {});
  let listed = 0;
  for (let i = 0; i < rows; i++) {
    const line = lines[i % lines.length];
    writer.addLine({ ...line, row: i + 3, name: `企业${i + 1}` });
    if (i % DRAIN_EVERY === 0) await writer.drained();
    listed += line.summary.listed.length;
  }
  await writer.finish(new MeasureTotals(catalog2022), []);
  process.stdout.write(`RESULT ${JSON.stringify({ rows, listed, seconds: (performance.now() - started) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
});
