/** Poster layout for every measure: wrapping, bounds, content (pure; widths from a fake measurer). */
import { catalog2022, headline } from '../../../shared/policy';
import { POSTER_HEIGHT, POSTER_WIDTH, drawPoster, layoutPoster, posterContent, wrapText, type MeasureText, type PosterContext } from '../../../shared/policy/poster';

/** CJK characters one em wide, Latin and digits 0.6 em (close to real fonts). */
const fake: MeasureText = (text, font) => {
  const size = Number(/(\d+)px/.exec(font)![1]);
  let w = 0;
  for (const ch of text) w += /[\x20-\x7e]/.test(ch) ? size * 0.6 : size;
  return w;
};

const brand = { appName: '政策算盘', tagline: '内蒙古 2022 制造业政策 · 逐条测算' };

describe.each(catalog2022.measures.map((m) => [m.id, m] as const))('%s', (_id, m) => {
  const c = posterContent(m, brand);
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

  test('every text stays inside the 750×1200 canvas, with margins', () => {
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
  const long = { ...posterContent(m, brand), title: '引导企业扩大先进制造业和重点产业链投资'.repeat(4) };
  const layout = layoutPoster(long, fake);
  expect(layout.titleLines).toHaveLength(3);
  expect(layout.titleLines[2].endsWith('…')).toBe(true);
  const two = layoutPoster({ ...long, title: '引导企业扩大先进制造业和重点产业链投资' }, fake);
  expect(two.titleLines.length).toBe(2);
  expect(two.titleLines.join('')).toBe('引导企业扩大先进制造业和重点产业链投资');
});

test('a figure never breaks from its unit; a headline fits one line where it can', () => {
  const lines = wrapText('30%，最高 500万元', 5 * 10, '10px x', fake);
  for (const l of lines) expect(/^(万|元|万元|%)/.test(l)).toBe(false);
  expect(lines.join('').replace(/\s/g, '')).toBe('30%，最高500万元');
  for (const m of catalog2022.measures) {
    const layout = layoutPoster(posterContent(m, brand), fake);
    // Short headlines ('最高 1000万元') fit one line; longer ones ('投资额 20%，最高 500万元') at most two.
    const limit = headline(m).length <= 12 ? 1 : 2;
    expect([m.id, layout.headlineLines.length <= limit]).toEqual([m.id, true]);
    for (const l of layout.headlineLines) expect([m.id, /^(万|元|万元|%)/.test(l)]).toEqual([m.id, false]);
  }
});

test('wrapText keeps closing punctuation off the start of a line and Latin words whole', () => {
  const lines = wrapText('支持“专精特新”中小企业发展，重点支持', 7 * 10, '10px x', fake);
  for (const l of lines.slice(1)) expect(/^[，。、”]/.test(l)).toBe(false);
  expect(lines.join('')).toBe('支持“专精特新”中小企业发展，重点支持');
  const latin = wrapText('标识解析 PUE1.3 数据中心', 60, '10px x', fake);
  expect(latin.some((l) => l.includes('PUE1.3'))).toBe(true);
});

test('drawPoster draws each op on a 2D context', () => {
  const calls: string[] = [];
  const ctx = new Proxy({} as PosterContext & Record<string, unknown>, {
    get: (t, k) => (k === 'measureText' ? (s: string) => ({ width: s.length * 10 }) : typeof k === 'string' && !(k in t) ? (...a: unknown[]) => calls.push(`${k}:${a[0]}`) : t[k as string]),
    set: (t, k, v) => ((t[k as string] = v), true),
  });
  const layout = layoutPoster(posterContent(catalog2022.measures[7], brand), fake);
  drawPoster(ctx, layout);
  expect(calls.filter((c) => c.startsWith('fillText:'))).toHaveLength(layout.ops.filter((o) => o.op === 'text').length);
  expect(calls).toContain(`fillText:${layout.titleLines[0]}`);
  expect(layout.titleLines.join('')).toBe('引导企业增加技术改造投入');
});
