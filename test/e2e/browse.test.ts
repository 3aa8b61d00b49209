/**
 * The policy browser end to end, in Chromium at 390×844 on the H5 build with the local cloud:
 * browse → filter → detail → the mini calculator shows the engine's figure; a deep link opens a
 * measure in a fresh browser; the poster is a 750×1334 PNG that is not blank, and its 小程序码 —
 * for every measure — decodes to a link that opens that measure in a fresh browser; favourites persist.
 */
import { writeFileSync } from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { catalog2022, evaluate, formatInterval } from '../../shared/policy/engine';
import { headline, sceneOf, calcSpec } from '../../shared/policy/view';
import { POSTER_CODE_BOX } from '../../shared/policy/pictures';
import { TYPED_AMOUNTS } from '../support/typed-amounts';
import { ARTIFACTS, shot, useHarness } from './harness';

jest.setTimeout(120_000);

const harness = useHarness();

const BROWSE = '/#/pages/policy/browse/index';
const detail = (id: string) => `/#/pages/policy/detail/index?id=${id}`;

/** Taro H5 keeps earlier pages of the stack in the DOM (hidden): look only at the visible page. */
const visible = (page: Page, selector: string) => page.locator(selector).locator('visible=true');

async function cardIds(page: Page): Promise<string[]> {
  return visible(page, '.measure-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-measure') ?? e.id));
}

/** The QR code in the poster's code box, decoded (jsQR), or null. */
function decodeCode(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  const { x, y, size } = POSTER_CODE_BOX;
  const crop = new Uint8ClampedArray(size * size * 4);
  for (let row = 0; row < size; row++) {
    const from = ((y + row) * image.width + x) * 4;
    crop.set(image.data.subarray(from, from + size * 4), row * size * 4);
  }
  return jsQR(crop, size, size)?.data ?? null;
}

/** Reads a PNG's size from its IHDR chunk. */
function pngSize(buf: Buffer): { width: number; height: number } {
  expect(buf.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

describe('policy browser and detail (H5, Chromium 390×844)', () => {
  it('browses all 30 measures, filters, searches figures, and says what to change when nothing is left', async () => {
    const { page, context } = await harness().newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(harness().url + BROWSE);
    await visible(page, '#measure-card-m01').waitFor();
    await shot(page, 'browse-top');

    const all = await cardIds(page);
    expect(all).toHaveLength(30);
    expect(new Set(all).size).toBe(30);
    expect(await visible(page, '.browse__section-title').allTextContents()).toEqual([
      '一、加强创新能力建设',
      '二、扩大有效投资',
      '三、促进产业智能化转型',
      '四、促进产业绿色化转型',
      '五、加强要素保障',
    ]);
    const m08 = visible(page, '#measure-card-m08');
    expect(await m08.textContent()).toContain('（八）引导企业增加技术改造投入');
    expect(await m08.textContent()).toContain('20%，最高 500万元');

    // For parks only.
    await visible(page, '#filter-who-park').click();
    expect(await cardIds(page)).toEqual(['m16', 'm20', 'm22', 'm23', 'm30']);
    await shot(page, 'browse-parks');

    // Back to all, then kind 贴息.
    await visible(page, '#filter-who-all').click();
    await visible(page, '#filter-kind-贴息').click();
    expect(await cardIds(page)).toEqual(['m09']);
    await visible(page, '#filter-kind-贴息').click();

    // Amount at least 1000 万元: stated caps of 1000万 and more, plus （四）'s uncapped rate; not
    // （七）, whose 每人 20万 goes to the craftsmen, not the enterprise (issue 22, item 7).
    await visible(page, '#filter-min-amount input').fill('1000');
    expect(await cardIds(page)).toEqual(['m01', 'm04', 'm16', 'm30']);
    await shot(page, 'browse-min-1000');
    await visible(page, '#filter-min-amount input').fill('');

    // Figure search: 2000吨 finds 2000 吨标准煤, not 2000万元.
    const search = visible(page, '#policy-search input');
    await search.fill('2000吨');
    expect(await cardIds(page)).toEqual(['m17']);
    expect(await visible(page, '.measure-card__hit').first().textContent()).toBe('2000 吨标准煤');
    await search.fill('500 万');
    const fiveMillion = await cardIds(page);
    expect(fiveMillion).toEqual(expect.arrayContaining(['m02', 'm08', 'm09', 'm11', 'm12', 'm17', 'm18', 'm19', 'm30']));
    await shot(page, 'browse-search-500wan');

    // Nothing left: the page names the changes that bring measures back.
    await search.fill('机器人');
    await visible(page, '#filter-who-park').click();
    await visible(page, '#browse-empty').waitFor();
    const empty = (await visible(page, '#browse-empty').textContent()) ?? '';
    expect(empty).toContain('没有找到符合条件的政策');
    expect(empty).toContain('清除搜索词“机器人”');
    expect(empty).toContain('不限“面向园区”');
    await shot(page, 'browse-empty');
    await visible(page, '#browse-tip-who').click();
    expect(await cardIds(page)).toEqual(['m08']);

    expect(errors).toEqual([]);
    await context.close();
  });

  it('browse → filter → detail → the mini calculator gives the engine’s figure with its stages', async () => {
    const { page, context } = await harness().newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(harness().url + BROWSE);
    await visible(page, '#filter-kind-补助').click();
    await visible(page, '#policy-search input').fill('技改');
    await visible(page, '#measure-card-m08').click();

    await visible(page, '#detail-title').waitFor();
    expect(await visible(page, '#detail-title').textContent()).toBe('引导企业增加技术改造投入');
    expect(await visible(page, '#detail-label').textContent()).toBe('第（八）条');
    await shot(page, 'detail-m08-top');

    // The clause verbatim, its figures highlighted.
    const clause = visible(page, '#detail-clause');
    const m08 = catalog2022.measures.find((m) => m.id === 'm08')!;
    expect((await clause.textContent())?.trim()).toBe(m08.clause);
    const figures = await visible(page, '#detail-clause .clause-text__figure').allTextContents();
    expect(figures).toEqual(expect.arrayContaining(['2000万元', '1000万元', '20%', '500万元', '500 万元']));

    // One 技改 project of 3000万元 on a chain, outside 脱贫地区 and 革命老区.
    await visible(page, '#calc-region-poverty-opt-no').click();
    await visible(page, '#calc-region-oldRevolutionary-opt-no').click();
    await visible(page, '#calc-entries-m08-upgrade-add').click();
    await visible(page, '#calc-projects-m08-upgrade-0-chain-opt-yes').click();
    await visible(page, '#calc-projects-m08-upgrade-0-investment-input input').fill('3000');
    // A robot purchase of 800万元 in a hazardous process.
    await visible(page, '#calc-entries-m08-robots-add').click();
    await visible(page, '#calc-projects-m08-robots-0-hazardous-opt-yes').click();
    await visible(page, '#calc-projects-m08-robots-0-robotCost-input input').fill('800');

    await visible(page, '#detail-calculator').evaluate((e) => e.scrollIntoView());
    await shot(page, 'detail-m08-form');

    const engine = evaluate({
      version: 1,
      entity: 'enterprise',
      region: { poverty: false, oldRevolutionary: false },
      projects: {
        'm08.upgrade': [{ facts: { chain: true, investment: '3000' } }],
        'm08.robots': [{ facts: { hazardous: true, robotCost: '800' } }],
      },
    });
    const total = visible(page, '#mini-calc-total');
    await total.waitFor();
    expect(await total.textContent()).toBe(formatInterval(engine.total));
    expect(await total.textContent()).toBe('660万元');
    const result = (await visible(page, '#mini-calc-result').textContent()) ?? '';
    expect(result).toContain('3000万元 × 20% = 600万元');
    expect(result).toContain('按照实际完成投资额的 20%');
    expect(result).toContain('单个项目最高不超过 500万元给予补助');
    expect(result).toContain('800万元 × 20% = 160万元');
    await visible(page, '#mini-calc-result').scrollIntoViewIfNeeded();
    await shot(page, 'detail-m08-calculator');

    // The figure on the poster says what it adds: two items, each under its own cap (issue 22, item 4).
    await visible(page, '#poster-with-figure').click();
    await visible(page, '#poster-open').click();
    const withFigure = visible(page, '#poster-image img');
    await withFigure.waitFor();
    const posterSrc = (await withFigure.getAttribute('src')) ?? '';
    writeFileSync(path.join(ARTIFACTS, 'poster-m08-with-figure.png'), Buffer.from(posterSrc.replace(/^data:image\/png;base64,/, ''), 'base64'));
    await shot(page, 'detail-m08-poster-with-figure');
    await visible(page, '#poster-close').click();

    // A second project: the figure follows the engine again.
    await visible(page, '#calc-entries-m08-upgrade-add').click();
    await visible(page, '#calc-projects-m08-upgrade-1-chain-opt-yes').click();
    await visible(page, '#calc-projects-m08-upgrade-1-investment-input input').fill('1500');
    const engine2 = evaluate({
      version: 1,
      entity: 'enterprise',
      region: { poverty: false, oldRevolutionary: false },
      projects: {
        'm08.upgrade': [{ facts: { chain: true, investment: '3000' } }, { facts: { chain: true, investment: '1500' } }],
        'm08.robots': [{ facts: { hazardous: true, robotCost: '800' } }],
      },
    });
    await page.waitForFunction(
      (want) => Array.from(document.querySelectorAll('#mini-calc-total')).some((e) => e.textContent === want),
      formatInterval(engine2.total),
    );
    expect(await total.textContent()).toBe(formatInterval(engine2.total));
    expect(await visible(page, '#mini-calc-result').textContent()).toContain('再增加 500万元');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('（三）’s calculator once the yearly cap of 50万元 is used up says so, not 可申请 0元 (issue 22, item 6)', async () => {
    const { page, context } = await harness().newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(harness().url + detail('m03'));
    await visible(page, '#mini-calc').waitFor();
    // 主导国际 1 × 30万元 + 主导国家 1 × 20万元 = 50万元, the yearly cap; 参与国家 2 × 10万元 gets nothing.
    for (const [fact, n] of [['m03.leadInternational', '1'], ['m03.leadNational', '1'], ['m03.joinNational', '2']]) {
      await visible(page, `#calc-facts-${fact.replace('.', '-')}-input input`).fill(n);
    }
    const usedUp = visible(page, '[data-item="m03.join-national"] .calc-item__amount');
    await usedUp.waitFor();
    expect(await usedUp.textContent()).toBe('本年度上限 50万元 已用完');
    expect(await visible(page, '#mini-calc-total').textContent()).toBe('50万元');
    await usedUp.evaluate((n) => n.scrollIntoView({ block: 'center' }));
    await shot(page, 'detail-m03-calculator-cap-used-up');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the calculator: a number typed and then cleared is skipped, nothing turns red (issue 22, item 1)', async () => {
    const { page, context } = await harness().newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(harness().url + detail('m14'));
    await visible(page, '#mini-calc').waitFor();
    const before = await visible(page, '#mini-calc-result').textContent();
    const box = visible(page, '#calc-facts-m14-cloudCost-input input');
    await box.fill('60');
    await visible(page, '#mini-calc-total').waitFor();
    await box.fill('');
    expect(await visible(page, '#calc-facts-m14-cloudCost-message').count()).toBe(0);
    expect(await visible(page, '#mini-calc-blocked').count()).toBe(0);
    expect(await visible(page, '#mini-calc-result').textContent()).toBe(before);
    await box.evaluate((n) => n.scrollIntoView({ block: 'center' }));
    await shot(page, 'detail-m14-calculator-cleared');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the calculator refuses 1.5 craftsmen with the questionnaire’s message, and shows whole ones as the craftsmen’s own award', async () => {
    const { page, context } = await harness().newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(harness().url + detail('m07'));
    await visible(page, '#mini-calc').waitFor();
    // Who is paid: the craftsmen themselves (奖励对象是工匠本人), not the enterprise (issue 22, item 7).
    expect(await visible(page, '.detail__who').textContent()).toBe('面向：工匠本人');
    expect(await visible(page, '.item-table__value--who').allTextContents()).toEqual(['工匠本人', '工匠本人']);
    await shot(page, 'detail-m07-header');
    const box = visible(page, '#calc-facts-m07-greatCraftsmen-input input');
    await box.fill('1.5');
    // The text stays as typed; the message is the schema's, word for word the questionnaire's.
    expect(await box.inputValue()).toBe('1.5');
    const message = visible(page, '#calc-facts-m07-greatCraftsmen-message');
    await message.waitFor();
    expect(await message.textContent()).toBe(TYPED_AMOUNTS.find((r) => r.typed === '1.5')!.message);
    expect(await visible(page, '#mini-calc-total').count()).toBe(0);
    await box.evaluate((n) => n.scrollIntoView({ block: 'center' }));
    await shot(page, 'detail-m07-calculator-bad-input');

    // 2 大国工匠 × 20万元 = 40万元, paid to them (奖励对象是工匠本人): not the enterprise's figure.
    await box.fill('2');
    const people = visible(page, '#mini-calc-people');
    await people.waitFor();
    expect(await people.textContent()).toBe('本企业工匠个人可获 40万元（发给个人，不计入企业合计）');
    await people.evaluate((n) => n.scrollIntoView({ block: 'center' }));
    await shot(page, 'detail-m07-calculator-people');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a deep link to a measure opens it in a fresh browser, and the poster is a 750×1334 PNG that is not blank', async () => {
    const { page, context } = await harness().newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(harness().url + detail('m17'));
    await visible(page, '#detail-title').waitFor();
    expect(await visible(page, '#detail-title').textContent()).toBe('支持节能技术改造');
    expect(await visible(page, '#detail-headline').textContent()).toBe('每吨标准煤 200元');
    expect(await visible(page, '#detail-clause').textContent()).toContain('对年节能量 2000 吨标准煤以上的（含 2000 吨标准煤）节能技术改造项目');
    await shot(page, 'detail-m17-deeplink');

    // 复制链接 (H5): the link that opens this measure.
    await visible(page, '#detail-copy-link').click();
    await page.waitForFunction(() => document.querySelector('#detail-copy-link')?.textContent?.includes('链接已复制'));
    const copied = (await page.evaluate(() => window.localStorage.getItem('taro_clipboard'))) ?? '';
    expect(copied).toContain(`${harness().url}/#/pages/policy/detail/index?id=m17`);

    await visible(page, '#poster-open').click();
    const img = visible(page, '#poster-image img');
    await img.waitFor();
    await page.waitForFunction(() => {
      const el = Array.from(document.querySelectorAll('#poster-image img')).pop() as HTMLImageElement | undefined;
      return !!el && el.complete && el.naturalWidth > 0;
    });
    const src = (await img.getAttribute('src')) ?? '';
    expect(src.startsWith('data:image/png;base64,')).toBe(true);
    const png = Buffer.from(src.slice('data:image/png;base64,'.length), 'base64');
    expect(pngSize(png)).toEqual({ width: 750, height: 1334 });

    // Pixels: many colours, the dark title text, the accent headline, the green header band.
    const stats = await page.evaluate(async (dataUrl) => {
      const im = new Image();
      im.src = dataUrl;
      await im.decode();
      const c = document.createElement('canvas');
      c.width = im.naturalWidth;
      c.height = im.naturalHeight;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(im, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      const colours = new Set<number>();
      let dark = 0, accent = 0, green = 0;
      for (let i = 0; i < d.length; i += 4) {
        const [r, g, b] = [d[i], d[i + 1], d[i + 2]];
        colours.add((r << 16) | (g << 8) | b);
        if (r < 60 && g < 60 && b < 60) dark++;
        if (Math.abs(r - 0xc2) < 20 && Math.abs(g - 0x41) < 20 && Math.abs(b - 0x0c) < 20) accent++;
        if (r === 0x1f && g === 0x5f && b === 0x4a) green++;
      }
      return { colours: colours.size, dark, accent, green, pixels: d.length / 4 };
    }, src);
    expect(stats.pixels).toBe(750 * 1334);
    expect(stats.colours).toBeGreaterThan(50);
    expect(stats.dark).toBeGreaterThan(2000);
    expect(stats.accent).toBeGreaterThan(2000);
    expect(stats.green).toBeGreaterThan(750 * 200);
    writeFileSync(path.join(ARTIFACTS, 'poster-m17.png'), png);
    await shot(page, 'detail-m17-poster');

    // Downloadable in H5.
    const [download] = await Promise.all([page.waitForEvent('download'), visible(page, '#poster-save').click()]);
    expect(download.suggestedFilename()).toBe('政策算盘-第（十七）条.png');
    const file = path.join(ARTIFACTS, 'poster-m17-download.png');
    await download.saveAs(file);
    const { readFileSync } = await import('fs');
    expect(pngSize(readFileSync(file))).toEqual({ width: 750, height: 1334 });

    expect(errors).toEqual([]);
    await context.close();
  });

  it('non-monetary measures show their guidance; an unknown id says so; favourites stay on the device', async () => {
    const { page, context } = await harness().newPage();
    await page.goto(harness().url + detail('m27'));
    await visible(page, '#detail-guidance').waitFor();
    expect(await visible(page, '#detail-calculator').count()).toBe(0);
    expect(await visible(page, '#detail-guidance').textContent()).toContain('纳入自治区重点支持产业目录的可享受电价政策支持');
    // Deadlines from the `deadlines` cloud function: none known for this measure — nothing invented.
    await visible(page, '#measure-deadlines-none').waitFor();
    expect(await visible(page, '#measure-deadlines').textContent()).toContain('清单本身没有写申报日期');
    // The reminders' subscribe button (issue 6) sits under it and also invents no date.
    const subscribe = visible(page, '#detail-deadlines .subscribe-button__none');
    await subscribe.waitFor();
    expect(await subscribe.textContent()).toContain('暂未公布申报截止时间');
    await visible(page, '#detail-deadlines').evaluate((e) => e.scrollIntoView());
    await shot(page, 'detail-m27-deadlines');
    expect(await visible(page, '#detail-deadlines').textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{4}年\d+月/);
    await visible(page, '#detail-favourite').click();
    expect(await visible(page, '#detail-favourite').textContent()).toContain('已收藏');
    await visible(page, '#detail-guidance').scrollIntoViewIfNeeded();
    await page.waitForTimeout(1600); // the "已收藏到本机" toast
    await shot(page, 'detail-m27-guidance');

    await page.goto(harness().url + BROWSE);
    await page.reload();
    await visible(page, '#filter-favourites').waitFor();
    await visible(page, '#filter-favourites').click();
    expect(await cardIds(page)).toEqual(['m27']);
    expect(await visible(page, '#measure-card-m27 .measure-card__star').count()).toBe(1);

    await page.goto(harness().url + detail('m99'));
    await visible(page, '#detail-missing').waitFor();
    expect(await visible(page, '#detail-missing').textContent()).toContain('没有找到这条政策');
    await context.close();
  });
});

describe('every measure: its deep link shows the verbatim clause and the calculator or guidance, no element has the id "undefined", and its poster’s code opens it again in a fresh browser', () => {
  let page: Page;
  let close: () => Promise<void>;
  const errors: string[] = [];
  beforeAll(async () => {
    const opened = await harness().newPage();
    page = opened.page;
    close = () => opened.context.close();
    page.on('pageerror', (e) => errors.push(e.message));
  });
  afterAll(async () => close());

  it.each(catalog2022.measures.map((m) => [m.label, m.id] as const))('第%s条 (%s)', async (_label, id) => {
    const m = catalog2022.measures.find((x) => x.id === id)!;
    errors.length = 0;
    await page.goto('about:blank');
    await page.goto(harness().url + detail(m.id));
    await visible(page, '#detail-title').waitFor();
    expect(await visible(page, '#detail-title').textContent()).toBe(m.title);
    expect(await visible(page, '#detail-headline').textContent()).toBe(headline(m));
    expect((await visible(page, '#detail-clause').textContent())?.trim()).toBe(m.clause);
    const spec = calcSpec(m);
    expect(await visible(page, '#mini-calc').count()).toBe(spec.computable ? 1 : 0);
    expect(await visible(page, '#detail-guidance').count()).toBe(spec.guidance.length > 0 ? 1 : 0);
    // No element has the id "undefined" or "null" (issue 22, cosmetic), the deadlines included.
    await visible(page, '#detail-deadlines').waitFor();
    const badIds = await page.evaluate(() => Array.from(document.querySelectorAll('[id="undefined"], [id="null"]'), (e) => e.outerHTML.slice(0, 160)));
    expect(badIds).toEqual([]);
    await visible(page, '#poster-open').click();
    const img = visible(page, '#poster-image img');
    await img.waitFor();
    const src = (await img.getAttribute('src')) ?? '';
    const png = Buffer.from(src.replace(/^data:image\/png;base64,/, ''), 'base64');
    expect(pngSize(png)).toEqual({ width: 750, height: 1334 });
    // The longest title, the most items, a non-monetary one: kept for looking at.
    if (['m09', 'm01', 'm24', 'm28'].includes(m.id)) writeFileSync(path.join(ARTIFACTS, `poster-${m.id}.png`), png);
    // The code in its corner, read back from the poster's pixels as a phone's camera would.
    const link = decodeCode(png);
    // The local cloud's code is a QR code of the H5 link with WeChat's scene (a real WeChat code opens the same page with it).
    expect(link).toBe(`${harness().url}/#/pages/policy/detail/index?scene=${encodeURIComponent(sceneOf({ view: 'measure', measureId: m.id }))}`);
    // The link, opened in a browser that has never seen the app, shows its measure.
    const fresh = await harness().newPage();
    await fresh.page.goto(link!);
    await visible(fresh.page, '#detail-title').waitFor();
    expect(await visible(fresh.page, '#detail-title').textContent()).toBe(m.title);
    await fresh.context.close();
    expect(errors).toEqual([]);
  });
});
