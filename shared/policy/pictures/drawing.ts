/**
 * What every image the app draws is made of — the poster, the 5:4 share card and the result sheet:
 * a layout is a list of drawing operations computed by a pure function, with text widths from a
 * `measureText` callback (the canvas's own measureText). The same layout is drawn by WeChat's Canvas 2D
 * and by the browser's canvas, and is tested in Node.
 *
 * A Layout is a size and its DrawOp list; drawLayout draws one on a DrawContext (its MeasureText from
 * contextMeasure, its DrawImages by ImageName); layoutTexts lists a layout's words for tests. Shared by
 * the pictures: font and COLORS (the app's one palette), wrapText, and the 小程序码 corner (a CodeSlot,
 * drawn by codeBoxOps, with its codeCaption).
 */

/** Chinese-capable fonts on iOS, Android, Windows and Linux (the test machine has WenQuanYi). */
export const FONT_FAMILY =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

/**
 * The app's colours, the one palette: the styles' tokens (src/components/styles/_tokens.scss, as
 * $color-primary-dark … ; background is $color-bg, line $color-border) and the colours a page hands
 * WeChat are these values (test/unit/policy/palette.test.ts), and no SCSS rule writes a colour out.
 * onPrimaryMuted and soft are the pictures' own. warnSoft is #fff4dc, the tint of the results page,
 * questionnaire and home.
 */
export const COLORS = {
  primary: '#1f5f4a',
  primaryDark: '#174a39',
  primarySoft: '#e6f0ec',
  accent: '#c2410c',
  accentSoft: '#fff1e8',
  text: '#1f2a26',
  muted: '#5b6661',
  background: '#f5f7f6',
  card: '#ffffff',
  line: '#d9e0dd',
  error: '#b3261e',
  errorSoft: '#fdecea',
  warn: '#8a5a00',
  warnSoft: '#fff4dc',
  onPrimary: '#ffffff',
  onPrimaryMuted: '#cfe3da',
  soft: '#fff4ec',
  // The result card's (src/components/result-card): a 待补充 card's edge and its question box, a
  // 差一点 card's edge, a 非现金 card's figure and edge, the （七） people's line and edge; and the
  // entry list's rows (src/components/entry-list).
  warnLine: '#c98a00',
  warnFaint: '#fffaf0',
  warnDark: '#6b4500',
  mutedLine: '#7a8f88',
  info: '#2f5579',
  infoLine: '#5a7fa8',
  people: '#5e4a80',
  peopleLine: '#8a6bb0',
  cardTint: '#fbfcfb',
};

export const font = (size: number, bold = false) => `${bold ? 'bold ' : ''}${size}px ${FONT_FAMILY}`;

/** Images a layout may place; the page loads them before drawing. */
export type ImageName = 'code';

export type DrawOp =
  | { op: 'rect'; x: number; y: number; w: number; h: number; color: string; radius?: number }
  | { op: 'frame'; x: number; y: number; w: number; h: number; color: string; width: number; radius?: number }
  | { op: 'text'; text: string; x: number; y: number; font: string; color: string; align?: 'left' | 'center' | 'right' }
  | { op: 'line'; x1: number; y1: number; x2: number; y2: number; color: string; width: number }
  | { op: 'image'; image: ImageName; x: number; y: number; w: number; h: number };

export interface Layout {
  width: number;
  height: number;
  ops: DrawOp[];
}

/** Width of `text` drawn in `font` (CSS font shorthand), e.g. ctx.font = font; ctx.measureText(text).width. */
export type MeasureText = (text: string, font: string) => number;

/**
 * Chinese text wraps between any two characters; a run of Latin letters stays together, and so does
 * a figure with its unit ('500万元', '20%', '2000吨标准煤').
 */
function tokens(text: string): string[] {
  return text.match(/\d+(?:[.,]\d+)*(?:万元|亿元|万吨|吨标准煤|吨|元|万|亿|%)?|[A-Za-z]+|\s+|./gu) ?? [];
}

/** Punctuation that must not start a line (避头尾). */
const NO_LINE_START = /^[，。、；：！？）》」』”’%,.;:!?)]/;

/**
 * Lines of at most `maxWidth`. With `maxLines`, the last line ends in '…' when text is left over.
 */
export function wrapText(text: string, maxWidth: number, fontSpec: string, measureText: MeasureText, maxLines = Infinity): string[] {
  const lines: string[] = [];
  let line = '';
  for (const tok of tokens(text)) {
    const next = line + tok;
    if (line !== '' && measureText(next.trimEnd(), fontSpec) > maxWidth) {
      // Keep closing punctuation with the word before it: carry that character over, with any
      // closing marks already after it ('核定）' + '，' carries '定），').
      let k = line.length - 1;
      while (k > 0 && NO_LINE_START.test(line[k])) k--;
      if (NO_LINE_START.test(tok) && k > 0) {
        lines.push(line.slice(0, k));
        line = line.slice(k) + tok;
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
  while (last.length > 0 && measureText(last + '…', fontSpec) > maxWidth) last = last.slice(0, -1);
  kept[maxLines - 1] = last + '…';
  return kept;
}

// ---------------------------------------------------------------------------------------------
// The 小程序码 in a corner (poster, result sheet)

/**
 * The code as the page has it: its image is loaded (drawn from the image named 'code'), or WeChat
 * would not make one (45009, 41030, busy, offline) and the corner says why instead of a broken image.
 */
export type CodeSlot = { state: 'image' } | { state: 'missing'; reason: string };

/** What scanning a poster's code does: opens the measure. */
const POSTER_SCAN: [string, string] = ['长按识别', '扫码查看条文与测算'];

/** The words beside a code (`scan`: what scanning it does), or, without one, where to find the app. */
export function codeCaption(slot: CodeSlot, appName: string, scan: [string, string] = POSTER_SCAN): [string, string] {
  return slot.state === 'image' ? scan : [`微信搜索「${appName}」`, '查看条文原文与测算'];
}

/** A size × size box at (x, y): the code on white, or a framed box saying why there is none. */
export function codeBoxOps(slot: CodeSlot, x: number, y: number, size: number, measureText: MeasureText): DrawOp[] {
  const ops: DrawOp[] = [{ op: 'rect', x, y, w: size, h: size, color: COLORS.card, radius: 16 }];
  if (slot.state === 'image') {
    const inset = Math.round(size * 0.06);
    ops.push({ op: 'image', image: 'code', x: x + inset, y: y + inset, w: size - 2 * inset, h: size - 2 * inset });
    return ops;
  }
  ops.push({ op: 'frame', x, y, w: size, h: size, color: COLORS.line, width: 2, radius: 16 });
  const pad = 16;
  const inner = size - 2 * pad;
  let ty = y + pad;
  ops.push({ op: 'text', text: '小程序码未生成', x: x + pad, y: ty, font: font(22, true), color: COLORS.text });
  ty += 36;
  const small = font(20);
  const lines = Math.max(1, Math.floor((y + size - pad - ty) / 30));
  for (const line of wrapText(slot.reason, inner, small, measureText, lines)) {
    ops.push({ op: 'text', text: line, x: x + pad, y: ty, font: small, color: COLORS.muted });
    ty += 30;
  }
  return ops;
}

// ---------------------------------------------------------------------------------------------
// Drawing

/** The subset of CanvasRenderingContext2D the layouts use (WeChat's Canvas 2D and the browser's). */
export interface DrawContext {
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
  drawImage(image: never, x: number, y: number, w: number, h: number): void;
}

/** A loaded image for each name a layout places (the canvas's own image objects). */
export type DrawImages = Partial<Record<ImageName, unknown>>;

/** measureText through a context: sets the font, measures. */
export function contextMeasure(ctx: DrawContext): MeasureText {
  return (text, f) => {
    ctx.font = f;
    return ctx.measureText(text).width;
  };
}

function roundedPath(ctx: DrawContext, x: number, y: number, w: number, h: number, radius: number): void {
  const r = Math.min(radius, w / 2, h / 2);
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

/**
 * Draws a layout on a 2D context whose coordinate space is layout.width × layout.height. An image
 * the page could not load is left out (the layout already chose what to say where it is missing).
 */
export function drawLayout(ctx: DrawContext, layout: Layout, images: DrawImages = {}): void {
  ctx.textBaseline = 'top';
  for (const o of layout.ops) {
    switch (o.op) {
      case 'rect':
        ctx.fillStyle = o.color;
        if (o.radius) {
          roundedPath(ctx, o.x, o.y, o.w, o.h, o.radius);
          ctx.fill();
        } else {
          ctx.fillRect(o.x, o.y, o.w, o.h);
        }
        break;
      case 'frame':
        ctx.strokeStyle = o.color;
        ctx.lineWidth = o.width;
        roundedPath(ctx, o.x, o.y, o.w, o.h, o.radius ?? 0);
        ctx.stroke();
        break;
      case 'text':
        ctx.font = o.font;
        ctx.fillStyle = o.color;
        ctx.textAlign = o.align ?? 'left';
        ctx.fillText(o.text, o.x, o.y);
        break;
      case 'line':
        ctx.strokeStyle = o.color;
        ctx.lineWidth = o.width;
        ctx.beginPath();
        ctx.moveTo(o.x1, o.y1);
        ctx.lineTo(o.x2, o.y2);
        ctx.stroke();
        break;
      case 'image': {
        const image = images[o.image];
        if (image) ctx.drawImage(image as never, o.x, o.y, o.w, o.h);
        break;
      }
    }
  }
}

/** The texts of a layout, in drawing order (tests and the weapp suite read what was drawn). */
export function layoutTexts(layout: Layout): string[] {
  return layout.ops.flatMap((o) => (o.op === 'text' ? [o.text] : []));
}
