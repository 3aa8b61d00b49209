/** npm run screen -- --template | <file.xlsx|file.csv> [--out …] | --doc — see ../screen/cli.ts. */
import { join } from 'path';
import { runScreen } from '../screen/cli';

runScreen(process.argv.slice(2), {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  tty: process.stderr.isTTY === true,
  // npm runs scripts in the package root; INIT_CWD is where the user typed the command.
  cwd: process.env.INIT_CWD ?? process.cwd(),
  docsDir: join(__dirname, '../../../docs'),
}).then((code) => {
  process.exitCode = code;
});
