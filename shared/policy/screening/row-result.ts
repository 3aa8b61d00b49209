/**
 * One screened row's result in words, for the 企业结果 sheet (rowSummary, a RowSummary): what it can
 * claim (figure and amount kind), what its craftsmen get, what needs information (with the figure
 * under each answer), what it just missed, its support without money (as the results page lists it:
 * what its answers earn and what every enterprise or park has without an answer), and its total.
 * asksNothing names the items every row gets without an answer (按措施汇总 counts a row for what
 * its answers earn). Read only through result-view.ts — the same groups, figures, amount-kind words and summary
 * lines as the results page and the calc CLI; nothing here adds or rounds money. Given the row's
 * profile, the 脱贫地区 hint (county-hint.ts, issue 27 item 1) heads 需要补充信息. Each ListedItem
 * of a row is one of its lines of 按措施名单 (measure-list.ts), in the same words.
 */
import { catalog2022, compileCatalog, formatInterval, toWanText, type Catalog, type EvaluateResult, type ItemResult, type Profile } from '../engine';
import { alternativeLine, figureInGroup, figureText, GROUP_TITLES, groupResults, hasAmount, measureLabel, summarize, whyText, type GroupId } from '../view';
import { povertyHint } from './county-hint';

export interface RowSummary {
  /** The enterprise's (or park's) total in 万元 as decimal text ('636', '500'), when it has one; min ≤ max. */
  totalWan?: { min: string; max: string };
  /** '636万元', '500–2500万元', or the summary's lead when nothing adds up ('你有 2 个可申请事项'). */
  total: string;
  /** '涉及 3 条措施、3 个可申请事项'. */
  covers: string;
  claim: string[];
  people: string[];
  needsInfo: string[];
  nearMiss: string[];
  nonMonetary: string[];
  /** The summary's lines beside the total (金额待核定, the craftsmen's, fees not paid, what answers could add). */
  notes: string[];
  /** Its lines of 按措施名单: the items it can claim, then (might) those it may once something is confirmed; not what asks nothing. */
  listed: ListedItem[];
}

/** One item a row can claim or might (JSON: a part of a register keeps these until the result is written). */
export interface ListedItem {
  /** The item's id ('m08.upgrade'): its measure, title and clause are the catalog's. */
  item: string;
  /** It might qualify: something is unsure or missing (the 需要补充信息 group). */
  might?: true;
  /** The figure with its amount kind, in 企业结果's words ('500万元（精确）', '0–500万元（待确认）'). */
  amount: string;
  /** What to confirm with the enterprise, and the figure under each answer (only when it might). */
  confirm?: string;
}

const asksNothingCache = new WeakMap<Catalog, Set<string>>();

/**
 * Items that ask nothing (funds, bonds, land guidance): every enterprise (or park) has them, so a
 * register's rows do not list them one by one — docs/screening.md says so. The engine's own test
 * (item.ts constantFor: no facts read, no entries).
 */
export function asksNothing(catalog: Catalog = catalog2022): Set<string> {
  let set = asksNothingCache.get(catalog);
  if (!set) {
    set = new Set([...compileCatalog(catalog).items.values()].filter((ci) => ci.reads.length === 0 && !ci.item.repeat).map((ci) => ci.item.id));
    asksNothingCache.set(catalog, set);
  }
  return set;
}

const head = (r: ItemResult, catalog: Catalog) => `${measureLabel(r, catalog)}${r.title}`;

/** An item's words in its group: its line in the row's column, and its line of 按措施名单 (without the row). */
interface Worded {
  /** The column it goes in. */
  column: 'claim' | 'people' | 'needsInfo' | 'nearMiss' | 'nonMonetary';
  line: string;
  listed?: Omit<ListedItem, 'item'>;
}

const amountText = (r: ItemResult, id: GroupId) => {
  const { figure, amountLabel } = figureInGroup(r, id);
  return `${figure}${amountLabel ? `（${amountLabel}）` : ''}`;
};

/**
 * Only what a column shows is worded: the ineligible group has no column, and a near miss or support
 * without money needs no figure with its amount kind (issue 24, item 3: every item was worded, the
 * ineligible ones too, and most of it thrown away). Support without money is the page's whole group
 * (issue 27, item 3: leaving out what asks nothing left the column empty for every row).
 * 按措施名单 says each item in the same words as this row's line: its figure with the amount kind,
 * and what to confirm (the why line and the figure under each answer).
 */
function worded(r: ItemResult, id: Exclude<GroupId, 'ineligible'>, catalog: Catalog): Worded {
  if (id === 'nearMiss') return { column: 'nearMiss', line: `${head(r, catalog)}：${whyText(r)}` };
  if (id === 'needsInfo') {
    // The why line names the unsure question, so one assumed answer is said alone ('若为“是”'), as the cards say it.
    const alternatives = r.alternatives.map((a) => alternativeLine(r, a, { short: true })).map((a) => `若${a.assume}：${a.figure}`);
    const listed = { might: true as const, amount: amountText(r, id), confirm: [whyText(r), ...alternatives].join('；') };
    return { column: 'needsInfo', line: `${head(r, catalog)}：${listed.amount}——${listed.confirm}`, listed };
  }
  if (id === 'nonMonetary') {
    const amount = figureText(r, catalog);
    return { column: 'nonMonetary', line: `${head(r, catalog)}（${amount}）`, listed: { amount } };
  }
  const amount = amountText(r, id);
  // An award paid to the craftsmen says whose it is (as a shared card of the results page does).
  if (id === 'people') return { column: 'people', line: `${head(r, catalog)}：${amount}`, listed: { amount: `${GROUP_TITLES.people} ${amount}` } };
  return { column: 'claim', line: `${head(r, catalog)}：${amount}`, listed: { amount } };
}

/**
 * The words of the last result met per item id: evaluate hands every row the same result object for
 * an item no answer changes (engine/evaluate.ts: constant results; 49 of a register row's 55 items),
 * so those are worded once, not once per row (issue 24, item 3). Keyed by the object itself: a
 * row's own result is always worded afresh.
 */
const lastWorded = new WeakMap<Catalog, Map<string, { r: ItemResult; words: Worded }>>();

function wordedOnce(r: ItemResult, id: Exclude<GroupId, 'ineligible'>, catalog: Catalog): Worded {
  let byId = lastWorded.get(catalog);
  if (!byId) lastWorded.set(catalog, (byId = new Map()));
  const last = byId.get(r.id);
  if (last?.r === r) return last.words;
  const words = worded(r, id, catalog);
  byId.set(r.id, { r, words });
  return words;
}

export function rowSummary(res: EvaluateResult, catalog: Catalog = catalog2022, profile?: Profile): RowSummary {
  const out: RowSummary = { total: '', covers: '', claim: [], people: [], needsInfo: [], nearMiss: [], nonMonetary: [], notes: [], listed: [] };
  // Suggest, never decide (issue 27, item 1): the figures stay those of the row's own answer.
  const hint = profile && povertyHint(profile);
  if (hint) out.needsInfo.push(hint);
  // Not in 按措施名单: what every row has without an answer — a list of every enterprise in the
  // register would notify nobody in particular.
  const quiet = asksNothing(catalog);
  for (const { id, items } of groupResults(res)) {
    if (id === 'ineligible') continue;
    for (const r of items) {
      const w = wordedOnce(r, id, catalog);
      out[w.column].push(w.line);
      if (w.listed && !quiet.has(r.id)) out.listed.push({ item: r.id, ...w.listed });
    }
  }
  const summary = summarize(res);
  if (hasAmount(res.total)) {
    out.totalWan = { min: toWanText(res.total.min, 6), max: toWanText(res.total.max, 6) };
    out.total = formatInterval(res.total);
  } else out.total = summary.lead;
  out.covers = summary.covers;
  out.notes = summary.lines.map((l) => l.text);
  return out;
}
