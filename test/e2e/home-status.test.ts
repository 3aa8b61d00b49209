/**
 * The home page's list-status line at 390×844 (issue 22, cosmetic): a date in it is never split
 * across two lines ("2026-12-" / "05").
 */
import type { Page } from 'playwright-core';
import { shot, startHarness, type Harness } from './harness';

jest.setTimeout(120_000);

const ADMIN = 'e2e-admin';
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ admins: [ADMIN] }); // the local bootstrap of the first admin (README, "Admins")
});
afterAll(async () => {
  await h?.close();
});

/** How many lines the first occurrence of `text` inside the element covers. */
async function linesOf(page: Page, selector: string, text: string): Promise<number> {
  return page.locator(selector).evaluate((el, t) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    const whole = nodes.map((n) => n.data).join('');
    const at = whole.indexOf(t);
    if (at < 0) return -1;
    // The range over `t`, across text nodes.
    const range = document.createRange();
    let offset = 0;
    for (const n of nodes) {
      const end = offset + n.data.length;
      if (at >= offset && at < end) range.setStart(n, at - offset);
      if (at + t.length > offset && at + t.length <= end) range.setEnd(n, at + t.length - offset);
      offset = end;
    }
    const tops = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    return tops.size;
  }, text);
}

it.each([['2026-12-05'], ['2026-11-20']])('the home status line keeps the checked date %s on one line', async (checkedOn) => {
  const set = await fetch(`${h.url}/cloud/listStatus`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': ADMIN },
    body: JSON.stringify({ action: 'set', status: { state: 'superseded', notice: '2023 年清单已发布，本清单措施以新清单为准', sourceUrl: 'https://gxt.nmg.gov.cn/notice/2023-list', checkedOn } }),
  });
  expect(set.status).toBe(200);
  const { page, context } = await h.newPage();
  await page.goto(`${h.url}/#/pages/index/index`);
  await page.locator('#home-list-status-text', { hasText: checkedOn }).waitFor();
  await page.locator('#home-list-status').scrollIntoViewIfNeeded();
  await shot(page, `home-status-line-${checkedOn}`);
  expect(await linesOf(page, '#home-list-status-text', checkedOn)).toBe(1);
  await context.close();
});
