/**
 * Ask and show only what can concern the answers given (issue 22, item 8), in Chromium at 390×844
 * on the H5 build: a non-SME is not asked which SME recognition it has; a dairy firm that builds no
 * charging stations and makes no vehicles is not shown （二十三） or （二十六） as support for it.
 * Screenshots: test/artifacts/relevance-*.png.
 */
import type { Page } from 'playwright-core';
import { engine } from '../support/engine';
import { shot, useHarness } from './harness';

jest.setTimeout(120_000);

const harness = useHarness();

async function tap(page: Page, selector: string): Promise<void> {
  const el = page.locator(selector).locator('visible=true').first();
  await el.waitFor();
  await el.evaluate((node) => node.scrollIntoView({ block: 'center' }));
  await el.click();
}

async function start(sme: 'yes' | 'no'): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const { page, context } = await harness().newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(harness().url);
  await page.locator('#home-lead').waitFor();
  await tap(page, '#start-button');
  await tap(page, `#q-sme-opt-${sme}`);
  await tap(page, '#next-button');
  return { page, errors, close: () => context.close() };
}

it.each([
  { who: 'a non-SME', sme: 'no', asked: false },
  { who: 'an SME', sme: 'yes', asked: true },
] as const)('$who choosing 创新平台与资质认定 is asked which SME recognition it has: $asked', async ({ sme, asked }) => {
  const f = await start(sme);
  await tap(f.page, '#topic-platforms');
  await tap(f.page, '#next-button');
  await f.page.locator('#q-facts-m01-techCenter').locator('visible=true').waitFor();
  expect(await f.page.locator('#q-facts-m06-recognition').locator('visible=true').count()).toBe(asked ? 1 : 0);
  // Nor is its heading left standing over nothing.
  expect(((await f.page.locator('#topic-section-platforms').locator('visible=true').textContent()) ?? '').includes('支持“专精特新”中小企业发展')).toBe(asked);
  // The end of the topic's questions, where （六）'s would be.
  await f.page.locator('.question').locator('visible=true').last().evaluate((n) => n.scrollIntoView({ block: 'end' }));
  await shot(f.page, `relevance-platforms-sme-${sme}`);
  expect(f.errors).toEqual([]);
  await f.close();
});

it('a dairy firm (no charging stations, no vehicles) is not shown （二十三）充电站 or （二十六）新能源汽车 among its support', async () => {
  const f = await start('yes');
  await tap(f.page, '#topic-investment');
  await tap(f.page, '#next-button');
  await tap(f.page, '#q-facts-m23-charging-opt-no');
  await tap(f.page, '#q-facts-m26-vehicleMaker-opt-no');
  await shot(f.page, 'relevance-dairy-questions');
  await tap(f.page, '#next-button');
  await f.page.locator('#results-summary').waitFor();
  await f.page.locator('#cloud-status[data-state="same"]').waitFor({ timeout: 15_000 });
  const expected = engine({ version: 1, entity: 'enterprise', sme: true, topics: ['investment'], facts: { 'm23.charging': false, 'm26.vehicleMaker': false } });
  const nonMonetary = expected.items.filter((r) => r.status === 'eligible' && r.amountKind === 'nonMonetary').map((r) => r.id);
  expect(nonMonetary).toEqual(['m10.funds', 'm25.resource-allocation']);
  const shown = await f.page.locator('#group-nonMonetary .result-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-item') ?? ''));
  expect(shown).toEqual(nonMonetary);
  const text = (await f.page.locator('#group-nonMonetary').textContent()) ?? '';
  expect(text).not.toContain('充电站');
  expect(text).not.toContain('对新能源汽车及配套企业有利');
  await f.page.locator('#group-nonMonetary').evaluate((n) => n.scrollIntoView({ block: 'start' }));
  await shot(f.page, 'relevance-dairy-results');
  expect(f.errors).toEqual([]);
  await f.close();
});
