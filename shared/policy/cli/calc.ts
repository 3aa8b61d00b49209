/** npm run calc -- <profile.json> [--json] [--stages] [--all] | --list — see ./run.ts. */
import { readFileSync } from 'fs';
import { run } from './run';

process.exitCode = run(process.argv.slice(2), {
  readFile: (p) => readFileSync(p), // bytes: readProfile decodes them (UTF-8, BOM dropped, bad bytes reported)
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
});
