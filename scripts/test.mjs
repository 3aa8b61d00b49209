#!/usr/bin/env node
/**
 * npm test: type check, lint, both app builds and the cloud bundles, then every jest project
 * (unit, component, build checks incl. WeChat's own compiler, end-to-end in Chromium).
 * Every step runs even if an earlier one failed, so one run shows everything that is wrong. The
 * checks before jest run in two lanes at once (type check → weapp build → cloud bundles → chromium;
 * lint → H5 build), each step's output printed whole when it ends; then jest's browser suite beside
 * the unit and component suites, then the WeChat build suites alone.
 * The last line is the plain summary `N passed, N failed` (jest's JSON counts plus one per check
 * step), also written to .cache/test-summary.txt; the exit code is non-zero when anything failed
 * or no test ran.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cache = path.join(root, '.cache');
mkdirSync(cache, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function step(name, cmd, args, env = {}) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}: ${[path.basename(cmd), ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  console.log(`${ok ? '✔' : '✘'} ${name} (${seconds} s)`);
  return { name, ok, seconds };
}

/** A step whose output is kept and printed whole when it ends, so two running at once do not interleave. */
function quietStep(name, cmd, args) {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: process.env });
    const out = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    const end = (code) => {
      const ok = code === 0;
      const seconds = ((Date.now() - t0) / 1000).toFixed(1);
      console.log(`\n▶ ${name}: ${[path.basename(cmd), ...args].join(' ')}`);
      process.stdout.write(Buffer.concat(out));
      console.log(`${ok ? '✔' : '✘'} ${name} (${seconds} s)`);
      resolve({ name, ok, seconds });
    };
    child.on('error', (e) => {
      out.push(Buffer.from(String(e)));
      end(1);
    });
    child.on('close', end);
  });
}

/** Steps one after another; the two lanes below run at once (two cores: the checks take about half as long). */
async function lane(steps) {
  const done = [];
  for (const [name, cmd, args] of steps) done.push(await quietStep(name, cmd, args));
  return done;
}

const [lane1, lane2] = await Promise.all([
  lane([
    ['typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
    ['build:weapp', bin('taro'), ['build', '--type', 'weapp']],
    ['build:cloud', process.execPath, ['scripts/build-cloud.mjs']],
    ['chromium', process.execPath, ['scripts/ensure-chromium.mjs']],
  ]),
  lane([
    ['lint', bin('eslint'), ['.']],
    ['build:h5', bin('taro'), ['build', '--type', 'h5']],
  ]),
]);
const order = ['typecheck', 'lint', 'build:weapp', 'build:h5', 'build:cloud', 'chromium'];
const checks = [...lane1, ...lane2].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));

// Jest in three groups: the browser suite (mostly waiting on Chromium) beside the Node-only unit
// and component suites, then the WeChat build suites alone (their taps have jest's 5 s timeout).
// One jest worker each: test files that share .cache (the screening CLI bundle) stay in one group.
const extra = [...(process.env.CI ? ['--ci'] : []), '--passWithNoTests', ...process.argv.slice(2)];
const jestGroup = (name, projects) => {
  const file = path.join(cache, `jest-results-${name}.json`);
  rmSync(file, { force: true });
  return { file, args: ['--json', `--outputFile=${file}`, '--selectProjects', ...projects, ...extra] };
};
const browser = jestGroup('e2e', ['e2e']);
const node = jestGroup('unit', ['unit', 'component']);
const wechat = jestGroup('weapp', ['build', 'weapp']);
const [browserStep, nodeStep] = await Promise.all([quietStep('jest e2e', bin('jest'), browser.args), quietStep('jest unit+component', bin('jest'), node.args)]);
const wechatStep = step('jest build+weapp', bin('jest'), wechat.args);
const jestSteps = [browserStep, nodeStep, wechatStep];

let passed = 0;
let failed = 0;
for (const [group, run] of [[browser, browserStep], [node, nodeStep], [wechat, wechatStep]]) {
  if (existsSync(group.file)) {
    const r = JSON.parse(readFileSync(group.file, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
    if (r.numPendingTests + r.numTodoTests > 0) console.log(`note: ${r.numPendingTests + r.numTodoTests} skipped/todo tests (${run.name})`);
  } else {
    failed += 1;
  }
}
for (const c of checks) {
  if (c.ok) passed += 1;
  else failed += 1;
}

console.log('\nchecks: ' + [...checks, ...jestSteps].map((c) => `${c.name} ${c.ok ? 'ok' : 'FAILED'} ${c.seconds}s`).join(', '));
const summary = `${passed} passed, ${failed} failed`;
writeFileSync(path.join(cache, 'test-summary.txt'), `${summary}\n`);
console.log(summary);
process.exit(failed > 0 || passed === 0 || jestSteps.some((j) => !j.ok) ? 1 : 0);
