/**
 * Large text (issue 26, item 5) in Chromium at 390×844: with WeChat's font size at 关怀模式
 * (23.8 px, text 1.4× the design) home, the questionnaire's step 3, the results and a measure's
 * page show every text whole — inside its own box and the screen, and on no sibling's box.
 * The H5 twin has no WeChat font size; the localStorage value `fontSizeSetting` stands in for it
 * (src/components/text-scale), read by the same code that reads getAppBaseInfo in WeChat.
 * Screenshots: test/artifacts/large-text-*.png (the screen as a phone shows it) and
 * large-text-*-full.png (the whole page).
 */
import path from 'path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, shot, slideOver, startHarness, tap, visible, type Harness } from './harness';

jest.setTimeout(180_000);

/** The admin pages are checked as the first admin sees them (the local cloud's bootstrap). */
const ADMIN = 'large-text-admin';
let h: Harness | undefined;
beforeAll(async () => {
  h = await startHarness({ admins: [ADMIN] });
});
afterAll(async () => {
  await h?.close();
});
const harness = () => h!;

/** 关怀模式: fontSizeSetting in px (WeChat's 适老化设计指南), 1.4× the standard 17. */
const CARE_MODE_PX = '23.8';

/** The page on top (the first page counts) has finished sliding in, and its layout settled. */
async function slidIn(page: Page): Promise<void> {
  await slideOver(page, 1);
  await page.waitForTimeout(300);
}

type Route = (page: Page) => Promise<void>;

const toStep3: Route = async (page) => {
  await tap(page, '#start-button');
  await tap(page, '#q-sme-opt-yes');
  await tap(page, '#next-button');
  await tap(page, '#topic-investment');
  await tap(page, '#next-button');
  await tap(page, '#entries-m08-upgrade-add');
  await visible(page, '#q-projects-m08-upgrade-0-chain-opt-unknown').waitFor();
};

const toResults: Route = async (page) => {
  await toStep3(page);
  await tap(page, '#q-projects-m08-upgrade-0-chain-opt-unknown');
  await visible(page, '#q-projects-m08-upgrade-0-investment-input input').fill('1500');
  await tap(page, '#q-facts-m23-charging-opt-no');
  await tap(page, '#q-facts-m26-vehicleMaker-opt-no');
  await tap(page, '#next-button');
  await visible(page, '#results-summary').waitFor();
  await page.locator('#cloud-status[data-state="same"]').waitFor({ timeout: 20_000 });
};

const shows = (selector: string): Route => async (page) => void (await visible(page, selector).waitFor());
/** A page that loads from the cloud: its root is shown and the calls are answered. */
const loaded: Route = async (page) => {
  await visible(page, '.page').waitFor();
  await page.waitForLoadState('networkidle');
};

/** The pages the issue names, with their screenshots (large-text-<name>.png). */
const PAGES: [string, string, Route][] = [
  ['home', '/', shows('#home-lead')],
  ['questionnaire-step3', '/', toStep3],
  ['results', '/', toResults],
  ['detail-m08', '/#/pages/policy/detail/index?id=m08', shows('#detail-m08')],
];
/** The other pages a person reaches: checked the same way (large-text-<name>.png too). */
const MORE: [string, string, Route][] = [
  ['browse', '/#/pages/policy/browse/index', shows('#measure-card-m01')],
  ['reminders', '/#/pages/reminders/index', loaded],
  ['privacy', '/#/pages/privacy/index', shows('#privacy-title')],
  ['admin', '/#/pages/admin/index', loaded],
  ['admin-deadline', '/#/pages/admin/deadline/index', loaded],
  ['admin-import', '/#/pages/admin/import/index', loaded],
  ['admin-status', '/#/pages/admin/status/index', loaded],
  ['admin-admins', '/#/pages/admin/admins/index', loaded],
  ['admin-log', '/#/pages/admin/log/index', loaded],
  ['admin-screen', '/#/pages/admin/screen/index', loaded],
];

/**
 * Every text of the page on top that is not whole: a text running out of its own box or the
 * screen (it is cut or hidden under something), or an element with text lying on a sibling's box
 * (two things drawn on one place). Measured with getBoundingClientRect and the text's own line
 * boxes (a Range over its text nodes).
 */
function problems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pages = document.querySelectorAll('.taro_page');
    const top = pages[pages.length - 1] ?? document.body;
    const out: string[] = [];
    const shown = (el: Element) => {
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0 && r.height > 0;
    };
    const ownText = (el: Element) =>
      Array.from(el.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '')
        .map((n) => n as Text);
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${(el.className || '').toString().split(' ')[0]} «${(el.textContent ?? '').trim().slice(0, 24)}»`;
    const SLACK = 1;
    const all = Array.from(top.querySelectorAll('*')).filter(shown);
    const withText = all.filter((el) => ownText(el).length > 0);
    for (const el of withText) {
      const box = el.getBoundingClientRect();
      // A clamp (-webkit-line-clamp: a compact card's first three lines) hides the rest on purpose:
      // the card opens the measure's page, where it is whole.
      const clamped = getComputedStyle(el).webkitLineClamp !== 'none';
      const range = document.createRange();
      for (const t of ownText(el)) {
        range.selectNodeContents(t);
        for (const r of Array.from(range.getClientRects())) {
          if (r.width === 0) continue;
          if (r.left < box.left - SLACK || r.right > box.right + SLACK) out.push(`${name(el)}: its text runs ${Math.round(Math.max(box.left - r.left, r.right - box.right))} px out of its box sideways`);
          else if (!clamped && (r.top < box.top - SLACK || r.bottom > box.bottom + SLACK)) out.push(`${name(el)}: its text runs ${Math.round(Math.max(box.top - r.top, r.bottom - box.bottom))} px out of its box up or down`);
          if (r.left < -SLACK || r.right > window.innerWidth + SLACK) out.push(`${name(el)}: its text runs off the ${window.innerWidth} px screen`);
        }
      }
      // Clipped by an ancestor that hides what overflows it.
      for (let a = el.parentElement; a && a !== top; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
        const ab = a.getBoundingClientRect();
        if (s.overflowX !== 'visible' && (box.left < ab.left - SLACK || box.right > ab.right + SLACK) && s.overflowX !== 'auto' && s.overflowX !== 'scroll')
          out.push(`${name(el)}: cut at the side by ${name(a)}`);
        if (s.overflowY === 'hidden' && (box.top < ab.top - SLACK || box.bottom > ab.bottom + SLACK)) out.push(`${name(el)}: cut at the top or bottom by ${name(a)}`);
        break;
      }
      // On a sibling's box (both in the page's flow: fixed bars float above everything by design).
      const siblings = Array.from(el.parentElement?.children ?? []).filter((s) => s !== el && shown(s));
      for (const s of siblings) {
        if (['fixed', 'absolute'].includes(getComputedStyle(s).position) || ['fixed', 'absolute'].includes(getComputedStyle(el).position)) continue;
        // Line by line: words running on in one paragraph (inline texts) share lines, not places.
        for (const a of Array.from(el.getClientRects()))
          for (const o of Array.from(s.getClientRects())) {
            const w = Math.min(a.right, o.right) - Math.max(a.left, o.left);
            const h = Math.min(a.bottom, o.bottom) - Math.max(a.top, o.top);
            if (w > SLACK && h > SLACK) out.push(`${name(el)} lies on ${name(s)} (${Math.round(w)}×${Math.round(h)} px)`);
          }
      }
    }
    // A box's hint (placeholder) is one line that cannot wrap: it must fit the box whole.
    const ctx = document.createElement('canvas').getContext('2d')!;
    for (const input of Array.from(top.querySelectorAll('input')).filter(shown)) {
      const hint = input.placeholder;
      if (!hint || input.value) continue;
      const s = getComputedStyle(input);
      ctx.font = s.font;
      const room = input.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
      const need = ctx.measureText(hint).width;
      if (need > room + SLACK) out.push(`input${input.id ? `#${input.id}` : ''} «${hint}»: its hint needs ${Math.round(need)} px of ${Math.round(room)}`);
    }
    return [...new Set(out)];
  });
}

/** The root font size the page's text is drawn at, over the design's: --text-scale on the page root. */
function textScale(page: Page): Promise<string> {
  return page.evaluate(() => {
    const pages = document.querySelectorAll('.taro_page');
    const root = (pages[pages.length - 1] ?? document.body).querySelector('.page');
    return root ? getComputedStyle(root).getPropertyValue('--text-scale').trim() : '';
  });
}

/** The whole page in one picture: Taro's H5 page scrolls inside itself, so the screen is made as tall as it. */
async function wholePage(page: Page, name: string, width: number): Promise<void> {
  const height = await page.evaluate(() => {
    const pages = document.querySelectorAll('.taro_page');
    const top = pages[pages.length - 1];
    return Math.max(document.documentElement.scrollHeight, top ? top.scrollHeight : 0);
  });
  const { height: screen } = page.viewportSize()!;
  await page.setViewportSize({ width, height: Math.min(height, 12_000) });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
  await page.setViewportSize({ width, height: screen });
}

async function openAtCareMode(url: string, width: number): Promise<{ page: Page; close(): Promise<void>; errors: string[] }> {
  const { page, context } = await harness().newPage({ openid: ADMIN });
  if (width !== 390) await page.setViewportSize({ width, height: 812 });
  await context.addInitScript((px) => window.localStorage.setItem('fontSizeSetting', px), CARE_MODE_PX);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${harness().url}${url}`);
  return { page, errors, close: () => context.close() };
}

/**
 * Every page at 390 px (the suite's phone); the four pages the issue names also at 375 px (the
 * iPhone width WeChat's guide gives 23.8 px for 关怀模式) — the other pages' 375 px pass found
 * nothing the 390 px pass did not and cost CI 40 s. Screenshots at 390 (large-text-<page>.png, the
 * whole page for the four as large-text-<page>-full.png) and at 375 (large-text-375-<page>.png).
 */
const NAMED = new Set(PAGES.map(([name]) => name));
describe.each([
  [390, 'large-text-', [...PAGES, ...MORE]],
  [375, 'large-text-375-', PAGES],
])('at 关怀模式 (text 1.4×) on a %i px screen', (width, prefix, pages) => {
  it.each(pages)('%s draws its text at 1.4× and every text whole: in its box, on the screen, on no sibling', async (name, url, route) => {
    const { page, errors, close } = await openAtCareMode(url, width);
    await route(page);
    await slidIn(page);
    expect(await textScale(page)).toBe('1.4');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, `${prefix}${name}`);
    const found = await problems(page);
    if (width === 390 && NAMED.has(name)) await wholePage(page, `${prefix}${name}-full`, width);
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });
});
