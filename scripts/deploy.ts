#!/usr/bin/env tsx
/**
 * npm run deploy [-- --dry-run] [--no-build] [--robot N]: builds, checks, and uploads the
 * mini-program and every cloud function with miniprogram-ci (scripts/deploy/run.ts does the work).
 * Reads WX_APPID, WX_UPLOAD_KEY (path of the upload key file, outside the repository) and CLOUD_ENV
 * from the environment; README › Deploying.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type * as MiniprogramCi from 'miniprogram-ci';
import { deploy, type CiLike } from './deploy/run';

const root = path.resolve(__dirname, '..');

/** `npm run build:weapp` with the env id written in, then `npm run build:cloud`. */
async function build(cloudEnv: string): Promise<void> {
  for (const script of ['build:weapp', 'build:cloud']) {
    const r = spawnSync('npm', ['run', script], { cwd: root, stdio: 'inherit', env: { ...process.env, CLOUD_ENV: cloudEnv } });
    if (r.status !== 0) throw new Error(`npm run ${script} 退出码 ${r.status ?? r.signal}`);
  }
}

/** Loaded only when something is uploaded (it takes seconds). Its own typings must fit CiLike. */
function loadCi(): CiLike {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ci: typeof MiniprogramCi = require('miniprogram-ci');
  return ci;
}

function main(): Promise<number> {
  return deploy({ ci: loadCi, env: process.env, argv: process.argv.slice(2), log: (line) => console.log(line), build, root });
}

main().then(
  // miniprogram-ci's forked compiler keeps Node alive: exit explicitly.
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
