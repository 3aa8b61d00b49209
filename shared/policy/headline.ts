/**
 * A measure's headline for cards and share titles, derived from its items (never typed by hand):
 * '最高 1000万元', '投资额 20%，最高 500万元', '每吨标准煤 200元', '每个标准最高 30万元', '电价支持'.
 */
import { compileCatalog } from './compile';
import { catalog2022 } from './catalog';
import { Dec } from './decimal';
import { formatMoney } from './format';
import type { Catalog, Measure } from './types';

export function headline(measure: Measure, catalog: Catalog = catalog2022): string {
  const cc = compileCatalog(catalog);
  const items = measure.items.map((i) => cc.items.get(i.id)!);
  const money = items.filter((ci) => ci.item.kind !== 'nonMonetary' && ci.item.kind !== 'unquantified' && ci.item.kind !== 'feeReduction');
  if (money.length === 0) {
    const words = [...new Set(measure.items.flatMap((i) => (i.kind === 'feeReduction' ? [i.word] : [])))];
    if (words.length > 0) return `配套费${words.join('或')}`;
    const first = measure.items[0];
    return 'tag' in first ? first.tag : '政策支持';
  }
  // The largest fixed figure a single item can reach.
  const tops = money.map((ci) => ci.amount?.value ?? ci.levelMax ?? ci.cap?.value).filter((d): d is Dec => d !== undefined);
  const rated = money.find((ci) => ci.rate);
  const noun = rated && 'headlineNoun' in rated.item ? (rated.item.headlineNoun ?? '') : '';
  if (rated && rated.item.kind === 'perUnit') return `每${rated.item.per}${noun} ${rated.rate!.text}`;
  if (rated && rated.item.kind === 'perCount') return `每${rated.item.per}${noun}最高 ${formatMoney(Dec.max(...money.map((c) => c.rate!.value)))}`;
  const rate = `${noun ? `${noun} ` : ''}${rated?.rate!.text ?? ''}`;
  if (rated && tops.length === 0) return `${rate} 补偿`;
  const top = formatMoney(Dec.max(...tops));
  if (rated) return `${rate}，最高 ${top}`;
  return money.length === 1 && money[0].item.kind === 'fixed' ? top : `最高 ${top}`;
}
