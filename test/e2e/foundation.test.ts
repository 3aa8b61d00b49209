/** The foundation, end to end: home → check page → calculate round trip through the local cloud. */
import { evaluate, formatInterval, parseProfile } from '../../shared/policy/engine';
import { shot, useHarness } from './harness';

jest.setTimeout(60_000);

const harness = useHarness();

describe('H5 app on the local cloud, in Chromium at 390×844', () => {
  it('opens the home page, then the developer check page, which shows the engine’s total from the cloud', async () => {
    const { page, context } = await harness().newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const cloudCalls: number[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/cloud/calculate')) cloudCalls.push(r.status());
    });

    await page.goto(harness().url);
    // The check page is the developer page now (home's start button opens the questionnaire).
    const dev = page.locator('#dev-check').first();
    await dev.waitFor({ state: 'visible' });
    await shot(page, 'foundation-home');

    await dev.click();
    const total = page.locator('#cloud-result-total');
    await total.waitFor({ state: 'visible' });
    await shot(page, 'foundation-check');

    // The page's sample: one 技改 project, 3000万元 on a chain → 3000 × 20% = 600 → capped at 500万元.
    const sample = parseProfile({ version: 1, entity: 'enterprise', facts: {}, projects: { 'm08.upgrade': [{ facts: { investment: 3000, chain: true } }] } });
    if (!sample.ok) throw new Error('sample invalid');
    expect(await total.textContent()).toBe(formatInterval(evaluate(sample.profile).total));
    expect(await total.textContent()).toBe('500万元');
    expect(cloudCalls).toEqual([200]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('answers a bad request to a cloud function with a JSON error in Chinese, not a stack trace', async () => {
    const res = await fetch(`${harness().url}/cloud/calculate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ profile: { version: 1, entity: 'enterprise', facts: { 'm14.cloudCost': -1 } } }),
    });
    const body = await res.json();
    expect(res.status).toBe(400);
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('INVALID_INPUT');
    expect(body.error.message).toContain('不能为负数');
    expect(JSON.stringify(body)).not.toMatch(/at .*:\d+:\d+/);
  });
});
