/**
 * The share poster of one measure on a 750 × 1334 canvas (a phone screen's shape, so Moments shows
 * it whole): the measure's number, title, headline figure and items in a card, and under it the
 * 小程序码 that opens the measure, with the list's name and the disclaimer. Long titles wrap (at
 * most three lines, then an ellipsis); the headline shrinks to fit two lines. The user's own figure
 * is on it only when they ticked the box (as on share cards).
 */
import { catalog2022 } from './catalog';
import { audienceText } from './browse';
import { COLORS, codeBoxOps, codeCaption, font, wrapText, type CodeSlot, type DrawOp, type Layout, type MeasureText } from './drawing';
import { headline } from './headline';
import type { Catalog, Measure } from './types';

export const POSTER_WIDTH = 750;
export const POSTER_HEIGHT = 1334;

export interface PosterContent {
  appName: string;
  /** One line under the app's name. */
  tagline: string;
  /** The list's full name. */
  listName: string;
  /** '（八）' */
  label: string;
  sectionTitle: string;
  title: string;
  /** From headline(measure): '投资额 20%，最高 500万元', '电价支持'. */
  headline: string;
  audience: string;
  /** The measure's items (titles), listed while the card has room. */
  items: string[];
  /** The user's figure from the detail page's calculator, only when they ticked 在海报上显示我的测算金额. */
  yourFigure?: string;
  /** The code that opens this measure, or why there is none. */
  code: CodeSlot;
  disclaimer: string;
}

export function posterContent(
  measure: Measure,
  brand: { appName: string; tagline: string },
  options: { code: CodeSlot; yourFigure?: string },
  catalog: Catalog = catalog2022,
): PosterContent {
  const { appName, tagline } = brand;
  const section = catalog.sections.find((s) => s.number === measure.section);
  return {
    appName,
    tagline,
    listName: catalog.title,
    label: measure.label,
    sectionTitle: section ? `${section.label}、${section.title}` : '',
    title: measure.title,
    headline: headline(measure, catalog),
    audience: audienceText(measure.audience),
    items: measure.items.map((i) => i.title),
    ...(options.yourFigure ? { yourFigure: options.yourFigure } : {}),
    code: options.code,
    disclaimer: '金额以条文为依据，最终以主管部门审核认定为准',
  };
}

export interface PosterLayout extends Layout {
  /** Lines the title was wrapped into (for tests). */
  titleLines: string[];
  headlineLines: string[];
}

/** Where the code sits (for tests: the pixels there decode to the measure's link). */
export const POSTER_CODE_BOX = { x: POSTER_WIDTH - 48 - 220, y: 1016, size: 220 };

export function layoutPoster(c: PosterContent, measure: MeasureText): PosterLayout {
  const W = POSTER_WIDTH;
  const H = POSTER_HEIGHT;
  const C = COLORS;
  const ops: DrawOp[] = [];
  const margin = 48;
  const pad = 48;
  const inner = W - 2 * margin - 2 * pad;

  // Background and header band with the app's name.
  ops.push({ op: 'rect', x: 0, y: 0, w: W, h: H, color: C.background });
  ops.push({ op: 'rect', x: 0, y: 0, w: W, h: 300, color: C.primary });
  ops.push({ op: 'text', text: c.appName, x: margin, y: 72, font: font(52, true), color: C.onPrimary });
  ops.push({ op: 'text', text: c.tagline, x: margin, y: 148, font: font(28), color: C.onPrimaryMuted });

  // The card.
  const cardX = margin;
  const cardY = 216;
  const cardH = 760;
  ops.push({ op: 'rect', x: cardX, y: cardY, w: W - 2 * margin, h: cardH, color: C.card, radius: 24 });
  const x = cardX + pad;
  let y = cardY + pad;

  // Clause number chip and section.
  const chip = `第${c.label}条`;
  const chipFont = font(30, true);
  const chipW = measure(chip, chipFont) + 40;
  ops.push({ op: 'rect', x, y, w: chipW, h: 56, color: C.primary, radius: 28 });
  ops.push({ op: 'text', text: chip, x: x + 20, y: y + 10, font: chipFont, color: C.onPrimary });
  const sectionFont = font(26);
  const section = wrapText(c.sectionTitle, inner - chipW - 24, sectionFont, measure, 1)[0] ?? '';
  ops.push({ op: 'text', text: section, x: x + chipW + 24, y: y + 14, font: sectionFont, color: C.muted });
  y += 56 + 40;

  // Title: wraps, at most three lines.
  const titleFont = font(52, true);
  const titleLines = wrapText(c.title, inner, titleFont, measure, 3);
  for (const line of titleLines) {
    ops.push({ op: 'text', text: line, x, y, font: titleFont, color: C.text });
    y += 72;
  }
  y += 24;
  ops.push({ op: 'line', x1: x, y1: y, x2: x + inner, y2: y, color: C.line, width: 2 });
  y += 40;

  // The headline figure: large, on one line if it fits at 56px or more, else at most two lines.
  ops.push({ op: 'text', text: '政策要点', x, y, font: font(28), color: C.muted });
  y += 52;
  let size = 84;
  let headlineLines = wrapText(c.headline, inner, font(size, true), measure);
  while ((headlineLines.length > 2 || (headlineLines.length > 1 && size > 56)) && size > 48) {
    size -= 4;
    headlineLines = wrapText(c.headline, inner, font(size, true), measure);
  }
  headlineLines = wrapText(c.headline, inner, font(size, true), measure, 2);
  for (const line of headlineLines) {
    ops.push({ op: 'text', text: line, x, y, font: font(size, true), color: C.accent });
    y += Math.round(size * 1.3);
  }
  y += 24;

  // The user's own figure, only when ticked.
  if (c.yourFigure) {
    const figFont = font(36, true);
    const figure = wrapText(c.yourFigure, inner - 48, figFont, measure, 1)[0] ?? '';
    ops.push({ op: 'rect', x, y, w: inner, h: 112, color: C.soft, radius: 16 });
    ops.push({ op: 'text', text: '我的测算（按我填写的情况，只算这一条）', x: x + 24, y: y + 14, font: font(22), color: C.muted });
    ops.push({ op: 'text', text: figure, x: x + 24, y: y + 52, font: figFont, color: C.accent });
    y += 112 + 24;
  }

  // Who it is for.
  const whoFont = font(28);
  const who = wrapText(`适用对象：${c.audience}`, inner, whoFont, measure, 2);
  for (const line of who) {
    ops.push({ op: 'text', text: line, x, y, font: whoFont, color: C.text });
    y += 44;
  }

  // The items, one line each, while the card has room.
  const bottom = cardY + cardH - pad;
  if (c.items.length > 1 && y + 24 + 44 + 44 <= bottom) {
    y += 24;
    ops.push({ op: 'text', text: `支持事项（${c.items.length} 项）`, x, y, font: font(26), color: C.muted });
    y += 44;
    const itemFont = font(28);
    for (let i = 0; i < c.items.length; i++) {
      const last = y + 44 + 44 > bottom && i < c.items.length - 1;
      const text = last ? `… 另有 ${c.items.length - i} 项` : `• ${c.items[i]}`;
      ops.push({ op: 'text', text: wrapText(text, inner, itemFont, measure, 1)[0] ?? '', x, y, font: itemFont, color: C.text });
      y += 44;
      if (last) break;
    }
  }

  // Footer: the code in the right corner; beside it what to do with it, the list's name, the disclaimer.
  const box = POSTER_CODE_BOX;
  ops.push(...codeBoxOps(c.code, box.x, box.y, box.size, measure));
  const left = box.x - 32 - margin;
  const [first, second] = codeCaption(c.code, c.appName);
  let fy = box.y + 4;
  ops.push({ op: 'text', text: first, x: margin, y: fy, font: font(34, true), color: C.primary });
  fy += 50;
  ops.push({ op: 'text', text: second, x: margin, y: fy, font: font(28), color: C.text });
  fy += 56;
  const small = font(22);
  for (const line of wrapText(`依据《${c.listName}》`, left, small, measure, 3)) {
    ops.push({ op: 'text', text: line, x: margin, y: fy, font: small, color: C.muted });
    fy += 34;
  }
  fy += 8;
  for (const line of wrapText(c.disclaimer, left, small, measure, 2)) {
    ops.push({ op: 'text', text: line, x: margin, y: fy, font: small, color: C.muted });
    fy += 34;
  }

  return { width: W, height: H, ops, titleLines, headlineLines };
}
