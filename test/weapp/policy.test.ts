/**
 * The policy browser in the WeChat build (dist/): every measure's detail page opened by its deep
 * link, the browser's cards and search, the share cards (转发 / 朋友圈) of every page that offers
 * them, and the share poster with the album permission flow.
 *
 * Expected texts and figures come from the functions the pages themselves use (the catalog,
 * itemRows, headline via cards.ts, the engine through `evaluate`, formatInterval, the share
 * builders of src/services/share.ts and src/pages/results/card-view.ts) — never from the page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { catalog2022, type FactDef, type Measure } from '../../shared/policy';
import { browse, itemRows, type ItemRow } from '../../shared/policy/browse';
import { formatInterval } from '../../shared/policy/format';
import { calcSpec } from '../../shared/policy/measure-calc';
import { domId, entryListId, entryPath, factPath, regionKey } from '../../shared/policy/paths';
import { POSTER_HEIGHT, POSTER_WIDTH, posterContent } from '../../shared/policy/poster';
import { segmentClause } from '../../shared/policy/search';
import { figureText, wanRange } from '../../shared/policy/result-view';
import { REFUSED_TEXT } from '../../src/components/share-poster/album';
import { cardOf } from '../../src/pages/policy/cards';
import { calculatorDraft, questionsOf } from '../../src/state/draft';
import { DRAFT_KEY } from '../../src/state/storage';
import { UPGRADE_2100_DRAFT } from '../support/drafts';
import { AMOUNT_FIELDS, TYPED_AMOUNTS, calculatorFigure, profileWith } from '../support/typed-amounts';
import {
  APP_NAME,
  BROWSE_PATH,
  HOME_PATH,
  TAGLINE,
  browseShare,
  browseTimeline,
  measurePath,
  measureShare,
  measureShareTitle,
  measureTimeline,
} from '../../src/services/share';
import { engine } from '../support/engine';
import { DIST, launch, type OpenPage } from './harness';
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

/** A share's return value: WeChat uses title and path (转发) or title and query (朋友圈). */
type ShareResult = { title?: string; path?: string; query?: string };
const share = (page: OpenPage, from: 'menu' | 'button' = 'menu', target?: unknown) =>
  page.instance.onShareAppMessage({ from, ...(target ? { target } : {}) }) as ShareResult;
const timeline = (page: OpenPage) => page.instance.onShareTimeline({}) as ShareResult;

/**
 * The mini calculator's DOM id of a profile path (shared/policy/paths.ts `domId`, scope 'calc'; the
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
  it(`lists all ${MEASURES.length} measures, and each card opens that measure’s detail page`, async () => {
    await mp.reLaunch(BROWSE_PATH);
    expect(mp.text('#browse-count')).toBe(`共 ${MEASURES.length} 条，按清单顺序`);
    expect(shownCards()).toEqual(MEASURES.map((m) => m.id));
    for (const m of MEASURES) {
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
    }
    expect(mp.callsOf('navigateTo').map((o) => o.url)).toEqual(MEASURES.map((m) => measurePath(m.id)));
  }, 20_000); // 30 pages opened and closed: about 3 s on a quiet machine

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
    '第$label条: 转发 and 朋友圈 carry its title and headline, and their links reopen it',
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
      expect(share(page)).toEqual(expected);
      // The share button (open-type="share") gives the same card.
      expect(mp.byId('detail-share').is).toBe('button');
      expect(share(page, 'button', { id: 'detail-share', dataset: {} })).toEqual(expected);

      // 转发's path is a route of app.json, and the very link that opened this page.
      expect(ROUTES_IN_APP).toContain(splitPath(expected.path).route);
      expect(expected.path).toBe(deepLink);
      // 朋友圈 reopens the current page with its query: the same query.
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

  it('the browser shares the whole list, and after a search the search travels with the link', async () => {
    const page = await mp.reLaunch(BROWSE_PATH);
    expect(share(page)).toEqual(browseShare(MEASURES.length));
    expect(timeline(page)).toEqual(browseTimeline(MEASURES.length));

    const q = '机器人';
    await mp.input('#policy-search', q);
    const hits = browse(q, {}).hits.map((h) => h.measure.id);
    const card = share(mp.page());
    expect(card).toEqual(browseShare(hits.length, q));
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

    it('the menu’s 转发 invites to the home page and carries no figure', async () => {
      const page = await openResults();
      const card = share(page);
      expect(card.path).toBe(HOME_PATH);
      expect(ROUTES_IN_APP).toContain(splitPath(card.path!).route);
      expect(card.title).not.toMatch(YUAN);
      await mp.reLaunch(card.path!);
      expect(mp.page().route).toBe('pages/index/index');
    });

    it('a result card’s share button sends that measure’s own card (the catalog’s headline) and opens its detail page', async () => {
      const page = await openResults();
      const button = mp.byId('result-m08-upgrade-share');
      expect(button.is).toBe('button');
      const card = share(page, 'button', { id: button.id, dataset: button.dataset ?? {} });
      expect(card).toEqual(measureShare(MEASURES.find((m) => m.id === 'm08')!));
      expect(card.path).toBe(measurePath('m08'));
      await mp.reLaunch(card.path!);
      expect(mp.has('detail-m08')).toBe(true);
    });

    it('no share of the results page carries the user’s own figures, as the page has no tick to allow it', async () => {
      const page = await openResults();
      const result = engine(profile);
      // （八）2100万元 × 20% = 420万元: the user's figure, on the card and as the total.
      const own = [figureText(result.items.find((i) => i.id === 'm08.upgrade')!), `${wanRange(result.total)}万元`];
      expect(own).toEqual(['420万元', '420万元']);
      const button = mp.byId('result-m08-upgrade-share');
      const cards = [share(page), share(page, 'button', { id: button.id, dataset: button.dataset ?? {} })];
      for (const c of cards) {
        for (const figure of own) expect(c.title).not.toContain(figure);
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

/** The poster's drawn text (fillText), in order. */
const drawnTexts = () => mp.canvasOps.filter((o) => o.op === 'fillText').map((o) => String(o.args[0]));
const squeeze = (s: string) => s.replace(/\s+/g, '');

async function openPoster(id: string): Promise<void> {
  await mp.reLaunch(`/pages/policy/detail/index?id=${id}`);
  expect(mp.byId('poster-canvas').is).toBe('canvas');
  await mp.tap('#poster-open');
  await mp.waitFor(() => mp.has('poster-save'), 'the poster');
}

describe('the share poster', () => {
  it.each(POSTER_MEASURES.map((m) => ({ id: m.id, label: m.label, title: m.title, m })))(
    '第$label条 $title: draws the title and headline on the canvas and exports it as an image',
    async ({ m }) => {
      await openPoster(m.id);
      const content = posterContent(m, { appName: APP_NAME, tagline: TAGLINE });
      expect(content.headline).toBe(cardOf(m).headline);
      const drawn = drawnTexts();
      // Lines wrap (the wrap drops a space at a break): compare the drawn text without white space.
      const joined = squeeze(drawn.join(''));
      expect(joined).toContain(squeeze(m.title));
      expect(joined).toContain(squeeze(content.headline));
      expect(drawn).toContain(`第${m.label}条`);
      expect(drawn).toContain(APP_NAME);
      expect(drawn.some((t) => t.includes('…'))).toBe(false);
      expect(mp.callsOf('canvasToTempFilePath')).toHaveLength(1);
      expect(mp.callsOf('canvasToTempFilePath')[0]).toMatchObject({ width: POSTER_WIDTH, height: POSTER_HEIGHT, fileType: 'png' });
      expect(mp.callsOf('canvasToTempFilePath')[0].canvas).toBeDefined();
      expect(mp.has('poster-image')).toBe(true);
      await mp.tap('#poster-close');
      expect(mp.has('poster-overlay')).toBe(false);
    },
  );

  const albumApis = () =>
    mp.calls.map((c) => c.api).filter((a) => ['getSetting', 'authorize', 'showModal', 'openSetting', 'saveImageToPhotosAlbum'].includes(a));

  it.each([
    { case: 'never asked, the user allows', setting: undefined, grant: true, modal: [], inSettings: true, apis: ['getSetting', 'authorize', 'saveImageToPhotosAlbum'], notice: '海报已保存到相册' },
    { case: 'never asked, the user refuses', setting: undefined, grant: false, modal: [], inSettings: true, apis: ['getSetting', 'authorize'], notice: REFUSED_TEXT },
    { case: 'allowed before', setting: true, grant: true, modal: [], inSettings: true, apis: ['getSetting', 'saveImageToPhotosAlbum'], notice: '海报已保存到相册' },
    { case: 'refused before, the user goes to settings and allows', setting: false, grant: true, modal: [true], inSettings: true, apis: ['getSetting', 'showModal', 'openSetting', 'saveImageToPhotosAlbum'], notice: '海报已保存到相册' },
    { case: 'refused before, the user goes to settings and does not allow', setting: false, grant: true, modal: [true], inSettings: false, apis: ['getSetting', 'showModal', 'openSetting'], notice: REFUSED_TEXT },
    { case: 'refused before, the user declines the explanation', setting: false, grant: true, modal: [false], inSettings: true, apis: ['getSetting', 'showModal'], notice: REFUSED_TEXT },
  ])('saving to the album — $case', async ({ setting, grant, modal, inSettings, apis, notice }) => {
    await openPoster('m08');
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
    // The fake canvasToTempFilePath answers wxfile://tmp/poster.png: the file saved is the poster exported.
    if (saved) expect(mp.callsOf('saveImageToPhotosAlbum')).toEqual([{ filePath: 'wxfile://tmp/poster.png' }]);
    expect(mp.callsOf('showToast').some((t) => t.title === '已保存')).toBe(saved);
  });
});
