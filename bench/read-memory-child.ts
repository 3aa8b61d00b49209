/**
 * Run by bench/read-memory.ts in a child process with its heap capped: reads one register the way
 * every door does (countRows: openRegister, every row through the reader) and prints one JSON line
 * with the rows, the seconds and the process's peak resident memory (maxRSS). Exports nothing.
 */
import { countRows } from '../shared/policy/screening';

const started = performance.now();
countRows(process.argv[2]).then(
  (r) => process.stdout.write(`${JSON.stringify({ rows: r.rows, seconds: (performance.now() - started) / 1000, peakMb: process.resourceUsage().maxRSS / 1024 })}\n`),
  (e: Error) => process.stdout.write(`${JSON.stringify({ error: e.message.slice(0, 300), peakMb: process.resourceUsage().maxRSS / 1024 })}\n`),
);
