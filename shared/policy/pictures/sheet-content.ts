/**
 * What the 测算单 (result sheet) says, before any pixel: the header's who and when (SheetMeta), the
 * summary (the lead, the total in 万元, what it covers and summarize's lines), the items of
 * SHEET_GROUPS — 可申请, 本企业工匠个人可获, 需要补充信息 and 非资金支持, in the results page's order —
 * as one SheetLine each (clause number, title, figure and amount kind, the entries' names and what is
 * missing), the count of what is not listed (差一点, 不符合), sheetDisclaimer's words and the version
 * that made the figures (versionText: '测算版本 0.1.0+1c6ede6 · 政策数据 3f9a21c0').
 * sheetContent builds that SheetContent from a result; result-sheet.ts lays it out.
 *
 * Every word and figure is result-view's (groupResults, figureInGroup, summarize, measureLabel,
 * pathLabel): nothing here adds, rounds or formats money. No fonts, widths or positions here.
 */
import { catalog2022, versionStamp, versionText, type Catalog, type EvaluateResult, type ItemResult, type VersionStamp } from '../engine';
import type { CodeSlot } from './drawing';
import { INELIGIBLE, figureInGroup, groupResults, measureLabel, pathLabel, summarize, type GroupId } from '../view';

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
  /** The version that made the figures (the cloud's when its answer is shown); absent: this code's (versionStamp). */
  version?: VersionStamp;
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
  /** versionText of the version that made the figures. */
  version: string;
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
    // The result card shows no amount kind beside a 非资金支持 tag ('专项债券'): the group says it.
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
    version: versionText(meta.version ?? versionStamp(catalog)),
  };
}
