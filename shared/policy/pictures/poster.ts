/**
 * The share poster of one measure on a 750 × 1334 canvas (a phone screen's shape, so Moments shows
 * it whole): the measure's number, title, headline figure and items in a card, and under it the
 * 小程序码 that opens the measure, with the list's name and the disclaimer. Long titles wrap (at
 * most three lines, then an ellipsis); the headline shrinks to fit two lines. The user's own figure
 * is on it only when they ticked the box (as on share cards), with the items it adds when it adds
 * several (（八）: 技术改造 500万元 + 机器换人 120万元, each under its own cap, under a headline that
 * names one cap). What room the card has left is filled with the clause's own words, so a poster
 * without a figure has no blank half-card.
 *
 * posterContent gathers what it says, posterFigure the user's own figure (a PosterFigure); layoutPoster
 * lays it out on POSTER_WIDTH × POSTER_HEIGHT, with the code at POSTER_CODE_BOX.
 */
import { catalog2022, AWARD_AMOUNT_KINDS, formatInterval, type Catalog, type EvaluateResult, type Measure } from '../engine';
import { audienceText, headline, figureText, groupResults, hasAmount } from '../view';
import { COLORS, codeBoxOps, codeCaption, font, wrapText, type CodeSlot, type DrawOp, type Layout, type MeasureText } from './drawing';

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
  yourFigure?: PosterFigure;
  /** The clause, verbatim: as much of it as the card has room for. */
  clause: string;
  /** The code that opens this measure, or why there is none. */
  code: CodeSlot;
  disclaimer: string;
}

/** The calculator's figure for the poster: the total, and each item it adds ('技术改造项目补助', '500万元'). */
export interface PosterFigure {
  total: string;
  parts: { title: string; figure: string }[];
}

/**
 * What the poster may say of one measure's result (the detail page's calculator): its total, made
 * of the items to claim that carry a figure (result-view's 可申请 group), or nothing without a total.
 */
export function posterFigure(result: EvaluateResult): PosterFigure | undefined {
  if (!hasAmount(result.total)) return undefined;
  const claimable = groupResults(result).find((g) => g.id === 'eligible')?.items ?? [];
  const parts = claimable.filter((r) => AWARD_AMOUNT_KINDS.has(r.amountKind) && hasAmount(r.amount)).map((r) => ({ title: r.title, figure: figureText(r) }));
  return { total: formatInterval(result.total), parts };
}

export function posterContent(
  measure: Measure,
  brand: { appName: string; tagline: string },
  options: { code: CodeSlot; yourFigure?: PosterFigure },
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
    clause: measure.clause,
    ...(options.yourFigure ? { yourFigure: options.yourFigure } : {}),
    code: options.code,
    disclaimer: '金额以条文为依据，最终以主管部门审核认定为准',
  };
}

/** The clause's sentences after its first ('（十七）支持节能技术改造。', the title), each ending with its 。 or ；. */
export function clauseSentences(clause: string): string[] {
  const all = clause.match(/[^。；]+[。；]?/g) ?? [];
  return all.slice(1).map((t) => t.trim()).filter(Boolean);
}

/** The most extra room between two blocks of the card. */
const MAX_GAP = 48;

function moved(op: DrawOp, dy: number): DrawOp {
  return op.op === 'line' ? { ...op, y1: op.y1 + dy, y2: op.y2 + dy } : { ...op, y: op.y + dy };
}

/** A figure adding more items than this lists the first ones and how many more. */
const MAX_PARTS = 3;

export interface PosterLayout extends Layout {
  /** Lines the title was wrapped into (for tests). */
  titleLines: string[];
  headlineLines: string[];
}

/** Where the code sits (for tests: the pixels there decode to the measure's link). */
export const POSTER_CODE_BOX = { x: POSTER_WIDTH - 48 - 220, y: 1016, size: 220 };

export function layoutPoster(c: PosterContent, measureText: MeasureText): PosterLayout {
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
  const chipW = measureText(chip, chipFont) + 40;
  ops.push({ op: 'rect', x, y, w: chipW, h: 56, color: C.primary, radius: 28 });
  ops.push({ op: 'text', text: chip, x: x + 20, y: y + 10, font: chipFont, color: C.onPrimary });
  const sectionFont = font(26);
  const section = wrapText(c.sectionTitle, inner - chipW - 24, sectionFont, measureText, 1)[0] ?? '';
  ops.push({ op: 'text', text: section, x: x + chipW + 24, y: y + 14, font: sectionFont, color: C.muted });
  y += 56 + 40;

  // Blocks after the first (title, rule, headline, figure, who, items, clause): where the card's spare room is shared out.
  const blocks: number[] = [];

  // Title: wraps, at most three lines.
  blocks.push(ops.length);
  const titleFont = font(52, true);
  const titleLines = wrapText(c.title, inner, titleFont, measureText, 3);
  for (const line of titleLines) {
    ops.push({ op: 'text', text: line, x, y, font: titleFont, color: C.text });
    y += 72;
  }
  y += 24;
  blocks.push(ops.length);
  ops.push({ op: 'line', x1: x, y1: y, x2: x + inner, y2: y, color: C.line, width: 2 });
  y += 40;

  // The headline figure: large, on one line if it fits at 56px or more, else at most two lines. With
  // the user's figure under it, its label gives the room to that figure.
  blocks.push(ops.length);
  if (!c.yourFigure) {
    ops.push({ op: 'text', text: '政策要点', x, y, font: font(28), color: C.muted });
    y += 52;
  }
  let size = 84;
  let headlineLines = wrapText(c.headline, inner, font(size, true), measureText);
  while ((headlineLines.length > 2 || (headlineLines.length > 1 && size > 56)) && size > 48) {
    size -= 4;
    headlineLines = wrapText(c.headline, inner, font(size, true), measureText);
  }
  headlineLines = wrapText(c.headline, inner, font(size, true), measureText, 2);
  for (const line of headlineLines) {
    ops.push({ op: 'text', text: line, x, y, font: font(size, true), color: C.accent });
    y += Math.round(size * 1.3);
  }
  y += 24;

  // The user's own figure, only when ticked; when it adds several items, each with its figure.
  if (c.yourFigure) {
    blocks.push(ops.length);
    const figFont = font(36, true);
    const partFont = font(24);
    const parts = c.yourFigure.parts.length > 1 ? c.yourFigure.parts : [];
    const shownParts = parts.length > MAX_PARTS ? [...parts.slice(0, MAX_PARTS - 1), undefined] : parts;
    const partLines = shownParts.flatMap((p) => wrapText(p ? `${p.title} ${p.figure}` : `… 另有 ${parts.length - MAX_PARTS + 1} 项`, inner - 48, partFont, measureText, 2));
    const boxH = 100 + partLines.length * 32 + (partLines.length > 0 ? 8 : 0);
    const label = parts.length > 1 ? `我的测算（按我填写的情况，本条 ${parts.length} 项相加）` : '我的测算（按我填写的情况，只算这一条）';
    const figure = wrapText(c.yourFigure.total, inner - 48, figFont, measureText, 1)[0] ?? '';
    ops.push({ op: 'rect', x, y, w: inner, h: boxH, color: C.soft, radius: 16 });
    ops.push({ op: 'text', text: label, x: x + 24, y: y + 12, font: font(22), color: C.muted });
    ops.push({ op: 'text', text: figure, x: x + 24, y: y + 46, font: figFont, color: C.accent });
    let py = y + 98;
    for (const line of partLines) {
      ops.push({ op: 'text', text: line, x: x + 24, y: py, font: partFont, color: C.text });
      py += 32;
    }
    y += boxH + 24;
  }

  // Who it is for, when the card has room (a figure of several items may take it).
  const bottom = cardY + cardH - pad;
  const whoFont = font(28);
  const who = wrapText(`适用对象：${c.audience}`, inner, whoFont, measureText, 2);
  if (y + who.length * 44 <= bottom) {
    blocks.push(ops.length);
    for (const line of who) {
      ops.push({ op: 'text', text: line, x, y, font: whoFont, color: C.text });
      y += 44;
    }
  }

  // The items, one line each, while the card has room.
  if (c.items.length > 1 && y + 24 + 44 + 44 <= bottom) {
    y += 24;
    blocks.push(ops.length);
    ops.push({ op: 'text', text: `支持事项（${c.items.length} 项）`, x, y, font: font(26), color: C.muted });
    y += 44;
    const itemFont = font(28);
    for (let i = 0; i < c.items.length; i++) {
      const last = y + 44 + 44 > bottom && i < c.items.length - 1;
      const text = last ? `… 另有 ${c.items.length - i} 项` : `• ${c.items[i]}`;
      ops.push({ op: 'text', text: wrapText(text, inner, itemFont, measureText, 1)[0] ?? '', x, y, font: itemFont, color: C.text });
      y += 44;
      if (last) break;
    }
  }

  // The clause's own words in the room left, so the card has no blank half (a poster without a
  // figure): whole sentences after the one that is the title, while they fit — never a cut one.
  const clauseFont = font(26);
  const room = Math.floor((bottom - y - 24 - 44) / 40);
  const sentences = clauseSentences(c.clause);
  const fitted: string[] = [];
  let whole = 0;
  for (const sentence of sentences) {
    const lines = wrapText(sentence, inner, clauseFont, measureText);
    if (fitted.length + lines.length > room) break;
    fitted.push(...lines);
    whole++;
  }
  if (fitted.length > 0) {
    y += 24;
    blocks.push(ops.length);
    ops.push({ op: 'text', text: whole === sentences.length ? '条文原文' : '条文摘录', x, y, font: font(26), color: C.muted });
    y += 44;
    for (const line of fitted) {
      ops.push({ op: 'text', text: line, x, y, font: clauseFont, color: C.text });
      y += 40;
    }
  }

  // What room is left is shared out between the blocks, so no blank half-card sits under the last one.
  const slack = bottom - y;
  if (slack > 0 && blocks.length > 0) {
    const gap = Math.min(MAX_GAP, Math.floor(slack / blocks.length));
    blocks.forEach((from, k) => {
      const to = blocks[k + 1] ?? ops.length;
      for (let i = from; i < to; i++) ops[i] = moved(ops[i], gap * (k + 1));
    });
  }

  // Footer: the code in the right corner; beside it what to do with it, the list's name, the disclaimer.
  const box = POSTER_CODE_BOX;
  ops.push(...codeBoxOps(c.code, box.x, box.y, box.size, measureText));
  const left = box.x - 32 - margin;
  const [first, second] = codeCaption(c.code, c.appName);
  let fy = box.y + 4;
  ops.push({ op: 'text', text: first, x: margin, y: fy, font: font(34, true), color: C.primary });
  fy += 50;
  ops.push({ op: 'text', text: second, x: margin, y: fy, font: font(28), color: C.text });
  fy += 56;
  const small = font(22);
  for (const line of wrapText(`依据《${c.listName}》`, left, small, measureText, 3)) {
    ops.push({ op: 'text', text: line, x: margin, y: fy, font: small, color: C.muted });
    fy += 34;
  }
  fy += 8;
  for (const line of wrapText(c.disclaimer, left, small, measureText, 2)) {
    ops.push({ op: 'text', text: line, x: margin, y: fy, font: small, color: C.muted });
    fy += 34;
  }

  return { width: W, height: H, ops, titleLines, headlineLines };
}
