/**
 * The one configured decimal.js clone used for every yuan in the product.
 * precision 40 keeps every product of the list's figures exact (the largest is 1000亿元 × 80%);
 * ROUND_HALF_UP is the usual rounding of Chinese financial amounts (四舍五入), applied once, at output.
 */
import Decimal from 'decimal.js';

export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);

/**
 * Yuan rounded to 分, half-up, as a figure that is shown and then added (a project's figure inside its
 * item's sum). Same rounding as toYuanString.
 */
export function toYuan(value: Dec): Dec {
  return value.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}

/** Yuan → string with two decimals (分), rounded half-up: every figure's one rounding, at output. */
export function toYuanString(value: Dec): string {
  return value.isZero() ? '0.00' : value.toFixed(2, Dec.ROUND_HALF_UP);
}

/** Is an output figure ('0.00', '0') zero? The one zero test for the engine's yuan strings. */
export function isZeroYuan(yuan: string): boolean {
  // The engine writes zero as '0.00' (toYuanString): that answer is the hot path of every total.
  return yuan === '0.00' || /^-?0+(\.0+)?$/.test(yuan);
}
