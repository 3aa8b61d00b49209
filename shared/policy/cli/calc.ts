/** npm run calc -- <profile.json> [--json] [--stages] [--all] | --list — see ./run.ts. */
import { readFileSync } from 'fs';
import { printable } from '../engine';
import { fromStart } from './read-file';
import { run } from './calc-run';
import { defineAppVersion } from '../../../scripts/app-version.cjs';

// Run from source, so no build put the app's version in: the same function a build uses does.
defineAppVersion();

process.exitCode = run(process.argv.slice(2), {
  // Bytes (readProfile reads them through readText), from where the command was run (INIT_CWD).
  readFile: (p) => readFileSync(fromStart(p)),
  // What the file holds reaches the terminal with its control characters escaped.
  out: (t) => process.stdout.write(printable(t, { keepLines: true })),
  err: (t) => process.stderr.write(printable(t, { keepLines: true })),
});
