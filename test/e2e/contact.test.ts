/**
 * 问工作人员 in the browser twin (issue 26, item 4), in Chromium at 390×844: H5 has no WeChat
 * customer service, so home, results and a measure's page end with a line saying where to ask (no
 * button that would do nothing), on the screen and below what is above it. At 1.4× text (关怀模式)
 * the same pages are checked whole, this line included, by large-text.test.ts.
 * Screenshots: test/artifacts/contact-h5-<page>-<size>.png.
 */
import { DRAFT_KEY } from '../../src/state/draft-core';
import { UPGRADE_2100_DRAFT } from '../support/drafts';
import { shot, useHarness } from './harness';

jest.setTimeout(120_000);
const h = useHarness();

const NOTE = '有疑问，可以在微信中打开「政策算盘」小程序，点「问工作人员」。';

describe('in the browser the pages say where to ask a person', () => {
  it.each([
    ['the home page', 'standard', '#/pages/index/index', 'home-contact', 'home', 1],
    ['the results page', 'standard', '#/pages/results/index', 'results-contact', 'results', 1],
    ['a measure’s page', 'standard', '#/pages/policy/detail/index?id=m08', 'detail-contact', 'detail', 1],
  ])('%s with %s text ends with the line and has no customer-service button', async (_page, _size, route, id, name, scale) => {
    const { page, context } = await h().newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [DRAFT_KEY, JSON.stringify({ data: UPGRADE_2100_DRAFT })] as const);
    await page.goto(`${h().url}/${route}`);
    const block = page.locator(`#${id}`);
    await block.waitFor();
    // Text zoom as a large system font does: every element's font size × scale, boxes as they are.
    await page.evaluate((s) => {
      const all = Array.from(document.querySelectorAll<HTMLElement>('body *'));
      const sizes = all.map((el) => parseFloat(getComputedStyle(el).fontSize));
      all.forEach((el, i) => (el.style.fontSize = `${sizes[i] * s}px`));
    }, scale);
    await block.evaluate((n) => n.scrollIntoView({ block: 'center' }));

    expect((await block.textContent())?.trim()).toBe(NOTE);
    expect(await page.locator('button', { hasText: '问工作人员' }).count()).toBe(0);
    // On the screen, below what is above it.
    const box = (await block.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    const above = await block.evaluate((n) => (n.previousElementSibling as HTMLElement | null)?.getBoundingClientRect().bottom ?? 0);
    expect(box.y).toBeGreaterThanOrEqual(above);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await shot(page, `contact-h5-${name}-${scale === 1 ? 'standard' : 'care'}`);
    expect(errors).toEqual([]);
    await context.close();
  });
});
