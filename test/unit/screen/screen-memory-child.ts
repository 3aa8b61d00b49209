/**
 * Run in a child process by screen-memory.test.ts (bundled by test/support/child-script.ts, run by node --max-old-space-size=…):
 * screens one register the way `npm run screen` does with --workers 1 (screenFile: read, schema,
 * engine, result.xlsx with 按措施名单) and prints one line `RESULT {…}` with the rows, the seconds
 * and the process's peak resident memory (maxRSS, MB). Exports nothing (a script).
 */
import { screenFile } from '../../../shared/policy/screening';

const [file, out] = process.argv.slice(2);
const started = performance.now();
void screenFile(file, out).then((report) => {
  process.stdout.write(`RESULT ${JSON.stringify({ rows: report.rows, refused: report.refused.length, seconds: (performance.now() - started) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
});
