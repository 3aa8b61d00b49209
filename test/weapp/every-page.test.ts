/**
 * Every page of the WeChat build: each route of dist/app.json (main package and subpackages) opens
 * without an error and shows its content; none shows the developer or simulation texts of the H5
 * build (its dev pages, the dev openid switch, the simulated subscribe sheet); the build lists no
 * developer page; and every button on the home page that navigates leads to a route of app.json
 * (in WeChat, and in the harness, navigateTo an unknown route fails).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { adminsRepo } from '../../shared/cloud/repos';
import { REMINDER_TEMPLATES } from '../../shared/cloud/templates';
import { wxDocumentStore } from '../../shared/cloud/wx-db';
import { catalog2022 } from '../../shared/policy/engine';
import { DIST, launch } from './harness';
import { findAll, findByClass, type WxElement } from './query';

const mp = launch();

const appJson = JSON.parse(readFileSync(path.join(DIST, 'app.json'), 'utf8')) as {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
};
/** Every route of the build, main package first. */
const ROUTES = [...appJson.pages, ...(appJson.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];

/** What a user must be able to open. */
const USER_ROUTES = [
  'pages/index/index',
  'pages/questionnaire/index',
  'pages/results/index',
  'pages/policy/browse/index',
  'pages/policy/detail/index',
  'pages/reminders/index',
];
/** 管理: in the build for admins; anyone else who opens one is refused (仅管理员可用). */
const ADMIN_ROUTES = [
  'pages/admin/index',
  'pages/admin/deadline/index',
  'pages/admin/import/index',
  'pages/admin/status/index',
  'pages/admin/admins/index',
  'pages/admin/log/index',
  'pages/admin/screen/index',
];
/**
 * Developer pages: src/app.config.ts adds outbox for the H5 build only; src/pages/check is the
 * developer round trip (its comment in src/state/navigation.ts: "Developer page (H5)"), reached
 * only from the home page's H5-only 本地开发版 button.
 */
const DEV_ROUTES = ['pages/outbox/index', 'pages/check/index'];

/**
 * Texts of the H5-only parts (grep src/ for TARO_ENV === 'h5') and of the dev pages:
 *  - home: 本地开发版 · 切换测试用户 (the local build's one mark); check: 开发模式 · 当前用户：dev-user-a;
 *  - check: 示例企业…, 切换 dev openid, 切换并重新测算; services/cloud.ts: dev-user-a, x-dev-openid;
 *  - subscribe button: 本地开发版：这是模拟的微信订阅授权… (one line above its choices);
 *  - outbox: 发件箱, 试订阅, 运行提醒任务, 本地开发（H5）;
 *  - admin: 仅管理员可用, 添加截止时间, 批量导入, 试导入, LOCAL_ADMINS, npm run admin.
 * 示例 also covers the local cloud's sample deadlines (【示例】), which the WeChat cloud never has.
 */
const DEV_TEXTS = [
  '开发者', '开发模式', '切换测试用户', '当前用户', 'dev-user', 'dev openid', 'openid', '切换并重新测算',
  '示例', '模拟', 'H5', '试订阅', 'outbox', '发件箱', '运行提醒任务', '本地开发',
  '仅管理员可用', '添加截止时间', '批量导入', '试导入', 'LOCAL_ADMINS', 'npm ', 'localhost',
];

/** The url a route is opened with (the detail page needs a measure). */
const urlOf = (route: string, measureId = 'm08') => `/${route}${route === 'pages/policy/detail/index' ? `?id=${measureId}` : ''}`;

/** What each page shows once loaded (from the catalog where it is the catalog's). */
const m08 = catalog2022.measures.find((m) => m.id === 'm08')!;
const CONTENT: Record<string, string> = {
  'pages/index/index': '企业开始测算',
  'pages/questionnaire/index': '第 1 步，共 3 步',
  'pages/results/index': '还没有答案',
  'pages/policy/browse/index': `政策清单 ${catalog2022.measures.length} 条`,
  'pages/policy/detail/index': m08.title,
  'pages/reminders/index': '还没有订阅任何提醒。',
  'pages/check/index': '预计可申请资金合计',
  ...Object.fromEntries(ADMIN_ROUTES.map((r) => [r, '仅管理员可用'])),
};

/**
 * What the pages show once the cloud holds the deadline and the reminder of `populate()`: for m09,
 * a measure no other test opens before (the subscribe button keeps a measure's status for the
 * life of the mini-program).
 */
const BATCH = '2022 年度先进制造业投资贴息申报';
const m09 = catalog2022.measures.find((m) => m.id === 'm09')!;
const POPULATED: Record<string, string> = {
  'pages/index/index': `近期申报截止${m09.label}${BATCH}`,
  // Beijing 2022-06-20 → closes 2022-06-30: 30 − 20 = 10 days.
  'pages/policy/detail/index': '申报截止：2022年6月30日（还有 10 天）',
  'pages/reminders/index': `${m09.label}${m09.title}`,
};

const LOADING = /正在(加载|测算，请稍候|查询)/;
const routeOf = (url: string) => url.split('?')[0].replace(/^\//, '');
const NAV_APIS = ['navigateTo', 'redirectTo', 'reLaunch', 'switchTab'];

/** Opens a url and waits until nothing on it is loading any more. */
async function open(url: string): Promise<string> {
  await mp.reLaunch(url);
  return mp.waitFor(() => {
    const text = mp.text();
    return text.length > 0 && !LOADING.test(text) && text;
  }, `${url} to finish loading`);
}

const ADMIN = 'admin-openid';
/** The cloud as a user meets it: a published m09 window (Beijing 2022-06-20), user-a subscribed to it. */
/** The id of the one deadline populate() published. */
const publishedId = () => (mp.db.dump('deadlines') as unknown as { _id: string }[])[0]._id;

async function populate(): Promise<void> {
  mp.now = () => new Date('2022-06-20T02:00:00Z');
  await adminsRepo(wxDocumentStore(() => mp.db)).add({ _id: ADMIN, addedAt: mp.now().toISOString(), addedBy: 'bootstrap' });
  const created = await mp.callCloud(
    'deadlines',
    {
      action: 'create',
      deadline: { measureId: 'm09', batchTitle: BATCH, opensOn: '2022-06-01', closesOn: '2022-06-30', issuer: '自治区工业和信息化厅', sourceUrl: 'https://gxt.nmg.gov.cn/notice/2022-06' },
    },
    ADMIN,
  );
  if (!created.ok) throw new Error(JSON.stringify(created));
  const deadlineId = (created.data as { deadline: { id: string } }).deadline.id;
  const results = { [REMINDER_TEMPLATES.week.id]: 'accept', [REMINDER_TEMPLATES.day.id]: 'reject' };
  const sub = await mp.callCloud('subscriptions', { action: 'subscribe', measureId: 'm09', deadlineId, results });
  if (!sub.ok) throw new Error(JSON.stringify(sub));
}

/**
 * The developer texts a page shows. The admin pages may speak of admins and show the caller's own
 * openid (to send to an admin); nothing of the developer's build or the local cloud's simulation.
 */
const ADMIN_VOCABULARY = ['openid', '仅管理员可用', '添加截止时间', '批量导入', '试导入'];
const devTextIn = (text: string, route = '') =>
  DEV_TEXTS.filter((w) => !(ADMIN_ROUTES.includes(route) && ADMIN_VOCABULARY.includes(w))).filter((w) => text.includes(w));

beforeEach(() => mp.reset());
afterEach(() => expect(mp.errors).toEqual([]));

// ---- the build's pages -------------------------------------------------------------------------

describe('dist/app.json', () => {
  it('lists every page a user opens, and the admin pages', () => {
    expect(ROUTES).toEqual(expect.arrayContaining([...USER_ROUTES, ...ADMIN_ROUTES]));
  });

  it.each(DEV_ROUTES)('does not list the developer page %s, and dist/ ships no code for it', (route) => {
    expect(ROUTES).not.toContain(route);
    expect(existsSync(path.join(DIST, `${route}.js`))).toBe(false);
  });
});

describe('every route of the build', () => {
  it.each(ROUTES)('%s opens without an error and shows its content', async (route) => {
    const text = await open(urlOf(route));
    expect(mp.page().route).toBe(route);
    expect(text).toContain(CONTENT[route] ?? '');
    expect(mp.warnings).toEqual([]);
  });

  it.each(ROUTES)('%s shows no developer or simulation text, also with deadlines and reminders in the cloud', async (route) => {
    await populate();
    const text = await open(urlOf(route, 'm09'));
    expect(text).toContain(POPULATED[route] ?? CONTENT[route] ?? '');
    expect(devTextIn(text, route)).toEqual([]);
  });

  it('the detail page without a measure id says so and offers the list', async () => {
    const text = await open('/pages/policy/detail/index');
    expect(text).toContain('没有找到这条政策');
    await mp.tap('查看全部政策');
    expect(mp.stack().map((p) => p.route)).toEqual(['pages/policy/detail/index', 'pages/policy/browse/index']);
  });

  it('a subscribe tap shows WeChat’s own sheet, never the simulated H5 one', async () => {
    await open('/pages/policy/detail/index?id=m08');
    const tap = await mp.waitFor(() => mp.byClass('subscribe-button__tap')[0], 'the subscribe button');
    await mp.tap(tap);
    expect(mp.callsOf('requestSubscribeMessage')).toHaveLength(1);
    expect(mp.has('subscribe-sheet')).toBe(false);
    expect(devTextIn(mp.text())).toEqual([]);
  });
});

// ---- the home page's ways out ------------------------------------------------------------------

describe('the home page', () => {
  it('浏览政策清单全部措施 opens the policy browser', async () => {
    await open('/pages/index/index');
    await mp.tap('浏览政策清单全部措施');
    expect(mp.stack().map((p) => p.route)).toEqual(['pages/index/index', 'pages/policy/browse/index']);
    expect(mp.text()).toContain(`共 ${catalog2022.measures.length} 条`);
  });

  /**
   * Taps each button of the home page in turn, each time on a freshly opened home page with the
   * device storage as it was at the start (opening the questionnaire saves a draft); what each opened.
   */
  async function tapEachButton(): Promise<{ button: string; opened: string[]; top: string }[]> {
    const buttons = (root: WxElement) => findAll(root, (el) => el.is === 'button');
    const saved = new Map(mp.storage);
    await open('/pages/index/index');
    const count = buttons(mp.page().root).length;
    const out: { button: string; opened: string[]; top: string }[] = [];
    for (let i = 0; i < count; i++) {
      mp.storage.clear();
      for (const [k, v] of saved) mp.storage.set(k, v);
      await open('/pages/index/index');
      const button = buttons(mp.page().root)[i];
      const label = mp.text(button);
      const from = mp.calls.length;
      mp.answers.modals = [false]; // 重新开始 asks first: keep the answers
      await mp.tap(button);
      const opened = mp.calls.slice(from).filter((c) => NAV_APIS.includes(c.api)).map((c) => `${c.api} ${String(c.options.url)}`);
      out.push({ button: label, opened, top: mp.page().route });
      for (const nav of opened) {
        const route = routeOf(nav.split(' ')[1]);
        // In app.json, and actually opened (the harness fails a navigateTo to an unknown route as WeChat does).
        expect(ROUTES).toContain(route);
        expect(mp.page().route).toBe(route);
      }
    }
    return out;
  }

  it('leads from every button to a route of the build, before anything is answered', async () => {
    await populate(); // a published deadline: the 近期申报截止 block shows its button too
    const deadlineButton = await (async () => {
      await open('/pages/index/index');
      return mp.text(findByClass(mp.page().root, 'home__deadline')[0]);
    })();
    expect(await tapEachButton()).toEqual([
      { button: '企业开始测算', opened: ['navigateTo /pages/questionnaire/index?entity=enterprise'], top: 'pages/questionnaire/index' },
      { button: '工业园区开始测算', opened: ['navigateTo /pages/questionnaire/index?entity=park'], top: 'pages/questionnaire/index' },
      { button: '浏览政策清单全部措施', opened: ['navigateTo /pages/policy/browse/index'], top: 'pages/policy/browse/index' },
      { button: '我的提醒', opened: ['navigateTo /pages/reminders/index'], top: 'pages/reminders/index' },
      // Opened at the batch tapped (issue 22, item 2).
      { button: deadlineButton, opened: [`navigateTo /pages/policy/detail/index?id=m09&deadline=${encodeURIComponent(publishedId())}`], top: 'pages/policy/detail/index' },
      // WeChat's customer service (open-type="contact", issue 26 item 4): no route of ours.
      { button: '问工作人员', opened: [], top: 'pages/index/index' },
      // The 用户隐私保护指引 (issue 26, item 3).
      { button: '隐私说明', opened: ['navigateTo /pages/privacy/index'], top: 'pages/privacy/index' },
    ]);
    expect(deadlineButton).toContain('2022-06-30 截止（还有 10 天）');
  });

  it('leads from every button to a route of the build, with answers saved', async () => {
    // The quick path to the results: a draft at its last step (问题), saved on the device.
    await open('/pages/index/index');
    await mp.tap('#start-button');
    await mp.tap('#next-button');
    await mp.tap('#topic-platforms');
    await mp.tap('#next-button');
    await mp.tap('#q-facts-m01-techCenter-opt-yes');
    await mp.tap('#next-button');
    await mp.waitFor(() => mp.page().route === 'pages/results/index' && mp.has('results-total'), 'the results');

    expect(await tapEachButton()).toEqual([
      { button: '继续上次的测算', opened: ['navigateTo /pages/questionnaire/index'], top: 'pages/questionnaire/index' },
      { button: '查看上次结果', opened: ['navigateTo /pages/results/index'], top: 'pages/results/index' },
      { button: '重新开始', opened: [], top: 'pages/index/index' },
      { button: '浏览政策清单全部措施', opened: ['navigateTo /pages/policy/browse/index'], top: 'pages/policy/browse/index' },
      { button: '我的提醒', opened: ['navigateTo /pages/reminders/index'], top: 'pages/reminders/index' },
      { button: '问工作人员', opened: [], top: 'pages/index/index' },
      { button: '隐私说明', opened: ['navigateTo /pages/privacy/index'], top: 'pages/privacy/index' },
    ]);
  });
});
