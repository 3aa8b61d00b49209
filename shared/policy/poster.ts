/**
 * The share poster of one measure, as a list of drawing operations on a 750 × 1200 canvas. The
 * layout is pure: text widths come from a `measure` callback (the canvas's own measureText), so the
 * same layout is drawn by WeChat's Canvas 2D and by the browser's canvas, and tested in Node.
 * Long titles wrap (at most three lines, then an ellipsis); the headline shrinks to fit two lines.
 */
import { catalog2022 } from './catalog';
import { audienceText } from './browse';
import { headline } from './headline';
import type { Catalog, Measure } from './types';

export const POSTER_WIDTH = 750;
export const POSTER_HEIGHT = 1200;

/** Chinese-capable fonts on iOS, Android, Windows and Linux (the test machine has WenQuanYi). */
export const POSTER_FONT =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

export const POSTER_COLORS = {
  primary: '#1f5f4a',
  primaryDark: '#174a39',
  accent: '#c2410c',
  text: '#1f2a26',
  muted: '#5b6661',
  background: '#f5f7f6',
  card: '#ffffff',
  line: '#d9e0dd',
  onPrimary: '#ffffff',
  onPrimaryMuted: '#cfe3da',
};

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
  /** Where to find it: '微信搜索「政策算盘」查看条文原文、测算金额'. */
  callToAction: string;
  disclaimer: string;
}

export function posterContent(
  measure: Measure,
  brand: { appName: string; tagline: string },
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
    callToAction: `微信搜索「${appName}」查看条文原文、测算金额`,
    disclaimer: '金额以条文为依据，最终以主管部门审核认定为准',
  };
}

export type PosterOp =
  | { op: 'rect'; x: number; y: number; w: number; h: number; color: string; radius?: number }
  | { op: 'text'; text: string; x: number; y: number; font: string; color: string; align?: 'left' | 'center' | 'right' }
  | { op: 'line'; x1: number; y1: number; x2: number; y2: number; color: string; width: number };

export interface PosterLayout {
  width: number;
  height: number;
  ops: PosterOp[];
  /** Lines the title was wrapped into (for tests). */
  titleLines: string[];
  headlineLines: string[];
}

/** Width of `text` drawn in `font` (CSS font shorthand), e.g. ctx.font = font; ctx.measureText(text).width. */
export type MeasureText = (text: string, font: string) => number;

export const font = (size: number, bold = false) => `${bold ? 'bold ' : ''}${size}px ${POSTER_FONT}`;

/**
 * Chinese text wraps between any two characters; a run of Latin letters stays together, and so does
 * a figure with its unit ('500万元', '20%', '2000吨标准煤').
 */
function tokens(text: string): string[] {
  return text.match(/\d+(?:\.\d+)?(?:万元|亿元|万吨|吨标准煤|吨|元|万|亿|%)?|[A-Za-z]+|\s+|./gu) ?? [];
}

/** Punctuation that must not start a line (避头尾). */
const NO_LINE_START = /^[，。、；：！？）》」』”’%,.;:!?)]/;

/**
 * Lines of at most `maxWidth`. With `maxLines`, the last line ends in '…' when text is left over.
 */
export function wrapText(text: string, maxWidth: number, fontSpec: string, measure: MeasureText, maxLines = Infinity): string[] {
  const lines: string[] = [];
  let line = '';
  for (const tok of tokens(text)) {
    const next = line + tok;
    if (line !== '' && measure(next.trimEnd(), fontSpec) > maxWidth) {
      // Keep closing punctuation with the word before it.
      if (NO_LINE_START.test(tok) && line.length > 1) {
        const last = line.slice(-1);
        lines.push(line.slice(0, -1));
        line = last + tok;
      } else {
        lines.push(line.trimEnd());
        line = tok.trimStart();
      }
    } else {
      line = next;
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1];
  while (last.length > 0 && measure(last + '…', fontSpec) > maxWidth) last = last.slice(0, -1);
  kept[maxLines - 1] = last + '…';
  return kept;
}

export function layoutPoster(c: PosterContent, measure: MeasureText): PosterLayout {
  const W = POSTER_WIDTH;
  const H = POSTER_HEIGHT;
  const C = POSTER_COLORS;
  const ops: PosterOp[] = [];
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

  // Footer: the list's name, where to look it up, the disclaimer.
  let fy = cardY + cardH + 40;
  const listFont = font(24);
  for (const line of wrapText(`依据《${c.listName}》`, W - 2 * margin, listFont, measure, 3)) {
    ops.push({ op: 'text', text: line, x: margin, y: fy, font: listFont, color: C.muted });
    fy += 38;
  }
  fy += 16;
  ops.push({ op: 'text', text: c.callToAction, x: margin, y: fy, font: font(28, true), color: C.primary });
  fy += 48;
  ops.push({ op: 'text', text: c.disclaimer, x: margin, y: fy, font: font(22), color: C.muted });

  return { width: W, height: H, ops, titleLines, headlineLines };
}

/** The subset of CanvasRenderingContext2D the poster uses (WeChat's Canvas 2D and the browser's). */
export interface PosterContext {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  font: string;
  textAlign: string;
  textBaseline: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arcTo(x1: number, y1: number, x2: number, y2: number, r: number): void;
  closePath(): void;
  fill(): void;
  stroke(): void;
}

/** measureText through a context: sets the font, measures. */
export function contextMeasure(ctx: PosterContext): MeasureText {
  return (text, f) => {
    ctx.font = f;
    return ctx.measureText(text).width;
  };
}

/** Draws the layout on a 2D context whose coordinate space is POSTER_WIDTH × POSTER_HEIGHT. */
export function drawPoster(ctx: PosterContext, layout: PosterLayout): void {
  ctx.textBaseline = 'top';
  for (const o of layout.ops) {
    if (o.op === 'rect') {
      ctx.fillStyle = o.color;
      if (o.radius) {
        const { x, y, w, h } = o;
        const r = Math.min(o.radius, w / 2, h / 2);
        ctx.beginPath();
        ctx.moveTo(x + r, y);
        ctx.arcTo(x + w, y, x + w, y + h, r);
        ctx.arcTo(x + w, y + h, x, y + h, r);
        ctx.arcTo(x, y + h, x, y, r);
        ctx.arcTo(x, y, x + w, y, r);
        ctx.closePath();
        ctx.fill();
      } else {
        ctx.fillRect(o.x, o.y, o.w, o.h);
      }
    } else if (o.op === 'text') {
      ctx.font = o.font;
      ctx.fillStyle = o.color;
      ctx.textAlign = o.align ?? 'left';
      ctx.fillText(o.text, o.x, o.y);
    } else {
      ctx.strokeStyle = o.color;
      ctx.lineWidth = o.width;
      ctx.beginPath();
      ctx.moveTo(o.x1, o.y1);
      ctx.lineTo(o.x2, o.y2);
      ctx.stroke();
    }
  }
}
