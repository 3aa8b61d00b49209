/**
 * appVersion(root): the app's version as every build and command line stamps it — package.json's
 * version, '+', the git commit (7 hex digits), and '.dirty' when tracked files have uncommitted
 * changes ('0.1.0+1c6ede6', '0.1.0+1c6ede6.dirty'); package.json's version alone outside a git
 * checkout. One function for config/index.ts (Taro's defineConstants), scripts/build-cloud.mjs
 * (esbuild's define) and the command lines and local cloud run from source (defineAppVersion sets the
 * global __APP_VERSION__ that shared/policy/engine/version.ts reads). CommonJS, so Taro's config
 * loader, Node's ESM scripts and tsx all load it.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose (see above) */
const { execFileSync } = require('node:child_process');
const { readFileSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

function git(args, root) {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

function appVersion(root = ROOT) {
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  let commit;
  let dirty;
  try {
    commit = git(['rev-parse', '--short=7', 'HEAD'], root);
    dirty = git(['status', '--porcelain', '--untracked-files=no'], root) !== '';
  } catch {
    return version;
  }
  return `${version}+${commit}${dirty ? '.dirty' : ''}`;
}

/** For code run from source (tsx): what a build puts in with define, set as the global once at start. */
function defineAppVersion(root = ROOT) {
  if (typeof globalThis.__APP_VERSION__ !== 'string') globalThis.__APP_VERSION__ = appVersion(root);
  return globalThis.__APP_VERSION__;
}

module.exports = { appVersion, defineAppVersion };
