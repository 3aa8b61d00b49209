/**
 * Large text in the WeChat build (issue 26, item 5): each page's root carries the text scale that
 * WeChat's font size asks for — getAppBaseInfo's fontSizeSetting (and fontSizeScaleFactor), 17 px
 * standard, 23.8 px 关怀模式 — as the CSS variable --text-scale that every text-size() in the
 * styles multiplies by (src/components/text-scale, src/components/styles/_tokens.scss).
 */
import { UPGRADE_2100_DRAFT } from '../support/drafts';
import { launch } from './harness';
import { findByClass } from './query';

const mp = launch();
beforeEach(() => mp.reset());
afterEach(() => expect(mp.errors).toEqual([]));

/** Where the app keeps its answers (src/state/storage.ts). */
const DRAFT_KEY = 'policy-abacus:answers:v1';

const PAGES: [string, string][] = [
  ['home', '/pages/index/index'],
  ['the questionnaire', '/pages/questionnaire/index'],
  ['the results', '/pages/results/index'],
  ['a measure’s page', '/pages/policy/detail/index?id=m08'],
  ['the policy browser', '/pages/policy/browse/index'],
  ['my reminders', '/pages/reminders/index'],
];
const SETTINGS: [string, number, string][] = [
  ['standard (17 px)', 17, '1'],
  ['关怀模式 (23.8 px)', 23.8, '1.4'],
];
const CASES = PAGES.flatMap(([page, url]) => SETTINGS.map(([setting, px, scale]) => [page, setting, url, px, scale] as const));

it.each(CASES)('%s with WeChat’s font size at %s sets --text-scale on its root', async (_page, _setting, url, px, scale) => {
  mp.answers.fontSizeSetting = px;
  mp.storage.set(DRAFT_KEY, UPGRADE_2100_DRAFT);
  await mp.reLaunch(url);
  const root = findByClass(mp.page().root, 'page')[0];
  expect(root).toBeDefined();
  expect(mp.attr(root, 'style')).toBe(`--text-scale: ${scale};`);
}, 30000);

/**
 * What a screen reader says for a control reaches WeChat: Taro 4.2.1's templates bound no aria-*
 * attribute, so ariaLabel stayed in React (config/aria-plugin.cjs binds them; src/app.ts numbers
 * them alike in the runtime).
 */
it.each([
  ['a measure card of the policy browser', 'aria-label', '/pages/policy/browse/index', 'measure-card-m01', /^第（一）条 支持企业创新平台建设，/],
  ['a measure card of the policy browser', 'aria-role', '/pages/policy/browse/index', 'measure-card-m01', /^link$/],
])('%s tells WeChat its %s', async (_what, attribute, url, id, expected) => {
  mp.storage.set(DRAFT_KEY, UPGRADE_2100_DRAFT);
  await mp.reLaunch(url);
  await mp.waitFor(() => mp.has(id), `#${id}`);
  expect(String(mp.attr(`#${id}`, attribute))).toMatch(expected);
}, 30000);
