/**
 * Support without money (nonMonetary: land, power price, funds, bonds). Its record type is
 * NonMonetaryItem, a guidance record (./guidance).
 */
import { guidanceRule, type GuidanceItem } from './guidance';

/** Support that is real but has no amount in the text (land, power price, funds, bonds). */
export interface NonMonetaryItem extends GuidanceItem {
  kind: 'nonMonetary';
}

/** Its rule: the conditions, then the guidance; no amount. */
export const nonMonetary = guidanceRule<NonMonetaryItem>('nonMonetary', 'nonMonetary');
