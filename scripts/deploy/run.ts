/**
 * `npm run deploy` as a function (deploy, DeployDeps, CiLike, BuildStep, UPLOAD_SETTING,
 * STAGING_DIR): checks the environment, builds, checks the builds, then with miniprogram-ci
 * uploads every cloud function (with its config.json; its timer trigger) to CLOUD_ENV and the
 * mini-program as a development version, and prints what is left to do by hand. miniprogram-ci,
 * the build, git and the output are passed in, so a test runs it with a recorder and no network.
 *
 * Order: functions first, then the mini-program — an uploaded mini-program is only a development
 * version, while the functions serve the released app at once; if a function fails, the
 * mini-program is not uploaded. Exit code 0 done, 1 refused or failed, 2 bad arguments.
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import COMPILE_SETTING from '../compile-setting.json';
import { consoleChecklist, FIRST_DEPLOY_NOTE } from './checklist';
import { DEFAULT_TIMEOUT_S, DEPLOY_ENV_VARS, gitInfo, readPlan, type DeployPlan, type FunctionPlan, type GitInfo } from './plan';
import { checkBuild, checkSetup, type Refusal } from './preflight';

/** The part of miniprogram-ci a deploy uses (its own typings: dist/@types/ci). */
export interface CiLike {
  Project: new (options: {
    appid: string;
    type: 'miniProgram';
    projectPath: string;
    privateKeyPath: string;
    ignores?: string[];
  }) => unknown;
  upload(options: { project: unknown; version: string; desc?: string; robot?: number; setting?: Partial<typeof UPLOAD_SETTING> }): Promise<unknown>;
  cloud: {
    uploadFunction(options: { project: unknown; env: string; name: string; path: string; remoteNpmInstall: boolean }): Promise<unknown>;
    createTimeTrigger(options: { project: unknown; envId: string; functionName: string; triggersConfig: { name: string; type: string; config: string }[] }): Promise<string>;
  };
}

/** Builds the weapp for `cloudEnv` and bundles the cloud functions; throws when a build fails. */
export type BuildStep = (cloudEnv: string) => Promise<void>;

export interface DeployDeps {
  /** miniprogram-ci, or a function that loads it (it takes seconds; a refusal or a dry run never needs it). */
  ci: CiLike | (() => CiLike);
  env: NodeJS.ProcessEnv;
  argv: string[];
  log: (line: string) => void;
  build: BuildStep;
  root: string;
  git?: (root: string) => GitInfo;
}

/**
 * The compile settings of the upload: scripts/compile-setting.json, the ones `npm run compile:weapp`
 * (WeChat's compiler in the build test) uses, so the package the compiler accepted is the one uploaded.
 */
export const UPLOAD_SETTING: Readonly<typeof COMPILE_SETTING> = COMPILE_SETTING;

/** Each function is uploaded from a copy of exactly its deployable files (not index.ts). */
export const STAGING_DIR = '.cache/deploy';

/** miniprogram-ci's "done" answer of createTimeTrigger (it answers failures with another sentence instead of throwing). */
const TRIGGER_OK = '创建定时触发器成功';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function describeFunction(fn: FunctionPlan): string[] {
  const size = fn.bytes === null ? '未打包' : `${kb(fn.bytes)} / 预算 ${kb(fn.budget)}${fn.bytes >= fn.budget ? '（超出）' : ''}`;
  const trigger = fn.triggers.length > 0 ? fn.triggers.map((t) => `${t.name}（${t.type} ${t.config}）`).join('，') : '无';
  const timeout = fn.timeout === undefined ? `默认 ${DEFAULT_TIMEOUT_S} 秒` : `${fn.timeout} 秒（在控制台设置，见清单）`;
  return [
    `  ${fn.name}  ${fn.dir}/{${fn.files.join(',')}}  ${size}`,
    `      云调用权限：${fn.permissions.length > 0 ? fn.permissions.join('、') : '无'}；定时触发器：${trigger}；超时：${timeout}`,
  ];
}

function describePlan(plan: DeployPlan, dryRun: boolean): string[] {
  const dist = path.relative(plan.root, plan.projectPath) || '.';
  return [
    dryRun ? '部署计划（--dry-run：不联网、不上传、不读密钥）' : '部署计划',
    `云开发环境 ${DEPLOY_ENV_VARS.cloudEnv} = ${plan.cloudEnv || '（未设置）'}`,
    `小程序 ${DEPLOY_ENV_VARS.appid} = ${plan.appid || '（未设置）'}`,
    `  ${dist}/ → 开发版本 ${plan.version}，机器人 ${plan.robot}`,
    `  描述：${plan.desc}`,
    `  上传密钥 ${DEPLOY_ENV_VARS.key} = ${plan.keyPath || '（未设置）'}${dryRun ? '（不读取）' : ''}`,
    `云函数 ${plan.functions.length} 个 → 环境 ${plan.cloudEnv || '（未设置）'}，云端安装依赖（wx-server-sdk）：`,
    ...plan.functions.flatMap(describeFunction),
    FIRST_DEPLOY_NOTE,
  ];
}

function refuse(log: (line: string) => void, refusals: Refusal[]): number {
  for (const r of refusals) log(`拒绝部署：${r.message}`);
  log('没有上传任何东西。');
  return 1;
}

function stage(plan: DeployPlan, fn: FunctionPlan): string {
  const dir = path.join(plan.root, STAGING_DIR, plan.cloudEnv, fn.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of fn.files) copyFileSync(path.join(plan.root, fn.dir, f), path.join(dir, f));
  return dir;
}

function parseArgs(argv: string[], log: (line: string) => void): { dryRun: boolean; build: boolean; robot: number } | number {
  const program = new Command()
    .name('npm run deploy --')
    .description('构建并上传小程序与全部云函数（环境变量 WX_APPID、WX_UPLOAD_KEY、CLOUD_ENV）')
    .option('--dry-run', '只打印计划：不联网、不上传、不需要密钥')
    .option('--no-build', '不构建，用现有的 dist/ 与 cloudfunctions/*/index.js（仍检查是否比源码旧）')
    .option('--robot <n>', '上传用的机器人编号 1–30', '1')
    .exitOverride()
    .configureOutput({ writeOut: (s) => log(s.trimEnd()), writeErr: (s) => log(s.trimEnd()) });
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  const o = program.opts<{ dryRun?: boolean; build: boolean; robot: string }>();
  return { dryRun: Boolean(o.dryRun), build: o.build, robot: /^\d+$/.test(o.robot) ? Number(o.robot) : NaN };
}

export async function deploy(deps: DeployDeps): Promise<number> {
  const { env, log, root } = deps;
  const args = parseArgs(deps.argv, log);
  if (typeof args === 'number') return args;
  const git = (deps.git ?? gitInfo)(root);
  const plan0 = readPlan({ root, env, robot: args.robot, git });

  // 1. The environment, before spending a build on it.
  const setup = checkSetup(plan0, { upload: !args.dryRun });
  if (setup.length > 0) return refuse(log, setup);

  // 2. Build, then read the plan again (sizes of what was just built).
  if (args.build) {
    log(`构建：小程序（CLOUD_ENV=${plan0.cloudEnv}）与云函数……`);
    try {
      await deps.build(plan0.cloudEnv);
    } catch (e) {
      return refuse(log, [{ subject: 'build', message: `构建失败：${e instanceof Error ? e.message : String(e)}` }]);
    }
  }
  const plan = readPlan({ root, env, robot: args.robot, git });
  for (const line of describePlan(plan, args.dryRun)) log(line);

  // 3. The builds.
  const built = checkBuild(plan);
  if (built.length > 0) return refuse(log, built);

  if (args.dryRun) {
    log('上传后要在控制台完成（工具设不了）：');
    for (const line of consoleChecklist(plan)) log(line);
    return 0;
  }

  // 4. Upload.
  const ci = typeof deps.ci === 'function' ? deps.ci() : deps.ci;
  const project = new ci.Project({
    appid: plan.appid,
    type: 'miniProgram',
    projectPath: plan.projectPath,
    privateKeyPath: path.resolve(root, plan.keyPath),
    ignores: ['node_modules/**/*'],
  });
  const problems: string[] = [];
  for (const fn of plan.functions) {
    const dir = stage(plan, fn);
    try {
      log(`上传云函数 ${fn.name} → ${plan.cloudEnv}……`);
      await ci.cloud.uploadFunction({ project, env: plan.cloudEnv, name: fn.name, path: dir, remoteNpmInstall: true });
    } catch (e) {
      log(`上传云函数 ${fn.name} 失败：${e instanceof Error ? e.message : String(e)}`);
      log('小程序没有上传；修好后重新运行 npm run deploy（已上传的函数再传一次无妨）。');
      return 1;
    }
    if (fn.triggers.length > 0) {
      // It answers WeChat's refusal with a sentence, but throws when it cannot reach WeChat at all.
      const answer = await ci.cloud
        .createTimeTrigger({ project, envId: plan.cloudEnv, functionName: fn.name, triggersConfig: fn.triggers })
        .catch((e: unknown) => (e instanceof Error ? e.message : String(e)));
      if (answer !== TRIGGER_OK) {
        // Also what WeChat answers when the trigger already exists from an earlier deploy.
        problems.push(`定时触发器：${fn.name} 的 ${fn.triggers.map((t) => `${t.name}（${t.config}）`).join('、')}没能创建（miniprogram-ci：${answer}）——在控制台确认它存在且时间一致。`);
      }
    }
  }
  try {
    log(`上传小程序 ${plan.version}（机器人 ${plan.robot}）……`);
    await ci.upload({ project, version: plan.version, desc: plan.desc, robot: plan.robot, setting: UPLOAD_SETTING });
  } catch (e) {
    log(`上传小程序失败：${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  log(`完成：${plan.functions.length} 个云函数已部署到 ${plan.cloudEnv}，小程序 ${plan.version} 已上传为开发版本。`);
  log('接下来在控制台完成（工具设不了）：');
  for (const line of consoleChecklist(plan, problems)) log(line);
  return 0;
}
