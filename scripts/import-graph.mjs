// npm run graph — the import graph by folder: which folder imports which (count of import
// statements, re-exports and dynamic imports), the arrows that run against shared/policy's layers
// (README › shared/policy in layers), and imports into a layer's inner file instead of its entry.
// eslint (importLayers) refuses both kinds of arrow; this prints the picture for a person. Imports
// are listed by TypeScript's own pre-processor; aliases as in tsconfig.json.
import { existsSync, readFileSync } from 'fs';
import { execFileSync } from 'child_process';
import path from 'path';
import ts from 'typescript';
import { LAYERS } from '../eslint.config.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
// shared/policy's layers and what each may import: the lint rule's own table, so the two cannot differ.
const POLICY = Object.fromEntries(Object.entries(LAYERS).map(([name, { may }]) => [`shared/policy/${name}`, may.map((m) => `shared/policy/${m}`)]));
// The folders above shared/policy: an import from a policy layer into one runs against the layers.
const ABOVE_POLICY = ['shared/cloud', 'src', 'cloudfunctions', 'server'];
const FOLDERS = ['shared/region', ...Object.keys(POLICY), ...ABOVE_POLICY];
const againstLayers = (from, to) => from in POLICY && ((to in POLICY && !POLICY[from].includes(to)) || ABOVE_POLICY.includes(to));
const ALIASES = [
  ['@policy/', 'shared/policy/'],
  ['@cloud-api/', 'shared/cloud/'],
  ['@/', 'src/'],
];

const files = execFileSync('git', ['ls-files', 'shared', 'src', 'server', 'cloudfunctions'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.tsx?$/.test(f) && existsSync(path.join(ROOT, f)));
const known = new Set(files);
const folderOf = (f) => FOLDERS.filter((d) => f.startsWith(`${d}/`)).sort((a, b) => b.length - a.length)[0];

function resolve(from, spec) {
  let base;
  const alias = ALIASES.find(([a]) => spec === a.replace(/\/$/, '') || spec.startsWith(a));
  if (alias) base = (alias[1] + spec.slice(alias[0].length)).replace(/\/$/, '');
  else if (spec.startsWith('.')) base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  else return null;
  return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((c) => known.has(c)) ?? null;
}

const arrows = new Map();
const against = [];
const inner = [];
for (const file of files) {
  const from = folderOf(file);
  for (const { fileName } of ts.preProcessFile(readFileSync(path.join(ROOT, file), 'utf8'), true, true).importedFiles) {
    const target = resolve(file, fileName);
    const to = target && folderOf(target);
    if (!from || !to || from === to) continue;
    arrows.set(`${from}\t${to}`, (arrows.get(`${from}\t${to}`) ?? 0) + 1);
    if (againstLayers(from, to)) against.push(`${file} → ${target}`);
    if (to.startsWith('shared/policy/') && !target.endsWith('/index.ts')) inner.push(`${file} → ${target}`);
  }
}

const used = FOLDERS.filter((d) => [...arrows.keys()].some((k) => k.split('\t').includes(d)));
console.log(`| from \\ to | ${used.join(' | ')} |`);
console.log(`|---|${used.map(() => '---').join('|')}|`);
for (const from of used) {
  const row = used.map((to) => arrows.get(`${from}\t${to}`) ?? '');
  if (row.some((n) => n !== '')) console.log(`| ${from} | ${row.join(' | ')} |`);
}
console.log(`\n${files.length} files. Arrows against the layers: ${against.length}${against.map((a) => `\n  ${a}`).join('')}`);
console.log(`Imports into a policy layer's inner file instead of its entry: ${inner.length}${inner.map((a) => `\n  ${a}`).join('')}`);
