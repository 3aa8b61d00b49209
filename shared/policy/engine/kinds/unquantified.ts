/**
 * Money promised without an amount or a formula (unquantified: 金额待核定, e.g. 根据…能耗量给予一次性
 * 奖补). Its record type is UnquantifiedItem, a guidance record (./guidance).
 */
import { guidanceRule, type GuidanceItem } from './guidance';

/** Money is promised but the text gives no amount or formula (e.g. 根据…能耗量给予一次性奖补). */
export interface UnquantifiedItem extends GuidanceItem {
  kind: 'unquantified';
}

/** Its rule: the conditions, then the guidance; the amount is the department's (金额待核定). */
export const unquantified = guidanceRule<UnquantifiedItem>('unquantified', 'unquantified');
