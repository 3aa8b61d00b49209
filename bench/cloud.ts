/**
 * Cloud function cold start: in a fresh Node process, time to load a bundle (with a stand-in
 * wx-server-sdk, so the SDK's own load is excluded) and answer one `calculate`; and, separately,
 * the time to require the real wx-server-sdk. Run by scripts/bench.mjs; prints JSON.
 *   node cloud.cjs <bundle.js> <stand-in sdk file|real>
 */
import Module from 'module';
import path from 'path';

const [bundle, sdk] = process.argv.slice(2);
const t0 = process.hrtime.bigint();
if (sdk === 'real') {
  require('wx-server-sdk'); // eslint-disable-line @typescript-eslint/no-require-imports -- timing the require itself
  console.log(JSON.stringify({ sdkLoadMs: Number(process.hrtime.bigint() - t0) / 1e6 }));
} else {
  // Resolve 'wx-server-sdk' to the stand-in for this process only.
  const fake = path.resolve(sdk);
  const resolve = (Module as unknown as { _resolveFilename: (r: string, ...a: unknown[]) => string })._resolveFilename;
  (Module as unknown as { _resolveFilename: (r: string, ...a: unknown[]) => string })._resolveFilename = (request: string, ...rest: unknown[]) =>
    request === 'wx-server-sdk' ? fake : resolve(request, ...rest);
  const fn = require(path.resolve(bundle)); // eslint-disable-line @typescript-eslint/no-require-imports -- a bundle path known at run time
  const loaded = process.hrtime.bigint();
  fn.main({ profile: { version: 1, entity: 'enterprise', projects: { 'm08.upgrade': [{ facts: { chain: true, investment: 3000 } }] } } }, {}).then(
    (res: { ok: boolean }) => {
      const done = process.hrtime.bigint();
      console.log(JSON.stringify({ ok: res.ok, loadMs: Number(loaded - t0) / 1e6, firstCallMs: Number(done - loaded) / 1e6, totalMs: Number(done - t0) / 1e6 }));
    },
  );
}
