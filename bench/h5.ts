/**
 * H5 first load in Chromium under 4× CPU throttling and a slow-4G profile (150 ms latency,
 * 1.6 Mbit/s down, 750 kbit/s up), a fresh browser context per run, served by the local cloud
 * (compressed). Measures: JS bytes before the home page is interactive (raw, gzip -9 of the same
 * files, and bytes on the wire), time until the start button can be clicked, where that time goes
 * (the last script downloaded, DOMContentLoaded — app.js has run —, first contentful paint), and
 * the questionnaire's quick path — time from its last tap to the result. Prints JSON.
 * BENCH_COMPARE=dirA,dirB (H5 build folders): time to the button only, one local cloud per folder,
 * the folders alternating run by run in one browser (issue 24, item 5: old and new build side by side).
 */
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { gzipSync } from 'zlib';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { createServer } from '../server';
// The e2e harness starts the local cloud on the H5 build and Debian's Chromium; the bench shares it.
import { startHarness } from '../test/e2e/harness';
import { stat } from './stats';
import { quickPath } from './quick-path';

const RUNS = Number(process.env.BENCH_RUNS || 5);
const root = process.env.BENCH_ROOT || process.cwd();
const staticDir = path.resolve(root, process.env.E2E_STATIC_DIR || 'dist-h5');

async function throttle(cdp: CDPSession) {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6e6 / 8) | 0,
    uploadThroughput: (750e3 / 8) | 0,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

/** Navigation-relative times (ms) read in the page once the button works. */
interface Phases {
  jsDownloaded: number;
  domContentLoaded: number;
  firstContentfulPaint: number;
}

async function openToButton(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await throttle(cdp);
  const wire = new Map<string, number>();
  const urls = new Map<string, string>();
  cdp.on('Network.responseReceived', (e: { requestId: string; response: { url: string } }) => urls.set(e.requestId, e.response.url));
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
    const u = urls.get(e.requestId);
    if (u) wire.set(u, e.encodedDataLength);
  });
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  const start = page.locator('.start-button').first();
  await start.waitFor({ state: 'visible', timeout: 60_000 });
  await page.waitForFunction(() => {
    const el = document.querySelector('.start-button') as HTMLElement | null;
    return !!el && !el.hasAttribute('disabled') && el.getBoundingClientRect().height > 0;
  });
  const ms = Date.now() - t0;
  const phases: Phases = await page.evaluate(() => {
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => /\.js(\?|$)/.test(e.name));
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      jsDownloaded: Math.round(Math.max(0, ...scripts.map((e) => e.responseEnd))),
      domContentLoaded: Math.round(nav.domContentLoadedEventEnd),
      firstContentfulPaint: fcp ? Math.round(fcp.startTime) : NaN,
    };
  });
  return { context, page, ms, phases, wire };
}

const phaseStats = (all: Phases[]) => ({
  jsDownloadedMs: stat(all.map((p) => p.jsDownloaded)),
  domContentLoadedMs: stat(all.map((p) => p.domContentLoaded)),
  firstContentfulPaintMs: stat(all.map((p) => p.firstContentfulPaint).filter((x) => !Number.isNaN(x))),
});

/** BENCH_COMPARE: the same first load against each folder, alternating (A B, B A, …), medians per folder. */
async function compare(dirs: string[]) {
  const h = await startHarness();
  const clouds = await Promise.all(
    dirs.map(async (dir) => {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'abacus-bench-h5-'));
      const cloud = createServer({ port: 0, dataDir, staticDir: path.resolve(root, dir), log: { info: () => {}, warn: () => {}, error: () => {} } as never });
      return { dir, dataDir, cloud, url: await cloud.listen(), times: [] as number[], phases: [] as Phases[] };
    }),
  );
  const loads: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      for (const c of run % 2 ? [...clouds].reverse() : clouds) {
        loads.push(os.loadavg()[0]);
        const r = await openToButton(h.browser, c.url);
        c.times.push(r.ms);
        c.phases.push(r.phases);
        await r.context.close();
      }
    }
  } finally {
    for (const c of clouds) {
      await c.cloud.close();
      rmSync(c.dataDir, { recursive: true, force: true });
    }
    await h.close();
  }
  console.log(JSON.stringify({ runs: RUNS, load1: stat(loads), builds: clouds.map((c) => ({ dir: c.dir, interactiveMs: stat(c.times), ...phaseStats(c.phases) })) }));
}

async function main() {
  const h = await startHarness();
  const { browser, url } = h;
  const interactive: number[] = [];
  const resultTimes: number[] = [];
  const cloudTimes: number[] = [];
  let js: { url: string; raw: number; gzip: number; wire: number }[] = [];
  const allPhases: Phases[] = [];
  let taps = 0;
  try {
    for (let run = 0; run < RUNS; run++) {
      const { context, page, ms, phases, wire } = await openToButton(browser, url);
      interactive.push(ms);
      allPhases.push(phases);
      if (run === 0) {
        js = [...wire.entries()]
          .filter(([u]) => /\.js(\?|$)/.test(u))
          .map(([u, w]) => {
            const file = path.join(staticDir, new URL(u).pathname);
            const body = readFileSync(file);
            return { url: new URL(u).pathname, raw: body.length, gzip: gzipSync(body, { level: 9 }).length, wire: w };
          });
      }
      const r = await quickPath(page);
      resultTimes.push(r.ms);
      cloudTimes.push(r.cloudMs);
      taps = r.taps;
      await context.close();
    }
  } finally {
    await h.close();
  }
  const sum = (k: 'raw' | 'gzip' | 'wire') => js.reduce((a, f) => a + f[k], 0);
  console.log(
    JSON.stringify({
      runs: RUNS,
      jsBeforeInteractive: { files: js, raw: sum('raw'), gzip: sum('gzip'), wire: sum('wire') },
      interactiveMs: stat(interactive),
      ...phaseStats(allPhases),
      lastTapToResultMs: stat(resultTimes),
      lastTapToCloudConfirmedMs: stat(cloudTimes),
      quickPathTaps: taps,
    }),
  );
}

const compareDirs = process.env.BENCH_COMPARE?.split(',').filter(Boolean);
(compareDirs ? compare(compareDirs) : main()).catch((e) => {
  console.error(e);
  process.exit(1);
});
