/**
 * H5 first load in Chromium under 4× CPU throttling and a slow-4G profile (150 ms latency,
 * 1.6 Mbit/s down, 750 kbit/s up), a fresh browser context per run, served by the local cloud
 * (compressed). Measures: JS bytes before the home page is interactive (raw, gzip -9 of the same
 * files, and bytes on the wire), time until the start button can be clicked, and
 * the questionnaire's quick path — time from its last tap to the result. Prints JSON.
 */
import { readFileSync } from 'fs';
import path from 'path';
import { gzipSync } from 'zlib';
import type { CDPSession, Page } from 'playwright-core';
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

async function main() {
  const h = await startHarness();
  const { browser, url } = h;
  const interactive: number[] = [];
  const resultTimes: number[] = [];
  const cloudTimes: number[] = [];
  let js: { url: string; raw: number; gzip: number; wire: number }[] = [];
  let taps = 0;
  try {
    for (let run = 0; run < RUNS; run++) {
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
      interactive.push(Date.now() - t0);
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
      lastTapToResultMs: stat(resultTimes),
      lastTapToCloudConfirmedMs: stat(cloudTimes),
      quickPathTaps: taps,
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
