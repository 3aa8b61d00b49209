/**
 * 隐私说明 in the browser build (issue 26, item 3): home's footer link opens the page, which shows
 * the 用户隐私保护指引 (PRIVACY_GUIDE — the text docs/privacy.md gives WeChat); the browser has no
 * privacy event, so no prompt ever shows. Screenshot: test/artifacts/privacy-page.png.
 */
import { PRIVACY_GUIDE, itemSentence } from '../../src/pages/privacy/guide';
import { shot, useHarness } from './harness';

jest.setTimeout(120_000);

const harness = useHarness();

it('home’s 隐私说明 opens the guide, every part of it shown, no prompt', async () => {
  const { page, context } = await harness().newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(harness().url);
  await page.locator('#home-lead').waitFor();
  const link = page.locator('#home-privacy').locator('visible=true').first();
  await link.evaluate((node) => node.scrollIntoView({ block: 'center' }));
  await shot(page, 'privacy-home-link');
  await link.click();
  const guide = page.locator('#privacy').locator('visible=true').first();
  await guide.waitFor();
  await page.waitForFunction(() => {
    const pages = document.querySelectorAll('.taro_page');
    return pages[pages.length - 1]?.classList.contains('taro_page_stationed');
  });
  await shot(page, 'privacy-page');
  const text = await guide.innerText();
  const parts = [PRIVACY_GUIDE.title, ...PRIVACY_GUIDE.items.map(itemSentence), ...PRIVACY_GUIDE.sections.flatMap((s) => [s.heading, ...s.paragraphs])];
  expect(parts.filter((p) => !text.includes(p))).toEqual([]);
  expect(await page.locator('#privacy-prompt').count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});
