/**
 * A version on every figure (issue 26, item 6), in H5 at 390×844 against the local cloud: the results
 * page ends with '测算版本 … · 政策数据 …' — the version the H5 build was made with and the catalog's
 * hash computed in the browser, equal to this process's — and, the local cloud answering with the
 * same version (as npm start builds both), no note about the cloud; the 测算单 PNG is saved for a look.
 * Screenshots: results-version.png, sheet-version.png (test/artifacts/).
 */
import { writeFileSync } from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { catalogVersion, versionText } from '../../shared/policy/engine';
import { DRAFT_KEY } from '../../src/state/draft-core';
import { builtAppVersion } from '../support/built-version';
import { draftOf } from '../support/drafts';
import { LARGE_ENTERPRISE } from '../support/personas';
import { ARTIFACTS, shot, useHarness } from './harness';

jest.setTimeout(120_000);

const harness = useHarness();
const visible = (page: Page, selector: string) => page.locator(selector).locator('visible=true');
const STATIC = path.resolve(__dirname, '../..', process.env.E2E_STATIC_DIR || 'dist-h5');

it('the results page ends with the build’s version and the catalog’s hash, the cloud agreeing; the 测算单 prints it', async () => {
  const built = builtAppVersion(STATIC);
  expect(built).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{7}(\.dirty)?$/);
  const expected = versionText({ app: built!, catalog: catalogVersion() });
  const { page, context } = await harness().newPage();
  await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [DRAFT_KEY, JSON.stringify({ data: draftOf(LARGE_ENTERPRISE) })] as const);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${harness().url}/#/pages/results/index`);
  await visible(page, '#cloud-status[data-state="same"]').waitFor();
  await visible(page, '#results-version').evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await shot(page, 'results-version');
  expect((await visible(page, '#results-version').textContent())?.trim()).toBe(expected);
  expect(await page.locator('#results-version-cloud').count()).toBe(0);

  await visible(page, '#sheet-open').click();
  const img = visible(page, '#sheet-image img');
  await img.waitFor();
  const src = (await img.getAttribute('src')) ?? '';
  writeFileSync(path.join(ARTIFACTS, 'sheet-version.png'), Buffer.from(src.slice('data:image/png;base64,'.length), 'base64'));
  expect(errors).toEqual([]);
  await context.close();
});
