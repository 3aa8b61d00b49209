/**
 * Shares that bring people in, in the WeChat build (dist/): a scanned 小程序码 opening what it names
 * (an item of a measure, a measure, or the home page as an invitation), the results page's shares
 * (a card's item with its drawn card; the user's figures only when ticked) and the 测算单 — the whole
 * result as one image with a code that opens the home page — previewed, sent and saved.
 *
 * Codes come from the real `qrcode` function over the harness's fake wxacode and cloud storage;
 * what a picture shows is read from the temp file the app exported (test/weapp/harness.ts). Expected
 * texts come from the catalog, the engine on a persona (test/support/personas.ts), result-view, the
 * share builders of src/services/share.ts and the layouts of shared/policy (share-card, result-sheet),
 * measured as the fake canvas measures — never from the page.
 */
import { catalog2022, idSafe } from '../../shared/policy/engine';
import { LIST_STATE_LABELS } from '../../shared/cloud/api';
import { QRCODE_REASONS, QRCODE_WIDTH } from '../../shared/cloud/handlers/qrcode';
import { layoutTexts, SHEET_WIDTH, layoutSheet, sheetContent, SHARE_CARD_HEIGHT, SHARE_CARD_WIDTH, itemCard, layoutShareCard, measureCard, resultCard } from '../../shared/policy/pictures';
import { figureText, summarize, itemHeadline } from '../../shared/policy/view';
import { SAVED_TEXT } from '../../src/components/image-preview/album';
import { todayBeijing } from '../../src/services/beijing-time';
import { APP_NAME, BRAND, itemShare, measurePath, measureShare, resultShare, sharedTotal } from '../../src/services/share';
import { DRAFT_KEY } from '../../src/state/draft-core';
import { draftOf } from '../support/drafts';
import { engine } from '../support/engine';
import { LARGE_ENTERPRISE } from '../support/personas';
import { fakeTextWidth, launch, type OpenPage } from './harness';
import { classesOf, findAll, findByClass } from './query';

const mp = launch();
beforeEach(() => mp.reset());
afterEach(() => expect(mp.errors).toEqual([]));

const MEASURES = catalog2022.measures;
const measure = (id: string) => MEASURES.find((m) => m.id === id)!;
const M08 = measure('m08');
const M17 = measure('m17');
const DETAIL_ROUTE = 'pages/policy/detail/index';
const HOME_ROUTE = 'pages/index/index';
const CARD_CANVAS = 'share-card-canvas';
const SHEET_CANVAS = 'sheet-canvas';
const YUAN = /\d[\d,.]*\s*(万元|亿元|元)/;
const squeeze = (s: string) => s.replace(/\s+/g, '');

/** A share's return value: title, path and imageUrl, or a `promise` of them while the card is drawn. */
type ShareResult = { title?: string; path?: string; imageUrl?: string; promise?: Promise<ShareResult> };
const share = (page: OpenPage, from: 'menu' | 'button' = 'menu', target?: unknown) =>
  page.instance.onShareAppMessage({ from, ...(target ? { target } : {}) }) as ShareResult;
/** A card's share button, as WeChat passes it: the button as the target. */
const buttonShare = (page: OpenPage, itemId: string) => {
  const button = mp.byId(`result-${idSafe(itemId)}-share`);
  expect(button.is).toBe('button');
  return share(page, 'button', { id: button.id, dataset: button.dataset ?? {} });
};
/** The share with its drawn card: as given when drawn, else what its promise brings. */
async function withImage(s: ShareResult): Promise<ShareResult> {
  const done = s.promise ? await s.promise : s;
  expect(done.imageUrl).toMatch(/^wxfile:\/\/tmp\/share-card-canvas-\d+\.png$/);
  expect(mp.tempFiles.get(done.imageUrl!)).toMatchObject({ kind: 'canvas', canvas: CARD_CANVAS, width: SHARE_CARD_WIDTH, height: SHARE_CARD_HEIGHT });
  return done;
}

const qrcodeCalls = () => mp.calls.filter((c) => c.api === 'cloud.callFunction' && c.options.name === 'qrcode');
const downloads = () => mp.calls.filter((c) => c.api === 'cloud.downloadFile');
const imagesIn = (path: string) => mp.drawnIn(path).filter((o) => o.op === 'drawImage').map((o) => o.args);

// ---------------------------------------------------------------------------------------------
// 1. A scanned code opens what it names.

describe('a scanned 小程序码', () => {
  it('an item’s code (scene m=m08&i=3, URL-encoded as WeChat delivers it) opens （八） with its third item, “机器换人”, marked and scrolled to', async () => {
    const scene = encodeURIComponent('m=m08&i=3');
    expect(scene).toBe('m%3Dm08%26i%3D3');
    const page = await mp.reLaunch(`/pages/policy/detail/index?scene=${scene}`);
    expect(page.query).toEqual({ scene });
    expect(mp.has('detail-m08')).toBe(true);
    expect(mp.text('#detail-label')).toBe('第（八）条');
    expect(mp.text('#detail-title')).toBe(M08.title);
    expect(mp.callsOf('setNavigationBarTitle')).toEqual([{ title: `第（八）条 ${M08.title}` }]);

    // The third item of （八） in the catalog is the robots' one; its block, and only it, is marked.
    const third = M08.items[2];
    expect(third.id).toBe('m08.robots');
    const blocks = findByClass(mp.byId('item-table'), 'item-table__item');
    expect(blocks).toHaveLength(M08.items.length);
    const marked = findAll(mp.page().root, (el) => el.id === 'item-table-focus');
    expect(marked).toEqual([blocks[2]]);
    expect(mp.text('#item-table-focus').startsWith(`3. ${third.title}`)).toBe(true);
    expect(third.title).toBe('“机器换人”工业机器人购置补助');
    expect(blocks.map((b) => classesOf(b).includes('item-table__item--focus'))).toEqual([false, false, true]);
    // … and the page scrolls to it.
    await mp.waitFor(() => mp.callsOf('pageScrollTo').length > 0, 'the scroll to the item');
    expect(mp.callsOf('pageScrollTo')).toEqual([{ selector: '#item-table-focus', duration: 300 }]);
    // Its 转发 is the measure's own.
    expect(share(page)).toMatchObject(measureShare(M08));
  });

  it('a measure’s code (scene m%3Dm17) opens (十七) with no item marked, and its chat card is drawn once the page is ready', async () => {
    const page = await mp.reLaunch('/pages/policy/detail/index?scene=m%3Dm17');
    expect(mp.text('#detail-label')).toBe('第（十七）条');
    expect(mp.text('#detail-title')).toBe(M17.title);
    expect(M17.title).toBe('支持节能技术改造');
    expect(mp.has('item-table-focus')).toBe(false);

    // The first open of （十七） in this run of the app: its card is drawn on the card canvas, once,
    // so 转发 has the image at once.
    const exported = mp.exportsOf(CARD_CANVAS);
    expect(exported).toHaveLength(1);
    const card = share(page);
    expect(card).toEqual({ ...measureShare(M17), imageUrl: exported[0] });
    expect(mp.textsIn(exported[0])).toEqual(layoutTexts(layoutShareCard(measureCard(M17, BRAND), fakeTextWidth)));
    expect(mp.textsIn(exported[0])).toContain('第（十七）条');
    // No item to scroll to.
    await new Promise((r) => setTimeout(r, 400));
    expect(mp.callsOf('pageScrollTo')).toEqual([]);
  });

  it.each([
    { what: 'an unknown measure', query: `scene=${encodeURIComponent('m=m99')}`, shows: null },
    { what: 'an item the measure does not have', query: `scene=${encodeURIComponent('m=m08&i=9')}`, shows: null },
    { what: 'a scene of someone else’s app', query: 'scene=hello', shows: null },
    { what: 'a broken escape', query: 'scene=%E7%AC', shows: null },
    { what: 'an unknown measure, with an id beside it', query: `scene=${encodeURIComponent('m=m99')}&id=m05`, shows: 'm05' },
    { what: 'junk, with an id beside it', query: 'scene=hello&id=m05', shows: 'm05' },
    { what: 'the start page’s scene, with an id beside it', query: `scene=${encodeURIComponent('v=start')}&id=m12`, shows: 'm12' },
  ])('a scene that is none of ours ($what) opens the page as if there were none: $shows', async ({ query, shows }) => {
    await mp.reLaunch(`/pages/policy/detail/index?${query}`);
    expect(mp.has('item-table-focus')).toBe(false);
    if (shows) {
      expect(mp.has(`detail-${shows}`)).toBe(true);
      expect(mp.text('#detail-title')).toBe(measure(shows).title);
    } else {
      expect(mp.text('#detail-missing')).toContain('没有找到这条政策');
      expect(mp.text('#detail-missing')).not.toContain('编号');
      expect(mp.callsOf('setNavigationBarTitle')).toEqual([]);
    }
  });

  it('a 测算单’s code (scene v=start) opens the home page as an invitation, and goes nowhere else', async () => {
    const page = await mp.reLaunch(`/pages/index/index?scene=${encodeURIComponent('v=start')}`);
    expect(page.query).toEqual({ scene: 'v%3Dstart' });
    expect(mp.text('#home-invited')).toBe('朋友发来了他的测算单：你的企业也可以算一算');
    await mp.settle();
    expect(mp.callsOf('redirectTo')).toEqual([]);
    expect(mp.stack().map((p) => p.route)).toEqual([HOME_ROUTE]);
  });

  it('the home page without a scene, or with junk, invites no one and stays', async () => {
    await mp.reLaunch('/pages/index/index');
    expect(mp.has('home-invited')).toBe(false);
    await mp.reLaunch('/pages/index/index?scene=hello');
    expect(mp.has('home-invited')).toBe(false);
    expect(mp.callsOf('redirectTo')).toEqual([]);
    expect(mp.page().route).toBe(HOME_ROUTE);
  });

  it.each([
    { scene: 'm=m17', id: 'm17', label: '第（十七）条', focus: null },
    { scene: 'm=m08&i=3', id: 'm08', label: '第（八）条', focus: 'm08.robots' },
  ])('a measure’s code that lands on the home page ($scene) goes on to the measure’s page in its place', async ({ scene, id, label, focus }) => {
    await mp.reLaunch(`/pages/index/index?scene=${encodeURIComponent(scene)}`);
    await mp.waitFor(() => mp.page().route === DETAIL_ROUTE, 'the detail page');
    expect(mp.callsOf('redirectTo')).toEqual([{ url: `/pages/policy/detail/index?scene=${encodeURIComponent(scene)}` }]);
    // Redirected: the home page is not left under it.
    expect(mp.stack().map((p) => p.route)).toEqual([DETAIL_ROUTE]);
    expect(mp.has(`detail-${id}`)).toBe(true);
    expect(mp.text('#detail-label')).toBe(label);
    expect(mp.text('#detail-title')).toBe(measure(id).title);
    if (focus) expect(mp.text('#item-table-focus')).toContain(M08.items.find((i) => i.id === focus)!.title);
    else expect(mp.has('item-table-focus')).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// 2. The results page: a large enterprise in 包头市昆都仑区 (test/support/personas.ts).

const PERSONA = LARGE_ENTERPRISE;
const RESULT = engine(PERSONA);
const SUMMARY = summarize(RESULT);
const itemOf = (id: string) => RESULT.items.find((i) => i.id === id)!;

async function openResults(): Promise<OpenPage> {
  mp.storage.set(DRAFT_KEY, draftOf(PERSONA));
  const page = await mp.reLaunch('/pages/results/index');
  await mp.waitFor(() => mp.has('results-total') && mp.text('#cloud-status') === '已核对', 'the results, checked by the cloud');
  // 3000万元 × 20% = 600万元, capped at 500万元; 3A 100万元; 180万元 × 20% = 36万元: 636万元.
  expect(mp.text('#results-total')).toBe('636');
  expect(SUMMARY.totalWan).toBe('636');
  return page;
}

describe('the results page’s shares', () => {
  it('a card’s share button sends its item — the catalog’s headline, a link to the detail page at the item — and the item’s card, drawn', async () => {
    const page = await openResults();
    const first = buttonShare(page, 'm08.robots');
    const expected = itemShare(M08, 'm08.robots');
    expect(expected).toEqual({
      title: '“机器换人”工业机器人购置补助：20%，最高 500万元｜第（八）条 引导企业增加技术改造投入',
      path: '/pages/policy/detail/index?id=m08&item=m08.robots',
    });
    // Not drawn yet in this run of the app: WeChat gets the share with a promise of it with the image.
    expect(first).toEqual({ ...expected, promise: expect.any(Promise) });
    const done = await withImage(first);
    expect(done).toEqual({ ...expected, imageUrl: done.imageUrl });
    const drawn = mp.textsIn(done.imageUrl!);
    expect(drawn).toEqual(layoutTexts(layoutShareCard(itemCard(M08, 'm08.robots', BRAND), fakeTextWidth)));
    expect(drawn).toContain('第（八）条');
    expect(squeeze(drawn.join(''))).toContain(squeeze('“机器换人”工业机器人购置补助'));
    expect(squeeze(drawn.join(''))).toContain(squeeze(itemHeadline(M08, 'm08.robots')));
    expect(drawn).toContain('按清单条文');
    // Asked again, the card is there at once.
    expect(buttonShare(page, 'm08.robots')).toEqual({ ...expected, imageUrl: done.imageUrl });

    // The link opens （八） at that item.
    await mp.reLaunch(done.path!);
    expect(mp.has('detail-m08')).toBe(true);
    expect(mp.text('#item-table-focus').startsWith('3. “机器换人”工业机器人购置补助')).toBe(true);
  });

  it('unticked, no share carries a figure of the user’s; ticked (#share-with-figures), a card’s says 我测算 <its figure> and the menu’s the total', async () => {
    const page = await openResults();
    const own = ['500万元', '100万元', '36万元', '636万元'];
    expect(['m08.upgrade', 'm13.integration-level', 'm14.equipment-cloud'].map((id) => figureText(itemOf(id)))).toEqual(own.slice(0, 3));
    expect(mp.text('#share-with-figures')).toBe('☐分享卡片中显示我的测算金额');

    // Unticked: （十四）'s card has the catalog's headline; the menu's is an invitation.
    const m14 = measure('m14');
    const cloud = await withImage(buttonShare(page, 'm14.equipment-cloud'));
    expect({ title: cloud.title, path: cloud.path }).toEqual(itemShare(m14, 'm14.equipment-cloud'));
    expect(mp.textsIn(cloud.imageUrl!)).toEqual(layoutTexts(layoutShareCard(itemCard(m14, 'm14.equipment-cloud', BRAND), fakeTextWidth)));
    const menu = await withImage(share(page));
    expect({ title: menu.title, path: menu.path }).toEqual(resultShare({ summary: SUMMARY, includeFigures: false }));
    expect(menu.title).toBe('算一算你的企业能申请多少制造业政策资金｜政策算盘');
    expect(mp.textsIn(menu.imageUrl!)).toEqual(layoutTexts(layoutShareCard(resultCard(BRAND), fakeTextWidth)));
    for (const s of [cloud, menu]) {
      const image = mp.textsIn(s.imageUrl!).join('');
      expect(s.title).not.toContain('我测算');
      for (const figure of ['36万元', '636']) {
        expect(s.title).not.toContain(figure);
        expect(image).not.toContain(figure);
      }
    }

    // Ticked.
    await mp.tap('#share-with-figures');
    expect(mp.text('#share-with-figures')).toBe('☑分享卡片中显示我的测算金额');
    const upgrade = buttonShare(page, 'm08.upgrade');
    expect({ title: upgrade.title, path: upgrade.path }).toEqual(itemShare(M08, 'm08.upgrade', '500万元'));
    expect(upgrade.title!.startsWith('技术改造项目补助：我测算 500万元｜第（八）条')).toBe(true);
    const upgradeCard = mp.textsIn((await withImage(upgrade)).imageUrl!);
    expect(upgradeCard).toEqual(layoutTexts(layoutShareCard(itemCard(M08, 'm08.upgrade', BRAND, '500万元'), fakeTextWidth)));
    expect(upgradeCard).toContain('500万元');
    expect(upgradeCard).toContain('我按清单测算（以主管部门审核为准）');

    const cloudTicked = await withImage(buttonShare(page, 'm14.equipment-cloud'));
    expect(cloudTicked.title).toBe(itemShare(m14, 'm14.equipment-cloud', '36万元').title);
    expect(cloudTicked.title).toContain('我测算 36万元');
    expect(cloudTicked.imageUrl).not.toBe(cloud.imageUrl);
    expect(mp.textsIn(cloudTicked.imageUrl!)).toContain('36万元');

    const menuTicked = await withImage(share(page));
    expect({ title: menuTicked.title, path: menuTicked.path }).toEqual(resultShare({ summary: SUMMARY, includeFigures: true }));
    expect(menuTicked.title).toBe(`我按清单测算可申请 636万元（${SUMMARY.covers}），你也算算｜政策算盘`);
    const menuCard = mp.textsIn(menuTicked.imageUrl!);
    expect(menuCard).toEqual(layoutTexts(layoutShareCard(resultCard(BRAND, sharedTotal({ summary: SUMMARY, includeFigures: true })), fakeTextWidth)));
    expect(menuCard).toContain('636万元');

    // Never a figure in a link: the menu's opens the home page, a card's its item.
    for (const s of [cloud, menu, upgrade, cloudTicked, menuTicked]) expect(s.path).not.toMatch(YUAN);
    expect(menuTicked.path).toBe('/pages/index/index');
    expect(upgrade.path).toBe(`${measurePath('m08')}&item=m08.upgrade`);
  });
});

// ---------------------------------------------------------------------------------------------
// 3. The 测算单.

/** The sheet's header and list as the results page describes this persona. */
const SHEET_META = {
  appName: APP_NAME,
  who: '企业 · 包头市昆都仑区',
  listName: catalog2022.title,
  listStatus: LIST_STATE_LABELS.unverified,
  code: { state: 'image' as const },
};

async function openSheet(): Promise<string> {
  await mp.tap('#sheet-open');
  await mp.waitFor(() => mp.has('sheet-save'), 'the 测算单');
  const exported = mp.exportsOf(SHEET_CANVAS);
  expect(exported).toHaveLength(1);
  expect(mp.attr('#sheet-image', 'src')).toBe(exported[0]);
  return exported[0];
}

describe('the 测算单', () => {
  // This test comes first: a code WeChat refused is not kept, so the next test still asks for one.
  it('when WeChat is busy (-1), the sheet goes out without a code and says why and where to search', async () => {
    await openResults();
    mp.answers.wxacodeError = -1;
    const path = await openSheet();
    expect(qrcodeCalls().map((c) => c.options.data)).toEqual([{ scene: 'v=start' }]);
    expect(downloads()).toEqual([]);
    expect(imagesIn(path)).toEqual([]);
    const drawn = mp.textsIn(path);
    expect(drawn).toContain('小程序码未生成');
    expect(squeeze(drawn.join(''))).toContain(QRCODE_REASONS.busy);
    expect(drawn).toContain(`微信搜索「${APP_NAME}」`);
    expect(drawn).not.toContain('扫码，你也算一算');
  });

  it('#sheet-open draws every listed item with its figure and a code that opens the home page (scene v=start); #sheet-send sends it, #sheet-save saves it', async () => {
    await openResults();
    const path = await openSheet();

    // The code: the home page's, nothing of the result in it.
    expect(qrcodeCalls().map((c) => c.options.data)).toEqual([{ scene: 'v=start' }]);
    expect(mp.wxacodeCalls).toEqual([{ scene: 'v=start', page: HOME_ROUTE, width: QRCODE_WIDTH, checkPath: true, envVersion: 'release' }]);
    const [fileID] = [...mp.files.keys()];
    expect(downloads().map((c) => c.options)).toEqual([{ fileID }]);
    const codeFile = String(downloads()[0].answer?.tempFilePath);
    const content = sheetContent(RESULT, { ...SHEET_META, date: todayBeijing() });
    const slot = layoutSheet(content, fakeTextWidth).ops.find((o) => o.op === 'image')!;
    expect(imagesIn(path)).toEqual([[codeFile, slot.x, expect.any(Number), slot.w, slot.h]]);
    expect(mp.tempFiles.get(path)).toMatchObject({ kind: 'canvas', canvas: SHEET_CANVAS, width: SHEET_WIDTH });

    // What it lists: 可申请 (three items), 需要补充信息 (the robots), 非资金支持 (two: not （二十三）（二十六）,
    // which concern station builders and vehicle makers and were not answered — issue 22, item 8), each with its figure.
    const drawn = mp.textsIn(path);
    const joined = squeeze(drawn.join(''));
    const lines = content.sections.flatMap((s) => s.lines);
    expect(content.sections.map((s) => [s.group, s.lines.map((l) => [l.id, l.figure])])).toEqual([
      ['eligible', [['m08.upgrade', '500万元'], ['m13.integration-level', '100万元'], ['m14.equipment-cloud', '36万元']]],
      ['needsInfo', [['m08.robots', '0–160万元']]],
      ['nonMonetary', [['m10.funds', '基金支持'], ['m25.resource-allocation', '资源配置']]],
    ]);
    for (const l of lines) {
      expect(joined).toContain(squeeze(`${l.label}${l.title}`));
      expect(joined).toContain(squeeze(l.figure));
    }
    for (const s of content.sections) expect(drawn).toContain(`${s.title}（${s.lines.length} 项）`);
    // The summary and the header.
    expect(drawn).toContain('636');
    expect(drawn).toContain('万元');
    expect(joined).toContain(squeeze(SUMMARY.covers));
    expect(drawn).toContain('测算单');
    expect(drawn).toContain(`对象/地区：${SHEET_META.who}`);
    expect(drawn).toContain(`测算日期：${todayBeijing()}`);
    expect(drawn).toContain('清单状态未核实'); // 状态 once (issue 22, cosmetic)
    expect(drawn).toContain('扫码，你也算一算');

    // Sent as an image through WeChat's menu, and saved through the album permission.
    await mp.tap('#sheet-send');
    expect(mp.callsOf('showShareImageMenu')).toEqual([{ path }]);
    mp.answers.albumSetting = undefined;
    mp.answers.albumGrant = true;
    await mp.tap('#sheet-save');
    await mp.waitFor(() => mp.has('sheet-notice'), 'the notice');
    expect(mp.calls.map((c) => c.api).filter((a) => ['getSetting', 'authorize', 'saveImageToPhotosAlbum'].includes(a))).toEqual(['getSetting', 'authorize', 'saveImageToPhotosAlbum']);
    expect(mp.callsOf('saveImageToPhotosAlbum')).toEqual([{ filePath: path }]);
    expect(mp.text('#sheet-notice')).toBe(SAVED_TEXT);
    await mp.tap('#sheet-close');
    expect(mp.has('sheet-overlay')).toBe(false);
  });

  it('the sheet’s disclaimer is the one the results page shows, the list’s status included', async () => {
    await openResults();
    const page = squeeze(mp.text('#results-disclaimer'));
    // No admin has checked the list: the page says so in its disclaimer.
    expect(page).toContain('清单现行状态未经核实。');
    const path = await openSheet();
    expect(squeeze(mp.textsIn(path).join(''))).toContain(page);
  });
});
