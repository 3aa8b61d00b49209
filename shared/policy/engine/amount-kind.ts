/**
 * What an amount kind (ItemResult.amountKind, a kind rule's amountKind) is: the one place that says
 * which amount kinds are awards (AWARD_AMOUNT_KINDS), which have a figure (FIGURED_AMOUNT_KINDS),
 * and which promise money at all (isMoneyAmountKind).
 */
import type { AmountKind } from './types';

/** Money paid with a figure: exact, 不低于 (atLeast), 最高不超过 (upTo). The totals add these. */
export const AWARD_AMOUNT_KINDS: ReadonlySet<AmountKind> = new Set<AmountKind>(['exact', 'atLeast', 'upTo']);

/** A figure to work out: the awards and a fee not paid (saving). The detail page's calculator is for these. */
export const FIGURED_AMOUNT_KINDS: ReadonlySet<AmountKind> = new Set<AmountKind>([...AWARD_AMOUNT_KINDS, 'saving']);

/** Money is promised: everything but support without money (（二十）'s 金额待核定 included). */
export function isMoneyAmountKind(amountKind: AmountKind): boolean {
  return amountKind !== 'nonMonetary';
}
