/**
 * Browsing the list (browse, with BrowseFilters): card text, filters (for enterprises / for parks
 * (isForWho, WHO_TEXT), form of support (SUPPORT_FORMS), amount at least X (parseMinAmount, against
 * measureCeiling; largestCeiling for the browser's card)), matchesFilters for one measure, what to
 * change when nothing is left (suggestions, each a Relaxation), and the rows of a measure's item
 * table (itemRows, an ItemRow each). Everything is read from the catalog records (compiled once by
 * ./compile); nothing here is typed by hand and no award is computed — the amount filter only
 * compares the figures the clause states.
 */
import { addresseeOf, audienceText, isFor, entityName, catalog2022, compileCatalog, Dec, ruleOf, readTypedNumber, type Catalog, type Item, type Measure, type SupportForm } from '../engine';
import { findFigures, searchMeasures, type SearchHit } from './search';

export const SUPPORT_FORMS: SupportForm[] = ['补助', '奖励', '贴息', '减免', '非资金支持'];

export type Who = 'enterprise' | 'park';

export interface BrowseFilters {
  /** Only measures for enterprises (and their projects, craftsmen) or only for industrial parks. */
  who?: Who;
  /** Any of these forms of support (支持方式). */
  supportForms?: SupportForm[];
  /** The measure can give at least this much, as typed: '500' (万元), '500万', '0.5亿', '3000000元'. */
  minAmount?: string;
  /** Only these measure ids (the device's favourites). */
  only?: string[];
}

// ---------------------------------------------------------------------------------------------
// Who a measure is for: the engine's reading of `audience` (audience.ts).

export function isForWho(measure: Measure, who: Who): boolean {
  return isFor(measure.audience, who);
}

/** Whom a record is for, in words: audience.ts (kept here for the pages and the poster that import it from browse). */
export { audienceText };

// ---------------------------------------------------------------------------------------------
// The most one item of a measure can give, for "amount at least X".

export type Ceiling =
  /** A figure stated by the clause: the cap, the fixed amount, the highest level. */
  | { bound: 'capped'; yuan: Dec; itemId: string }
  /** A rate with no cap (（四） 80% of the premium): no upper bound. */
  | { bound: 'open'; itemId: string }
  /** No amount for the enterprise in the text: non-monetary support, an unquantified award, a fee reduction, an award paid to people. */
  | { bound: 'none' };

/**
 * The enterprise's (or park's) money only: an award paid to people (（七）“奖励对象是工匠本人”, each
 * 20万元 per craftsman) is never what the enterprise gets, so it does not count here, as it does not
 * count in the engine's total.
 */
export function measureCeiling(measure: Measure, catalog: Catalog = catalog2022): Ceiling {
  const cc = compileCatalog(catalog);
  let best: Ceiling = { bound: 'none' };
  for (const item of measure.items) {
    const ci = cc.items.get(item.id)!;
    if (ci.paidToPerson) continue;
    const yuan = ci.rule.ceiling(ci);
    if (yuan === 'open') return { bound: 'open', itemId: item.id };
    if (yuan && (best.bound === 'none' || (best.bound === 'capped' && yuan.gt(best.yuan)))) best = { bound: 'capped', yuan, itemId: item.id };
  }
  return best;
}

/**
 * The amount typed into "金额至少": read as the schema reads a 万元 field (readTypedNumber: '500',
 * '2,500', '２５００', '500万', '0.5亿'); another money unit as written ('3000000元', by search's
 * figures). Spaces anywhere are ignored. Empty → no filter. Anything else → an error in Chinese.
 */
export function parseMinAmount(text: string | undefined): { ok: true; yuan?: Dec } | { ok: false; message: string } {
  const raw = (text ?? '').replace(/[\s\u3000]/g, '');
  if (raw === '') return { ok: true };
  const wan = readTypedNumber(raw, '万元');
  if (wan !== null && !wan.startsWith('-')) return { ok: true, yuan: new Dec(wan).times(10000) };
  const figures = findFigures(raw, false);
  if (figures.length === 1 && figures[0].start === 0 && figures[0].end === raw.length && figures[0].dims.includes('money')) {
    return { ok: true, yuan: figures[0].value };
  }
  return { ok: false, message: '金额请填数字，单位万元，例如 500' };
}

function passesAmount(measure: Measure, min: Dec | undefined): boolean {
  if (!min) return true;
  const c = measureCeiling(measure);
  if (c.bound === 'open') return true;
  return c.bound === 'capped' && c.yuan.gte(min);
}

export function matchesFilters(measure: Measure, f: BrowseFilters): boolean {
  if (f.who && !isForWho(measure, f.who)) return false;
  if (f.supportForms && f.supportForms.length > 0 && !f.supportForms.some((k) => measure.support.includes(k))) return false;
  if (f.only && !f.only.includes(measure.id)) return false;
  const amount = parseMinAmount(f.minAmount);
  return passesAmount(measure, amount.ok ? amount.yuan : undefined);
}

export interface BrowseResult {
  hits: SearchHit[];
  /** The amount filter was typed but could not be read (the filter is then not applied). */
  amountError?: string;
}

/** Search, then filters. With an empty query the measures stay in catalog order. */
export function browse(query: string, filters: BrowseFilters, catalog: Catalog = catalog2022): BrowseResult {
  const amount = parseMinAmount(filters.minAmount);
  const hits = searchMeasures(query, catalog).filter((h) => matchesFilters(h.measure, filters));
  return amount.ok ? { hits } : { hits, amountError: amount.message };
}

// ---------------------------------------------------------------------------------------------
// Nothing found: which single change brings measures back.

export type Relaxation = 'query' | 'who' | 'supportForms' | 'minAmount' | 'only' | 'all';

export interface Suggestion {
  change: Relaxation;
  /** What to do, in Chinese: '清除搜索词“机器人”'. */
  label: string;
  /** How many measures that change would show. */
  count: number;
}

/**
 * The who filter's words ('面向企业', '面向园区'): the filter chips and the "不限“面向园区”" suggestion.
 * A park is 园区 here, the short word of a chip (the entity question says 工业园区).
 */
export const WHO_TEXT: Record<Who, string> = { enterprise: `面向${entityName('enterprise')}`, park: '面向园区' };

export function suggestions(query: string, filters: BrowseFilters, catalog: Catalog = catalog2022): Suggestion[] {
  const out: Suggestion[] = [];
  const count = (q: string, f: BrowseFilters) => browse(q, f, catalog).hits.length;
  if (query.trim()) out.push({ change: 'query', label: `清除搜索词“${query.trim()}”`, count: count('', filters) });
  if (filters.who) out.push({ change: 'who', label: `不限“${WHO_TEXT[filters.who]}”`, count: count(query, { ...filters, who: undefined }) });
  if (filters.supportForms && filters.supportForms.length > 0) {
    out.push({ change: 'supportForms', label: `不限支持方式（现为${filters.supportForms.join('、')}）`, count: count(query, { ...filters, supportForms: undefined }) });
  }
  if (filters.minAmount && filters.minAmount.trim()) {
    out.push({ change: 'minAmount', label: '去掉金额下限', count: count(query, { ...filters, minAmount: undefined }) });
  }
  if (filters.only) out.push({ change: 'only', label: '不只看收藏', count: count(query, { ...filters, only: undefined }) });
  const useful = out.filter((s) => s.count > 0);
  // No single change helps, but several together do: offer to clear everything.
  if (useful.length === 0 && out.length > 1) useful.push({ change: 'all', label: '清除全部条件', count: catalog.measures.length });
  return useful;
}

/** The largest stated figure of any measure: '本清单单项最高 3000万元' for the empty-result text. */
export function largestCeiling(catalog: Catalog = catalog2022): Dec {
  let max = new Dec(0);
  for (const m of catalog.measures) {
    const c = measureCeiling(m, catalog);
    if (c.bound === 'capped' && c.yuan.gt(max)) max = c.yuan;
  }
  return max;
}

// ---------------------------------------------------------------------------------------------
// The item table of a detail page: who, condition, rate, cap, threshold — the catalog's own words.

export interface ItemRow {
  id: string;
  title: string;
  who: string;
  /** The clause's conditions (quoted), or '—'. */
  condition: string;
  /** Rate, amount or levels as the clause writes them. */
  rate: string;
  cap: string;
  threshold: string;
  /** How an ambiguous phrase is read (the catalog's note). */
  note?: string;
  /** Non-monetary support: what it means. */
  guidance?: string;
}

const NONE = '—';

function conditionText(item: Item): string {
  const parts = (item.conditions ?? []).map((c) => c.quote);
  parts.push(...(ruleOf(item).conditionQuotes?.(item) ?? []));
  return parts.length ? parts.join('；') : NONE;
}

function capText(item: Item, measure: Measure): string {
  const per = (p: 'entry' | 'enterprise') => (p === 'entry' ? `每个${item.repeat?.noun ?? '项目'}` : addresseeOf(item.audience) === 'park' ? '每个园区' : '每个企业');
  if ('cap' in item && item.cap) return `${item.cap.amount}（${per(item.cap.per)}）`;
  if ('group' in item && item.group) {
    const g = measure.groups?.find((x) => x.id === item.group);
    if (g) return `${g.amount}（${g.quote}）`;
  }
  return ruleOf(item).noCapText ?? NONE;
}

function thresholdText(item: Item): string {
  if (!('threshold' in item) || !item.threshold) return NONE;
  const t = item.threshold;
  let s = t.quote;
  if (t.reduced) s += `（${t.reduced.quote}）`;
  return s;
}

export function itemRows(measure: Measure): ItemRow[] {
  return measure.items.map((item) => ({
    id: item.id,
    title: item.title,
    who: audienceText(item.audience),
    condition: conditionText(item),
    rate: ruleOf(item).rateText(item),
    cap: capText(item, measure),
    threshold: thresholdText(item),
    ...(item.note ? { note: item.note } : {}),
    ...('guidance' in item ? { guidance: item.guidance } : {}),
  }));
}
