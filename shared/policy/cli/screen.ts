/** npm run screen -- --template | <file.xlsx|file.csv> [--out …] | --doc — see ../screen/cli.ts. */
import { join } from 'path';
import { printable } from '../engine';
import { runScreen } from './screen-run';
import { startDir } from './read-file';
import { defineAppVersion } from '../../../scripts/app-version.cjs';

// Run from source, so no build put the app's version in: the same function a build uses does.
defineAppVersion();

runScreen(process.argv.slice(2), {
  // Header cells and values from the file reach the terminal with their control characters escaped.
  out: (t) => process.stdout.write(printable(t, { keepLines: true })),
  err: (t) => process.stderr.write(printable(t, { keepLines: true })),
  tty: process.stderr.isTTY === true,
  // npm runs scripts in the package root; INIT_CWD is where the user typed the command.
  cwd: startDir(),
  docsDir: join(__dirname, '../../../docs'),
}).then((code) => {
  process.exitCode = code;
});
