/**
 * npm run deploy (issue 26, item 1), with miniprogram-ci replaced by a recorder and the build step
 * injected: the dry-run plan on this checkout, each refusal of the preflight (and that nothing is
 * uploaded then), and a full run's every upload call with its options. No network, no Taro build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FUNCTION_NAMES } from '../../../shared/cloud';
import { COLLECTION_SPECS } from '../../../shared/cloud/repos';
import { deploy, STAGING_DIR, UPLOAD_SETTING, type CiLike } from '../../../scripts/deploy/run';

const ROOT = path.resolve(__dirname, '../../..');
const GIT = { stamp: '1.2.3+abc1234', subject: '部署：一条命令' };
const APPID = 'wx0123456789abcdef';
const ENV_ID = 'prod-4g2h';

type Call = [string, Record<string, unknown>];

/** miniprogram-ci as a recorder: every call and its options, in order. */
function recorder(options: { failFunction?: string; triggerAnswer?: string; triggerThrows?: string } = {}) {
  const calls: Call[] = [];
  class Project {
    constructor(readonly options: Record<string, unknown>) {
      calls.push(['Project', options]);
    }
  }
  const unwrap = (o: Record<string, unknown>) => ({ ...o, project: (o.project as Project).options });
  const ci: CiLike = {
    Project: Project as unknown as CiLike['Project'],
    upload: async (o) => {
      calls.push(['upload', unwrap(o)]);
      return { subPackageInfo: [] };
    },
    cloud: {
      uploadFunction: async (o) => {
        calls.push(['uploadFunction', { ...unwrap(o), files: readdirSync(o.path).sort() }]);
        if (o.name === options.failFunction) throw new Error('env not found');
        return { filesCount: 3, packSize: 1000 };
      },
      createTimeTrigger: async (o) => {
        calls.push(['createTimeTrigger', unwrap(o)]);
        if (options.triggerThrows) throw new Error(options.triggerThrows);
        return options.triggerAnswer ?? '创建定时触发器成功';
      },
    },
  };
  return { ci, calls };
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'deploy-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A key file outside any fixture checkout. */
const KEY = path.join(tmp, 'private.wx0123456789abcdef.key');
writeFileSync(KEY, '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n');

const OLD = new Date('2026-01-01T00:00:00Z');
const NEW = new Date('2026-02-01T00:00:00Z');

function put(root: string, rel: string, text: string | Buffer, time = OLD) {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  utimesSync(file, time, time);
}

let fixtures = 0;
/**
 * A checkout whose builds are fresh and made for ENV_ID: sources dated OLD, builds NEW; the seven
 * functions with this checkout's real config.json and package.json, bundles of 2 KB.
 */
function checkout(): string {
  const root = path.join(tmp, `checkout-${++fixtures}`);
  put(root, 'package.json', JSON.stringify({ name: 'policy-abacus', version: '1.2.3' }));
  put(root, 'scripts/cloud-budgets.json', readFileSync(path.join(ROOT, 'scripts/cloud-budgets.json')));
  put(root, 'src/app.ts', 'export {};');
  put(root, 'shared/policy/engine/index.ts', 'export {};');
  put(root, 'config/index.ts', 'export {};');
  put(root, 'dist/app.json', '{"pages":["pages/index/index"]}', NEW);
  put(root, 'dist/app.js', `wx.cloud.init({env:"${ENV_ID}",traceUser:!0});`, NEW);
  put(root, 'docs/privacy.md', readFileSync(path.join(ROOT, 'docs/privacy.md')));
  for (const name of FUNCTION_NAMES) {
    const dir = `cloudfunctions/${name}`;
    put(root, `${dir}/index.ts`, 'export {};');
    put(root, `${dir}/config.json`, readFileSync(path.join(ROOT, dir, 'config.json')));
    put(root, `${dir}/package.json`, readFileSync(path.join(ROOT, dir, 'package.json')));
    put(root, `${dir}/index.js`, 'x'.repeat(2048), NEW);
  }
  return root;
}

const goodEnv = (): NodeJS.ProcessEnv => ({ WX_APPID: APPID, WX_UPLOAD_KEY: KEY, CLOUD_ENV: ENV_ID });

async function run(root: string, argv: string[], env = goodEnv(), ci = recorder(), git = GIT) {
  const lines: string[] = [];
  const builds: string[] = [];
  const code = await deploy({
    ci: ci.ci,
    env,
    argv,
    log: (l) => lines.push(l),
    build: async (cloudEnv) => {
      builds.push(cloudEnv);
    },
    root,
    git: () => git,
  });
  return { code, out: lines.join('\n'), calls: ci.calls, builds };
}

describe('npm run deploy -- --dry-run on this checkout', () => {
  let result: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    // No key: a dry run must not need it. The builds are this checkout's, as they are.
    result = await run(ROOT, ['--dry-run', '--no-build'], { WX_APPID: APPID, CLOUD_ENV: ENV_ID });
  });

  it.each([
    ['calculate', '无', '无', '默认 3 秒'],
    ['deadlines', '无', '无', '默认 3 秒'],
    ['subscriptions', '无', '无', '默认 3 秒'],
    ['listStatus', '无', '无', '默认 3 秒'],
    ['remind', 'subscribeMessage.send', 'morningReminders（timer 0 */3 9-11 * * * *）', '60 秒'],
    ['qrcode', 'wxacode.getUnlimited', '无', '默认 3 秒'],
    ['screen', '无', '无', '20 秒'],
  ])('lists %s with its permissions (%s), trigger (%s) and timeout (%s)', (name, permissions, trigger, timeout) => {
    const lines = result.out.split('\n');
    const at = lines.findIndex((l) => l.startsWith(`  ${name}  cloudfunctions/${name}/{index.js,package.json,config.json}`));
    expect(at).toBeGreaterThan(-1);
    expect(lines[at + 1]).toContain(`云调用权限：${permissions}；定时触发器：${trigger}；超时：${timeout}`);
  });

  it.each([
    ['the env', `云开发环境 CLOUD_ENV = ${ENV_ID}`],
    ['the appid', `小程序 WX_APPID = ${APPID}`],
    ['the version and robot', 'dist/ → 开发版本 0.1.0，机器人 1'],
    ['the description: the version stamp and the commit subject', `描述：${GIT.stamp} ${GIT.subject}`],
    ['that the key is not read', '上传密钥 WX_UPLOAD_KEY = （未设置）（不读取）'],
    ['all seven functions and where they go', `云函数 7 个 → 环境 ${ENV_ID}，云端安装依赖（wx-server-sdk）：`],
  ])('says %s', (_what, line) => {
    expect(result.out).toContain(line);
  });

  it('makes no call to miniprogram-ci and builds nothing', () => {
    expect(result.calls).toEqual([]);
    expect(result.builds).toEqual([]);
  });
});

describe('npm run deploy -- --dry-run on a fresh checkout', () => {
  it('builds for CLOUD_ENV, prints the plan and the checklist, uploads nothing, exit 0', async () => {
    const r = await run(checkout(), ['--dry-run'], { WX_APPID: APPID, CLOUD_ENV: ENV_ID });
    expect([r.code, r.builds, r.calls]).toEqual([0, [ENV_ID], []]);
    expect(r.out).toContain('  remind  cloudfunctions/remind/{index.js,package.json,config.json}  2.0 KB / 预算 150.0 KB');
    expect(r.out).toContain('1. 云函数超时时间（控制台 → 云函数 → 函数配置；config.json 里的数字）：remind 60 秒，screen 20 秒');
  });
});

/** Each case: what is wrong, how the fixture or environment is made so, the message, whether the build ran. */
const REFUSALS: [string, (root: string, env: NodeJS.ProcessEnv) => void, RegExp, boolean][] = [
  ['WX_APPID is not set', (_r, env) => delete env.WX_APPID, /WX_APPID 未设置：请设为小程序的 AppID/, false],
  ['WX_APPID is the placeholder touristappid', (_r, env) => (env.WX_APPID = 'touristappid'), /WX_APPID 是占位符 touristappid/, false],
  ['WX_APPID is not an AppID', (_r, env) => (env.WX_APPID = 'wx123'), /WX_APPID「wx123」不是小程序 AppID/, false],
  ['WX_UPLOAD_KEY is not set', (_r, env) => delete env.WX_UPLOAD_KEY, /WX_UPLOAD_KEY 未设置：请设为代码上传密钥文件的路径/, false],
  ['the key file is missing', (_r, env) => (env.WX_UPLOAD_KEY = path.join(tmp, 'nope.key')), /WX_UPLOAD_KEY 指向的密钥文件不存在：.*nope\.key/, false],
  ['the key file cannot be read (a folder)', (_r, env) => (env.WX_UPLOAD_KEY = tmp), /WX_UPLOAD_KEY 指向的密钥文件无法读取/, false],
  [
    'the key file is not a private key',
    (_r, env) => {
      const f = path.join(tmp, 'not-a-key.txt');
      writeFileSync(f, 'hello');
      env.WX_UPLOAD_KEY = f;
    },
    /WX_UPLOAD_KEY 指向的文件不是私钥/,
    false,
  ],
  [
    'the key file is inside the repository',
    (root, env) => {
      put(root, 'private.key', readFileSync(KEY));
      env.WX_UPLOAD_KEY = path.join(root, 'private.key');
    },
    /WX_UPLOAD_KEY 指向仓库里的文件（.*private\.key）：上传密钥不能放在仓库里/,
    false,
  ],
  ['CLOUD_ENV is not set', (_r, env) => delete env.CLOUD_ENV, /CLOUD_ENV 未设置：请设为云开发环境 ID/, false],
  ['dist/ was never built', (root) => rmSync(path.join(root, 'dist'), { recursive: true }), /dist\/app\.json 不存在：小程序还没有构建/, true],
  ['dist/ is older than a page', (root) => put(root, 'src/pages/index/index.tsx', 'x', new Date('2026-03-01T00:00:00Z')), /dist\/ 比源码旧：src\/pages\/index\/index\.tsx 改于/, true],
  ['dist/ is older than the engine', (root) => put(root, 'shared/policy/engine/index.ts', 'x', new Date('2026-03-01T00:00:00Z')), /dist\/ 比源码旧：shared\/policy\/engine\/index\.ts/, true],
  ['dist/ was built for another env', (root) => put(root, 'dist/app.js', 'wx.cloud.init({env:"test-1",traceUser:!0});', NEW), /dist\/ 不是为 CLOUD_ENV=prod-4g2h 构建的/, true],
  ['dist/ was built from another commit', (root) => put(root, 'dist/common.js', 'var v="1.2.3+0000000";', NEW), /dist\/ 是另一个版本构建的：构建里是 1\.2\.3\+0000000，这份代码是 1\.2\.3\+abc1234/, true],
  [
    'a bundle was built from another commit',
    (root) => put(root, 'cloudfunctions/calculate/index.js', 'var v="1.2.3+abc1234.dirty";', NEW),
    /cloudfunctions\/calculate\/index\.js 是另一个版本打包的：包里是 1\.2\.3\+abc1234\.dirty，这份代码是 1\.2\.3\+abc1234/,
    true,
  ],
  [
    "a function's bundle is older than its index.ts",
    (root) => put(root, 'cloudfunctions/remind/index.ts', 'x', new Date('2026-03-01T00:00:00Z')),
    /cloudfunctions\/remind\/index\.js 比源码旧：cloudfunctions\/remind\/index\.ts 改于/,
    true,
  ],
  [
    'the bundles are older than shared/',
    (root) => {
      put(root, 'shared/cloud/handlers/remind.ts', 'x', new Date('2026-03-01T00:00:00Z'));
      put(root, 'dist/app.json', '{}', new Date('2026-04-01T00:00:00Z'));
    },
    /cloudfunctions\/calculate\/index\.js 比源码旧：shared\/cloud\/handlers\/remind\.ts 改于/,
    true,
  ],
  [
    'dist/ calls a privacy-scoped API docs/privacy.md does not declare',
    (root) => put(root, 'dist/pages/index/index.js', 'function n(){return o().getLocation({type:"gcj02"})}', NEW),
    /dist\/ 调用了 docs\/privacy\.md 没有声明的隐私接口：getLocation（位置信息，pages\/index\/index\.js）/,
    true,
  ],
  ['docs/privacy.md is missing', (root) => rmSync(path.join(root, 'docs/privacy.md')), /docs\/privacy\.md 不存在/, true],
  ['a function is not bundled', (root) => rmSync(path.join(root, 'cloudfunctions/qrcode/index.js')), /cloudfunctions\/qrcode\/index\.js 不存在：云函数还没有打包/, true],
  [
    'a bundle is over its budget',
    (root) => put(root, 'cloudfunctions/calculate/index.js', 'x'.repeat(150 * 1024), NEW),
    /cloudfunctions\/calculate\/index\.js 超出体积预算：153600 字节，预算 153600 字节（scripts\/cloud-budgets\.json）/,
    true,
  ],
];

describe.each(REFUSALS)('refuses when %s', (_what, spoil, message, built) => {
  let r: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    const root = checkout();
    const env = goodEnv();
    spoil(root, env);
    r = await run(root, [], env);
  });

  it('says why in Chinese, naming what to fix, and exits 1', () => {
    expect(r.out).toMatch(new RegExp(`拒绝部署：${message.source}`));
    expect(r.out).toContain('没有上传任何东西。');
    expect(r.code).toBe(1);
  });

  it(`uploads nothing${built ? '' : ' and builds nothing'}`, () => {
    expect(r.calls).toEqual([]);
    expect(r.builds).toEqual(built ? [ENV_ID] : []);
  });
});

describe('a tree with uncommitted changes (its builds say 1.2.3+abc1234.dirty on every figure)', () => {
  const DIRTY = { ...GIT, stamp: '1.2.3+abc1234.dirty' };

  it('refuses to deploy it, before building, naming the stamp', async () => {
    const r = await run(checkout(), [], goodEnv(), recorder(), DIRTY);
    expect([r.code, r.calls, r.builds]).toEqual([1, [], []]);
    expect(r.out).toContain('拒绝部署：工作区有未提交的改动（版本 1.2.3+abc1234.dirty）');
  });

  it('still prints the plan for --dry-run (nothing is uploaded)', async () => {
    const r = await run(checkout(), ['--dry-run'], { WX_APPID: APPID, CLOUD_ENV: ENV_ID }, recorder(), DIRTY);
    expect([r.code, r.calls]).toEqual([0, []]);
  });
});

describe('a full run with the recorder', () => {
  let root: string;
  let r: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    root = checkout();
    r = await run(root, ['--robot', '3']);
  });
  const calls = (kind: string) => r.calls.filter(([k]) => k === kind).map(([, o]) => o);
  const project = () => ({ appid: APPID, type: 'miniProgram', projectPath: path.join(root, 'dist'), privateKeyPath: KEY, ignores: ['node_modules/**/*'] });

  it('builds once for CLOUD_ENV and exits 0', () => {
    expect([r.code, r.builds]).toEqual([0, [ENV_ID]]);
  });

  it('opens one project: the appid and key path from the environment, dist/ as the mini-program', () => {
    expect(calls('Project')).toEqual([project()]);
  });

  it.each([...FUNCTION_NAMES])('uploads %s to CLOUD_ENV from a copy of its index.js, package.json and config.json, installing wx-server-sdk in the cloud', (name) => {
    expect(calls('uploadFunction').filter((o) => o.name === name)).toEqual([
      { project: project(), env: ENV_ID, name, path: path.join(root, STAGING_DIR, ENV_ID, name), remoteNpmInstall: true, files: ['config.json', 'index.js', 'package.json'] },
    ]);
  });

  it("creates remind's timer trigger from its config.json, and no other", () => {
    const remind = JSON.parse(readFileSync(path.join(ROOT, 'cloudfunctions/remind/config.json'), 'utf8'));
    expect(calls('createTimeTrigger')).toEqual([{ project: project(), envId: ENV_ID, functionName: 'remind', triggersConfig: remind.triggers }]);
  });

  it('uploads the mini-program last, once: version from package.json, description from git, the robot, the compile settings', () => {
    expect(calls('upload')).toEqual([{ project: project(), version: '1.2.3', desc: `${GIT.stamp} ${GIT.subject}`, robot: 3, setting: UPLOAD_SETTING }]);
    expect(r.calls[r.calls.length - 1][0]).toBe('upload');
    expect(r.calls.map(([k]) => k)).toEqual(['Project', ...FUNCTION_NAMES.flatMap((n) => (n === 'remind' ? ['uploadFunction', 'createTimeTrigger'] : ['uploadFunction'])), 'upload']);
  });

  it.each([
    ['what was done', '完成：7 个云函数已部署到 prod-4g2h，小程序 1.2.3 已上传为开发版本。'],
    ['the timeouts to set by hand', '云函数超时时间（控制台 → 云函数 → 函数配置；config.json 里的数字）：remind 60 秒，screen 20 秒'],
    ['the bootstrap code', 'deadlines 的 ADMIN_BOOTSTRAP_CODE'],
    ['the collections', '每个集合的权限设为「仅管理端可读写」，并建好索引（README › Collections 的表）'],
    ['the templates', '订阅消息模板'],
    ['the privacy guide', '用户隐私保护指引（mp.weixin.qq.com → 设置 → 服务内容声明）：按 docs/privacy.md 填写'],
    ['客服', '客服（mp.weixin.qq.com → 功能 → 客服）'],
    ['the release', '开发版本 1.2.3 先设为体验版试用，再提交审核、发布'],
  ])('ends with what was done and the checklist: %s', (_what, text) => {
    const after = r.out.slice(r.out.indexOf('完成：'));
    expect(after).toContain(text);
  });

  it.each(COLLECTION_SPECS.filter((s) => !s.localOnly).map((s) => [s.name, s] as const))(
    'names collection %s in the checklist with the indexes COLLECTION_SPECS gives it',
    (name, spec) => {
      const line = r.out.split('\n').find((l) => l.includes('每个集合的权限设为')) ?? '';
      const indexes = spec.indexes.length > 0 ? spec.indexes.map((i) => i.fields.map(([f, d]) => `${f} ${d === 'asc' ? '升序' : '降序'}`).join(' + ')).join('；') : '无需索引';
      expect(line).toContain(`${name}（${indexes}）`);
    },
  );

  it('does not name the local-only collection outbox in the checklist', () => {
    expect(r.out.slice(r.out.indexOf('完成：'))).not.toContain('outbox');
  });
});

describe('when WeChat refuses part of the run', () => {
  it('stops at a function that fails: no later function, no mini-program, exit 1', async () => {
    const r = await run(checkout(), [], goodEnv(), recorder({ failFunction: 'deadlines' }));
    expect(r.code).toBe(1);
    expect(r.calls.map(([k, o]) => (k === 'uploadFunction' ? o.name : k))).toEqual(['Project', 'calculate', 'deadlines']);
    expect(r.out).toContain('上传云函数 deadlines 失败：env not found');
    expect(r.out).toContain('小程序没有上传');
  });

  it('a trigger WeChat does not create goes to the top of the checklist; the rest goes on', async () => {
    const r = await run(checkout(), [], goodEnv(), recorder({ triggerAnswer: '请检查传入的 triggersConfig 是否符合格式' }));
    expect(r.code).toBe(0);
    expect(r.calls.filter(([k]) => k === 'upload')).toHaveLength(1);
    expect(r.out).toContain('1. 定时触发器：remind 的 morningReminders（0 */3 9-11 * * * *）没能创建（miniprogram-ci：请检查传入的 triggersConfig 是否符合格式）');
  });

  it('a trigger call that cannot reach WeChat goes to the checklist too; the mini-program is still uploaded', async () => {
    const r = await run(checkout(), [], goodEnv(), recorder({ triggerThrows: 'Error: getaddrinfo ENOTFOUND servicewechat.com' }));
    expect(r.code).toBe(0);
    expect(r.calls.filter(([k]) => k === 'upload')).toHaveLength(1);
    expect(r.out).toContain('没能创建（miniprogram-ci：Error: getaddrinfo ENOTFOUND servicewechat.com）');
  });

  it('a failed build refuses before any upload', async () => {
    const ci = recorder();
    const lines: string[] = [];
    const code = await deploy({ ci: ci.ci, env: goodEnv(), argv: [], log: (l) => lines.push(l), build: async () => { throw new Error('npm run build:weapp 退出码 1'); }, root: checkout(), git: () => GIT });
    expect([code, ci.calls]).toEqual([1, []]);
    expect(lines).toContain('拒绝部署：构建失败：npm run build:weapp 退出码 1');
  });
});

describe('one source for what is shared', () => {
  it('uploads with the compile settings npm run compile:weapp (WeChat’s compiler in the build test) uses', () => {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', "import { COMPILE_SETTING } from './scripts/compile-weapp.mjs'; console.log(JSON.stringify(COMPILE_SETTING))"], { cwd: ROOT, encoding: 'utf8' });
    expect(UPLOAD_SETTING).toEqual(JSON.parse(out));
  });

  it('uploads the functions of FUNCTION_NAMES, which are the folders of cloudfunctions/', () => {
    const folders = readdirSync(path.join(ROOT, 'cloudfunctions')).filter((d) => existsSync(path.join(ROOT, 'cloudfunctions', d, 'index.ts')));
    expect([...FUNCTION_NAMES].sort()).toEqual(folders.sort());
  });

  it('never keeps a key in the repository: project.config.json keeps the placeholder appid, and *.key is not tracked', () => {
    expect(JSON.parse(readFileSync(path.join(ROOT, 'project.config.json'), 'utf8')).appid).toBe('touristappid');
    expect(execFileSync('git', ['ls-files', '*.key', '*.pem'], { cwd: ROOT, encoding: 'utf8' })).toBe('');
  });
});

describe('README › Deploying keeps what the run prints', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Deploying\n'), readme.indexOf('\n### Collections\n'));

  it.each([
    ['the three variables', ['`WX_APPID`', '`WX_UPLOAD_KEY`', '`CLOUD_ENV`']],
    ['the command and the checklist', ['`npm run deploy`', 'checklist']],
    ['each timeout of a config.json', FUNCTION_NAMES.flatMap((n) => {
      const c = JSON.parse(readFileSync(path.join(ROOT, 'cloudfunctions', n, 'config.json'), 'utf8'));
      return typeof c.timeout === 'number' ? [`\`${n}\` ${c.timeout} s`] : [];
    })],
    ['the bootstrap code, collections, templates, privacy guide, 客服 and release', ['`ADMIN_BOOTSTRAP_CODE`', '仅管理端可读写', '`shared/cloud/templates.ts`', '`docs/privacy.md`', '客服', '提交审核']],
    ['the first-deploy runtime', ['Node.js 16', 'Nodejs8.9']],
  ])('names %s', (_what, words) => {
    expect(section.length).toBeGreaterThan(0);
    for (const w of words) expect([w, section.includes(w)]).toEqual([w, true]);
  });
});
