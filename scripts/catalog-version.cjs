/**
 * catalogVersionAtBuild(root): the catalog's version (shared/policy/engine/version.ts catalogVersion,
 * a hash of the catalog's records) worked out once when a bundle is built, so the bundle carries it
 * as a constant (__CATALOG_VERSION__) instead of hashing the catalog at its first call: ~9 ms of a
 * cloud function's cold start here (issue 24; `calculate` cold had grown from 21 to 37 ms against
 * its 30 ms budget once the stamp came in). The same function makes the figure in both places:
 * this runs version.ts itself, bundled from the sources the build bundles. CommonJS, beside
 * app-version.cjs, for the Node scripts that build.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose (see above) */
const path = require('node:path');
const Module = require('node:module');
const esbuild = require('esbuild');

const ROOT = path.resolve(__dirname, '..');

function catalogVersionAtBuild(root = ROOT) {
  const built = esbuild.buildSync({
    stdin: { contents: "export { catalogVersion } from './shared/policy/engine/version';", resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    tsconfig: path.join(root, 'tsconfig.json'),
    logLevel: 'silent',
  });
  const m = new Module(path.join(root, 'catalog-version.build.cjs'));
  m.paths = Module._nodeModulePaths(root);
  m._compile(built.outputFiles[0].text, m.id);
  const version = m.exports.catalogVersion();
  if (!/^[0-9a-f]{8}$/.test(version)) throw new Error(`catalog version: unexpected ${version}`);
  return version;
}

module.exports = { catalogVersionAtBuild };
