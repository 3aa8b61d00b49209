#!/usr/bin/env node
/**
 * Bundles each cloud function (cloudfunctions/<name>/index.ts) into cloudfunctions/<name>/index.js,
 * the file WeChat deploys. A deployed function sees only its own folder, so everything it imports
 * (shared/cloud, shared/policy, decimal.js, dayjs, valibot, csv-parse) is inlined; only wx-server-sdk
 * (installed by WeChat from the function's package.json) and Node built-ins stay external.
 *
 *   node scripts/build-cloud.mjs            build all functions
 *   node scripts/build-cloud.mjs calculate  build one
 *
 * Prints each bundle's size and its budget (scripts/cloud-budgets.json); exits 1 on any error or on
 * an unexpected external import.
 */
import { builtinModules } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { appVersion } from './app-version.cjs';
import { catalogVersionAtBuild } from './catalog-version.cjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fnRoot = path.join(root, 'cloudfunctions');
/** WeChat cloud functions run Node 16 (the runtime chosen when a function is created). */
const TARGET = 'node16';
const ALLOWED_EXTERNAL = new Set(['wx-server-sdk']);
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
/** Size budgets per function (scripts/cloud-budgets.json; the build test checks them). */
const budgets = JSON.parse(readFileSync(path.join(root, 'scripts/cloud-budgets.json'), 'utf8'));
const budgetOf = (name) => budgets[name] ?? budgets.default;
/** The app's version each function answers with (shared/policy/engine/version.ts), as the pages get it. */
const APP_VERSION = appVersion(root);
/** catalog2022's version, so a function does not hash the catalog at its cold start (version.ts). */
const CATALOG_VERSION = catalogVersionAtBuild(root);

function functionNames() {
  return readdirSync(fnRoot)
    .filter((d) => existsSync(path.join(fnRoot, d, 'index.ts')))
    .sort();
}

async function buildOne(name) {
  const entry = path.join(fnRoot, name, 'index.ts');
  const outfile = path.join(fnRoot, name, 'index.js');
  const started = performance.now();
  const result = await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: TARGET,
    format: 'cjs',
    external: [...ALLOWED_EXTERNAL],
    tsconfig: path.join(root, 'tsconfig.json'),
    define: { __APP_VERSION__: JSON.stringify(APP_VERSION), __CATALOG_VERSION__: JSON.stringify(CATALOG_VERSION) },
    metafile: true,
    sourcemap: false,
    // Minified: the catalog's Chinese clauses (~93 KB) and decimal.js (~61 KB) dominate; unminified
    // the bundle is ~180 KB, minified ~118 KB (the build test's budget is 150 KB; `screen`, which
    // carries exceljs, has its own: scripts/cloud-budgets.json).
    minify: true,
    legalComments: 'eof',
    charset: 'utf8',
    logLevel: 'silent',
    banner: { js: `/* Built by scripts/build-cloud.mjs from cloudfunctions/${name}/index.ts — do not edit. */` },
  });
  for (const w of result.warnings) console.warn(`[${name}] warning: ${w.text}`);
  const out = result.metafile.outputs[path.relative(process.cwd(), outfile)] ?? Object.values(result.metafile.outputs)[0];
  const bad = out.imports.filter((i) => i.external && !ALLOWED_EXTERNAL.has(i.path) && !builtins.has(i.path));
  if (bad.length > 0) {
    throw new Error(`${name}: bundle requires packages WeChat will not have: ${bad.map((i) => i.path).join(', ')}`);
  }
  const bytes = statSync(outfile).size;
  const inputs = Object.keys(result.metafile.inputs).length;
  const ms = Math.round(performance.now() - started);
  console.log(`  cloudfunctions/${name}/index.js  ${(bytes / 1024).toFixed(1)} KB (${bytes} bytes, ${inputs} modules, ${ms} ms; budget ${(budgetOf(name) / 1024).toFixed(0)} KB)`);
  return bytes;
}

async function main() {
  const all = functionNames();
  const wanted = process.argv.slice(2);
  for (const w of wanted) if (!all.includes(w)) throw new Error(`no cloud function "${w}" (have: ${all.join(', ')})`);
  const names = wanted.length > 0 ? wanted : all;
  if (names.length === 0) throw new Error('no cloudfunctions/*/index.ts found');
  console.log(`Building ${names.length} cloud function(s) for ${TARGET}, version ${APP_VERSION}:`);
  for (const name of names) await buildOne(name);
}

main().catch((err) => {
  if (err && Array.isArray(err.errors) && err.errors.length > 0) {
    for (const e of err.errors) {
      const loc = e.location ? `${e.location.file}:${e.location.line}:${e.location.column}: ` : '';
      console.error(`error: ${loc}${e.text}`);
    }
  } else {
    console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
  }
  process.exit(1);
});
