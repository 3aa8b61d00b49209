/**
 * npm run screen -- --template | <file.xlsx|file.csv> [--out …] [--workers n] | --doc — see screen-run.ts.
 * Run as a bundle (scripts/build-cli.mjs builds it into .cache/cli/ when missing or older than its
 * sources), beside the worker thread's bundle screen-worker.js; from source (tsx) every row is
 * screened in this thread.
 */
import { existsSync } from 'fs';
import { dirname, join } from 'path';
import { printable } from '../engine';
import { runScreen } from './screen-run';
import { mappingsFile } from './screen-columns';
import { startDir } from './read-file';
import { defineAppVersion } from '../../../scripts/app-version.cjs';

/** The repository: the folder holding scripts/app-version.cjs, above this file (source) or the bundle (.cache/cli). */
function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'scripts/app-version.cjs')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

const root = repositoryRoot();
// The version is read at start (package.json and git), not built in: a bundle built before a commit still says the commit it runs at.
defineAppVersion(root);
const workerFile = join(__dirname, 'screen-worker.js');

runScreen(process.argv.slice(2), {
  // Header cells and values from the file reach the terminal with their control characters escaped.
  out: (t) => process.stdout.write(printable(t, { keepLines: true })),
  err: (t) => process.stderr.write(printable(t, { keepLines: true })),
  tty: process.stderr.isTTY === true,
  // npm runs scripts in the package root; INIT_CWD is where the user typed the command.
  cwd: startDir(),
  docsDir: join(root, 'docs'),
  workerFile: existsSync(workerFile) ? workerFile : undefined,
  mappingsFile: mappingsFile(),
}).then((code) => {
  process.exitCode = code;
});
