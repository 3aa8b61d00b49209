/**
 * A measure's headline for cards and share titles, derived from its items (never typed by hand):
 * '最高 1000万元', '投资额 20%，最高 500万元', '每吨标准煤 200元', '每个标准最高 30万元', '电价支持'.
 * itemHeadline is one item's headline by the same rule.
 */
import { AWARD_AMOUNT_KINDS, catalog2022, compileCatalog, Dec, formatMoney, type Catalog, type Measure } from '../engine';

export function headline(measure: Measure, catalog: Catalog = catalog2022): string {
  const cc = compileCatalog(catalog);
  const items = measure.items.map((i) => cc.items.get(i.id)!);
  const awards = items.filter((ci) => AWARD_AMOUNT_KINDS.has(ci.rule.amountKind));
  if (awards.length === 0) {
    // A fee reduction says what it waives (配套费免收或减半); other support, its tag (电价支持).
    for (const ci of items) {
      if (ci.rule.summary) return ci.rule.summary(items.filter((c) => c.rule === ci.rule).map((c) => c.item));
    }
    const first = measure.items[0];
    return 'tag' in first ? first.tag : '政策支持';
  }
  // The largest fixed figure a single item can reach.
  const tops = awards.map((ci) => ci.rule.ceiling(ci)).filter((d): d is Dec => typeof d === 'object');
  const top = tops.length > 0 ? Dec.max(...tops) : undefined;
  for (const ci of awards) if (ci.rule.headline) return ci.rule.headline(ci, awards, top);
  if (top === undefined) return '政策支持';
  const text = formatMoney(top);
  return awards.length === 1 && awards[0].rule.ceilingIsAmount ? text : `最高 ${text}`;
}

/**
 * One item's headline, by the same rule as its measure's (the item alone): （一）'s 自治区级企业技术中心
 * reads '50万元', not the measure's '最高 1000万元'. A shared result card shows it.
 */
export function itemHeadline(measure: Measure, itemId: string, catalog: Catalog = catalog2022): string {
  const items = measure.items.filter((i) => i.id === itemId);
  if (items.length === 0) throw new Error(`itemHeadline: no item ${itemId} in ${measure.id}`);
  return headline({ ...measure, items }, catalog);
}
