/**
 * Size budgets (sizes are deterministic, so tests assert them; timings live in `npm run bench`).
 * WeChat caps the main package at 2 MB; our budget is 550 KB because users are on mobile data.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import path from 'path';

const root = path.join(__dirname, '../..');
const DIST = path.resolve(root, process.env.WEAPP_DIR || 'dist');
const MAIN_BUDGET = 550 * 1024;
const WECHAT_LIMIT = 2 * 1024 * 1024;

function walk(dir: string): { file: string; bytes: number }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [{ file: path.relative(DIST, p), bytes: statSync(p).size }];
  });
}

describe('WeChat package budgets', () => {
  if (!existsSync(path.join(DIST, 'app.json'))) throw new Error('dist/app.json missing — run `npm run build:weapp` first');
  const app = JSON.parse(readFileSync(path.join(DIST, 'app.json'), 'utf8'));
  const roots: string[] = (app.subPackages ?? app.subpackages ?? []).map((s: { root: string }) => s.root.replace(/\/$/, ''));
  // LICENSE files are not part of the uploaded code package.
  const files = walk(DIST).filter((f) => !/LICENSE/.test(f.file));
  const under = (f: { file: string }, r: string) => f.file.startsWith(`${r}/`);
  const main = files.filter((f) => !roots.some((r) => under(f, r)));
  const bytes = (list: { bytes: number }[]) => list.reduce((a, f) => a + f.bytes, 0);

  it(`keeps the main package within ${MAIN_BUDGET / 1024} KB`, () => {
    const total = bytes(main);
    const largest = [...main].sort((a, b) => b.bytes - a.bytes).slice(0, 5).map((f) => `${f.file} ${(f.bytes / 1024).toFixed(1)} KB`);
    console.log(`weapp main package: ${(total / 1024).toFixed(1)} KB; largest: ${largest.join(', ')}`);
    expect(total).toBeLessThanOrEqual(MAIN_BUDGET);
  });

  it('keeps every subpackage within WeChat’s 2 MB', () => {
    for (const r of roots) {
      const total = bytes(files.filter((f) => under(f, r)));
      console.log(`weapp subpackage ${r}: ${(total / 1024).toFixed(1)} KB`);
      expect([r, total <= WECHAT_LIMIT]).toEqual([r, true]);
    }
  });
});
