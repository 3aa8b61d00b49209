#!/usr/bin/env node
/**
 * The command lines as bundles (issue 24, item 3): `npm run screen` runs .cache/cli/screen.js, built
 * by esbuild from shared/policy/cli/screen.ts with everything it imports inlined, and its worker
 * thread .cache/cli/screen-worker.js (shared/policy/screening/screen-worker.ts) — no TypeScript
 * compiled at each start (tsx cost ~0.6 s), and worker threads that Node starts without a loader.
 *
 *   node scripts/build-cli.mjs                 build every bundle
 *   node scripts/build-cli.mjs run screen …    build when missing or older than any of its sources
 *                                              (the inputs esbuild reports, and this script), then
 *                                              run it in this process with the arguments after it
 *
 * A build writes each file beside its place and renames it there, so two commands starting at once
 * never run half a file.
 *
 * package.json starts it with --max-old-space-size=320: left to its default, V8 let a 100 000-row
 * .csv (read from memory) grow to 730 MB resident before collecting; capped, the same run peaks
 * at ~400 MB and is no slower (issue 24, item 3: ≤ 450 MB). Worker threads have heaps of their own.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(here), '..');
export const CLI_DIR = path.join(root, '.cache/cli');

/** Each command: its bundles (entry → file in CLI_DIR). */
const COMMANDS = {
  screen: { 'screen.js': 'shared/policy/cli/screen.ts', 'screen-worker.js': 'shared/policy/screening/screen-worker.ts' },
};

const inputsFile = (name) => path.join(CLI_DIR, `${name}.inputs.json`);

/** Are the command's bundles newer than every file they were built from? */
function fresh(name) {
  const outs = Object.keys(COMMANDS[name]).map((f) => path.join(CLI_DIR, f));
  if (![...outs, inputsFile(name)].every(existsSync)) return false;
  const built = Math.min(...outs.map((f) => statSync(f).mtimeMs));
  const inputs = [here, ...JSON.parse(readFileSync(inputsFile(name), 'utf8')).map((f) => path.join(root, f))];
  return inputs.every((f) => existsSync(f) && statSync(f).mtimeMs <= built);
}

function writeAtomically(file, contents) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, file);
}

export async function build(name) {
  const esbuild = await import('esbuild');
  mkdirSync(CLI_DIR, { recursive: true });
  const inputs = new Set();
  for (const [out, entry] of Object.entries(COMMANDS[name])) {
    const result = await esbuild.build({
      entryPoints: [path.join(root, entry)],
      outfile: path.join(CLI_DIR, out),
      bundle: true,
      platform: 'node',
      target: `node${process.versions.node.split('.')[0]}`,
      format: 'cjs',
      tsconfig: path.join(root, 'tsconfig.json'),
      metafile: true,
      write: false,
      logLevel: 'warning',
      charset: 'utf8',
      // exceljs's zip writer calls new Buffer(), which Node warns about on every run when the code lies
      // outside node_modules (DEP0005): it stays there, loaded at run time.
      external: ['archiver'],
    });
    for (const f of Object.keys(result.metafile.inputs)) inputs.add(f);
    for (const file of result.outputFiles) writeAtomically(file.path, file.contents);
  }
  writeAtomically(inputsFile(name), JSON.stringify([...inputs].sort()));
}

/** Builds `name` if needed, then runs it here with `args` (as if `node .cache/cli/<name>.js …args`). */
export async function run(name, args) {
  if (!fresh(name)) await build(name);
  const bundle = path.join(CLI_DIR, `${name}.js`);
  process.argv = [process.argv[0], bundle, ...args];
  createRequire(import.meta.url)(bundle);
}

if (process.argv[1] === here) {
  const [mode, name, ...args] = process.argv.slice(2);
  if (mode === 'run') {
    if (!COMMANDS[name]) throw new Error(`build-cli: unknown command ${name}`);
    await run(name, args);
  } else {
    for (const n of Object.keys(COMMANDS)) await build(n);
  }
}
