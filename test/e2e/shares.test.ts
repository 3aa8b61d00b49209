/**
 * What people pass around, end to end in Chromium at 390×844 on the H5 build with the local cloud:
 * the 测算单 (the whole result as one picture) of three personas, read back by its pixels — every
 * item line there, by count, and a code that opens the home page; a result card's shared line that
 * names its item and opens the detail page at it; a scanned code that lands on the home page; and a
 * poster whose code WeChat would not make, saying why.
 */
import { writeFileSync } from 'fs';
import path from 'path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import * as esbuild from 'esbuild';
import type { BrowserContext, Page } from 'playwright-core';
import { catalog2022 } from '../../shared/policy/engine';
import { sheetContent } from '../../shared/policy/pictures';
import { summarize } from '../../shared/policy/view';
import { DRAFT_KEY } from '../../src/state/draft-core';
import { draftOf, type PersonaProfile } from '../support/drafts';
import { engine } from '../support/engine';
import { LARGE_ENTERPRISE, INDUSTRIAL_PARK, SMALL_SPECIALIZED } from '../support/personas';
import { ARTIFACTS, shot, useHarness } from './harness';
import { QRCODE_REASONS } from '../../shared/cloud/handlers/qrcode';
import { BRAND } from '../../src/services/share';

jest.setTimeout(120_000);

const harness = useHarness();
afterAll(() => {
  delete process.env.LOCAL_QRCODE_ERROR;
});

const visible = (page: Page, selector: string) => page.locator(selector).locator('visible=true');
const RESULTS = '/#/pages/results/index';

/** A page whose device already holds these answers (as the questionnaire stores them). */
async function withAnswers(profile: PersonaProfile) {
  const f = await harness().newPage();
  await f.context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [DRAFT_KEY, JSON.stringify({ data: draftOf(profile) })] as const);
  return f;
}

async function imageOf(page: Page, selector: string): Promise<Buffer> {
  const img = visible(page, `${selector} img`);
  await img.waitFor();
  const src = (await img.getAttribute('src')) ?? '';
  expect(src.startsWith('data:image/png;base64,')).toBe(true);
  return Buffer.from(src.slice('data:image/png;base64,'.length), 'base64');
}

const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
const near = (d: Buffer, i: number, [r, g, b]: number[], tol = 24) => Math.abs(d[i] - r) <= tol && Math.abs(d[i + 1] - g) <= tol && Math.abs(d[i + 2] - b) <= tol;

/**
 * The sheet's item lines, counted from its pixels: each line ends in a thin rule (#d9e0dd) across the
 * text column, drawn on white; a run of rows where every pixel of the column is that rule's colour
 * (or a blend of it with white, as a 1 px line between two pixel rows is drawn) is one line's end.
 */
function countItemRules(png: PNG): number {
  const line = hex('#d9e0dd');
  let runs = 0;
  let run = 0;
  for (let y = 0; y <= png.height; y++) {
    let rule = true;
    for (let x = 60; y < png.height && x < png.width - 60 && rule; x += 3) {
      const i = (y * png.width + x) * 4;
      const [r, g, b] = [png.data[i], png.data[i + 1], png.data[i + 2]];
      // On the rule: between its colour and white, the same tint (g ≥ b ≥ r, as #d9e0dd), not white.
      rule = r >= line[0] - 6 && r < 250 && g >= r && g - r <= 10 && Math.abs(b - (r + g) / 2) <= 6;
    }
    if (y < png.height && rule) {
      run++;
      continue;
    }
    // A rule is one or two rows; a taller band of a pale tint is a background (the footer's).
    if (run > 0 && run <= 2) runs++;
    run = 0;
  }
  return runs;
}

describe('the 测算单 (result sheet)', () => {
  it.each([
    ['large-enterprise', LARGE_ENTERPRISE],
    ['small-specialized', SMALL_SPECIALIZED],
    ['park', INDUSTRIAL_PARK],
  ] as const)('%s: one PNG of the whole result — every item line there by count, the total, and a code that opens the home page', async (name, profile) => {
    const result = engine(profile);
    const { page, context } = await withAnswers(profile);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(harness().url + RESULTS);
    await visible(page, '#results-summary').waitFor();
    if (name === 'large-enterprise') {
      await visible(page, '#results-share').evaluate((e) => e.scrollIntoView({ block: 'center' }));
      await shot(page, 'results-share-block');
    }
    await visible(page, '#sheet-open').click();
    const png = await imageOf(page, '#sheet-image');
    const image = PNG.sync.read(png);
    expect(image.width).toBe(750);

    // What the sheet must hold, from the engine's result read by the one reader (result-view).
    const content = sheetContent(result, { appName: '政策算盘', who: '', date: '2026-01-01', listName: '', listStatus: '', code: { state: 'image' } });
    const lines = content.sections.reduce((n, s) => n + s.lines.length, 0);
    expect(lines).toBeGreaterThan(0);
    expect(countItemRules(image)).toBe(lines);

    // Not blank: many colours, dark text, the accent figures, the green header band.
    const d = image.data;
    const [accent, green] = [hex('#c2410c'), hex('#1f5f4a')];
    let dark = 0;
    let accented = 0;
    let band = 0;
    const colours = new Set<number>();
    for (let i = 0; i < d.length; i += 4) {
      colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
      if (d[i] < 60 && d[i + 1] < 60 && d[i + 2] < 60) dark++;
      if (near(d, i, accent)) accented++;
      if (near(d, i, green, 0)) band++;
    }
    expect(colours.size).toBeGreaterThan(50);
    expect(dark).toBeGreaterThan(lines * 300);
    expect(accented).toBeGreaterThan(lines * 200);
    expect(band).toBeGreaterThan(750 * 100);

    // Its code: the home page, with nothing of the result in it.
    const code = jsQR(new Uint8ClampedArray(d.buffer, d.byteOffset, d.length), image.width, image.height);
    expect(code?.data).toBe(`${harness().url}/#/pages/index/index?scene=${encodeURIComponent('v=start')}`);

    // The page's total is the sheet's (summarize, in 万元).
    if (summarize(result).totalWan) expect(await visible(page, '#results-total').textContent()).toBe(summarize(result).totalWan);

    writeFileSync(path.join(ARTIFACTS, `sheet-${name}.png`), png);
    await shot(page, `sheet-${name}-preview`);
    // H5: downloadable.
    const [download] = await Promise.all([page.waitForEvent('download'), visible(page, '#sheet-save').click()]);
    expect(download.suggestedFilename()).toMatch(/^政策算盘-测算单-\d{4}-\d{2}-\d{2}\.png$/);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('shares that open what they name', () => {
  it('a result card’s 分享 copies a line naming its item, whose link opens the detail page at that item; the figure only when ticked', async () => {
    const { page, context } = await withAnswers(LARGE_ENTERPRISE);
    await page.goto(harness().url + RESULTS);
    await visible(page, '#result-m08-robots').waitFor();
    await visible(page, '#result-m08-robots-share').click();
    await page.waitForFunction(() => !!window.localStorage.getItem('taro_clipboard'));
    const copied = clipboard(await page.evaluate(() => window.localStorage.getItem('taro_clipboard')));
    expect(copied).toBe(`“机器换人”工业机器人购置补助：20%，最高 500万元｜第（八）条 引导企业增加技术改造投入 ${harness().url}/#/pages/policy/detail/index?id=m08&item=m08.robots`);

    // Ticked: the card's own figure goes with it (3000万元 × 20% = 600万元, capped at 500万元).
    await visible(page, '#share-with-figures').click();
    await visible(page, '#result-m08-upgrade-share').click();
    await page.waitForFunction(() => (window.localStorage.getItem('taro_clipboard') ?? '').includes('我测算'));
    const ticked = clipboard(await page.evaluate(() => window.localStorage.getItem('taro_clipboard')));
    expect(ticked.startsWith('技术改造项目补助：我测算 500万元｜第（八）条')).toBe(true);
    await context.close();

    const fresh = await harness().newPage();
    await fresh.page.goto(copied.slice(copied.lastIndexOf(' ') + 1));
    await visible(fresh.page, '#item-table-focus').waitFor();
    expect(await visible(fresh.page, '#item-table-focus').getAttribute('data-item')).toBe('m08.robots');
    await shot(fresh.page, 'detail-m08-item-focus');
    await fresh.context.close();
  });

  it('a scanned code of a 测算单 lands on the home page as an invitation; a measure’s code that lands there goes on to the measure', async () => {
    const { page, context } = await harness().newPage();
    await page.goto(`${harness().url}/#/pages/index/index?scene=${encodeURIComponent('v=start')}`);
    await visible(page, '#home-invited').waitFor();
    expect(await visible(page, '#home-invited').textContent()).toContain('你的企业也可以算一算');
    await shot(page, 'home-invited');
    await page.goto('about:blank');
    await page.goto(`${harness().url}/#/pages/index/index?scene=${encodeURIComponent('m=m17')}`);
    await visible(page, '#detail-title').waitFor();
    expect(await visible(page, '#detail-title').textContent()).toBe('支持节能技术改造');
    await context.close();
  });

  it('when WeChat will not make a code (45009), the poster goes out without one and says why', async () => {
    process.env.LOCAL_QRCODE_ERROR = '45009';
    try {
      const { page, context } = await harness().newPage();
      // The words the page's canvas writes on the 750 px wide poster, as drawn (fillText), in order.
      await context.addInitScript(() => {
        const drawn: string[] = [];
        (window as unknown as { posterWords: string[] }).posterWords = drawn;
        const fillText = CanvasRenderingContext2D.prototype.fillText;
        CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth?: number) {
          if (this.canvas.width === 750) drawn.push(text);
          return maxWidth === undefined ? fillText.call(this, text, x, y) : fillText.call(this, text, x, y, maxWidth);
        };
      });
      await page.goto(`${harness().url}/#/pages/policy/detail/index?id=m12`);
      await visible(page, '#poster-open').click();
      const png = PNG.sync.read(await imageOf(page, '#poster-image'));
      expect([png.width, png.height]).toEqual([750, 1334]);
      expect(jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)).toBeNull();
      // Why: the corner says no code was made and WeChat's reason for 45009, and where to find the app instead.
      const words = (await page.evaluate(() => (window as unknown as { posterWords: string[] }).posterWords)).join('');
      expect(words).toContain('小程序码未生成');
      expect(words).toContain(QRCODE_REASONS.quota);
      expect(words).toContain(`微信搜索「${BRAND.appName}」`);
      writeFileSync(path.join(ARTIFACTS, 'poster-m12-no-code.png'), PNG.sync.write(png));
      await shot(page, 'detail-m12-poster-no-code');
      await context.close();
    } finally {
      delete process.env.LOCAL_QRCODE_ERROR;
    }
  });
});

/** Taro H5 keeps the clipboard in localStorage as {"data": text}. */
function clipboard(stored: string | null): string {
  return (JSON.parse(stored ?? '{}') as { data?: string }).data ?? '';
}

describe('the 5:4 chat cards, drawn by the browser’s canvas with its fonts', () => {
  type Drawn = { size: number[]; accent: number; dark: number; png: string };
  let page: Page;
  let context: BrowserContext;
  let draw: (kind: 'measure' | 'item' | 'result', args: unknown[]) => Promise<Drawn>;

  beforeAll(async () => {
    // The page's own drawing code (layout + drawLayout), bundled as the app bundles it.
    const bundle = await esbuild.build({
      stdin: {
        contents: `export * from './shared/policy/pictures/share-card'; export { drawLayout, contextMeasure } from './shared/policy/pictures/drawing';`,
        resolveDir: path.join(__dirname, '../..'),
        loader: 'ts',
      },
      bundle: true,
      format: 'iife',
      globalName: 'cards',
      write: false,
      logLevel: 'silent',
    });
    ({ page, context } = await harness().newPage());
    await page.goto(harness().url + '/#/pages/index/index');
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    draw = (kind, args) =>
      page.evaluate(
        ([k, a]) => {
          const w = window as unknown as { cards: Record<string, (...x: unknown[]) => unknown> };
          const { cards } = w;
          const brand = { appName: '政策算盘', listShort: '内蒙古 2022 制造业政策' };
          const canvas = document.createElement('canvas');
          const ctx = canvas.getContext('2d')!;
          const content = k === 'measure' ? cards.measureCard(a[0], brand) : k === 'item' ? cards.itemCard(a[0], a[1], brand, a[2]) : cards.resultCard(brand, a[0]);
          const layout = cards.layoutShareCard(content, cards.contextMeasure(ctx)) as { width: number; height: number };
          canvas.width = layout.width;
          canvas.height = layout.height;
          cards.drawLayout(ctx, layout);
          const d = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
          let accent = 0;
          let dark = 0;
          for (let i = 0; i < d.length; i += 4) {
            if (Math.abs(d[i] - 0xc2) < 20 && Math.abs(d[i + 1] - 0x41) < 20 && Math.abs(d[i + 2] - 0x0c) < 20) accent++;
            if (d[i] < 60 && d[i + 1] < 60 && d[i + 2] < 60) dark++;
          }
          return { size: [canvas.width, canvas.height], accent, dark, png: canvas.toDataURL('image/png') };
        },
        [kind, args] as const,
      );
  });
  afterAll(async () => {
    await context?.close();
  });

  it.each(catalog2022.measures.map((m) => [m.id, m] as const))('%s: its card is a 750×600 PNG with its title in dark text and its headline in the accent colour', async (_id, m) => {
    const card = await draw('measure', [m]);
    // 5:4, the title in dark text and the headline in the accent colour.
    expect([m.id, card.size]).toEqual([m.id, [750, 600]]);
    expect([m.id, card.dark > 3000, card.accent > 2000]).toEqual([m.id, true, true]);
    if (m.id === 'm08') writeFileSync(path.join(ARTIFACTS, 'share-card-m08.png'), Buffer.from(card.png.split(',')[1], 'base64'));
  });

  it('an item’s card and the result’s card are 750×600 PNGs with their words drawn', async () => {
    const m08 = catalog2022.measures[7];
    const item = await draw('item', [m08, 'm08.robots', '160万元']);
    expect(item.accent).toBeGreaterThan(2000);
    writeFileSync(path.join(ARTIFACTS, 'share-card-m08-robots-ticked.png'), Buffer.from(item.png.split(',')[1], 'base64'));
    const invitation = await draw('result', [undefined]);
    const ticked = await draw('result', [{ total: '636万元', covers: '涉及 3 条措施、3 个可申请事项' }]);
    expect(ticked.accent).toBeGreaterThan(2000);
    expect(invitation.size).toEqual([750, 600]);
    writeFileSync(path.join(ARTIFACTS, 'share-card-result.png'), Buffer.from(invitation.png.split(',')[1], 'base64'));
    writeFileSync(path.join(ARTIFACTS, 'share-card-result-ticked.png'), Buffer.from(ticked.png.split(',')[1], 'base64'));
  });
});
