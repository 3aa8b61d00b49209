/**
 * Which items of its measure a deadline batch is for (issue 22, item 5): a notice such as
 * 智能工厂和数字化车间申报 opens applications for one item of （八）, not for 技术改造 or 机器换人.
 * A batch names its items (`itemIds`, full item ids of the catalog) or, with none named, is for
 * the whole measure. One rule (appliesToItem; deadlinesForItem picks a measure's batches for an
 * item) for every place that shows batches per item — the detail page, the result cards' 提醒我,
 * the home page's list — so they cannot disagree. Catalog-free: pages of the main package may import it.
 */

/** What the rule reads of a deadline (a stored document, a `Deadline` of the API, a view of it). */
export interface ScopedDeadline {
  measureId: string;
  /** Items of the measure this batch is for; absent or empty: the whole measure. */
  itemIds?: readonly string[];
}

/** Whether the batch is for the whole measure (names no item). */
export function isWholeMeasure(d: ScopedDeadline): boolean {
  return !d.itemIds || d.itemIds.length === 0;
}

/** Whether batch `d` applies to item `itemId` ('m08.robots') of its measure. */
export function appliesToItem(d: ScopedDeadline, itemId: string): boolean {
  return isWholeMeasure(d) ? itemId.startsWith(`${d.measureId}.`) : d.itemIds!.includes(itemId);
}

/** The batches of `list` that belong under item `itemId` of measure `measureId`, in the list's order. */
export function deadlinesForItem<T extends ScopedDeadline>(list: readonly T[], measureId: string, itemId: string): T[] {
  return list.filter((d) => d.measureId === measureId && appliesToItem(d, itemId));
}
