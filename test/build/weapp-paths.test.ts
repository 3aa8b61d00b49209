/**
 * Bytes a WeChat user downloads on the paths people take (issue 24, item 6), read from the built
 * weapp folder (WEAPP_DIR, default dist) by scripts/weapp-paths.cjs: the main package plus the
 * subpackages a path opens or preloads. decimal.js and the policy catalog are downloaded once per
 * path, not once per subpackage.
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { weappPaths } = require('../../scripts/weapp-paths.cjs') as {
  weappPaths: (dist: string) => { packages: Record<string, number>; paths: { name: string; packages: string[]; bytes: number; budget: number | null }[] };
};

const DIST = path.resolve(__dirname, '../..', process.env.WEAPP_DIR || 'dist');
if (!existsSync(path.join(DIST, 'app.json'))) throw new Error(`${DIST}/app.json missing — run the weapp build first`);
const table = weappPaths(DIST);
const pathNamed = (name: string) => {
  const p = table.paths.find((x) => x.name.startsWith(name));
  if (!p) throw new Error(`no path ${name} in scripts/weapp-paths.cjs`);
  return p;
};

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? jsFiles(p) : p.endsWith('.js') ? [p] : [];
  });
}
/** The .js files of one package ('main' = everything outside the subpackage roots). */
function packageFiles(pkg: string): string[] {
  const roots = Object.keys(table.packages).filter((r) => r !== 'main');
  if (pkg !== 'main') return jsFiles(path.join(DIST, pkg));
  return jsFiles(DIST).filter((f) => !roots.some((r) => path.relative(DIST, f).split(path.sep).join('/').startsWith(`${r}/`)));
}

const HOME_QUESTIONNAIRE_RESULTS = 'home → questionnaire → results';
const SHARED_LINK = 'a shared measure link';
// Phrases only these modules carry in the minified build.
const MODULES = [
  { module: 'decimal.js', marker: '[DecimalError]' },
  { module: 'the catalog (measure m01)', marker: 'id:"m01",number:1,' },
  { module: 'the catalog (measure m22)', marker: 'id:"m22",number:22,' },
];

describe.each([HOME_QUESTIONNAIRE_RESULTS, SHARED_LINK])('on %s', (name) => {
  it.each(MODULES)('$module is downloaded in one file', ({ marker }) => {
    const files = pathNamed(name).packages.flatMap(packageFiles).filter((f) => readFileSync(f, 'utf8').includes(marker));
    expect(files.map((f) => path.relative(DIST, f))).toHaveLength(1);
  });
});

// Budgets live beside the paths in scripts/weapp-paths.cjs (npm run bench prints the same rows).
it.each(table.paths.filter((p) => p.budget !== null).map((p) => ({ name: p.name, budget: p.budget as number })))(
  '$name downloads at most $budget bytes',
  ({ name, budget }) => {
    const p = pathNamed(name);
    console.log(`weapp path ${p.name}: ${p.packages.join(' + ')} = ${(p.bytes / 1024).toFixed(1)} KB`);
    expect(p.bytes).toBeLessThanOrEqual(budget);
  },
);
