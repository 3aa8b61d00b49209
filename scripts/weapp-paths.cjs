#!/usr/bin/env node
/**
 * weappPaths(dist), WEAPP_PATHS (exports): the bytes a WeChat user downloads on each path people
 * take, read from a built weapp folder — the main package plus every subpackage the path opens or
 * that app.json's preloadRule fetches from a page on it. Bytes are the package files (LICENSE
 * files are not uploaded), as in test/build/budgets.test.ts.
 *   node scripts/weapp-paths.cjs [dist]     prints the table as JSON
 * Issue 24, item 6: decides whether a module shared by subpackages costs less in the main package.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: Taro's config, jest and scripts/bench.mjs all load it */
const { readdirSync, readFileSync, statSync } = require('node:fs');
const path = require('node:path');

/** The paths: pages in the order a user opens them (the first one is where WeChat starts). */
// Budgets (bytes; null = stated only). Before item 6: 893,559 B and 714,482 B on the first two;
// decimal.js and the catalog in the main package make the first 775,384 B and leave the second
// within 0.5 %, while a direct reminder link pays 124 KB more (397,319 → 521,299 B).
const WEAPP_PATHS = [
  { name: 'home → questionnaire → results', pages: ['pages/index/index', 'pages/questionnaire/index', 'pages/results/index'], budget: 780 * 1024 },
  { name: 'a shared measure link (pages/policy/detail opened directly)', pages: ['pages/policy/detail/index'], budget: 710 * 1024 },
  { name: 'a reminder message (pages/reminders opened directly)', pages: ['pages/reminders/index'], budget: null },
  { name: 'home only', pages: ['pages/index/index'], budget: null },
];

function walk(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p, base) : [{ file: path.relative(base, p).split(path.sep).join('/'), bytes: statSync(p).size }];
  });
}

/** Per package bytes and, per path, the packages it downloads and their sum. */
function weappPaths(dist) {
  const app = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8'));
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));
  const files = walk(dist).filter((f) => !/LICENSE|\.map$/.test(f.file));
  const rootOf = (file) => roots.find((r) => file.startsWith(`${r}/`)) ?? 'main';
  const packages = { main: 0, ...Object.fromEntries(roots.map((r) => [r, 0])) };
  for (const f of files) packages[rootOf(f.file)] += f.bytes;
  const preload = app.preloadRule ?? {};
  const paths = WEAPP_PATHS.map(({ name, pages, budget }) => {
    const opened = new Set(['main']);
    for (const page of pages) {
      opened.add(rootOf(page));
      for (const p of preload[page]?.packages ?? []) opened.add(p.replace(/\/$/, ''));
    }
    const list = [...opened];
    return { name, packages: list, bytes: list.reduce((a, r) => a + packages[r], 0), budget };
  });
  return { packages, paths };
}

module.exports = { weappPaths, WEAPP_PATHS };

if (require.main === module) {
  const dist = path.resolve(process.argv[2] || process.env.WEAPP_DIR || 'dist');
  console.log(JSON.stringify(weappPaths(dist), null, 2));
}
