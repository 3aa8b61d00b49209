/** Poster layout for every measure: wrapping, bounds, content, the code's corner (pure; widths from a fake measurer). */
import { catalog2022, evaluate, type Profile } from '../../../shared/policy/engine';
import { headline } from '../../../shared/policy/view';
import { drawLayout, layoutTexts, wrapText, type CodeSlot, type DrawContext, POSTER_CODE_BOX, POSTER_HEIGHT, POSTER_WIDTH, layoutPoster, posterContent, posterFigure } from '../../../shared/policy/pictures';
import { fakeMeasureText } from '../../support/measure-text';

const fake = fakeMeasureText;

const brand = { appName: '政策算盘', tagline: '内蒙古 2022 制造业政策 · 逐条测算' };
const withCode: { code: CodeSlot } = { code: { state: 'image' } };

describe.each(catalog2022.measures.map((m) => [m.id, m] as const))('%s', (_id, m) => {
  const c = posterContent(m, brand, withCode);
  const layout = layoutPoster(c, fake);
  const texts = layout.ops.flatMap((o) => (o.op === 'text' ? [o] : []));
  const all = texts.map((t) => t.text).join('\n');

  test('carries the title, headline figure, clause number, the list’s name and the app’s name', () => {
    expect(layout.titleLines.join('')).toBe(m.title);
    expect(layout.headlineLines.join('').replace(/\s+/g, '')).toBe(headline(m).replace(/\s+/g, ''));
    expect(all).toContain(`第${m.label}条`);
    expect(all).toContain('政策算盘');
    expect(all.replace(/\n/g, '')).toContain(catalog2022.title);
  });

  test('every text stays inside the 750×1334 canvas, with margins', () => {
    expect([layout.width, layout.height]).toEqual([POSTER_WIDTH, POSTER_HEIGHT]);
    for (const t of texts) {
      const w = fake(t.text, t.font);
      expect([t.text, t.x >= 40 && t.x + w <= POSTER_WIDTH - 40]).toEqual([t.text, true]);
      const size = Number(/(\d+)px/.exec(t.font)![1]);
      expect([t.text, t.y >= 0 && t.y + size * 1.4 <= POSTER_HEIGHT]).toEqual([t.text, true]);
    }
  });
});

test('a long title wraps onto at most three lines, then an ellipsis', () => {
  const m = catalog2022.measures[8];
  const long = { ...posterContent(m, brand, withCode), title: '引导企业扩大先进制造业和重点产业链投资'.repeat(4) };
  const layout = layoutPoster(long, fake);
  expect(layout.titleLines).toHaveLength(3);
  expect(layout.titleLines[2].endsWith('…')).toBe(true);
  const two = layoutPoster({ ...long, title: '引导企业扩大先进制造业和重点产业链投资' }, fake);
  expect(two.titleLines.length).toBe(2);
  expect(two.titleLines.join('')).toBe('引导企业扩大先进制造业和重点产业链投资');
});

test('a figure never breaks from its unit', () => {
  const lines = wrapText('30%，最高 500万元', 5 * 10, '10px x', fake);
  for (const l of lines) expect(/^(万|元|万元|%)/.test(l)).toBe(false);
  expect(lines.join('').replace(/\s/g, '')).toBe('30%，最高500万元');
});

test.each(catalog2022.measures.map((m) => [m.id, m] as const))('%s: its poster headline fits one line where it can, and no line starts with a unit', (_id, m) => {
  const layout = layoutPoster(posterContent(m, brand, withCode), fake);
  // Short headlines ('最高 1000万元') fit one line; longer ones ('投资额 20%，最高 500万元') at most two.
  const limit = headline(m).length <= 12 ? 1 : 2;
  expect([m.id, layout.headlineLines.length <= limit]).toEqual([m.id, true]);
  for (const l of layout.headlineLines) expect([m.id, /^(万|元|万元|%)/.test(l)]).toEqual([m.id, false]);
});

test('wrapText keeps closing punctuation off the start of a line and Latin words whole', () => {
  const lines = wrapText('支持“专精特新”中小企业发展，重点支持', 7 * 10, '10px x', fake);
  for (const l of lines.slice(1)) expect(/^[，。、”]/.test(l)).toBe(false);
  expect(lines.join('')).toBe('支持“专精特新”中小企业发展，重点支持');
  // Two closing marks in a row travel together with the character before them.
  const run = wrapText('由主管部门核定），未计入合计', 6 * 10, '10px x', fake);
  for (const l of run.slice(1)) expect([l, /^[，。、）”]/.test(l)]).toEqual([l, false]);
  expect(run.join('')).toBe('由主管部门核定），未计入合计');
  const latin = wrapText('标识解析 PUE1.3 数据中心', 60, '10px x', fake);
  expect(latin.some((l) => l.includes('PUE1.3'))).toBe(true);
});

test('drawLayout draws each op on a 2D context, the code from its loaded image', () => {
  const calls: string[] = [];
  const ctx = new Proxy({} as DrawContext & Record<string, unknown>, {
    get: (t, k) => (k === 'measureText' ? (s: string) => ({ width: s.length * 10 }) : typeof k === 'string' && !(k in t) ? (...a: unknown[]) => calls.push(`${k}:${a[0]}`) : t[k as string]),
    set: (t, k, v) => ((t[k as string] = v), true),
  });
  const layout = layoutPoster(posterContent(catalog2022.measures[7], brand, withCode), fake);
  const code = { name: 'the loaded code' };
  drawLayout(ctx, layout, { code });
  expect(calls.filter((c) => c.startsWith('fillText:'))).toHaveLength(layout.ops.filter((o) => o.op === 'text').length);
  expect(calls.filter((c) => c.startsWith('drawImage:'))).toEqual(['drawImage:[object Object]']);
  expect(calls).toContain(`fillText:${layout.titleLines[0]}`);
  expect(layout.titleLines.join('')).toBe('引导企业增加技术改造投入');
});

describe('the 小程序码 corner', () => {
  const m08 = catalog2022.measures[7];

  test('with a code: one image op in the code box, and the words 长按识别 / 扫码查看条文与测算 beside it', () => {
    const layout = layoutPoster(posterContent(m08, brand, withCode), fake);
    const images = layout.ops.filter((o) => o.op === 'image');
    expect(images).toHaveLength(1);
    const [img] = images as Extract<(typeof layout.ops)[number], { op: 'image' }>[];
    expect(img.image).toBe('code');
    // Inside the box, square, and large enough to scan from a phone screen (≥ 180 of 750 px).
    expect(img.x).toBeGreaterThanOrEqual(POSTER_CODE_BOX.x);
    expect(img.y).toBeGreaterThanOrEqual(POSTER_CODE_BOX.y);
    expect(img.x + img.w).toBeLessThanOrEqual(POSTER_CODE_BOX.x + POSTER_CODE_BOX.size);
    expect(img.w).toBe(img.h);
    expect(img.w).toBeGreaterThanOrEqual(180);
    expect(img.y + img.h).toBeLessThanOrEqual(POSTER_HEIGHT);
    expect(layoutTexts(layout)).toEqual(expect.arrayContaining(['长按识别', '扫码查看条文与测算']));
    // No text runs into the box.
    for (const t of layout.ops) {
      if (t.op !== 'text' || t.y < POSTER_CODE_BOX.y - 10) continue;
      expect([t.text, t.x + fake(t.text, t.font) <= POSTER_CODE_BOX.x]).toEqual([t.text, true]);
    }
  });

  test.each([
    ['45009', '生成小程序码的次数已达微信的上限，请稍后再试'],
    ['offline', '网络不可用，小程序码未生成'],
  ])('without a code (%s): no image, the reason in the box, and where to search instead', (_case, reason) => {
    const layout = layoutPoster(posterContent(m08, brand, { code: { state: 'missing', reason } }), fake);
    expect(layout.ops.filter((o) => o.op === 'image')).toHaveLength(0);
    const texts = layoutTexts(layout);
    expect(texts).toContain('小程序码未生成');
    expect(texts.join('')).toContain(reason);
    expect(texts).toContain('微信搜索「政策算盘」');
    expect(texts).not.toContain('长按识别');
  });

  test('the user’s figure is on the poster only when given (the tick), in its own box under the headline', () => {
    const without = layoutTexts(layoutPoster(posterContent(m08, brand, withCode), fake));
    expect(without.some((t) => t.includes('我的测算'))).toBe(false);
    const layout = layoutPoster(posterContent(m08, brand, { ...withCode, yourFigure: { total: '420万元', parts: [] } }), fake);
    const texts = layoutTexts(layout);
    expect(texts).toContain('420万元');
    expect(texts.indexOf('420万元')).toBeGreaterThan(texts.indexOf(layout.headlineLines[0]));
  });
});

describe('the user’s figure says what it is made of (issue 22, item 4)', () => {
  const m08 = catalog2022.measures[7];
  // （八） as the detail page's calculator sends it: a 技术改造 project of 3000万元 (20% = 600万, capped at
  // 500万) and a 机器换人 project with 600万元 of robots (20% = 120万): 620万元, two items each under its own cap.
  const upgrade = { facts: { chain: true, investment: 3000 } };
  const robots = { facts: { hazardous: true, robotCost: 600 } };
  const profile = (projects: Profile['projects']): Profile => ({ version: 1, entity: 'enterprise', projects });
  const texts = (p: Profile) => layoutTexts(layoutPoster(posterContent(m08, brand, { ...withCode, yourFigure: posterFigure(evaluate(p)) }), fake));

  test.each([
    ['two items: the total, said to add them, and each item with its own figure', profile({ 'm08.upgrade': [upgrade], 'm08.robots': [robots] }), [
      '我的测算（按我填写的情况，本条 2 项相加）',
      '620万元',
      '技术改造项目补助 500万元',
      '“机器换人”工业机器人购置补助 120万元',
    ]],
    ['one item: its figure alone, nothing to add up', profile({ 'm08.upgrade': [upgrade] }), ['我的测算（按我填写的情况，只算这一条）', '500万元']],
  ])('%s', (_name, p, lines) => {
    const all = texts(p);
    const from = all.findIndex((t) => t.startsWith('我的测算'));
    expect(all.slice(from, from + lines.length)).toEqual(lines);
  });

  test('the headline above names one item’s cap; the figure under it is never left to read as that item’s', () => {
    const all = texts(profile({ 'm08.upgrade': [upgrade], 'm08.robots': [robots] }));
    const figure = all.indexOf('620万元');
    const headlineAt = all.findIndex((t) => t.startsWith('投资额 20%'));
    expect(headlineAt).toBeGreaterThanOrEqual(0);
    expect(headlineAt).toBeLessThan(figure);
    expect(all[figure - 1]).toContain('2 项相加');
  });

  test('nothing to claim, no figure for the poster', () => {
    expect(posterFigure(evaluate(profile({ 'm08.upgrade': [{ facts: { chain: false, investment: 3000 } }] })))).toBeUndefined();
  });
});

describe('a poster without a figure has no blank half-card: the room is shared out and filled with the clause', () => {
  const cardBottom = 216 + 760;
  test.each(catalog2022.measures.map((m) => [m.id, m] as const))('%s', (_id, m) => {
    const layout = layoutPoster(posterContent(m, brand, withCode), fake);
    const inCard = layout.ops.flatMap((o) => (o.op === 'text' && o.y < cardBottom ? [o] : []));
    const last = inCard[inCard.length - 1];
    const end = last.y + Number(/(\d+)px/.exec(last.font)![1]);
    // The card's own padding (48) and less than one more line.
    expect(cardBottom - end).toBeLessThanOrEqual(96);
  });
});

describe('the card holds what it shows: nothing runs out of it onto the code’s corner', () => {
  const cardBottom = 216 + 760;
  const figureOf = (m: (typeof catalog2022.measures)[number], n: number) => ({
    total: '1500万元',
    parts: m.items.slice(0, n).map((i) => ({ title: i.title, figure: '500万元' })),
  });
  test.each(catalog2022.measures.flatMap((m) => [
    [m.id, 'without a figure', m, undefined],
    [m.id, 'with a figure of one item', m, figureOf(m, 1)],
    [m.id, 'with a figure adding its items', m, figureOf(m, m.items.length)],
  ] as const))('%s %s', (_id, _case, m, yourFigure) => {
    const layout = layoutPoster(posterContent(m, brand, { ...withCode, ...(yourFigure ? { yourFigure } : {}) }), fake);
    const card = layout.ops.flatMap((o) => (o.op === 'text' && o.y > 216 && o.y < POSTER_CODE_BOX.y - 20 ? [o] : []));
    for (const t of card) expect([t.text, t.y + Number(/(\d+)px/.exec(t.font)![1]) <= cardBottom - 24]).toEqual([t.text, true]);
    const rects = layout.ops.flatMap((o) => (o.op === 'rect' && o.y > 216 && o.y < POSTER_CODE_BOX.y - 20 ? [o] : []));
    for (const r of rects) expect(r.y + r.h).toBeLessThanOrEqual(cardBottom - 24);
  });
});
