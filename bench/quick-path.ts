/**
 * The questionnaire's quick path for the H5 benchmark (the same 8 taps as the e2e test in
 * test/e2e/questionnaire.test.ts): enterprise → two topics → two 是 → 查看结果. Measures the time
 * from the last tap until the result summary is on screen (the on-device engine's figure), and
 * until the cloud has confirmed it.
 */
import type { Page } from 'playwright-core';

const STEPS = [
  '#start-button',
  '#next-button',
  '#topic-platforms',
  '#topic-green',
  '#next-button',
  '#q-facts-m01-techCenter-opt-yes',
  '#q-facts-m21-nationalGreen-opt-yes',
];
const LAST = '#next-button';

export async function quickPath(page: Page): Promise<{ ms: number; cloudMs: number; taps: number }> {
  let taps = 0;
  const tap = async (selector: string) => {
    const el = page.locator(selector).first();
    await el.waitFor({ state: 'visible', timeout: 60_000 });
    await el.evaluate((node) => node.scrollIntoView({ block: 'center' }));
    await el.click();
    taps += 1;
  };
  for (const s of STEPS) await tap(s);
  const last = page.locator(LAST).first();
  await last.waitFor({ state: 'visible' });
  await last.evaluate((node) => node.scrollIntoView({ block: 'center' }));
  const t0 = Date.now();
  await last.click();
  taps += 1;
  await page.locator('#results-summary').waitFor({ timeout: 60_000 });
  const ms = Date.now() - t0;
  await page.locator('#cloud-status[data-state="same"]').waitFor({ timeout: 60_000 });
  return { ms, cloudMs: Date.now() - t0, taps };
}
