/**
 * The policy browser as a WeChat subpackage (run the weapp build first; WEAPP_DIR picks the folder):
 * routes others link to, share hooks switched on in both page configs, the Canvas 2D poster
 * template, and none of the browser/poster code in the main package.
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import path from 'path';

const DIST = path.resolve(__dirname, '../..', process.env.WEAPP_DIR || 'dist');
const ROOT = 'pages/policy';

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? jsFiles(p) : p.endsWith('.js') ? [p] : [];
  });
}

/** Minified output escapes Chinese as \\uXXXX: read it back as text. */
const read = (f: string) => readFileSync(f, 'utf8').replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

beforeAll(() => {
  if (!existsSync(path.join(DIST, 'app.json'))) throw new Error(`${DIST}/app.json missing — run the weapp build first`);
});

test('app.json declares the subpackage with the browser and detail routes', () => {
  const app = JSON.parse(readFileSync(path.join(DIST, 'app.json'), 'utf8'));
  expect(app.subPackages ?? app.subpackages).toEqual(expect.arrayContaining([{ root: ROOT, pages: ['browse/index', 'detail/index'] }]));
  for (const page of ['browse/index', 'detail/index']) {
    for (const ext of ['js', 'json', 'wxml', 'wxss']) expect(existsSync(path.join(DIST, ROOT, `${page}.${ext}`))).toBe(true);
  }
});

test('both pages switch on 转发 and 朋友圈 sharing (Taro adds onShareAppMessage/onShareTimeline from these)', () => {
  for (const page of ['browse/index', 'detail/index']) {
    const js = read(path.join(DIST, ROOT, `${page}.js`));
    expect([page, js.includes('enableShareAppMessage:!0')]).toEqual([page, true]);
    expect([page, js.includes('enableShareTimeline:!0')]).toEqual([page, true]);
  }
});

test('the canvas template passes type (Canvas 2D) and the image long-press menu', () => {
  const wxml = readFileSync(path.join(DIST, 'base.wxml'), 'utf8');
  expect(wxml).toMatch(/<canvas [^>]*type="\{\{i\.p\d+\}\}"/);
  expect(wxml).toContain('show-menu-by-longpress');
});

test('browser, detail, search, poster and calculator code stay out of the main package', () => {
  // Phrases of the policy subpackage's modules (the album flow is also the results page's 测算单's,
  // so it lives in that subpackage too — never in the main package).
  const own = ['金额请填数字', '清除全部条件', '政策要点', '生成分享海报', '算一算（只算这一条）', '需要“添加到相册”权限'];
  const app = JSON.parse(readFileSync(path.join(DIST, 'app.json'), 'utf8'));
  const roots: string[] = (app.subPackages ?? app.subpackages).map((p: { root: string }) => `${p.root}/`);
  const main = jsFiles(DIST).filter((f) => !roots.some((r) => path.relative(DIST, f).startsWith(r)));
  expect(main.length).toBeGreaterThan(3);
  for (const f of main) {
    const text = read(f);
    for (const phrase of own) expect([path.relative(DIST, f), phrase, text.includes(phrase)]).toEqual([path.relative(DIST, f), phrase, false]);
  }
  const sub = jsFiles(path.join(DIST, ROOT)).map(read).join('\n');
  for (const phrase of own) expect([phrase, sub.includes(phrase)]).toEqual([phrase, true]);
});
