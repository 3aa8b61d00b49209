#!/usr/bin/env node
/**
 * `npm start`: builds the H5 app (dist-h5/) and the local cloud, then runs the local cloud,
 * which serves the H5 build and the cloud functions at http://127.0.0.1:$PORT (default 10086).
 *
 *   npm start                  build H5 + server, start
 *   npm start -- --no-build    skip the H5 build (serve whatever dist-h5/ holds)
 *
 * Environment: PORT, LOCAL_CLOUD_DIR (default .local-cloud/), STATIC_DIR (default dist-h5/).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { appVersion } from './app-version.cjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const skipH5 = args.has('--no-build');

function run(cmd, cmdArgs, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${cmdArgs.join(' ')} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

async function main() {
  if (skipH5) {
    console.log('Skipping the H5 build (--no-build).');
  } else {
    const t = performance.now();
    console.log('Building H5 (taro build --type h5) …');
    await run(process.execPath, [path.join(root, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', 'h5'], {
      NODE_ENV: 'production',
    });
    console.log(`H5 built in ${((performance.now() - t) / 1000).toFixed(1)} s.`);
    const staticDir = process.env.STATIC_DIR || path.join(root, 'dist-h5');
    if (!existsSync(path.join(staticDir, 'index.html'))) {
      throw new Error(`the H5 build did not produce ${path.relative(root, staticDir)}/index.html (check outputRoot in config/)`);
    }
  }

  // The server is TypeScript; bundle it (packages stay in node_modules) and run it with plain node.
  const serverOut = path.join(root, '.cache/local-cloud/server.cjs');
  await esbuild.build({
    entryPoints: [path.join(root, 'server/main.ts')],
    outfile: serverOut,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: 'inline',
    tsconfig: path.join(root, 'tsconfig.json'),
    // The local cloud's calculate answers with the version the H5 build above shows (engine/version.ts).
    define: { __APP_VERSION__: JSON.stringify(appVersion(root)) },
    logLevel: 'warning',
  });

  const child = spawn(process.execPath, ['--enable-source-maps', serverOut], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      LOCAL_CLOUD_DIR: process.env.LOCAL_CLOUD_DIR || path.join(root, '.local-cloud'),
      STATIC_DIR: process.env.STATIC_DIR || path.join(root, 'dist-h5'),
    },
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((err) => {
  console.error(`npm start failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
