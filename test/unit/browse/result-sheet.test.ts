/** The 测算单 (result sheet): content from result-view, layout inside its canvas (pure; widths from a fake measurer). */
import { catalog2022, type FactDef } from '../../../shared/policy/engine';
import { font, layoutTexts, type CodeSlot, type DrawOp, SHEET_GROUPS, SHEET_MAX_HEIGHT, SHEET_WIDTH, layoutSheet, sheetContent, type SheetContent, type SheetLayout, type SheetMeta } from '../../../shared/policy/pictures';
import { figureInGroup, groupResults, measureLabel, pathLabel, summarize } from '../../../shared/policy/view';
import { LIST_STATES, LIST_STATE_LABELS } from '../../../shared/cloud/api';
import { engine } from '../../support/engine';
import { INDUSTRIAL_PARK, LARGE_ENTERPRISE, QUICK_PATH, SMALL_SPECIALIZED } from '../../support/personas';
import { fakeMeasureText } from '../../support/measure-text';

const fake = fakeMeasureText;
const sizeOf = (font: string) => Number(/(\d+)px/.exec(font)![1]);

const MARGIN = 40;
const IMAGE: CodeSlot = { state: 'image' };
const MISSING = { state: 'missing', reason: '微信暂时无法生成小程序码' } as const;

function meta(who: string, code: CodeSlot = IMAGE): SheetMeta {
  return { appName: '政策算盘', who, date: '2025-03-01', listName: catalog2022.title, listStatus: '在执行', code };
}

type TextOp = Extract<DrawOp, { op: 'text' }>;
const textOps = (l: SheetLayout) => l.ops.filter((o): o is TextOp => o.op === 'text');

/** Left and right edge of a drawn text, whatever its alignment. */
function span(t: TextOp): [number, number] {
  const w = fake(t.text, t.font);
  if (t.align === 'right') return [t.x - w, t.x];
  if (t.align === 'center') return [t.x - w / 2, t.x + w / 2];
  return [t.x, t.x + w];
}

/** The texts drawn in an item's row, in drawing order. */
function rowOps(l: SheetLayout, id: string): TextOp[] {
  const row = l.itemRows.find((r) => r.id === id)!;
  return textOps(l).filter((t) => t.y >= row.y && t.y < row.y + row.h);
}
const rowTexts = (l: SheetLayout, id: string) => rowOps(l, id).map((t) => t.text);
/** The item title's font on the sheet (28px, regular). */
const TITLE_FONT = font(28);

/** Every text inside the width with margins and inside the height; every box inside the canvas. */
function expectInside(layout: SheetLayout): void {
  for (const t of textOps(layout)) {
    const [left, right] = span(t);
    expect([t.text, left >= MARGIN && right <= SHEET_WIDTH - MARGIN]).toEqual([t.text, true]);
    expect([t.text, t.y >= 0 && t.y + sizeOf(t.font) * 1.4 <= layout.height]).toEqual([t.text, true]);
  }
  for (const o of layout.ops) {
    if (o.op === 'rect' || o.op === 'frame' || o.op === 'image') expect([o, o.x >= 0 && o.x + o.w <= SHEET_WIDTH && o.y >= 0 && o.y + o.h <= layout.height]).toEqual([o, true]);
  }
}

/** Every flag 是, every amount 100, every choice its first option, one named entry per repeated item: nearly everything applies. */
function everything(): unknown {
  const value = (f: FactDef) => (f.type === 'flag' ? true : f.type === 'choice' ? f.options[0].value : '100');
  const facts: Record<string, unknown> = {};
  const projects: Record<string, unknown> = {};
  for (const m of catalog2022.measures) {
    for (const f of m.facts) facts[f.id] = value(f);
    for (const i of m.items) {
      if (i.repeat) projects[i.id] = [{ name: `${i.repeat.noun}甲`, facts: Object.fromEntries(i.repeat.facts.map((f) => [f.id, value(f)])) }];
    }
  }
  return {
    version: 1,
    entity: 'enterprise',
    sme: true,
    region: { cityName: '赤峰市', countyName: '宁城县', countyCode: '150429', poverty: 'unknown', oldRevolutionary: 'unknown' },
    facts,
    projects,
  };
}

const CRAFTSMEN = { version: 1, entity: 'enterprise', topics: ['craftsmen'], facts: { 'm07.greatCraftsmen': '2', 'm07.northCraftsmen': '1' } };
const NOTHING = { version: 1, entity: 'enterprise', topics: ['platforms'], facts: { 'm01.techCenter': false } };

const cases: [name: string, profile: unknown, who: string, totalWan: string | undefined][] = [
  // （一） 50 + （二十一） 100 = 150万元
  ['the quick path', QUICK_PATH, '企业', '150'],
  // （八） 3000 × 20% = 600, capped at 500; （十三） 3A 100; （十四） 180 × 20% = 36: 500 + 100 + 36 = 636万元
  ['the large enterprise in 包头', LARGE_ENTERPRISE, '企业 · 包头市昆都仑区', '636'],
  // （六） 专精特新 50; （八） 1200 × 20% = 240 (革命老区: the 1000万元 threshold): 50 + 240 = 290万元
  ['the small 专精特新 firm in 赤峰', SMALL_SPECIALIZED, '企业 · 赤峰市宁城县', '290'],
  // （十六） 0–2000; （三十） 500; （二十） 金额待核定, not added: 0 + 500 = 500, 2000 + 500 = 2500万元
  ['the industrial park in 鄂尔多斯', INDUSTRIAL_PARK, '园区 · 鄂尔多斯市准格尔旗', '500–2500'],
  // 大国工匠 2 × 20 = 40, 北疆工匠 1 × 10 = 10: the craftsmen's, not the enterprise's — no total
  ['an enterprise whose craftsmen are awarded', CRAFTSMEN, '企业', undefined],
  ['an enterprise with nothing to claim', NOTHING, '企业', undefined],
];

describe.each(cases)('the sheet of %s', (_name, profile, who, totalWan) => {
  const result = engine(profile);
  const content = sheetContent(result, meta(who));
  const layout = layoutSheet(content, fake);
  const texts = layoutTexts(layout);
  const all = texts.join('\n');
  const listed = groupResults(result).filter((g) => SHEET_GROUPS.includes(g.id));

  test('lists every 可申请, 工匠, 需要补充信息 and 非资金支持 item as exactly one line, figure for figure', () => {
    const expected = listed.flatMap((g) => g.items.map((r) => [g.id, r.id, measureLabel(r), r.title, figureInGroup(r, g.id).figure]));
    const lines = content.sections.flatMap((s) => s.lines.map((l) => [s.group, l.id, l.label, l.title, l.figure]));
    expect(lines).toEqual(expected);
    // Drawn: one row per line, in the same order, nothing cut at this size.
    expect(layout.truncated).toBe(0);
    expect(layout.itemRows.map((r) => r.id)).toEqual(expected.map(([, id]) => id));
    for (const [, id, label, title, figure] of expected) {
      const row = rowTexts(layout, id);
      const titleRows = rowOps(layout, id)
        .filter((t) => t.font === TITLE_FONT)
        .map((t) => t.text);
      expect([id, titleRows.length >= 1 && titleRows.length <= 2 && titleRows[0].startsWith(label)]).toEqual([id, true]);
      // The title wraps onto at most two rows; where it is cut, what is drawn is its beginning and an ellipsis.
      expect([id, `${label}${title}`.startsWith(titleRows.join('').replace(/…$/, ''))]).toEqual([id, true]);
      expect([id, row.join('').includes(figure)]).toEqual([id, true]);
    }
  });

  test('heads each section with the results page’s group title and its count', () => {
    for (const g of listed.filter((g) => g.items.length > 0)) expect(texts).toContain(`${g.title}（${g.items.length} 项）`);
    expect(content.sections.map((s) => s.group)).toEqual(listed.filter((g) => g.items.length > 0).map((g) => g.id));
  });

  test('says summarize’s lead, total, covers and lines', () => {
    const summary = summarize(result);
    expect(content.totalWan).toBe(totalWan);
    expect(content.totalWan).toBe(summary.totalWan);
    expect(content.lead).toBe(summary.lead);
    expect(content.summaryLines).toEqual(summary.lines.map((l) => l.text));
    if (totalWan !== undefined) {
      expect(texts).toContain(totalWan);
      expect(texts).toContain('万元');
    }
    expect(all.replace(/\n/g, '')).toContain(summary.covers);
    for (const line of summary.lines) expect(all.replace(/\n/g, '')).toContain(line.text);
  });

  test('carries the app’s name, 测算单 and the meta lines', () => {
    expect(texts).toEqual(expect.arrayContaining(['政策算盘', '测算单', `对象/地区：${who}`, '测算日期：2025-03-01', '清单状态：在执行']));
    expect(all.replace(/\n/g, '')).toContain(`依据：《${catalog2022.title}》`);
    expect(all.replace(/\n/g, '')).toContain(content.disclaimer);
  });

  test('keeps every text inside the width with margins and inside the height', () => {
    expect(layout.width).toBe(SHEET_WIDTH);
    expect(layout.height).toBeLessThanOrEqual(SHEET_MAX_HEIGHT);
    expectInside(layout);
  });

  test('keeps item rows apart', () => {
    const rows = layout.itemRows;
    for (let i = 1; i < rows.length; i++) expect([rows[i].id, rows[i - 1].y + rows[i - 1].h < rows[i].y]).toEqual([rows[i].id, true]);
    for (const r of rows) expect(r.h).toBeGreaterThan(0);
  });
});

test('a line that needs information says what is missing, and a project is named as the user typed it', () => {
  // LARGE_ENTERPRISE: the robot project's 高危环节 is 不确定 (0–160万元 pending); the upgrade project is '2 号线技改'.
  const result = engine(LARGE_ENTERPRISE);
  const content = sheetContent(result, meta('企业 · 包头市昆都仑区'));
  const lines = content.sections.flatMap((s) => s.lines);
  const robots = lines.find((l) => l.id === 'm08.robots')!;
  const missing = result.items.find((r) => r.id === 'm08.robots')!.missing.map((p) => pathLabel(p));
  expect(robots.group).toBe('needsInfo');
  expect(robots.figure).toBe('0–160万元');
  expect(robots.amountLabel).toBe('待确认');
  expect(robots.note).toBe(`需补充：${missing.join('、')}`);
  expect(robots.note).toBe('需补充：“机器换人”项目第 1 项：机器人是否用于高危、高强度生产环节');
  const upgrade = lines.find((l) => l.id === 'm08.upgrade')!;
  expect(upgrade.note).toContain('2 号线技改');
  expect(rowTexts(layoutSheet(content, fake), 'm08.upgrade').join('')).toContain('2 号线技改');
  // Only names the user typed: the unnamed robot project gets none.
  expect(robots.note).not.toContain('甲');
});

test('kind words are figureInGroup’s: 精确 beside a figure, none beside 金额待核定, a 非资金支持 tag or a figure that says it', () => {
  const lines = sheetContent(engine(INDUSTRIAL_PARK), meta('园区')).sections.flatMap((s) => s.lines);
  expect(lines.map((l) => [l.label, l.figure, l.amountLabel])).toEqual([
    ['（十六）', '最高 2000万元', ''], // '最高' beside it until issue 22: the figure says it once
    ['（二十）', '金额待核定', ''],
    ['（三十）', '500万元', '精确'],
    ['（二十二）', '专项债券', ''],
    ['（二十三）', '专项债券', ''],
  ]);
});

test('the craftsmen’s awards are their own section, with their sum only in summarize’s line', () => {
  const content = sheetContent(engine(CRAFTSMEN), meta('企业'));
  expect(content.sections.map((s) => [s.title, s.lines.map((l) => l.figure)])).toEqual([['本企业工匠个人可获', ['40万元', '10万元']]]); // 2 × 20, 1 × 10
  expect(content.summaryLines).toEqual(['本企业工匠个人可获 50万元（发给个人，不计入企业合计）']); // 40 + 10 = 50
});

test('a result with nothing claimable still makes a sheet, counting what it leaves out', () => {
  const content = sheetContent(engine(NOTHING), meta('企业'));
  expect(content.lead).toBe('暂未算出可直接申请的资金');
  expect(content.totalWan).toBeUndefined();
  expect(content.sections).toEqual([]);
  expect(content.omitted).toBe('另有 1 项不符合，详见小程序');
  const layout = layoutSheet(content, fake);
  expect(layoutTexts(layout)).toEqual(expect.arrayContaining(['暂未算出可直接申请的资金', '另有 1 项不符合，详见小程序', '扫码，你也算一算']));
  expect(layout.itemRows).toEqual([]);
});

test.each([
  ['nothing left out', 0, 0, ''],
  ['near misses only', 2, 0, '另有 2 项差一点，详见小程序'],
  ['both', 1, 3, '另有 1 项差一点、3 项不符合，详见小程序'],
])('the omitted line with %s', (_name, nearMiss, ineligible, text) => {
  const base = engine(QUICK_PATH);
  const one = base.items.find((r) => r.status === 'eligible')!;
  const hint = { text: '再增加即可', fact: 'm01.techCenter', gap: '1' };
  const items = [
    ...base.items.filter((r) => r.status !== 'ineligible'),
    ...Array.from({ length: nearMiss }, (_, i) => ({ ...one, id: `near.${i}`, status: 'ineligible' as const, hints: [hint] })),
    ...Array.from({ length: ineligible }, (_, i) => ({ ...one, id: `no.${i}`, status: 'ineligible' as const, hints: [] })),
  ];
  const content = sheetContent({ ...base, items }, meta('企业'));
  expect(content.omitted).toBe(text);
  expect(layoutTexts(layoutSheet(content, fake)).includes(text)).toBe(text !== '');
});

describe('the code in the footer', () => {
  const result = engine(LARGE_ENTERPRISE);

  test('the image state draws exactly one image op, named code, 200–220 px, and says 扫码，你也算一算', () => {
    const layout = layoutSheet(sheetContent(result, meta('企业', IMAGE)), fake);
    const images = layout.ops.filter((o) => o.op === 'image');
    expect(images).toHaveLength(1);
    const [image] = images as Extract<DrawOp, { op: 'image' }>[];
    expect(image.image).toBe('code');
    // codeBoxOps: the white box, then the code inset in it.
    const box = layout.ops[layout.ops.indexOf(image) - 1] as Extract<DrawOp, { op: 'rect' }>;
    expect(box.op).toBe('rect');
    expect(box.x < image.x && box.x + box.w > image.x + image.w && box.y < image.y && box.y + box.h > image.y + image.h).toBe(true);
    expect(box.w).toBeGreaterThanOrEqual(200);
    expect(box.w).toBeLessThanOrEqual(220);
    expect(image.y + image.h).toBeLessThanOrEqual(layout.height);
    expect(layoutTexts(layout)).toContain('扫码，你也算一算');
  });

  test('the missing state draws no image and says why, and where to search', () => {
    const layout = layoutSheet(sheetContent(result, meta('企业', MISSING)), fake);
    expect(layout.ops.filter((o) => o.op === 'image')).toEqual([]);
    const texts = layoutTexts(layout);
    expect(texts).toContain('小程序码未生成');
    expect(texts.join('')).toContain(MISSING.reason);
    expect(texts).toContain('微信搜索「政策算盘」');
  });
});

test('the disclaimer is the results page’s, with the list’s status sentence when there is one', () => {
  const result = engine(QUICK_PATH);
  expect(sheetContent(result, meta('企业')).disclaimer).toBe(`以上依据《${catalog2022.title}》逐条估算，金额为估算结果；能否获得支持及具体金额，以主管部门的审核认定为准。`);
  const repealed = sheetContent(result, { ...meta('企业'), listStatus: '已废止', statusNote: '该清单已废止，本测算仅供了解。' });
  expect(repealed.disclaimer.endsWith('以主管部门的审核认定为准。该清单已废止，本测算仅供了解。')).toBe(true);
});

test('without a who, the 对象/地区 line is left out', () => {
  const texts = layoutTexts(layoutSheet(sheetContent(engine(QUICK_PATH), meta('')), fake));
  expect(texts.some((t) => t.startsWith('对象/地区'))).toBe(false);
  expect(texts).toContain('测算日期：2025-03-01');
});

describe('a result with more lines than a sheet holds', () => {
  function check(content: SheetContent) {
    const layout = layoutSheet(content, fake);
    const ids = content.sections.flatMap((s) => s.lines.map((l) => l.id));
    const texts = layoutTexts(layout);
    expect(layout.height).toBeLessThanOrEqual(SHEET_MAX_HEIGHT);
    expect(layout.truncated).toBeGreaterThan(0);
    // What is drawn is the beginning, in order; the rest is counted honestly.
    expect(layout.itemRows.map((r) => r.id)).toEqual(ids.slice(0, layout.itemRows.length));
    expect(layout.itemRows.length + layout.truncated).toBe(ids.length);
    expect(texts).toContain(`…另有 ${layout.truncated} 项未列出，详见小程序`);
    // The tail is still there, below the last row.
    const last = layout.itemRows[layout.itemRows.length - 1];
    const disclaimer = layout.ops.find((o) => o.op === 'text' && o.text.startsWith('以上依据')) as TextOp;
    expect(disclaimer.y).toBeGreaterThan(last.y + last.h);
    expect(layout.ops.filter((o) => o.op === 'image')).toHaveLength(1);
    expectInside(layout);
    for (let i = 1; i < layout.itemRows.length; i++) expect(layout.itemRows[i - 1].y + layout.itemRows[i - 1].h).toBeLessThan(layout.itemRows[i].y);
    return layout;
  }

  test('a real result with nearly everything applying lists what fits and counts the rest', () => {
    const content = sheetContent(engine(everything()), meta('企业 · 赤峰市宁城县'));
    expect(content.sections.reduce((n, s) => n + s.lines.length, 0)).toBeGreaterThan(40);
    const layout = check(content);
    // A figure too wide to sit beside its title (（五） 至少 …，最高 …) is drawn under it, still inside the margins.
    const generic = content.sections.flatMap((s) => s.lines).find((l) => l.id.startsWith('m05.'))!;
    expect(generic.figure).toMatch(/^至少 .*，最高 /);
    expect(rowTexts(layout, generic.id).join('')).toContain(generic.figure);
  });

  test('three hundred lines', () => {
    const base = sheetContent(engine(LARGE_ENTERPRISE), meta('企业'));
    const line = base.sections[0].lines[0];
    const lines = Array.from({ length: 300 }, (_, i) => ({ ...line, id: `x.${i}` }));
    const layout = check({ ...base, sections: [{ ...base.sections[0], lines }] });
    expect(layout.truncated).toBe(300 - layout.itemRows.length);
  });

  test('a sheet that fits says nothing about lines left out', () => {
    const layout = layoutSheet(sheetContent(engine(LARGE_ENTERPRISE), meta('企业')), fake);
    expect(layout.truncated).toBe(0);
    expect(layoutTexts(layout).some((t) => t.startsWith('…另有'))).toBe(false);
  });
});

describe('the list-status line in the header says 状态 once', () => {
  const result = engine(SMALL_SPECIALIZED);
  test.each(LIST_STATES.map((s) => [s, LIST_STATE_LABELS[s]] as const))('%s (%s)', (_state, label) => {
    const texts = layoutTexts(layoutSheet(sheetContent(result, { ...meta('企业'), listStatus: label }), fake));
    const line = texts.find((t) => t.startsWith('清单'))!;
    expect(line.match(/状态/g)).toHaveLength(1);
    expect(line).toContain(label.replace(/^状态/, ''));
  });
});
