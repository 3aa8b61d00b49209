/**
 * One screened row's result in words, for the 企业结果 sheet (rowSummary, a RowSummary): what it can
 * claim (figure and amount kind), what its craftsmen get, what needs information (with the figure
 * under each answer), what it just missed, its support without money (as the results page lists it:
 * what its answers earn and what every enterprise or park has without an answer), and its total.
 * asksNothing names the items every row gets without an answer (按措施汇总 counts a row for what
 * its answers earn). Read only through result-view.ts — the same groups, figures, amount-kind words and summary
 * lines as the results page and the calc CLI; nothing here adds or rounds money.
 */
import { catalog2022, compileCatalog, formatInterval, toWanText, type Catalog, type EvaluateResult, type ItemResult } from '../engine';
import { alternativeLine, figureInGroup, figureText, groupResults, hasAmount, measureLabel, summarize, whyText, type GroupId } from '../view';

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

export function rowSummary(res: EvaluateResult, catalog: Catalog = catalog2022): RowSummary {
  const out: RowSummary = { total: '', covers: '', claim: [], people: [], needsInfo: [], nearMiss: [], nonMonetary: [], notes: [] };
  // Only what a column shows is worded: the ineligible group has no column, and a near miss or support
  // without money needs no figure with its amount kind (issue 24, item 3: every item was worded, the
  // ineligible ones too, and most of it thrown away). Support without money is the page's whole group
  // (issue 27, item 3: leaving out what asks nothing left the column empty for every row).
  const said = (r: ItemResult, id: GroupId) => {
    const { figure, amountLabel } = figureInGroup(r, id);
    return `${head(r, catalog)}：${figure}${amountLabel ? `（${amountLabel}）` : ''}`;
  };
  for (const { id, items } of groupResults(res)) {
    if (id === 'ineligible') continue;
    for (const r of items) {
      if (id === 'eligible') out.claim.push(said(r, id));
      else if (id === 'people') out.people.push(said(r, id));
      else if (id === 'needsInfo') {
        // The why line names the unsure question, so one assumed answer is said alone ('若为“是”'), as the cards say it.
        const alternatives = r.alternatives.map((a) => alternativeLine(r, a, { short: true })).map((a) => `若${a.assume}：${a.figure}`);
        out.needsInfo.push([`${said(r, id)}——${whyText(r)}`, ...alternatives].join('；'));
      } else if (id === 'nearMiss') out.nearMiss.push(`${head(r, catalog)}：${whyText(r)}`);
      else if (id === 'nonMonetary') out.nonMonetary.push(`${head(r, catalog)}（${figureText(r, catalog)}）`);
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
