/**
 * The policy browser in the WeChat build (dist/): every measure's detail page opened by its deep
 * link, the browser's cards and search, the share cards (转发 / 朋友圈) of every page that offers
 * them with the 5:4 chat card drawn for each measure, and the share poster with its 小程序码 (made
 * by the real `qrcode` function over the harness's fake wxacode and cloud storage) and the album
 * permission flow.
 *
 * Expected texts and figures come from the functions the pages themselves use (the catalog,
 * itemRows, headline via cards.ts, the engine through `evaluate`, formatInterval, the share
 * builders of src/services/share.ts and src/pages/results/card-view.ts, the layouts of
 * shared/policy/pictures/share-card.ts and poster.ts measured as the fake canvas measures) — never from the page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { catalog2022, type FactDef, type Measure, formatInterval, domId, entryListId, entryPath, factPath, regionKey } from '../../shared/policy/engine';
import { browse, itemRows, type ItemRow, calcSpec, segmentClause, figureText, wanRange } from '../../shared/policy/view';
import { layoutTexts, type CodeSlot, POSTER_CODE_BOX, POSTER_HEIGHT, POSTER_WIDTH, layoutPoster, posterContent, type PosterFigure, SHARE_CARD_HEIGHT, SHARE_CARD_WIDTH, browseCard, layoutShareCard, measureCard } from '../../shared/policy/pictures';
import { QRCODE_REASONS, QRCODE_WIDTH } from '../../shared/cloud/handlers/qrcode';
import { CODE_IMAGE_FAILED } from '../../src/services/picture';
import { REFUSED_TEXT, SAVED_TEXT } from '../../src/components/image-preview/album';
import { cardOf } from '../../src/pages/policy/cards';
import { calculatorDraft, questionsOf } from '../../src/state/draft';
import { DRAFT_KEY } from '../../src/state/storage';
import { UPGRADE_2100_DRAFT } from '../support/drafts';
import { AMOUNT_FIELDS, CLEARED_AMOUNTS, TYPED_AMOUNTS, calculatorFigure, profileWith } from '../support/typed-amounts';
import {
  APP_NAME,
  BRAND,
  BROWSE_PATH,
  HOME_PATH,
  TAGLINE,
  browseShare,
  browseTimeline,
  measurePath,
  measureShare,
  measureShareTitle,
  measureTimeline,
  itemShare,
} from '../../src/services/share';
import { engine } from '../support/engine';
import { DIST, fakeTextWidth, launch, type OpenPage } from './harness';
import { allText, findAll, findByClass } from './query';

// src/state/storage.ts imports @tarojs/taro for its functions; this file only needs its DRAFT_KEY.
// (dist/ bundles its own Taro and never loads the package from node_modules.)
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }));

const mp = launch();
beforeEach(() => mp.reset());
afterEach(() => expect(mp.errors).toEqual([]));

const MEASURES = catalog2022.measures;
const DETAIL_ROUTE = 'pages/policy/detail/index';
const BROWSE_ROUTE = 'pages/policy/browse/index';

// ---------------------------------------------------------------------------------------------
// Small helpers (what the harness could offer; see the report).

/** Every route of dist/app.json, sub-packages included. */
const appJson = JSON.parse(readFileSync(path.join(DIST, 'app.json'), 'utf8')) as { pages: string[]; subPackages?: { root: string; pages: string[] }[] };
const ROUTES_IN_APP = [...appJson.pages, ...(appJson.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];

/** '/pages/policy/detail/index?id=m08' → its route without the leading slash, and the query string. */
function splitPath(p: string): { route: string; search: string } {
  const [route, search = ''] = p.split('?');
  return { route: route.replace(/^\//, ''), search };
}

/**
 * A share's return value: WeChat uses title, path and imageUrl (转发; a `promise` of them when the
 * card is not drawn yet) or title and query (朋友圈).
 */
type ShareResult = { title?: string; path?: string; imageUrl?: string; query?: string; promise?: Promise<ShareResult> };
const share = (page: OpenPage, from: 'menu' | 'button' = 'menu', target?: unknown) =>
  page.instance.onShareAppMessage({ from, ...(target ? { target } : {}) }) as ShareResult;
const timeline = (page: OpenPage) => page.instance.onShareTimeline({}) as ShareResult;

/**
 * The mini calculator's DOM id of a profile path (shared/policy/engine/paths.ts `domId`, scope 'calc'; the
 * questionnaire's is the same with 'q'). A flag's chips are `${id}-opt-yes|no|unknown`, a choice's
 * `${id}-opt-${value}`, an amount's box `${id}-input` (its message `${id}-message`).
 */
const fieldId = (path: string) => domId(path, 'calc');
/** The add button of an item's entries (src/components/entry-list). */
const addEntryId = (itemId: string) => `${entryListId(itemId, 'calc')}-add`;

/** The ids of the measure cards shown on the browser, in page order. */
const shownCards = () => findAll(mp.page().root, (el) => /^measure-card-m\d+$/.test(el.id)).map((el) => el.id.replace('measure-card-', ''));

/** A yuan figure: '500万元', '36.5元', '1.2亿元'. */
const YUAN = /\d[\d,.]*\s*(万元|亿元|元)/;


// ---------------------------------------------------------------------------------------------
// 1. Every detail page by its deep link.

/** The item-table columns (src/components/item-table): label and ItemRow key. */
const COLUMNS: [string, keyof ItemRow][] = [
  ['对象', 'who'],
  ['条件', 'condition'],
  ['标准', 'rate'],
  ['上限', 'cap'],
  ['门槛', 'threshold'],
];
const GUIDANCE_COLUMNS: [string, keyof ItemRow][] = [
  ['对象', 'who'],
  ['条件', 'condition'],
  ['支持', 'rate'],
];

/** What one item block of the table shows, from the catalog's rows. */
function itemText(r: ItemRow, n: number, count: number): string {
  const cols = (r.guidance ? GUIDANCE_COLUMNS : COLUMNS).map(([label, key]) => `${label}${r[key] ?? ''}`).join('');
  return `${count > 1 ? `${n + 1}. ` : ''}${r.title}${cols}${r.note ? `说明：${r.note}` : ''}`;
}

/**
 * What the test types into a measure's calculator. Amounts by unit, large enough to pass the
 * clauses' thresholds (2000万元 investment in （八）, tonnes and counts elsewhere). The measure's own
 * yes/no facts alternate 是/否 (first 是), so both chips are exercised and some items drop out;
 * the region facts alternate too (脱贫地区 否, 革命老区 是); an entry's conditions are all 是, choices
 * take their first option.
 */
const AMOUNT_BY_UNIT: Record<string, string> = { 万元: '2100', 个: '2', 人: '3', 吨标准煤: '6000', 吨: '600000' };
/**
 * Where a clause's threshold is higher. （九）: 对投资额 10亿元及以上 → 12亿元 = 120000万元; its
 * interest 800万元 × 30% = 240万元 (under 500万元).
 */
const AMOUNT_BY_FIELD: Record<string, string> = {
  'projects/m09.interest-subsidy/0/investment': '120000',
  'projects/m09.interest-subsidy/0/interest': '800',
};

interface Step {
  kind: 'tap' | 'input';
  id: string;
  value?: string;
}

function plan(measure: Measure): { steps: Step[]; profile: Record<string, unknown> } {
  const spec = calcSpec(measure);
  // What the calculator shows at first (nothing stored): its questions, the entries already there.
  const draft = calculatorDraft(measure, spec.entities);
  const questions = questionsOf(draft, { measure }).flatMap((t) => t.measures);
  const steps: Step[] = [];
  const answer = (def: FactDef, path: string, flag: boolean): unknown => {
    const id = fieldId(path);
    if (def.type === 'flag') {
      steps.push({ kind: 'tap', id: `${id}-opt-${flag ? 'yes' : 'no'}` });
      return flag;
    }
    if (def.type === 'choice') {
      steps.push({ kind: 'tap', id: `${id}-opt-${def.options[0].value}` });
      return def.options[0].value;
    }
    const text = AMOUNT_BY_FIELD[path] ?? AMOUNT_BY_UNIT[def.unit];
    if (!text) throw new Error(`no test amount for unit ${def.unit} (${def.id})`);
    steps.push({ kind: 'input', id: `${id}-input`, value: text });
    return text;
  };
  // The profile the calculator sends (src/state/draft.ts candidateProfile, scoped to the measure).
  const profile: Record<string, unknown> = { version: 1, entity: draft.entity };
  const region: Record<string, unknown> = {};
  spec.region.forEach((def, i) => (region[regionKey(def.id)!] = answer(def, factPath(def.id), i % 2 === 1)));
  const facts: Record<string, unknown> = {};
  const projects: Record<string, unknown> = {};
  let flags = 0;
  for (const q of questions) {
    for (const f of q.facts) {
      // A question gated by a 否 is hidden (and not sent).
      if (f.gates.some((g) => facts[g] === false)) continue;
      facts[f.def.id] = answer(f.def, factPath(f.def.id), f.def.type === 'flag' ? flags++ % 2 === 0 : true);
    }
    for (const r of q.repeats) {
      if ((draft.projects[r.itemId] ?? []).length === 0) steps.push({ kind: 'tap', id: addEntryId(r.itemId) });
      const entry: Record<string, unknown> = {};
      for (const f of r.facts) entry[f.def.id] = answer(f.def, entryPath(r.itemId, 0, f.def.id), true);
      projects[r.itemId] = [{ facts: entry }];
    }
  }
  if (Object.keys(facts).length) profile.facts = facts;
  if (Object.keys(region).length) profile.region = region;
  if (Object.keys(projects).length) profile.projects = projects;
  return { steps, profile };
}

describe('each measure opened by its deep link', () => {
  it.each(MEASURES.map((m) => ({ id: m.id, label: m.label, title: m.title, m })))(
    '第$label条 $title ($id): clause verbatim, its items, headline and, where it computes, the engine’s figure',
    async ({ m }) => {
      const page = await mp.reLaunch(`/pages/policy/detail/index?id=${m.id}`);
      expect(page.route).toBe(DETAIL_ROUTE);
      expect(mp.has(`detail-${m.id}`)).toBe(true);
      expect(mp.callsOf('setNavigationBarTitle')).toEqual([{ title: `第${m.label}条 ${m.title}` }]);
      expect(mp.text('#detail-label')).toBe(`第${m.label}条`);
      expect(mp.text('#detail-title')).toBe(m.title);
      expect(mp.text('#detail-headline')).toBe(cardOf(m).headline);

      // The clause verbatim, its figures highlighted as segmentClause finds them.
      expect(mp.text('#detail-clause')).toBe(m.clause);
      const figures = segmentClause(m.clause).filter((s) => s.figure).map((s) => s.text);
      expect(findByClass(mp.byId('detail-clause'), 'clause-text__figure').map(allText)).toEqual(figures);

      // Each item, in catalog order, with the catalog's own words.
      const rows = itemRows(m);
      const blocks = findByClass(mp.byId('item-table'), 'item-table__item');
      expect(blocks.map(allText)).toEqual(rows.map((r, n) => itemText(r, n, rows.length)));

      const spec = calcSpec(m);
      expect(mp.has('detail-guidance')).toBe(spec.guidance.length > 0);
      expect(mp.has('detail-calculator')).toBe(spec.computable);
      if (!spec.computable) {
        expect(mp.has('mini-calc')).toBe(false);
        return;
      }

      // The calculator: answer it as a user would, then compare with the engine on the same profile.
      const { steps, profile } = plan(m);
      expect(mp.has('mini-calc-total')).toBe(false);
      for (const s of steps) {
        if (s.kind === 'tap') await mp.tap(`#${s.id}`);
        else await mp.input(`#${s.id}`, s.value!);
      }
      const result = engine(profile);
      // The answers reach money (the enterprise's, its craftsmen's, or a fee saving): the comparison is not of two empty figures.
      expect(result.total.max !== '0.00' || result.peopleTotal.max !== '0.00' || result.savings.max !== '0.00').toBe(true);
      const shown = calculatorFigure(result);
      expect(mp.text(`#${shown.id}`)).toBe(shown.text);
      if (result.pending.max !== '0.00') expect(mp.text('#mini-calc-pending')).toBe(`补充信息后可能再增加 ${formatInterval(result.pending)}`);
      else expect(mp.has('mini-calc-pending')).toBe(false);
      if (result.savings.max !== '0.00') expect(mp.text('#mini-calc-savings')).toBe(`另可少缴费用 ${formatInterval(result.savings)}`);
      else expect(mp.has('mini-calc-savings')).toBe(false);
    },
  );

  it('（八）: a 2100万元 technical upgrade in an old revolutionary area shows 420万元, as the clause and the engine say', async () => {
    // Clause （八）: 投资 2000万元及以上（革命老区 1000万元及以上）, 实际完成投资额的 20%, 单个项目最高 500万元:
    // 2100万元 ≥ 1000万元; 2100万元 × 20% = 420万元 < 500万元 → 420万元.
    await mp.reLaunch('/pages/policy/detail/index?id=m08');
    await mp.tap('#calc-region-oldRevolutionary-opt-yes');
    // （八） has three kinds of project: the user adds the one they have.
    await mp.tap('#calc-entries-m08-upgrade-add');
    await mp.tap('#calc-projects-m08-upgrade-0-chain-opt-yes');
    await mp.input('#calc-projects-m08-upgrade-0-investment-input', '2100');
    const result = engine({ version: 1, entity: 'enterprise', region: { oldRevolutionary: true }, projects: { 'm08.upgrade': [{ facts: { chain: true, investment: '2100' } }] } });
    expect(formatInterval(result.total)).toBe('420万元');
    expect(mp.text('#mini-calc-total')).toBe(formatInterval(result.total));
    // Tapping 是 again clears the answer (the chip toggles): the project no longer counts as in the chain.
    await mp.tap('#calc-projects-m08-upgrade-0-chain-opt-yes');
    const cleared = engine({ version: 1, entity: 'enterprise', region: { oldRevolutionary: true }, projects: { 'm08.upgrade': [{ facts: { investment: '2100' } }] } });
    // Unanswered condition: nothing certain yet (no “0元” shown); pending 0 (not in the chain) to 420万元 (in it).
    expect(formatInterval(cleared.total)).toBe('0元');
    expect(mp.has('mini-calc-total')).toBe(false);
    expect(formatInterval(cleared.pending)).toBe('0–420万元');
    expect(mp.text('#mini-calc-pending')).toBe(`补充信息后可能再增加 ${formatInterval(cleared.pending)}`);
  });

  it.each(TYPED_AMOUNTS)('typed amounts (test/support/typed-amounts.ts), the questionnaire’s message or the number meant: $what, $typed', async (row) => {
    const f = AMOUNT_FIELDS[row.field];
    await mp.reLaunch(`/pages/policy/detail/index?id=${f.measure}`);
    const id = fieldId(f.path);
    await mp.input(`#${id}-input`, row.typed);
    expect(mp.value(`#${id}-input`)).toBe(row.typed);
    if (row.message !== undefined) {
      expect(mp.text(`#${id}-message`)).toBe(row.message);
      expect(mp.has('mini-calc-total')).toBe(false);
    } else {
      expect(mp.has(`${id}-message`)).toBe(false);
      const shown = calculatorFigure(engine(profileWith(row.field, row.accepted!)));
      expect(mp.text(`#${shown.id}`)).toBe(shown.text);
    }
  });

  it.each(CLEARED_AMOUNTS)('算一算: a number typed and then cleared is skipped, nothing turns red or is blocked (issue 22, item 1): $what', async (row) => {
    const f = AMOUNT_FIELDS[row.field];
    await mp.reLaunch(`/pages/policy/detail/index?id=${f.measure}`);
    const id = fieldId(f.path);
    const untouched = mp.text('#mini-calc-result');
    await mp.input(`#${id}-input`, '60');
    await mp.input(`#${id}-input`, row.typed);
    expect(mp.has(`${id}-message`)).toBe(false);
    expect(mp.has('mini-calc-blocked')).toBe(false);
    expect(mp.text('#mini-calc-result')).toBe(untouched);
  });

  it('the questionnaire’s stored answers fill the calculator in, and it never writes them', async () => {
    mp.storage.set(DRAFT_KEY, UPGRADE_2100_DRAFT);
    await mp.reLaunch('/pages/policy/detail/index?id=m08');
    expect(mp.value('#calc-projects-m08-upgrade-0-investment-input')).toBe('2100');
    // （八）2100万元 ≥ 2000万元, × 20% = 420万元 (under 500万元).
    expect(mp.text('#mini-calc-total')).toBe('420万元');
    await mp.input('#calc-projects-m08-upgrade-0-investment-input', '3000');
    expect(mp.text('#mini-calc-total')).toBe('500万元');
    expect(mp.storage.get(DRAFT_KEY)).toEqual(UPGRADE_2100_DRAFT);
  });

  it('（二十一）: 国家级 是, 自治区级 否 shows the national award of 100万元 only', async () => {
    // Clause （二十一）: 国家级绿色工厂… 一次性奖励 100万元; 自治区级… 50万元. Only the first: 100万元.
    await mp.reLaunch('/pages/policy/detail/index?id=m21');
    await mp.tap('#calc-facts-m21-nationalGreen-opt-yes');
    await mp.tap('#calc-facts-m21-regionalGreen-opt-no');
    const result = engine({ version: 1, entity: 'enterprise', facts: { 'm21.nationalGreen': true, 'm21.regionalGreen': false } });
    expect(formatInterval(result.total)).toBe('100万元');
    expect(mp.text('#mini-calc-total')).toBe('100万元');
  });

  it('an unknown id (m99) shows a not-found card that leads to the list, without errors', async () => {
    await mp.reLaunch('/pages/policy/detail/index?id=m99');
    expect(mp.has('detail-missing')).toBe(true);
    expect(mp.text('#detail-missing')).toContain('没有找到这条政策（编号 m99）');
    expect(mp.text('#detail-missing')).toContain(`清单共 ${MEASURES.length} 条`);
    expect(mp.callsOf('setNavigationBarTitle')).toEqual([]);
    await mp.tap('查看全部政策');
    expect(mp.stack().map((p) => p.route)).toEqual([DETAIL_ROUTE, BROWSE_ROUTE]);
    expect(shownCards()).toHaveLength(MEASURES.length);
  });

  it('a deep link without an id shows the not-found card without a number', async () => {
    await mp.reLaunch('/pages/policy/detail/index');
    expect(mp.text('#detail-missing')).toContain('没有找到这条政策');
    expect(mp.text('#detail-missing')).not.toContain('编号');
  });

  // WeChat hands query values to onLoad as written in the url (not decoded); so does the harness.
  it.each([
    { what: 'a percent-encoded id opens its measure', query: '%6D%30%38', opens: 'm08', shows: '' },
    { what: 'a Chinese value is decoded for the not-found text', query: encodeURIComponent('第八条'), opens: '', shows: '（编号 第八条）' },
    { what: 'a broken escape is shown as written, without an error', query: '%E7%AC', opens: '', shows: '（编号 %E7%AC）' },
  ])('$what (?id=$query)', async ({ query, opens, shows }) => {
    await mp.reLaunch(`/pages/policy/detail/index?id=${query}`);
    expect(mp.page().query).toEqual({ id: query });
    if (opens) {
      expect(mp.has(`detail-${opens}`)).toBe(true);
      expect(mp.text('#detail-title')).toBe(MEASURES.find((m) => m.id === opens)!.title);
    } else {
      expect(mp.text('#detail-missing')).toContain(shows);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// 2. The browser.

describe('the policy browser', () => {
  it(`lists all ${MEASURES.length} measures`, async () => {
    await mp.reLaunch(BROWSE_PATH);
    expect(mp.text('#browse-count')).toBe(`共 ${MEASURES.length} 条，按清单顺序`);
    expect(shownCards()).toEqual(MEASURES.map((m) => m.id));
  }, 20_000); // the first page of the run: 4.5 s on a busy machine

  it.each(MEASURES.map((m) => [m.id, m] as const))('%s: its card shows its number, title and headline, and opens its detail page', async (_id, m) => {
    await mp.reLaunch(BROWSE_PATH);
    const card = mp.byId(`measure-card-${m.id}`);
    expect(allText(card)).toContain(`${m.label}${m.title}${cardOf(m).headline}`);
    await mp.tap(card);
    const stack = mp.stack();
    expect({ measure: m.id, stack: stack.map((p) => p.route), query: stack[1]?.query }).toEqual({
      measure: m.id,
      stack: [BROWSE_ROUTE, DETAIL_ROUTE],
      query: { id: m.id },
    });
    expect(mp.has(`detail-${m.id}`)).toBe(true);
    await mp.back();
    expect(mp.page().route).toBe(BROWSE_ROUTE);
    expect(mp.callsOf('navigateTo').map((o) => o.url)).toEqual([measurePath(m.id)]);
  }, 10_000); // a page opened and closed: under 1 s, 4.5 s for the first on a busy machine

  it.each(['技术改造', '机器人', '500万', '2000吨', '第八条', '园区'])('a search for “%s” shows the measures browse() finds, best first', async (q) => {
    await mp.reLaunch(BROWSE_PATH);
    await mp.input('#policy-search', q);
    const hits = browse(q, {}).hits.map((h) => h.measure.id);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThan(MEASURES.length);
    expect(shownCards()).toEqual(hits);
    expect(mp.text('#browse-count')).toBe(`找到 ${hits.length} 条${hits.length > 1 ? '，最相关的在前' : ''}`);
  });

  it('a search that finds nothing offers to clear it, and clearing brings back all measures', async () => {
    await mp.reLaunch(BROWSE_PATH);
    await mp.input('#policy-search', '量子计算机');
    expect(browse('量子计算机', {}).hits).toEqual([]);
    expect(shownCards()).toEqual([]);
    expect(mp.has('browse-empty')).toBe(true);
    await mp.tap('#browse-tip-query');
    expect(shownCards()).toHaveLength(MEASURES.length);
    expect(mp.has('policy-search-clear')).toBe(false);
  });

  it('the clear button of the search box empties the search', async () => {
    await mp.reLaunch(BROWSE_PATH);
    await mp.input('#policy-search', '机器人');
    expect(shownCards().length).toBeLessThan(MEASURES.length);
    expect(mp.value('#policy-search')).toBe('机器人');
    await mp.tap('#policy-search-clear');
    expect(mp.value('#policy-search')).toBe('');
    expect(shownCards()).toHaveLength(MEASURES.length);
  });
});

// ---------------------------------------------------------------------------------------------
// 3. Sharing.

/** A page config as written in src (definePageConfig returns its argument). */
type PageConfig = { enableShareAppMessage?: boolean; enableShareTimeline?: boolean };
function srcConfig(route: string): PageConfig {
  (globalThis as { definePageConfig?: (c: PageConfig) => PageConfig }).definePageConfig = (c) => c;
  return jest.requireActual<{ default: PageConfig }>(path.resolve(__dirname, '../../src', `${route}.config.ts`)).default;
}

describe('share cards', () => {
  it.each(ROUTES_IN_APP)('%s offers 转发 and 朋友圈 exactly as its page config enables them', async (route) => {
    const config = srcConfig(route);
    const page = await mp.reLaunch(`/${route}`);
    // WeChat enables the menu's 转发 only when the page defines onShareAppMessage, and 朋友圈 only with onShareTimeline.
    expect({ appMessage: typeof page.instance.onShareAppMessage, timeline: typeof page.instance.onShareTimeline }).toEqual({
      appMessage: config.enableShareAppMessage ? 'function' : 'undefined',
      timeline: config.enableShareTimeline ? 'function' : 'undefined',
    });
    // Nothing takes the menu away again.
    expect(mp.callsOf('hideShareMenu')).toEqual([]);
  });

  it.each(MEASURES.map((m) => ({ id: m.id, label: m.label, m })))(
    '第$label条: 转发 carries its title and headline on a drawn 5:4 card, 朋友圈 the same title, and their links reopen it',
    async ({ m }) => {
      // The deep link a share should carry; opening it shows this measure.
      const deepLink = `/pages/policy/detail/index?id=${m.id}`;
      const page = await mp.reLaunch(deepLink);
      expect(mp.has(`detail-${m.id}`)).toBe(true);

      const expected = measureShare(m);
      // The title: the measure's title and the same headline the page shows.
      expect(expected.title).toBe(measureShareTitle(m));
      expect(expected.title.startsWith(`${m.title}：${cardOf(m).headline}`)).toBe(true);
      expect(mp.text('#detail-headline')).toBe(cardOf(m).headline);

      // The page drew its chat card when it was ready (or earlier in this run of the app: a card is
      // kept per content), so 转发 carries it at once: the image the card canvas exported.
      expect(mp.byId('share-card-canvas').is).toBe('canvas');
      const card = share(page);
      expect(card).toEqual({ ...expected, imageUrl: expect.stringMatching(/^wxfile:\/\/tmp\/share-card-canvas-\d+\.png$/) });
      expect(mp.tempFiles.get(card.imageUrl!)).toMatchObject({ kind: 'canvas', canvas: 'share-card-canvas', width: SHARE_CARD_WIDTH, height: SHARE_CARD_HEIGHT });
      expect([SHARE_CARD_WIDTH, SHARE_CARD_HEIGHT]).toEqual([750, 600]);
      // What the card shows: the layout of the measure's card, measured as the canvas measures.
      const drawn = mp.textsIn(card.imageUrl!);
      expect(drawn).toEqual(layoutTexts(layoutShareCard(measureCard(m, BRAND), fakeTextWidth)));
      expect(drawn).toContain(`第${m.label}条`);
      const joined = squeeze(drawn.join(''));
      expect(joined).toContain(squeeze(m.title));
      expect(joined).toContain(squeeze(cardOf(m).headline));
      // Nothing of a calculator is on it: the card is the catalog's.
      expect(drawn).toContain('按清单条文');
      // The share button (open-type="share") gives the same card.
      expect(mp.byId('detail-share').is).toBe('button');
      expect(share(page, 'button', { id: 'detail-share', dataset: {} })).toEqual(card);

      // 转发's path is a route of app.json, and the very link that opened this page.
      expect(ROUTES_IN_APP).toContain(splitPath(expected.path).route);
      expect(expected.path).toBe(deepLink);
      // 朋友圈 reopens the current page with its query: the same query (WeChat draws no card there).
      const moment = timeline(page);
      expect(moment).toEqual(measureTimeline(m));
      expect(moment.title).toBe(expected.title);
      expect(moment.query).toBe(splitPath(deepLink).search);
    },
  );

  it('the not-found detail page shares the whole list instead', async () => {
    const page = await mp.reLaunch('/pages/policy/detail/index?id=m99');
    expect(share(page)).toEqual(browseShare(MEASURES.length));
    expect(timeline(page)).toEqual({ title: browseShare(MEASURES.length).title, query: '' });
    await mp.reLaunch(share(page).path!);
    expect(shownCards()).toHaveLength(MEASURES.length);
  });

  it('the browser shares the whole list on a drawn card, and after a search the search travels with the link and the card', async () => {
    const page = await mp.reLaunch(BROWSE_PATH);
    // The card of a list depends on the search: drawn when shared, through the promise WeChat waits for.
    const whole = share(page);
    expect(whole).toEqual({ ...browseShare(MEASURES.length), promise: expect.any(Promise) });
    const wholeDone = await whole.promise!;
    expect(wholeDone).toEqual({ ...browseShare(MEASURES.length), imageUrl: expect.stringMatching(/^wxfile:\/\/tmp\/share-card-canvas-\d+\.png$/) });
    expect(mp.textsIn(wholeDone.imageUrl!)).toEqual(layoutTexts(layoutShareCard(browseCard(MEASURES.length, BRAND), fakeTextWidth)));
    // Drawn once: the next share carries it at once.
    expect(share(page)).toEqual(wholeDone);
    expect(timeline(page)).toEqual(browseTimeline(MEASURES.length));

    const q = '机器人';
    await mp.input('#policy-search', q);
    const hits = browse(q, {}).hits.map((h) => h.measure.id);
    const searched = share(mp.page());
    const card = await searched.promise!;
    expect(card).toEqual({ ...browseShare(hits.length, q), imageUrl: expect.stringMatching(/^wxfile:\/\/tmp\/share-card-canvas-\d+\.png$/) });
    expect(squeeze(mp.textsIn(card.imageUrl!).join(''))).toContain(squeeze(`“${q}”相关的 ${hits.length} 条扶持政策`));
    expect(card.title).toContain(`“${q}”相关的 ${hits.length} 条`);
    expect(card.path).toBe(`${BROWSE_PATH}?q=${encodeURIComponent(q)}`);
    const moment = timeline(mp.page());
    expect(moment).toEqual(browseTimeline(hits.length, q));
    expect(moment.query).toBe(`q=${encodeURIComponent(q)}`);

    // The encoded Chinese query reopens the same search (WeChat passes it undecoded to onLoad).
    const { route } = splitPath(card.path!);
    expect(ROUTES_IN_APP).toContain(route);
    await mp.reLaunch(card.path!);
    expect(mp.value('#policy-search')).toBe(q);
    expect(shownCards()).toEqual(hits);
    // 朋友圈 reopens the current page with the query.
    await mp.reLaunch(`/${BROWSE_ROUTE}?${moment.query}`);
    expect(mp.value('#policy-search')).toBe(q);
    expect(shownCards()).toEqual(hits);
  });

  it('the home page defines no share card, as its config does not enable one', async () => {
    const page = await mp.reLaunch(HOME_PATH);
    expect(srcConfig('pages/index/index').enableShareAppMessage).toBeUndefined();
    expect(page.instance.onShareAppMessage).toBeUndefined();
  });

  describe('the results page', () => {
    // UPGRADE_2100_DRAFT: one 技术改造 project, （八） 2100万元 × 20% = 420万元.
    const draft = UPGRADE_2100_DRAFT;
    const profile = { version: 1, entity: 'enterprise', topics: ['investment'], projects: { 'm08.upgrade': [{ facts: { chain: true, investment: '2100' } }] } };

    async function openResults(): Promise<OpenPage> {
      mp.storage.set(DRAFT_KEY, draft);
      const page = await mp.reLaunch('/pages/results/index');
      await mp.waitFor(() => mp.has('results-total'), 'the results');
      expect(mp.text('#result-m08-upgrade-figure')).toBe('420万元');
      return page;
    }

    /** A share with its drawn card: at once when drawn, else through the `promise` WeChat waits for. */
    async function drawn(c: ShareResult): Promise<ShareResult> {
      const done = c.promise ? await c.promise : c;
      expect(done.imageUrl).toMatch(/^wxfile:\/\/tmp\/share-card-canvas-\d+\.png$/);
      return done;
    }
    const buttonShare = (page: OpenPage, id: string) => {
      const button = mp.byId(id);
      expect(button.is).toBe('button');
      return share(page, 'button', { id: button.id, dataset: button.dataset ?? {} });
    };

    it('the menu’s 转发 invites to the home page and carries no figure, in its title or on its card', async () => {
      const page = await openResults();
      const card = await drawn(share(page));
      expect(card.path).toBe(HOME_PATH);
      expect(ROUTES_IN_APP).toContain(splitPath(card.path!).route);
      expect(card.title).not.toMatch(YUAN);
      expect(mp.textsIn(card.imageUrl!).join('')).not.toMatch(YUAN);
      await mp.reLaunch(card.path!);
      expect(mp.page().route).toBe('pages/index/index');
    });

    it('a result card’s share button sends that item (the catalog’s headline for it) and opens its detail page at the item', async () => {
      const page = await openResults();
      const m08 = MEASURES.find((m) => m.id === 'm08')!;
      const card = buttonShare(page, 'result-m08-upgrade-share');
      expect({ title: card.title, path: card.path }).toEqual(itemShare(m08, 'm08.upgrade'));
      expect(card.path).toBe(`${measurePath('m08')}&item=m08.upgrade`);
      expect((await drawn(card)).title).toBe(card.title);
      await mp.reLaunch(card.path!);
      expect(mp.has('detail-m08')).toBe(true);
      expect(mp.text('#item-table-focus')).toContain(m08.items.find((i) => i.id === 'm08.upgrade')!.title);
    });

    it('unticked, no share of the results page carries the user’s own figures: not in a title, a path or a drawn card', async () => {
      const page = await openResults();
      // The tick is off unless the user ticks it.
      expect(mp.text('#share-with-figures')).toBe('☐分享卡片中显示我的测算金额');
      const result = engine(profile);
      // （八）2100万元 × 20% = 420万元: the user's figure, on the card and as the total.
      const own = [figureText(result.items.find((i) => i.id === 'm08.upgrade')!), `${wanRange(result.total)}万元`];
      expect(own).toEqual(['420万元', '420万元']);
      const cards = [await drawn(share(page)), await drawn(buttonShare(page, 'result-m08-upgrade-share'))];
      for (const c of cards) {
        const image = mp.textsIn(c.imageUrl!).join('');
        expect(image.length).toBeGreaterThan(0);
        for (const figure of own) {
          expect(c.title).not.toContain(figure);
          expect(image).not.toContain(figure);
        }
        expect(c.path).not.toMatch(YUAN);
      }
    });
  });
});

// ---------------------------------------------------------------------------------------------
// 4. The poster.

const longestTitle = [...MEASURES].sort((a, b) => b.title.length - a.title.length)[0];
const longestHeadline = [...MEASURES].sort((a, b) => cardOf(b).headline.length - cardOf(a).headline.length)[0];
const POSTER_MEASURES = [...new Set([MEASURES.find((m) => m.id === 'm08')!, longestTitle, longestHeadline, MEASURES.find((m) => m.id === 'm27')!])];
/**
 * The app keeps a code per scene for its run (src/services/qrcode.ts), and this file is one run: the
 * tests that follow a code from the cloud to the canvas each take a measure no earlier poster used.
 */
const byId = (id: string) => MEASURES.find((m) => m.id === id)!;
const [CACHED, REFUSED, BROKEN] = [byId('m05'), byId('m12'), byId('m03')];

const squeeze = (s: string) => s.replace(/\s+/g, '');
const POSTER_CANVAS = 'poster-canvas';
const DETAIL_PAGE = 'pages/policy/detail/index';

/** The `qrcode` requests this test made through wx.cloud, with the function's answers. */
const qrcodeCalls = () => mp.calls.filter((c) => c.api === 'cloud.callFunction' && c.options.name === 'qrcode');
const downloads = () => mp.calls.filter((c) => c.api === 'cloud.downloadFile');
/** The images drawn in an exported picture: [src, x, y, w, h]. */
const imagesIn = (path: string) => mp.drawnIn(path).filter((o) => o.op === 'drawImage').map((o) => o.args);

/** Opens the measure's page (unless `samePage`) and its poster; the path of the poster exported. */
async function openPoster(id: string, samePage = false): Promise<string> {
  if (!samePage) await mp.reLaunch(`/pages/policy/detail/index?id=${id}`);
  expect(mp.byId('poster-canvas').is).toBe('canvas');
  const before = mp.exportsOf(POSTER_CANVAS).length;
  await mp.tap('#poster-open');
  await mp.waitFor(() => mp.has('poster-save'), 'the poster');
  const exported = mp.exportsOf(POSTER_CANVAS);
  expect(exported).toHaveLength(before + 1);
  const path = exported[exported.length - 1];
  // The preview shows the image exported.
  expect(mp.attr('#poster-image', 'src')).toBe(path);
  return path;
}

/** What a poster of `m` shows, laid out as the fake canvas measures. */
const posterLayout = (m: Measure, code: CodeSlot, yourFigure?: PosterFigure) => layoutPoster(posterContent(m, BRAND, { code, yourFigure }), fakeTextWidth);

describe('the share poster', () => {
  it.each(POSTER_MEASURES.map((m) => ({ id: m.id, label: m.label, title: m.title, m })))(
    '第$label条 $title: its 小程序码 (scene m=<id>) is made in the cloud, downloaded and drawn in the corner with 长按识别, under the title and headline, on a 750×1334 image',
    async ({ m }) => {
      const path = await openPoster(m.id);
      const scene = `m=${m.id}`;

      // The code: asked of the cloud for this measure, made by WeChat for the detail page, stored.
      const asked = qrcodeCalls();
      expect(asked.map((c) => c.options.data)).toEqual([{ scene }]);
      expect(mp.wxacodeCalls).toEqual([{ scene, page: DETAIL_PAGE, width: QRCODE_WIDTH, checkPath: true, envVersion: 'release' }]);
      expect(mp.files.size).toBe(1);
      const [fileID] = [...mp.files.keys()];
      expect(fileID).toMatch(/^cloud:\/\/test\/qrcode\/[0-9a-f]{40}\.png$/);
      expect((asked[0].answer as { result: unknown }).result).toEqual({
        ok: true,
        data: { status: 'ready', scene, page: DETAIL_PAGE, fileID, url: `https://test.tcb.qcloud.la/${mp.files.get(fileID)!.cloudPath}`, cached: false },
      });
      // … downloaded to the phone, and that file drawn where the layout puts the code.
      expect(downloads().map((c) => c.options)).toEqual([{ fileID }]);
      const codeFile = String(downloads()[0].answer?.tempFilePath);
      expect(codeFile).toMatch(/^wxfile:\/\/tmp\/code-\d+\.png$/);
      const layout = posterLayout(m, { state: 'image' });
      const slot = layout.ops.find((o) => o.op === 'image')!;
      expect(imagesIn(path)).toEqual([[codeFile, slot.x, slot.y, slot.w, slot.h]]);
      // Inside the code box of the poster's corner.
      const box = POSTER_CODE_BOX;
      expect(slot.x >= box.x && slot.y >= box.y && slot.x + slot.w <= box.x + box.size && slot.y + slot.h <= box.y + box.size).toBe(true);

      // The texts: the layout of this measure's poster, as drawn.
      const drawn = mp.textsIn(path);
      expect(drawn).toEqual(layoutTexts(layout));
      const content = posterContent(m, BRAND, { code: { state: 'image' } });
      expect(content.headline).toBe(cardOf(m).headline);
      // Lines wrap (the wrap drops a space at a break): compare the drawn text without white space.
      const joined = squeeze(drawn.join(''));
      expect(joined).toContain(squeeze(m.title));
      expect(joined).toContain(squeeze(content.headline));
      expect(drawn).toContain(`第${m.label}条`);
      expect(drawn).toContain(APP_NAME);
      expect(drawn).toContain(TAGLINE);
      expect(drawn).toContain('长按识别');
      expect(drawn).toContain('扫码查看条文与测算');
      expect(drawn).not.toContain('小程序码未生成');
      expect(drawn.some((t) => t.includes('…'))).toBe(false);

      // Exported whole, at 750×1334.
      expect([POSTER_WIDTH, POSTER_HEIGHT]).toEqual([750, 1334]);
      const exports = mp.calls.filter((c) => c.api === 'canvasToTempFilePath' && (c.options.canvas as { id?: string }).id === POSTER_CANVAS);
      expect(exports).toHaveLength(1);
      expect(exports[0].options).toMatchObject({ x: 0, y: 0, width: 750, height: 1334, destWidth: 750, destHeight: 1334, fileType: 'png' });
      expect(mp.tempFiles.get(path)).toMatchObject({ kind: 'canvas', canvas: POSTER_CANVAS, width: 750, height: 1334 });
      await mp.tap('#poster-close');
      expect(mp.has('poster-overlay')).toBe(false);
    },
  );

  it('a second poster of the same measure draws the code made for the first: the cloud is not asked again, and the cloud function would not ask WeChat again', async () => {
    expect(POSTER_MEASURES).not.toContain(CACHED);
    const scene = `m=${CACHED.id}`;
    const first = await openPoster(CACHED.id);
    expect(qrcodeCalls()).toHaveLength(1);
    expect(mp.wxacodeCalls.map((c) => c.scene)).toEqual([scene]);
    expect(downloads()).toHaveLength(1);
    const [code] = imagesIn(first);
    expect(String(code[0])).toMatch(/^wxfile:\/\/tmp\/code-\d+\.png$/);

    // Again on the same page, then on the page opened anew: a new picture, the same code file.
    await mp.tap('#poster-close');
    const second = await openPoster(CACHED.id, true);
    const third = await openPoster(CACHED.id);
    expect(new Set([first, second, third]).size).toBe(3);
    expect(imagesIn(second)).toEqual([code]);
    expect(imagesIn(third)).toEqual([code]);
    expect(qrcodeCalls()).toHaveLength(1);
    expect(mp.wxacodeCalls).toHaveLength(1);
    expect(downloads()).toHaveLength(1);

    // Another run of the app would ask the cloud: the function answers the stored file without WeChat.
    const [fileID] = [...mp.files.keys()];
    const again = await mp.callCloud('qrcode', { scene });
    expect(again).toMatchObject({ ok: true, data: { status: 'ready', scene, fileID, cached: true } });
    expect(mp.wxacodeCalls).toHaveLength(1);
  });

  it('when WeChat will not make the code (45009, the day’s quota), the poster has no image in its corner and says why and where to search; the next poster asks again', async () => {
    expect(POSTER_MEASURES).not.toContain(REFUSED);
    const scene = `m=${REFUSED.id}`;
    mp.answers.wxacodeError = 45009;
    const path = await openPoster(REFUSED.id);
    expect(qrcodeCalls().map((c) => c.options.data)).toEqual([{ scene }]);
    expect(mp.wxacodeCalls.map((c) => c.scene)).toEqual([scene]);
    expect((qrcodeCalls()[0].answer as { result: unknown }).result).toEqual({
      ok: true,
      data: { status: 'unavailable', scene, page: DETAIL_PAGE, errCode: 45009, reason: QRCODE_REASONS.quota },
    });
    // Nothing stored, nothing downloaded, no image drawn.
    expect(mp.files.size).toBe(0);
    expect(downloads()).toEqual([]);
    expect(imagesIn(path)).toEqual([]);
    const drawn = mp.textsIn(path);
    expect(drawn).toEqual(layoutTexts(posterLayout(REFUSED, { state: 'missing', reason: QRCODE_REASONS.quota })));
    expect(drawn).toContain('小程序码未生成');
    expect(squeeze(drawn.join(''))).toContain('生成小程序码的次数已达微信的上限，请稍后再试');
    expect(drawn).toContain(`微信搜索「${APP_NAME}」`);
    expect(drawn).not.toContain('长按识别');
    expect(drawn).not.toContain('扫码查看条文与测算');

    // A refusal is not kept: once WeChat makes codes again, the next poster has one.
    mp.answers.wxacodeError = undefined;
    await mp.tap('#poster-close');
    const next = await openPoster(REFUSED.id, true);
    expect(mp.wxacodeCalls.map((c) => c.scene)).toEqual([scene, scene]);
    expect(imagesIn(next).map((a) => a[0])).toEqual([downloads()[0].answer?.tempFilePath]);
    expect(mp.textsIn(next)).toContain('长按识别');
    expect(mp.textsIn(next)).not.toContain('小程序码未生成');
  });

  it('a code whose image will not load is left off the poster, and the corner says so instead of showing a broken image', async () => {
    expect(POSTER_MEASURES).not.toContain(BROKEN);
    mp.answers.brokenImages = [/^wxfile:\/\/tmp\/code-/];
    const path = await openPoster(BROKEN.id);
    expect(downloads()).toHaveLength(1);
    expect(imagesIn(path)).toEqual([]);
    const drawn = mp.textsIn(path);
    expect(drawn).toEqual(layoutTexts(posterLayout(BROKEN, { state: 'missing', reason: CODE_IMAGE_FAILED })));
    expect(drawn).toContain('小程序码未生成');
    expect(squeeze(drawn.join(''))).toContain(squeeze(CODE_IMAGE_FAILED));
    expect(mp.warnings.some((w) => w.includes('[picture] code image failed'))).toBe(true);
  });

  it('the calculator’s figure goes on the poster only when the user ticks 在海报上显示我的测算金额', async () => {
    mp.storage.set(DRAFT_KEY, UPGRADE_2100_DRAFT);
    await mp.reLaunch('/pages/policy/detail/index?id=m08');
    // （八）2100万元 × 20% = 420万元 (under 500万元).
    expect(mp.text('#mini-calc-total')).toBe('420万元');
    expect(mp.text('#poster-with-figure')).toBe('☐在海报上显示我的测算金额（420万元）');
    const m08 = byId('m08');
    const plain = await openPoster('m08', true);
    expect(mp.textsIn(plain)).toEqual(layoutTexts(posterLayout(m08, { state: 'image' })));
    expect(mp.textsIn(plain).join('')).not.toContain('420万元');

    await mp.tap('#poster-close');
    await mp.tap('#poster-with-figure');
    expect(mp.text('#poster-with-figure')).toBe('☑在海报上显示我的测算金额（420万元）');
    const mine = await openPoster('m08', true);
    const drawn = mp.textsIn(mine);
    expect(drawn).toEqual(layoutTexts(posterLayout(m08, { state: 'image' }, { total: '420万元', parts: [{ title: '技术改造项目补助', figure: '420万元' }] })));
    expect(drawn).toContain('420万元');
  });

  it('a measure without a figure of the user’s offers no tick', async () => {
    await mp.reLaunch('/pages/policy/detail/index?id=m08');
    expect(mp.has('mini-calc-total')).toBe(false);
    expect(mp.has('poster-with-figure')).toBe(false);
  });

  const albumApis = () =>
    mp.calls.map((c) => c.api).filter((a) => ['getSetting', 'authorize', 'showModal', 'openSetting', 'saveImageToPhotosAlbum'].includes(a));

  it.each([
    { case: 'never asked, the user allows', setting: undefined, grant: true, modal: [], inSettings: true, apis: ['getSetting', 'authorize', 'saveImageToPhotosAlbum'], notice: SAVED_TEXT },
    { case: 'never asked, the user refuses', setting: undefined, grant: false, modal: [], inSettings: true, apis: ['getSetting', 'authorize'], notice: REFUSED_TEXT },
    { case: 'allowed before', setting: true, grant: true, modal: [], inSettings: true, apis: ['getSetting', 'saveImageToPhotosAlbum'], notice: SAVED_TEXT },
    { case: 'refused before, the user goes to settings and allows', setting: false, grant: true, modal: [true], inSettings: true, apis: ['getSetting', 'showModal', 'openSetting', 'saveImageToPhotosAlbum'], notice: SAVED_TEXT },
    { case: 'refused before, the user goes to settings and does not allow', setting: false, grant: true, modal: [true], inSettings: false, apis: ['getSetting', 'showModal', 'openSetting'], notice: REFUSED_TEXT },
    { case: 'refused before, the user declines the explanation', setting: false, grant: true, modal: [false], inSettings: true, apis: ['getSetting', 'showModal'], notice: REFUSED_TEXT },
  ])('saving to the album — $case', async ({ setting, grant, modal, inSettings, apis, notice }) => {
    const poster = await openPoster('m08');
    mp.answers.albumSetting = setting;
    mp.answers.albumGrant = grant;
    mp.answers.albumGrantInSettings = inSettings;
    mp.answers.modals = [...modal];
    await mp.tap('#poster-save');
    await mp.waitFor(() => mp.has('poster-notice'), 'the notice');
    expect(albumApis()).toEqual(apis);
    expect(mp.text('#poster-notice')).toBe(notice);
    if (apis.includes('authorize')) expect(mp.callsOf('authorize')).toEqual([{ scope: 'scope.writePhotosAlbum' }]);
    if (apis.includes('showModal')) {
      const [m] = mp.callsOf('showModal');
      expect(String(m.title)).toContain('相册');
      expect(m).toMatchObject({ confirmText: '去设置' });
    }
    const saved = apis.includes('saveImageToPhotosAlbum');
    // The file saved is the poster exported.
    expect(poster).toMatch(/^wxfile:\/\/tmp\/poster-canvas-\d+\.png$/);
    if (saved) expect(mp.callsOf('saveImageToPhotosAlbum')).toEqual([{ filePath: poster }]);
    expect(mp.callsOf('showToast').some((t) => t.title === '已保存')).toBe(saved);
  });
});
