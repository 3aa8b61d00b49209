/**
 * What `npm run deploy` would put where (DeployPlan, FunctionPlan, TimerTrigger, GitInfo, readPlan,
 * gitInfo, newestFile, uploadDesc, DEPLOY_ENV_VARS, DEFAULT_TIMEOUT_S), read from the checkout
 * without network: the mini-program folder, its version (package.json) and description (appVersion's stamp + git subject), and
 * per cloud function (FUNCTION_NAMES, the api map's list) its config.json, bundle size and budget.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { FUNCTION_NAMES } from '../../shared/cloud';
import { appVersion } from '../app-version.cjs';

/** The three variables a deploy reads; never taken from the repository. */
export const DEPLOY_ENV_VARS = {
  appid: 'WX_APPID',
  key: 'WX_UPLOAD_KEY',
  cloudEnv: 'CLOUD_ENV',
} as const;

/** WeChat's default function timeout, when config.json names none (seconds). */
export const DEFAULT_TIMEOUT_S = 3;

/** What WeChat's upload calls the version description: kept short, it is a list column in mp 后台. */
const DESC_MAX = 80;

export interface TimerTrigger {
  name: string;
  type: string;
  config: string;
}

export interface FunctionPlan {
  name: string;
  /** cloudfunctions/<name>, relative to the root. */
  dir: string;
  /** What is uploaded: the bundle, the package.json WeChat installs from, the config.json. */
  files: string[];
  /** config.json permissions.openapi. */
  permissions: string[];
  /** config.json triggers (WeChat allows one). */
  triggers: TimerTrigger[];
  /** config.json timeout in seconds, or undefined (WeChat's default, DEFAULT_TIMEOUT_S). */
  timeout: number | undefined;
  /** Size of index.js in bytes, or null when it is not built. */
  bytes: number | null;
  /** Budget in bytes (scripts/cloud-budgets.json, the one the bundle test uses). */
  budget: number;
}

export interface GitInfo {
  /** appVersion(root): package.json's version + commit (+ '.dirty'). */
  stamp: string;
  subject: string;
}

export interface DeployPlan {
  root: string;
  /** The weapp build folder (TARO_OUTPUT or dist), absolute. */
  projectPath: string;
  appid: string;
  keyPath: string;
  cloudEnv: string;
  robot: number;
  version: string;
  desc: string;
  /** The version stamp a build made now carries (appVersion). */
  stamp: string;
  functions: FunctionPlan[];
}

/** The newest file under `dirs` (relative to root; folders or files), skipping installed and built folders. */
export function newestFile(root: string, dirs: string[]): { file: string; mtimeMs: number } | null {
  let newest: { file: string; mtimeMs: number } | null = null;
  const visit = (abs: string) => {
    if (!existsSync(abs)) return;
    const st = statSync(abs);
    if (st.isDirectory()) {
      for (const e of readdirSync(abs)) if (e !== 'node_modules' && e !== '.cache') visit(path.join(abs, e));
    } else if (!newest || st.mtimeMs > newest.mtimeMs) {
      newest = { file: path.relative(root, abs), mtimeMs: st.mtimeMs };
    }
  };
  for (const d of dirs) visit(path.join(root, d));
  return newest;
}

/**
 * The commit being deployed: its stamp is appVersion's — the one every build writes in and every
 * figure shows ('0.1.0+1c6ede6', '.dirty' with uncommitted changes) — and its subject line.
 */
export function gitInfo(root: string): GitInfo {
  let subject = '';
  try {
    subject = execFileSync('git', ['log', '-1', '--format=%s'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // not a git checkout: the stamp is package.json's version alone
  }
  return { stamp: appVersion(root), subject };
}

/** `0.1.0+1c6ede6 <subject>`, cut to DESC_MAX characters. */
export function uploadDesc(git: GitInfo): string {
  const head = `${git.stamp} `;
  const room = DESC_MAX - head.length;
  const subject = git.subject.length > room ? `${git.subject.slice(0, room - 1)}…` : git.subject;
  return head + subject;
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

function functionPlan(root: string, name: string, budgets: Record<string, number>): FunctionPlan {
  const dir = path.posix.join('cloudfunctions', name);
  const configFile = path.join(root, dir, 'config.json');
  const config = existsSync(configFile) ? readJson(configFile) : {};
  const permissions = (config.permissions as { openapi?: string[] } | undefined)?.openapi ?? [];
  const bundle = path.join(root, dir, 'index.js');
  return {
    name,
    dir,
    files: ['index.js', 'package.json', 'config.json'],
    permissions,
    triggers: (config.triggers as TimerTrigger[] | undefined) ?? [],
    timeout: typeof config.timeout === 'number' ? config.timeout : undefined,
    bytes: existsSync(bundle) ? statSync(bundle).size : null,
    budget: budgets[name] ?? budgets.default,
  };
}

/** Reads the plan; nothing is checked here (preflight.ts does that). */
export function readPlan(options: { root: string; env: NodeJS.ProcessEnv; robot: number; git: GitInfo }): DeployPlan {
  const { root, env, robot, git } = options;
  const version = String(readJson(path.join(root, 'package.json')).version ?? '0.0.0');
  const budgets = readJson(path.join(root, 'scripts/cloud-budgets.json')) as Record<string, number>;
  return {
    root,
    projectPath: path.resolve(root, env.TARO_OUTPUT || 'dist'),
    appid: (env[DEPLOY_ENV_VARS.appid] ?? '').trim(),
    keyPath: (env[DEPLOY_ENV_VARS.key] ?? '').trim(),
    cloudEnv: (env[DEPLOY_ENV_VARS.cloudEnv] ?? '').trim(),
    robot,
    version,
    desc: uploadDesc(git),
    stamp: git.stamp,
    functions: FUNCTION_NAMES.map((name) => functionPlan(root, name, budgets)),
  };
}
