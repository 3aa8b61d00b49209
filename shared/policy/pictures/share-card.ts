/**
 * The image of a WeChat chat card (onShareAppMessage's imageUrl), drawn at WeChat's 5:4
 * (SHARE_CARD_WIDTH × SHARE_CARD_HEIGHT) instead of its default screenshot of the page: a measure's
 * number, title and headline figure (measureCard); for one item of a result, the item and its figure
 * (itemCard); for a whole result, the total only when the user ticked it (resultCard); for the
 * policy browser, the list (browseCard). Each gives a ShareCardContent that layoutShareCard draws.
 * Figures come formatted from shared/policy (headline, itemHeadline, the card's own figure, the
 * summary's total); nothing is computed here.
 */
import { largestCeiling, headline, itemHeadline } from '../view';
import { catalog2022, formatMoney, type Catalog, type Measure } from '../engine';
import { COLORS, font, wrapText, type DrawOp, type Layout, type MeasureText } from './drawing';

/** 5:4, twice the 375 × 300 points a chat shows, so it stays sharp on a phone's screen. */
export const SHARE_CARD_WIDTH = 750;
export const SHARE_CARD_HEIGHT = 600;

export interface ShareCardContent {
  /** The chip: '第（八）条', '测算结果'. */
  chip: string;
  /** The small line beside the chip: the section, or the measure of an item. */
  kicker: string;
  title: string;
  /** The large figure: '投资额 20%，最高 500万元', or the user's own when ticked. */
  figure: string;
  /** Under the figure: what it is ('我按清单测算', '清单条文'). */
  figureNote: string;
  /** The bottom band. */
  footer: string;
}

const FOOTER = (appName: string, list: string) => `${appName} · ${list} · 逐条测算`;

/** A measure's card: its number, title and headline (the catalog's, never the user's). */
export function measureCard(measure: Measure, brand: { appName: string; listShort: string }, catalog: Catalog = catalog2022): ShareCardContent {
  const section = catalog.sections.find((s) => s.number === measure.section);
  return {
    chip: `第${measure.label}条`,
    kicker: section ? `${section.label}、${section.title}` : '',
    title: measure.title,
    figure: headline(measure, catalog),
    figureNote: '按清单条文',
    footer: FOOTER(brand.appName, brand.listShort),
  };
}

/**
 * One item of a result, shared from its card: the item's own headline from the catalog, or — when
 * the user ticked it — the figure their card shows (`yourFigure`, from figureInGroup).
 */
export function itemCard(
  measure: Measure,
  itemId: string,
  brand: { appName: string; listShort: string },
  yourFigure?: string,
  catalog: Catalog = catalog2022,
): ShareCardContent {
  const item = measure.items.find((i) => i.id === itemId);
  if (!item) throw new Error(`itemCard: no item ${itemId} in ${measure.id}`);
  return {
    chip: `第${measure.label}条`,
    kicker: measure.title,
    title: item.title,
    figure: yourFigure || itemHeadline(measure, itemId, catalog),
    figureNote: yourFigure ? '我按清单测算（以主管部门审核为准）' : '按清单条文',
    footer: FOOTER(brand.appName, brand.listShort),
  };
}

/**
 * The policy browser's card: how many measures the shared list holds (a search travels with the
 * link) and the largest figure any one of them states (largestCeiling, from the catalog).
 */
export function browseCard(count: number, brand: { appName: string; listShort: string }, query?: string, catalog: Catalog = catalog2022): ShareCardContent {
  const q = query?.trim();
  return {
    chip: '政策清单',
    kicker: brand.listShort,
    title: q ? `“${q}”相关的 ${count} 条扶持政策` : `${count} 条制造业扶持政策，哪条适合你？`,
    figure: `单项最高 ${formatMoney(largestCeiling(catalog))}`,
    figureNote: '每条都有条文原文和测算',
    footer: FOOTER(brand.appName, brand.listShort),
  };
}

/** The whole result: an invitation, with the total (万元 text from summarize) only when ticked. */
export function resultCard(brand: { appName: string; listShort: string }, mine?: { total: string; covers: string }): ShareCardContent {
  return {
    chip: '测算结果',
    kicker: brand.listShort,
    title: mine ? `我按清单算出可申请（${mine.covers}）` : '算一算你的企业能申请多少政策资金',
    figure: mine ? mine.total : '一分钟，逐条测算',
    figureNote: mine ? '按清单条文估算，以主管部门审核为准' : '30 条措施，每个金额都有条文依据',
    footer: FOOTER(brand.appName, brand.listShort),
  };
}

export function layoutShareCard(c: ShareCardContent, measureText: MeasureText): Layout {
  const W = SHARE_CARD_WIDTH;
  const H = SHARE_CARD_HEIGHT;
  const C = COLORS;
  const m = 40;
  const inner = W - 2 * m;
  const ops: DrawOp[] = [{ op: 'rect', x: 0, y: 0, w: W, h: H, color: C.card }];

  // Chip and kicker.
  let y = 36;
  const chipFont = font(30, true);
  const chipW = measureText(c.chip, chipFont) + 40;
  ops.push({ op: 'rect', x: m, y, w: chipW, h: 56, color: C.primary, radius: 28 });
  ops.push({ op: 'text', text: c.chip, x: m + 20, y: y + 10, font: chipFont, color: C.onPrimary });
  const kickerFont = font(26);
  const kicker = wrapText(c.kicker, inner - chipW - 20, kickerFont, measureText, 1)[0] ?? '';
  ops.push({ op: 'text', text: kicker, x: m + chipW + 20, y: y + 14, font: kickerFont, color: C.muted });
  y += 56 + 28;
  const bodyFrom = ops.length;

  // Title: two lines at most.
  const titleFont = font(48, true);
  for (const line of wrapText(c.title, inner, titleFont, measureText, 2)) {
    ops.push({ op: 'text', text: line, x: m, y, font: titleFont, color: C.text });
    y += 64;
  }
  y += 16;

  // The figure: as large as fits one line (down to 48px), else two lines.
  let size = 88;
  while (size > 48 && measureText(c.figure, font(size, true)) > inner) size -= 4;
  const figureLines = wrapText(c.figure, inner, font(size, true), measureText, 2);
  for (const line of figureLines) {
    ops.push({ op: 'text', text: line, x: m, y, font: font(size, true), color: C.accent });
    y += Math.round(size * 1.25);
  }
  ops.push({ op: 'text', text: c.figureNote, x: m, y: y + 4, font: font(26), color: C.muted });
  y += 4 + 34;

  // Bottom band; the title, figure and note sit in the middle of the space above it (a chat shows
  // the card small: no empty half).
  const bandH = 72;
  const shift = Math.max(0, Math.floor((H - bandH - 24 - y) / 2));
  for (const o of ops.slice(bodyFrom)) if (o.op === 'text') o.y += shift;
  ops.push({ op: 'rect', x: 0, y: H - bandH, w: W, h: bandH, color: C.primary });
  const footFont = font(26);
  ops.push({ op: 'text', text: wrapText(c.footer, inner, footFont, measureText, 1)[0] ?? '', x: m, y: H - bandH + 22, font: footFont, color: C.onPrimary });
  return { width: W, height: H, ops };
}
