/**
 * The build cannot ship a privacy-scoped API its 用户隐私保护指引 does not declare (issue 26, item 3):
 * the weapp build (`WEAPP_DIR`, default dist/) is scanned for calls of WeChat's privacy APIs
 * (scripts/privacy-apis.ts), and each must be in docs/privacy.md's table — as WeChat refuses an
 * undeclared one at run time and at review. The same checker runs on small made-up builds: one whose
 * page calls getLocation (undeclared, must fail), one with only Taro's table of API names (no call).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { readDeclared, scanPrivacy, undeclared, WECHAT_PRIVACY, type PrivacyUse } from '../../scripts/privacy-apis';

const root = path.join(__dirname, '../..');
const DIST = path.resolve(root, process.env.WEAPP_DIR || 'dist');
const declared = readDeclared(readFileSync(path.join(root, 'docs/privacy.md'), 'utf8'));
const show = (uses: PrivacyUse[]) => uses.map((u) => `${u.use} in ${u.file}`);

/** Taro's runtime lists API names to promisify them (as dist/taro.js does): names, not calls. */
const TARO_TABLE = 'var u=new Set(["addPhoneContact","authorize","chooseImage","getLocation","saveImageToPhotosAlbum","setClipboardData"]);';

function fakeBuild(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'privacy-build-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

describe('privacy-scoped APIs of a build against docs/privacy.md', () => {
  it.each<{ case: string; files: Record<string, string>; undeclared: string[] }>([
    {
      case: 'a page calling getLocation, which the doc does not declare, fails',
      files: { 'taro.js': TARO_TABLE, 'pages/index/index.js': 'function n(){return o().getLocation({type:"gcj02"})}', 'common.js': 'i().setClipboardData({data:u.sourceUrl})' },
      undeclared: ['getLocation in pages/index/index.js'],
    },
    {
      case: 'authorize for a scope the doc does not declare (location) fails',
      files: { 'pages/results/index.js': 'var c="scope.userLocation";t.authorize({scope:c})' },
      undeclared: ['authorize(scope.userLocation) in pages/results/index.js'],
    },
    {
      case: 'a button asking for the phone number (open-type) fails',
      files: { 'pages/index/index.js': '(0,h.jsx)(s.Button,{openType:"getPhoneNumber",children:"登录"})' },
      undeclared: ['open-type=getPhoneNumber in pages/index/index.js'],
    },
    { case: 'Taro’s table of API names alone is no call', files: { 'taro.js': TARO_TABLE, 'vendors.js': '"chooseMessageFile"' }, undeclared: [] },
    { case: 'declared calls pass (file, album with its scope, clipboard)', files: { 'a.js': 'o().chooseMessageFile({count:1});x["setClipboardData"]({data:1})', 'b.js': 'var c="scope.writePhotosAlbum";t.authorize({scope:c});t.saveImageToPhotosAlbum({filePath:n})' }, undeclared: [] },
  ])('checker: $case', ({ files, undeclared: expected }) => {
    expect(show(undeclared(scanPrivacy(fakeBuild(files)), declared))).toEqual(expected);
  });

  describe('the real weapp build', () => {
    if (!existsSync(path.join(DIST, 'app.json'))) throw new Error(`${DIST}/app.json missing — run \`npm run build:weapp\` first`);
    const uses = scanPrivacy(DIST);

    it('calls no privacy-scoped API that docs/privacy.md does not declare', () => {
      expect(show(undeclared(uses, declared))).toEqual([]);
    });

    it.each(declared.flatMap((r) => r.uses.map((use) => ({ use, key: r.key }))))('declares $use ($key), and the build calls it', ({ use, key }) => {
      expect(uses.filter((u) => u.use === use && u.key === key).length).toBeGreaterThan(0);
    });
  });

  it.each(declared.map((r) => ({ type: r.type, key: r.key })))('the doc’s row $type is WeChat’s type of $key', ({ type, key }) => {
    expect(WECHAT_PRIVACY.find((t) => t.key === key)?.type).toBe(type);
  });
});
