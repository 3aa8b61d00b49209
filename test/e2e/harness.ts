/**
 * End-to-end harness: the real local cloud (server/) serving the H5 build (dist-h5/, from
 * `npm run build:h5`) on 127.0.0.1, a fresh data folder, and Debian's Chromium driven by
 * playwright-core at 390×844. Screenshots go to test/artifacts/ (git-ignored) — look at them.
 */
import { mkdirSync, mkdtempSync, rmSync, existsSync } from 'fs';
import os from 'os';
import path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createServer, type LocalCloud } from '../../server';
import { builtAppVersion } from '../support/built-version';

const root = path.join(__dirname, '../..');
export const ARTIFACTS = path.join(root, 'test/artifacts');
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));

export interface Harness {
  url: string;
  browser: Browser;
  newPage(options?: { openid?: string }): Promise<{ page: Page; context: BrowserContext }>;
  close(): Promise<void>;
}

/** `admins`: openids the local cloud makes admins when it starts (its LOCAL_ADMINS bootstrap). */
export async function startHarness(options: { admins?: string[] } = {}): Promise<Harness> {
  if (!CHROMIUM) throw new Error('Chromium 未安装：运行 node scripts/ensure-chromium.mjs（或 apt-get install -y chromium）');
  // E2E_STATIC_DIR: test another H5 build folder (parallel work builds with TARO_OUTPUT=…).
  const staticDir = path.resolve(root, process.env.E2E_STATIC_DIR || 'dist-h5');
  if (!existsSync(path.join(staticDir, 'index.html'))) throw new Error('dist-h5/ 不存在：先运行 npm run build:h5');
  // The local cloud answers with the app version the H5 build was made with, as `npm start` builds
  // both at once (issue 26, item 6: shared/policy/engine/version.ts reads this global).
  const built = builtAppVersion(staticDir);
  if (built) (globalThis as { __APP_VERSION__?: string }).__APP_VERSION__ = built;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'abacus-e2e-'));
  const cloud: LocalCloud = createServer({ port: 0, dataDir, staticDir, admins: options.admins, log: { info: () => {}, warn: () => {}, error: () => {} } as never });
  const url = await cloud.listen();
  // playwright gives each launch a fresh, empty profile directory (it refuses --user-data-dir).
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  }).catch(async (e: unknown) => {
    await cloud.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    url,
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', isMobile: true, hasTouch: true });
      if (options.openid) await context.addInitScript((id) => window.localStorage.setItem('devOpenid', id), options.openid);
      const page = await context.newPage();
      return { page, context };
    },
    async close() {
      await browser.close();
      await cloud.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One harness for a test file: started before its tests, closed after them. Use the returned
 * getter inside tests (`const h = useHarness(); … h().url`).
 */
export function useHarness(): () => Harness {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });
  return () => {
    if (!h) throw new Error('the e2e harness has not started (useHarness must be called at the top of a test file)');
    return h;
  };
}

/** Taro's H5 page switch slides; wait until it is over before a screenshot. */
export async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(400);
}

/** The first of the elements `selector` finds that is shown (Taro keeps pages slid out in the document). */
export const visible = (page: Page, selector: string) => page.locator(selector).locator('visible=true').first();

/** Taps the shown element, scrolled to the middle of the screen first (a fixed footer can cover the bottom). */
export async function tap(page: Page, selector: string): Promise<void> {
  const el = visible(page, selector);
  await el.waitFor();
  await el.evaluate((node) => node.scrollIntoView({ block: 'center' }));
  await el.click();
}

/** Taro marks the page on top stationed when its slide is over; waits for at least `pages` pages. */
export async function slideOver(page: Page, pages = 2): Promise<void> {
  await page.waitForFunction((n) => {
    const all = document.querySelectorAll('.taro_page');
    return all.length >= n && all[all.length - 1].classList.contains('taro_page_stationed');
  }, pages);
}

export async function shot(page: Page, name: string): Promise<string> {
  await settle(page);
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
