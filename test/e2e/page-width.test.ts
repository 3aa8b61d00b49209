/**
 * A page that slides in is no wider than the screen, in Chromium at 390×844 on the H5 build: after
 * Taro's slide (the new page moves in from translateX(100%)) the document is 390 wide and cannot be
 * panned sideways. Without the router's horizontal clip, Chromium kept the results page's
 * position from the middle of its slide as the document's width (645–780 px measured), so the
 * page could be shifted sideways, cut off on the left (test/artifacts/relevance-dairy-results.png).
 * Screenshots: test/artifacts/page-width-*.png.
 */
import type { Page } from 'playwright-core';
import { shot, slideOver, tap, useHarness, visible } from './harness';

jest.setTimeout(120_000);

const harness = useHarness();

type Route = (page: Page) => Promise<void>;

const toQuestionnaire: Route = async (page) => {
  await tap(page, '#start-button');
  await visible(page, '#q-sme-opt-yes').waitFor();
};

const toResults: Route = async (page) => {
  await tap(page, '#start-button');
  await tap(page, '#q-sme-opt-yes');
  await tap(page, '#next-button');
  await tap(page, '#topic-investment');
  await tap(page, '#next-button');
  await tap(page, '#q-facts-m23-charging-opt-no');
  await tap(page, '#q-facts-m26-vehicleMaker-opt-no');
  await tap(page, '#next-button');
  await page.locator('#results-summary').waitFor();
  await page.locator('#cloud-status[data-state="same"]').waitFor({ timeout: 15_000 });
};

const toBrowser: Route = async (page) => {
  await tap(page, '#browse-policies');
  await visible(page, '#measure-card-m01').waitFor();
};

const toDetail: Route = async (page) => {
  await toBrowser(page);
  await slideOver(page);
  await tap(page, '#measure-card-m08');
  await visible(page, '#detail-title').waitFor();
};

it.each([
  { name: 'the questionnaire', route: toQuestionnaire, file: 'questionnaire' },
  { name: 'the results page after the questionnaire', route: toResults, file: 'results' },
  { name: 'the policy browser', route: toBrowser, file: 'browse' },
  { name: 'a measure’s detail page from the browser', route: toDetail, file: 'detail' },
])('$name, once slid in, is as wide as the 390 px screen', async ({ route, file }) => {
  const { page, context } = await harness().newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(harness().url);
  await page.locator('#home-lead').waitFor();
  await route(page);
  await slideOver(page);
  await shot(page, `page-width-${file}`);
  const width = await page.evaluate(() => ({ document: document.documentElement.scrollWidth, layoutViewport: window.innerWidth }));
  expect(width).toEqual({ document: 390, layoutViewport: 390 });
  expect(errors).toEqual([]);
  await context.close();
});
