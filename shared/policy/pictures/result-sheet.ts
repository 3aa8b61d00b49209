/**
 * The 测算单 (result sheet): one long image of a whole result, the one a business owner sends to the
 * boss or the accountant. Top to bottom: a header band (the app, 测算单, who it is for, the date, the
 * list it follows and that list's status); the summary (the lead, the total in 万元, what it covers
 * and summarize's lines); the items of 可申请, 本企业工匠个人可获, 需要补充信息 and 非资金支持 in the
 * results page's order, one line each (clause number and title on the left, figure and kind on the
 * right, or under the title when the figure is long); a line counting what is not listed (差一点,
 * 不符合); the results page's disclaimer; and the code that opens the home page.
 *
 * Every word and figure is result-view's (groupResults, figureInGroup, summarize, measureLabel,
 * pathLabel): nothing here adds, rounds or formats money. The width is fixed; the height grows with
 * the content up to SHEET_MAX_HEIGHT (a size every canvas allows). A result with more lines than fit
 * lists as many as fit and then says, in one line, how many more there are ('…另有 N 项未列出').
 * sheetContent gives a SheetContent (of the SHEET_GROUPS, with the SheetMeta of who and when, and
 * sheetDisclaimer's words); layoutSheet lays it out SHEET_WIDTH wide as a SheetLayout.
 */
import { catalog2022, type Catalog, type EvaluateResult, type ItemResult } from '../engine';
import { COLORS, codeBoxOps, codeCaption, font, wrapText, type CodeSlot, type DrawOp, type Layout, type MeasureText } from './drawing';
import { INELIGIBLE, figureInGroup, groupResults, measureLabel, pathLabel, summarize, type GroupId } from '../view';

export const SHEET_WIDTH = 750;
/** The tallest sheet drawn; lines beyond it are counted, not drawn. */
export const SHEET_MAX_HEIGHT = 6000;
/** The side of the code box in the footer. */
export const SHEET_CODE_SIZE = 210;
/** The groups a sheet lists, in the results page's order; 差一点 and 不符合 are only counted. */
export const SHEET_GROUPS: readonly GroupId[] = ['eligible', 'people', 'needsInfo', 'nonMonetary'];

export interface SheetMeta {
  /** '政策算盘' */
  appName: string;
  /** '企业 · 包头市昆都仑区' as the results page builds it (entity name + place, '' parts dropped); '' leaves the line out. */
  who: string;
  /** 'YYYY-MM-DD' (the page gives today in Asia/Shanghai). */
  date: string;
  /** The catalog's title. */
  listName: string;
  /** The list-status label: '在执行', '状态未核实', … */
  listStatus: string;
  /** The code that opens the home page (scene v=start: nothing personal), or why there is none. */
  code: CodeSlot;
  /** The sentence the results page adds to its disclaimer for the list's status (listStatusDisclaimer), '' or absent when in force. */
  statusNote?: string;
}

export interface SheetLine {
  /** The item's id ('m08.upgrade'). */
  id: string;
  group: GroupId;
  /** '（八）' */
  label: string;
  title: string;
  /** figureInGroup's figure: '500万元', '最高 2000万元', '金额待核定', '专项债券'. */
  figure: string;
  /** figureInGroup's amount label (精确 / 至少 / 最高 / 减免 / 待确认); '' where the figure says it (金额待核定) and for 非资金支持, as the result card shows it. */
  amountLabel: string;
  /** The entries' names as typed ('技术改造项目：2 号线技改') and, for 需要补充信息, what is missing. */
  note?: string;
}

export interface SheetContent {
  meta: SheetMeta;
  /** summarize's lead: '你可以申请', '你有 2 个可申请事项', '暂未算出可直接申请的资金'. */
  lead: string;
  /** summarize's total in 万元 ('636', '500–2500'), when there is one. */
  totalWan?: string;
  covers: string;
  /** summarize's lines, in its order. */
  summaryLines: string[];
  sections: { group: GroupId; title: string; lines: SheetLine[] }[];
  /** '另有 N 项差一点、M 项不符合，详见小程序', or '' when nothing is left out. */
  omitted: string;
  disclaimer: string;
}

/** The note of one line: the names the user gave the entries counted in it, and what is missing. */
function lineNote(r: ItemResult, group: GroupId, catalog: Catalog): string | undefined {
  const parts: string[] = [];
  const names = (r.entries ?? [])
    .filter((e) => e.status === 'eligible' || e.status === 'needsInfo')
    .map((e) => e.name?.trim() ?? '')
    .filter((n) => n !== '');
  if (names.length > 0) {
    const item = catalog.measures[r.measureNumber - 1]?.items.find((i) => i.id === r.id);
    parts.push(`${item?.repeat?.noun ?? '项目'}：${names.join('、')}`);
  }
  if (group === 'needsInfo') {
    const missing = [...new Set(r.missing.map((p) => pathLabel(p, catalog)))];
    if (missing.length > 0) parts.push(`需补充：${missing.join('、')}`);
  }
  return parts.length > 0 ? parts.join('；') : undefined;
}

function sheetLine(r: ItemResult, group: GroupId, catalog: Catalog): SheetLine {
  const { figure, amountLabel } = figureInGroup(r, group);
  const note = lineNote(r, group, catalog);
  return {
    id: r.id,
    group,
    label: measureLabel(r, catalog),
    title: r.title,
    figure,
    // The result card shows no kind beside a 非资金支持 tag ('专项债券'): the group says it.
    amountLabel: group === 'nonMonetary' ? '' : amountLabel,
    ...(note ? { note } : {}),
  };
}

/** '另有 2 项差一点、3 项不符合，详见小程序'; '' when both are none. */
function omittedText(nearMiss: number, ineligible: number): string {
  const parts = [nearMiss > 0 ? `${nearMiss} 项差一点` : '', ineligible > 0 ? `${ineligible} 项${INELIGIBLE}` : ''].filter(Boolean);
  return parts.length > 0 ? `另有 ${parts.join('、')}，详见小程序` : '';
}

/** The disclaimer under a result, on the results page and on its 测算单 (one text for both). */
export function sheetDisclaimer(listName: string, statusNote = ''): string {
  return `以上依据《${listName}》逐条估算，金额为估算结果；能否获得支持及具体金额，以主管部门的审核认定为准。${statusNote}`;
}

export function sheetContent(result: EvaluateResult, meta: SheetMeta, catalog: Catalog = catalog2022): SheetContent {
  const summary = summarize(result);
  const groups = groupResults(result);
  const count = (id: GroupId) => groups.find((g) => g.id === id)?.items.length ?? 0;
  return {
    meta,
    lead: summary.lead,
    ...(summary.totalWan !== undefined ? { totalWan: summary.totalWan } : {}),
    covers: summary.covers,
    summaryLines: summary.lines.map((l) => l.text),
    sections: groups
      .filter((g) => SHEET_GROUPS.includes(g.id) && g.items.length > 0)
      .map((g) => ({ group: g.id, title: g.title, lines: g.items.map((r) => sheetLine(r, g.id, catalog)) })),
    omitted: omittedText(count('nearMiss'), count('ineligible')),
    disclaimer: sheetDisclaimer(meta.listName, meta.statusNote),
  };
}

// ---------------------------------------------------------------------------------------------
// Layout

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
/** A figure (with its kind) wider than this goes under the title instead of beside it. */
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

  // The figure and its kind on the right of the first row ('500万元 精确'), or on a row of their own
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

/** The omitted count, the disclaimer and the footer with the code, from `top`. */
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
