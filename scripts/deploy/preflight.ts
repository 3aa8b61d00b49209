/**
 * The checks `npm run deploy` makes before anything leaves the machine (Refusal, checkSetup,
 * checkBuild, WEAPP_SOURCES, FUNCTION_SOURCES). Each refusal is Chinese and names what to fix — the
 * variable, or the file and the command.
 *
 * A build counts as older than the source when a file under the folders it is made from changed
 * after it was written (modification times):
 *  - the mini-program: dist/app.json (Taro rewrites it on every build) against src/, shared/ and
 *    config/ — all of shared/, since the build's inputs there (engine, links, view, pictures, the
 *    cloud's contracts) cannot be told from the rest without the bundler; a needless rebuild is cheap;
 *  - a cloud function: cloudfunctions/<name>/index.js against shared/ and its own index.ts.
 * A build that carries another version stamp (appVersion, written in by both builds) was made from
 * another commit. A function bundle must stay under its budget (scripts/cloud-budgets.json, the numbers
 * test/build/cloud-bundle.test.ts and scripts/build-cloud.mjs read). The mini-program may call no
 * privacy-scoped API that docs/privacy.md does not declare: WeChat disables an undeclared one for
 * every user (since 2023-10-17) — the scan is test/build/privacy.test.ts's (scripts/privacy-apis.ts).
 */
import { accessSync, constants, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readDeclared, scanPrivacy, undeclared, WECHAT_PRIVACY } from '../privacy-apis';
import { DEPLOY_ENV_VARS, newestFile, type DeployPlan } from './plan';

export interface Refusal {
  /** The variable or file to fix. */
  subject: string;
  message: string;
}

/** What the mini-program build is made from (relative to the root). */
export const WEAPP_SOURCES = ['src', 'shared', 'config'];
/** What a function's bundle is made from, besides its own index.ts. */
export const FUNCTION_SOURCES = ['shared'];

const PLACEHOLDER_APPID = 'touristappid';
/** The mini-program's 用户隐私保护指引 and its table of privacy-scoped APIs. */
const PRIVACY_DOC = 'docs/privacy.md';
/** appVersion's mark of uncommitted changes. */
const DIRTY = '.dirty';
/** A mini-program AppID: wx + 16 hex digits. */
const APPID_SHAPE = /^wx[0-9a-f]{16}$/;
/** WeChat's robots for CI uploads: 1–30. */
const ROBOTS = { min: 1, max: 30 };

const when = (ms: number) => new Date(ms).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
const inside = (root: string, file: string) => {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/**
 * The environment: appid, upload key and a committed tree (unless `upload` is false, as for
 * --dry-run), env id, robot. A tree with uncommitted changes builds as '<version>+<commit>.dirty':
 * every figure people see would name a commit that does not hold the code that made it.
 */
export function checkSetup(plan: DeployPlan, options: { upload: boolean }): Refusal[] {
  const out: Refusal[] = [];
  if (options.upload && plan.stamp.endsWith(DIRTY)) {
    out.push({ subject: 'git', message: `工作区有未提交的改动（版本 ${plan.stamp}）：结果上的版本号要能对应一次提交；请先提交或撤销改动再部署。` });
  }
  const { appid, key, cloudEnv } = DEPLOY_ENV_VARS;
  if (!plan.appid) {
    out.push({ subject: appid, message: `${appid} 未设置：请设为小程序的 AppID（mp.weixin.qq.com → 开发管理 → 开发设置）。` });
  } else if (plan.appid === PLACEHOLDER_APPID) {
    out.push({ subject: appid, message: `${appid} 是占位符 ${PLACEHOLDER_APPID}：请设为小程序自己的 AppID（wx 开头的 18 位）。` });
  } else if (!APPID_SHAPE.test(plan.appid)) {
    out.push({ subject: appid, message: `${appid}「${plan.appid}」不是小程序 AppID：应为 wx 开头、后接 16 位十六进制数字。` });
  }

  if (options.upload) {
    const file = plan.keyPath ? path.resolve(plan.root, plan.keyPath) : '';
    if (!plan.keyPath) {
      out.push({ subject: key, message: `${key} 未设置：请设为代码上传密钥文件的路径（mp.weixin.qq.com → 开发管理 → 开发设置 → 小程序代码上传 → 生成密钥）。` });
    } else if (inside(plan.root, file)) {
      out.push({ subject: key, message: `${key} 指向仓库里的文件（${plan.keyPath}）：上传密钥不能放在仓库里，请移到仓库之外再设置。` });
    } else if (!existsSync(file)) {
      out.push({ subject: key, message: `${key} 指向的密钥文件不存在：${file}` });
    } else {
      let text = '';
      try {
        accessSync(file, constants.R_OK);
        text = readFileSync(file, 'utf8');
      } catch {
        out.push({ subject: key, message: `${key} 指向的密钥文件无法读取：${file}` });
      }
      if (text && !/PRIVATE KEY-----/.test(text)) {
        out.push({ subject: key, message: `${key} 指向的文件不是私钥（没有 PRIVATE KEY 段）：${file}` });
      }
    }
  }

  if (!plan.cloudEnv) {
    out.push({ subject: cloudEnv, message: `${cloudEnv} 未设置：请设为云开发环境 ID（云开发控制台 → 设置 → 环境 ID）。` });
  } else if (!/^[A-Za-z0-9-]+$/.test(plan.cloudEnv)) {
    out.push({ subject: cloudEnv, message: `${cloudEnv}「${plan.cloudEnv}」不是云开发环境 ID：只能有字母、数字和连字符。` });
  }

  if (!Number.isInteger(plan.robot) || plan.robot < ROBOTS.min || plan.robot > ROBOTS.max) {
    out.push({ subject: '--robot', message: `--robot 应为 ${ROBOTS.min}–${ROBOTS.max} 的整数（上传用的机器人编号）。` });
  }
  return out;
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? jsFiles(p) : e.name.endsWith('.js') ? [p] : [];
  });
}

/** An app version stamp written into a build (appVersion: '0.1.0+1c6ede6', '0.1.0+1c6ede6.dirty'). */
const STAMP = /["'](\d+\.\d+\.\d+\+[0-9a-f]{7,}(?:\.dirty)?)["']/g;

/**
 * A version stamp in `texts` other than `stamp`: the build was made from another commit (a commit
 * changes no file's time, so the times alone cannot tell). Not every bundle carries one.
 */
function otherStamp(stamp: string, texts: string[]): string | null {
  for (const text of texts) for (const m of text.matchAll(STAMP)) if (m[1] !== stamp) return m[1];
  return null;
}

/** The builds: present, newer than their sources, of this commit, made for CLOUD_ENV, every bundle within budget. */
/** The build's privacy-scoped calls against docs/privacy.md's table. */
function checkPrivacy(plan: DeployPlan, dist: string): Refusal[] {
  const doc = path.join(plan.root, PRIVACY_DOC);
  if (!existsSync(doc)) return [{ subject: PRIVACY_DOC, message: `${PRIVACY_DOC} 不存在：小程序的隐私接口要在这里声明，并填进微信的用户隐私保护指引。` }];
  let declared: ReturnType<typeof readDeclared>;
  try {
    declared = readDeclared(readFileSync(doc, 'utf8'));
  } catch {
    return [{ subject: PRIVACY_DOC, message: `${PRIVACY_DOC} 里没有隐私接口声明表（<!-- privacy-apis:start --> 与 <!-- privacy-apis:end --> 之间）。` }];
  }
  const missing = undeclared(scanPrivacy(plan.projectPath), declared);
  if (missing.length === 0) return [];
  const typeOf = (key: string) => WECHAT_PRIVACY.find((t) => t.key === key)?.type ?? key;
  const uses = missing.map((u) => `${u.use}（${typeOf(u.key)}，${u.file}）`).join('、');
  return [{ subject: dist, message: `${dist}/ 调用了 ${PRIVACY_DOC} 没有声明的隐私接口：${uses}；未声明的接口微信会直接拒绝。请在 ${PRIVACY_DOC} 的表里声明并更新公众平台的用户隐私保护指引，或去掉这个调用。` }];
}

export function checkBuild(plan: DeployPlan): Refusal[] {
  const out: Refusal[] = [];
  const dist = path.relative(plan.root, plan.projectPath) || '.';
  const appJson = path.join(plan.projectPath, 'app.json');
  if (!existsSync(appJson)) {
    out.push({ subject: dist, message: `${dist}/app.json 不存在：小程序还没有构建（去掉 --no-build 让部署先构建）。` });
  } else {
    const built = statSync(appJson).mtimeMs;
    const src = newestFile(plan.root, WEAPP_SOURCES);
    if (src && src.mtimeMs > built) {
      out.push({ subject: dist, message: `${dist}/ 比源码旧：${src.file} 改于 ${when(src.mtimeMs)}，${dist}/app.json 构建于 ${when(built)}；请重新构建（去掉 --no-build）。` });
    }
    const js = jsFiles(plan.projectPath).map((f) => readFileSync(f, 'utf8'));
    // CLOUD_ENV is written into the build (config/index.ts defineConstants): a build for another
    // environment would call that environment's functions.
    const quoted = [`"${plan.cloudEnv}"`, `'${plan.cloudEnv}'`];
    if (plan.cloudEnv && !js.some((text) => quoted.some((q) => text.includes(q)))) {
      out.push({ subject: dist, message: `${dist}/ 不是为 CLOUD_ENV=${plan.cloudEnv} 构建的（构建里找不到这个环境 ID）：请用同一个 CLOUD_ENV 重新构建（去掉 --no-build）。` });
    }
    const other = otherStamp(plan.stamp, js);
    if (other) {
      out.push({ subject: dist, message: `${dist}/ 是另一个版本构建的：构建里是 ${other}，这份代码是 ${plan.stamp}；请重新构建（去掉 --no-build）。` });
    }
    out.push(...checkPrivacy(plan, dist));
  }

  for (const fn of plan.functions) {
    const bundle = `${fn.dir}/index.js`;
    const entry = path.join(plan.root, fn.dir, 'index.ts');
    if (!existsSync(entry)) {
      out.push({ subject: fn.dir, message: `${fn.dir}/index.ts 不存在：云函数 ${fn.name} 在 FUNCTION_NAMES 里，却没有它的文件夹。` });
      continue;
    }
    if (fn.bytes === null) {
      out.push({ subject: bundle, message: `${bundle} 不存在：云函数还没有打包（npm run build:cloud，或去掉 --no-build）。` });
      continue;
    }
    const built = statSync(path.join(plan.root, bundle)).mtimeMs;
    const src = newestFile(plan.root, [...FUNCTION_SOURCES, `${fn.dir}/index.ts`]);
    if (src && src.mtimeMs > built) {
      out.push({ subject: bundle, message: `${bundle} 比源码旧：${src.file} 改于 ${when(src.mtimeMs)}，${bundle} 打包于 ${when(built)}；请重新打包（npm run build:cloud，或去掉 --no-build）。` });
    }
    const other = otherStamp(plan.stamp, [readFileSync(path.join(plan.root, bundle), 'utf8')]);
    if (other) {
      out.push({ subject: bundle, message: `${bundle} 是另一个版本打包的：包里是 ${other}，这份代码是 ${plan.stamp}；请重新打包（npm run build:cloud，或去掉 --no-build）。` });
    }
    if (fn.bytes >= fn.budget) {
      out.push({ subject: bundle, message: `${bundle} 超出体积预算：${fn.bytes} 字节，预算 ${fn.budget} 字节（scripts/cloud-budgets.json）。` });
    }
  }
  return out;
}
