/**
 * The 测算单 (result sheet) laid out: one long image of a whole result, the one a business owner sends
 * to the boss or the accountant. Top to bottom: a header band (the app, 测算单, who it is for, the
 * date, the list it follows and that list's status, as listStatusMeta words it); the summary in a
 * box; the items in their sections, one line each (clause number and title on the left, figure and
 * amount kind on the right, or under the title when the figure is long); the line counting what is not
 * listed; the disclaimer; the version that made the figures; and the code that opens the home page.
 *
 * What it says is sheet-content.ts's SheetContent; this file only places it. layoutSheet lays it out
 * SHEET_WIDTH wide as a SheetLayout (drawing operations plus where each item line landed). The
 * height grows with the content up to SHEET_MAX_HEIGHT (a size every canvas allows). A result with
 * more lines than fit lists as many as fit and then says, in one line, how many more there are
 * ('…另有 N 项未列出'). The footer's code box is SHEET_CODE_SIZE square.
 */
import { COLORS, codeBoxOps, codeCaption, font, wrapText, type DrawOp, type Layout, type MeasureText } from './drawing';
import type { SheetContent, SheetLine } from './sheet-content';

export const SHEET_WIDTH = 750;
/** The tallest sheet drawn; lines beyond it are counted, not drawn. */
export const SHEET_MAX_HEIGHT = 6000;
/** The side of the code box in the footer. */
export const SHEET_CODE_SIZE = 210;

export interface SheetLayout extends Layout {
  /** y of each item line's first text row and the height of its texts, by item id (pixel tests look there). */
  itemRows: { id: string; y: number; h: number }[];
  /** Lines not drawn because the sheet reached SHEET_MAX_HEIGHT (said on the sheet as '…另有 N 项未列出'). */
  truncated: number;
}

const MARGIN = 48;
const INNER = SHEET_WIDTH - 2 * MARGIN;
/** Space above and below an item line's texts. */
const LINE_PAD = 20;
/** A figure (with its amount kind) wider than this goes under the title instead of beside it. */
const FIGURE_BESIDE_MAX = 300;
/** The '…另有 N 项未列出' line, with its space. */
const TRUNCATION_H = 64;
/** A section's title row and rule. */
const SECTION_HEAD_H = 40 + 48 + 8;

const TITLE_FONT = font(28);
const FIGURE_FONT = font(30, true);
const AMOUNT_LABEL_FONT = font(22);
const NOTE_FONT = font(22);

interface Block {
  ops: DrawOp[];
  /** Where the next block starts. */
  end: number;
}

function textOp(text: string, x: number, y: number, f: string, color: string, align?: 'right'): DrawOp {
  return { op: 'text', text, x, y, font: f, color, ...(align ? { align } : {}) };
}

/** One item line whose block starts at `top`: texts from top + LINE_PAD. */
function lineBlock(l: SheetLine, top: number, measureText: MeasureText): Block & { row: { id: string; y: number; h: number } } {
  const C = COLORS;
  const ops: DrawOp[] = [];
  const right = SHEET_WIDTH - MARGIN;
  const y0 = top + LINE_PAD;
  const amountLabelW = l.amountLabel ? measureText(l.amountLabel, AMOUNT_LABEL_FONT) : 0;
  const amountLabelGap = amountLabelW ? amountLabelW + 12 : 0;
  const figW = l.figure ? measureText(l.figure, FIGURE_FONT) : 0;
  const beside = l.figure !== '' && figW + amountLabelGap <= FIGURE_BESIDE_MAX;

  // Clause number and title, at most two lines.
  let ly = y0;
  for (const line of wrapText(`${l.label}${l.title}`, beside ? INNER - figW - amountLabelGap - 24 : INNER, TITLE_FONT, measureText, 2)) {
    ops.push(textOp(line, MARGIN, ly, TITLE_FONT, C.text));
    ly += 40;
  }

  // The figure and its amount kind on the right of the first row ('500万元 精确'), or on a row of their own
  // under the title when the figure is long ('至少 60万元，最高 300万元').
  let ry = y0;
  if (beside) {
    if (l.amountLabel) ops.push(textOp(l.amountLabel, right, y0 + 8, AMOUNT_LABEL_FONT, C.muted, 'right'));
    ops.push(textOp(l.figure, right - amountLabelGap, y0, FIGURE_FONT, C.accent, 'right'));
    ry += 44;
  } else if (l.figure) {
    ly += 4;
    if (l.amountLabel) ops.push(textOp(l.amountLabel, right, ly + 8, AMOUNT_LABEL_FONT, C.muted, 'right'));
    for (const line of wrapText(l.figure, INNER - (amountLabelGap ? amountLabelGap + 12 : 0), FIGURE_FONT, measureText, 2)) {
      ops.push(textOp(line, MARGIN, ly, FIGURE_FONT, C.accent));
      ly += 44;
    }
  }

  // The note, full width under both.
  let ny = Math.max(ly, ry);
  if (l.note) {
    ny += 4;
    for (const line of wrapText(l.note, INNER, NOTE_FONT, measureText, 3)) {
      ops.push(textOp(line, MARGIN, ny, NOTE_FONT, C.muted));
      ny += 32;
    }
  }
  const end = ny + LINE_PAD;
  ops.push({ op: 'line', x1: MARGIN, y1: end, x2: right, y2: end, color: C.line, width: 1 });
  return { ops, end, row: { id: l.id, y: y0, h: ny - y0 } };
}

/** The omitted count, the disclaimer, the version and the footer with the code, from `top`. */
function tailBlock(c: SheetContent, top: number, measureText: MeasureText): Block {
  const C = COLORS;
  const ops: DrawOp[] = [];
  let y = top + 32;
  if (c.omitted) {
    const f = font(24);
    for (const line of wrapText(c.omitted, INNER, f, measureText, 2)) {
      ops.push(textOp(line, MARGIN, y, f, C.text));
      y += 36;
    }
    y += 12;
  }
  const small = font(22);
  for (const line of wrapText(c.disclaimer, INNER, small, measureText, 5)) {
    ops.push(textOp(line, MARGIN, y, small, C.muted));
    y += 34;
  }
  y += 6;
  for (const line of wrapText(c.version, INNER, small, measureText, 2)) {
    ops.push(textOp(line, MARGIN, y, small, C.muted));
    y += 34;
  }
  y += 32;

  // Footer: what to do with the code on the left, the code in the right corner.
  const size = SHEET_CODE_SIZE;
  const footTop = y;
  const footH = 40 + size + 48;
  ops.push({ op: 'rect', x: 0, y: footTop, w: SHEET_WIDTH, h: footH, color: C.background });
  const boxX = SHEET_WIDTH - MARGIN - size;
  const boxY = footTop + 40;
  ops.push(...codeBoxOps(c.meta.code, boxX, boxY, size, measureText));
  const left = boxX - 32 - MARGIN;
  // The sheet's code opens the home page: an invitation to a calculation of one's own.
  const [first, second] = codeCaption(c.meta.code, c.meta.appName, ['扫码，你也算一算', `${c.meta.appName} · 按清单逐条测算`]);
  let fy = boxY + 24;
  const firstFont = font(32, true);
  for (const line of wrapText(first, left, firstFont, measureText, 2)) {
    ops.push(textOp(line, MARGIN, fy, firstFont, C.primary));
    fy += 48;
  }
  fy += 8;
  const secondFont = font(26);
  for (const line of wrapText(second, left, secondFont, measureText, 3)) {
    ops.push(textOp(line, MARGIN, fy, secondFont, C.text));
    fy += 40;
  }
  return { ops, end: footTop + footH };
}

/** The list's status in the header: '清单状态：在执行'; a label that already says 状态 reads '清单状态未核实', not '清单状态：状态未核实'. */
export function listStatusMeta(label: string): string {
  return label.startsWith('状态') ? `清单${label}` : `清单状态：${label}`;
}

export function layoutSheet(c: SheetContent, measureText: MeasureText): SheetLayout {
  const W = SHEET_WIDTH;
  const C = COLORS;
  const background: Extract<DrawOp, { op: 'rect' }> = { op: 'rect', x: 0, y: 0, w: W, h: 0, color: C.card };
  const band: Extract<DrawOp, { op: 'rect' }> = { op: 'rect', x: 0, y: 0, w: W, h: 0, color: C.primary };
  const ops: DrawOp[] = [background, band];
  const right = W - MARGIN;

  // Header band: the app, 测算单, and the meta lines.
  let y = 44;
  const headFont = font(36, true);
  ops.push(textOp(c.meta.appName, MARGIN, y, headFont, C.onPrimary));
  ops.push(textOp('测算单', right, y, headFont, C.onPrimary, 'right'));
  y += 68;
  const metaFont = font(24);
  const meta = [
    c.meta.who ? `对象/地区：${c.meta.who}` : '',
    `测算日期：${c.meta.date}`,
    `依据：《${c.meta.listName}》`,
    listStatusMeta(c.meta.listStatus),
  ].filter(Boolean);
  for (const m of meta) {
    for (const line of wrapText(m, INNER, metaFont, measureText, 2)) {
      ops.push(textOp(line, MARGIN, y, metaFont, C.onPrimary));
      y += 36;
    }
  }
  y += 28;
  band.h = y;

  // The summary, in a box.
  y += 32;
  const box: Extract<DrawOp, { op: 'rect' }> = { op: 'rect', x: MARGIN, y, w: INNER, h: 0, color: C.soft, radius: 20 };
  ops.push(box);
  const bx = MARGIN + 32;
  const bw = INNER - 64;
  let sy = y + 28;
  const leadFont = font(30, true);
  for (const line of wrapText(c.lead, bw, leadFont, measureText, 2)) {
    ops.push(textOp(line, bx, sy, leadFont, C.text));
    sy += 44;
  }
  if (c.totalWan !== undefined) {
    const unitFont = font(32, true);
    const unitW = measureText('万元', unitFont);
    let size = 88;
    while (size > 40 && measureText(c.totalWan, font(size, true)) + 12 + unitW > bw) size -= 4;
    const totalW = measureText(c.totalWan, font(size, true));
    sy += 4;
    ops.push(textOp(c.totalWan, bx, sy, font(size, true), C.accent));
    ops.push(textOp('万元', bx + totalW + 12, sy + size - 44, unitFont, C.accent));
    sy += Math.round(size * 1.25);
  }
  const coversFont = font(26);
  for (const line of wrapText(c.covers, bw, coversFont, measureText, 3)) {
    ops.push(textOp(line, bx, sy, coversFont, C.muted));
    sy += 38;
  }
  const extraFont = font(24);
  for (const text of c.summaryLines) {
    sy += 4;
    for (const line of wrapText(text, bw, extraFont, measureText, 3)) {
      ops.push(textOp(line, bx, sy, extraFont, C.text));
      sy += 36;
    }
  }
  box.h = sy + 24 - box.y;
  y = sy + 24;

  // The sections, while the sheet has room for them and the tail.
  const tailH = tailBlock(c, 0, measureText).end;
  const total = c.sections.reduce((n, s) => n + s.lines.length, 0);
  const itemRows: SheetLayout['itemRows'] = [];
  let drawn = 0;
  const fits = (end: number) => end + (total - drawn - 1 > 0 ? TRUNCATION_H : 0) + tailH <= SHEET_MAX_HEIGHT;
  let cut = false;
  for (const s of c.sections) {
    if (s.lines.length === 0) continue;
    const first = lineBlock(s.lines[0], y + SECTION_HEAD_H, measureText);
    if (!fits(first.end)) {
      cut = true;
      break;
    }
    ops.push(textOp(`${s.title}（${s.lines.length} 项）`, MARGIN, y + 40, font(30, true), C.primary));
    ops.push({ op: 'line', x1: MARGIN, y1: y + 88, x2: right, y2: y + 88, color: C.primary, width: 2 });
    y += SECTION_HEAD_H;
    for (let i = 0; i < s.lines.length; i++) {
      const block = i === 0 ? first : lineBlock(s.lines[i], y, measureText);
      if (!fits(block.end)) {
        cut = true;
        break;
      }
      ops.push(...block.ops);
      itemRows.push(block.row);
      y = block.end;
      drawn++;
    }
    if (cut) break;
  }
  const truncated = total - drawn;
  if (cut && truncated > 0) {
    ops.push(textOp(`…另有 ${truncated} 项未列出，详见小程序`, MARGIN, y + 20, font(24), C.muted));
    y += TRUNCATION_H;
  }

  const tail = tailBlock(c, y, measureText);
  ops.push(...tail.ops);
  const height = tail.end;
  background.h = height;
  return { width: W, height, ops, itemRows, truncated };
}
