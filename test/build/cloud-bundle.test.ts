/**
 * The deployable cloud function bundles (run `npm run build:cloud` first). Each bundle must work
 * where WeChat runs it: alone in its folder, with only wx-server-sdk installed next to it.
 */
import { builtinModules } from 'node:module';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FUNCTION_NAMES } from '../../shared/cloud/api';
import { evaluate, parseProfile } from '../../shared/policy';

const root = path.resolve(__dirname, '../..');
const MAX_BUNDLE_BYTES = 150 * 1024;
const SAMPLE_PROFILE = { version: 1, entity: 'enterprise', facts: { 'm01.nationalInnovationCenter': true } };
/** APIs newer than Node 16 (WeChat's runtime) that esbuild's target cannot rewrite. */
const NODE18_ONLY = ['structuredClone(', '.findLast(', '.findLastIndex(', '.toSorted(', '.toReversed(', '.toSpliced(', 'Array.fromAsync', 'Object.groupBy', 'Promise.withResolvers'];

const CJK = /[\u4e00-\u9fff]/;

const tmpRoot = mkdtempSync(path.join(os.tmpdir(), 'policy-abacus-bundle-'));
afterAll(() => rmSync(tmpRoot, { recursive: true, force: true }));

/**
 * Copies the bundle into a fresh folder whose node_modules holds only `sdk` (a link to the real
 * wx-server-sdk, or a fake), then runs `script` there in a new Node process with a bare environment.
 */
function runIsolated(name: string, sdk: 'real' | 'fake', script: string, env: Record<string, string> = {}): any { // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON from a child process
  const dir = mkdtempSync(path.join(tmpRoot, `${name}-${sdk}-`));
  copyFileSync(path.join(root, 'cloudfunctions', name, 'index.js'), path.join(dir, 'index.js'));
  mkdirSync(path.join(dir, 'node_modules'));
  const sdkDir = path.join(dir, 'node_modules', 'wx-server-sdk');
  if (sdk === 'real') {
    symlinkSync(path.join(root, 'node_modules', 'wx-server-sdk'), sdkDir, 'dir');
  } else {
    mkdirSync(sdkDir);
    writeFileSync(
      path.join(sdkDir, 'index.js'),
      `const calls = (globalThis.__sdkCalls = []);
       exports.DYNAMIC_CURRENT_ENV = Symbol('DYNAMIC_CURRENT_ENV');
       exports.init = (o) => calls.push(['init', o && o.env === exports.DYNAMIC_CURRENT_ENV ? 'DYNAMIC_CURRENT_ENV' : o]);
       exports.getWXContext = () => (calls.push(['getWXContext']), { OPENID: 'o-fake', APPID: 'wx-fake' });
       exports.database = () => { calls.push(['database']); throw new Error('no database in this test'); };`,
    );
  }
  const file = path.join(dir, 'run.js');
  writeFileSync(file, script);
  const out = execFileSync(process.execPath, [file], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

const CALLS = `
const t0 = process.hrtime.bigint();
const fn = require('./index.js');
const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
(async () => {
  const results = {};
  const t1 = process.hrtime.bigint();
  results.valid = await fn.main({ profile: ${JSON.stringify(SAMPLE_PROFILE)} });
  const firstCallMs = Number(process.hrtime.bigint() - t1) / 1e6;
  results.invalid = await fn.main({ profile: { version: 1, entity: 'x' } });
  results.withUserInfo = await fn.main({ profile: ${JSON.stringify(SAMPLE_PROFILE)}, userInfo: { appId: 'wx1', openId: 'attacker' }, openid: 'attacker' });
  results.notObject = await fn.main('not an object');
  results.tooLarge = await fn.main({ profile: { pad: 'x'.repeat(70 * 1024) } });
  results.mainType = typeof fn.main;
  results.loadMs = loadMs;
  results.firstCallMs = firstCallMs;
  results.sdkCalls = globalThis.__sdkCalls;
  let leaked = [];
  for (const m of ['decimal.js', 'dayjs', 'valibot']) { try { require.resolve(m); leaked.push(m); } catch {} }
  results.resolvable = leaked;
  console.log(JSON.stringify(results));
})().catch((e) => { console.log(JSON.stringify({ crashed: String(e && e.stack || e) })); });
`;

function expected() {
  const parsed = parseProfile(SAMPLE_PROFILE);
  if (!parsed.ok) throw new Error('the sample profile should be valid');
  return JSON.parse(JSON.stringify(evaluate(parsed.profile)));
}

describe.each([...FUNCTION_NAMES])('cloudfunctions/%s/index.js', (name) => {
  const bundle = path.join(root, 'cloudfunctions', name, 'index.js');

  it('exists (npm run build:cloud), is git-ignored, and is under 150 KB', () => {
    expect(existsSync(bundle)).toBe(true);
    expect(statSync(bundle).size).toBeLessThan(MAX_BUNDLE_BYTES);
    const ignored = spawnSync('git', ['check-ignore', '-q', path.relative(root, bundle)], { cwd: root });
    expect(ignored.status).toBe(0);
  });

  it('requires nothing but wx-server-sdk and Node built-ins, and no API newer than Node 16', () => {
    const src = readFileSync(bundle, 'utf8');
    const required = [...src.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    const builtins = new Set(builtinModules);
    for (const r of required) {
      expect([r, r === 'wx-server-sdk' || builtins.has(r.replace(/^node:/, ''))]).toEqual([r, true]);
    }
    expect(required).toContain('wx-server-sdk');
    for (const api of NODE18_ONLY) expect([api, src.includes(api)]).toEqual([api, false]);
  });

  if (name === 'calculate') {
    it('runs alone with the real wx-server-sdk: valid → the engine’s result; invalid → INVALID_INPUT in Chinese', () => {
      const r = runIsolated(name, 'real', CALLS, { WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', WX_OPENID: 'o-bundle', WX_APPID: 'wx-test' });
      expect(r.crashed).toBeUndefined();
      expect(r.resolvable).toEqual([]); // nothing but wx-server-sdk can be found from the folder
      expect(r.mainType).toBe('function');
      expect(r.valid.ok).toBe(true);
      expect(r.valid.data.items.length).toBeGreaterThan(0);
      expect(r.valid.data).toEqual(expected());
      expect(r.invalid.ok).toBe(false);
      expect(r.invalid.error.code).toBe('INVALID_INPUT');
      expect(r.invalid.error.message).toMatch(CJK);
      expect(r.invalid.error.fields.length).toBeGreaterThan(0);
      expect(r.withUserInfo).toEqual(r.valid);
      expect(r.notObject.error.code).toBe('INVALID_INPUT');
      expect(r.tooLarge.error.code).toBe('PAYLOAD_TOO_LARGE');
      // Measured, reported by the test run (not asserted tightly: machines differ).
      console.log(`${name}: bundle ${statSync(bundle).size} bytes; load with real wx-server-sdk ${r.loadMs.toFixed(0)} ms; first call ${r.firstCallMs.toFixed(1)} ms`);
      expect(r.loadMs).toBeLessThan(5000);
    });

    it('calls init with DYNAMIC_CURRENT_ENV, reads getWXContext per call, never opens the database', () => {
      const r = runIsolated(name, 'fake', CALLS);
      expect(r.crashed).toBeUndefined();
      expect(r.valid.ok).toBe(true);
      expect(r.sdkCalls[0]).toEqual(['init', 'DYNAMIC_CURRENT_ENV']);
      expect(r.sdkCalls.filter((c: string[]) => c[0] === 'init')).toHaveLength(1);
      expect(r.sdkCalls.filter((c: string[]) => c[0] === 'getWXContext')).toHaveLength(5);
      expect(r.sdkCalls.filter((c: string[]) => c[0] === 'database')).toHaveLength(0);
      console.log(`${name}: bundle load (fake sdk) ${r.loadMs.toFixed(0)} ms; first call ${r.firstCallMs.toFixed(1)} ms`);
    });
  }
});
