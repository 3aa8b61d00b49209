/**
 * The H5 build's first load (issue 24, item 5), read from the built folder (E2E_STATIC_DIR,
 * default dist-h5): index.html preloads the home page's chunk (script and style) next to app.js,
 * and that chunk carries only the Taro components the home page imports (View, Text, Button).
 * The time this saves under throttling is measured by `npm run bench` (bench/h5.ts), not here.
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import path from 'path';

const DIR = path.resolve(__dirname, '../..', process.env.E2E_STATIC_DIR || 'dist-h5');
if (!existsSync(path.join(DIR, 'index.html'))) throw new Error(`${DIR}/index.html missing — run the H5 build first`);
const html = readFileSync(path.join(DIR, 'index.html'), 'utf8');
const jsFiles = readdirSync(path.join(DIR, 'js'));
const cssFiles = readdirSync(path.join(DIR, 'css'));
const app = jsFiles.find((f) => /^app\.[0-9a-f]+\.js$/.test(f));
if (!app) throw new Error('no app.*.js in the H5 build');
// Taro's router table in app.js: {"path":"pages/index/index","load":function load(a,u){return[s.e(660)…
const id = readFileSync(path.join(DIR, 'js', app), 'utf8').match(/"path":"pages\/index\/index","load":function load\([^)]*\)\{return\[\w+\.e\((\d+)\)/)?.[1];
if (!id) throw new Error('the home route is not in app.js');
const homeJs = jsFiles.find((f) => f.startsWith(`${id}.`) && f.endsWith('.js'));
const homeCss = cssFiles.find((f) => f.startsWith(`${id}.`) && f.endsWith('.css'));
if (!homeJs) throw new Error(`no js/${id}.*.js`);
const home = readFileSync(path.join(DIR, 'js', homeJs), 'utf8');

it.each([
  { what: 'script', tag: `<link rel="preload" as="script" href="./js/${homeJs}">` },
  { what: 'style', tag: homeCss ? `<link rel="preload" as="style" href="./css/${homeCss}">` : '(the home page has no style chunk)' },
])('index.html preloads the home page’s $what', ({ tag }) => {
  expect(html).toContain(tag);
});

it.each(['Input', 'Textarea', 'ScrollView', 'Canvas', 'Image'])('the home chunk does not carry %s, which the home page does not show', (name) => {
  const tag = `taro-${name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}-core`;
  expect([tag, home.includes(tag)]).toEqual([tag, false]);
});

it.each(['View', 'Text', 'Button'])('the home chunk carries %s, which the home page shows', (name) => {
  const tag = `taro-${name.toLowerCase()}-core`;
  expect([tag, home.includes(tag)]).toEqual([tag, true]);
});
