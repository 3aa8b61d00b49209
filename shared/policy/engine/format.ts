/**
 * Showing amounts: formatMoney (yuan, in 万元 from 1万元), formatInterval (a range), toWanText (a
 * figure in 万元) and formatInUnit (a quantity in its unit). Inputs are yuan (Dec or the engine's
 * decimal strings); nothing here rounds a value that is stored — the strings are for reading.
 */
import { Dec, toYuanString } from './decimal';
import { BASE_UNIT, UNITS, type Dimension } from './units';
import type { Interval } from './types';

const WAN = new Dec(UNITS['万元'].factor);

function trim(d: Dec, places: number): string {
  return (d.decimalPlaces() <= places ? d : d.toDecimalPlaces(places, Dec.ROUND_HALF_UP)).toFixed();
}

/** Drops trailing zeros of a fixed-point text: '600.000000' → '600', '36.50' → '36.5'. */
function stripZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/**
 * '6000000' → '600万元'; '1234.5' → '1234.5元'. Amounts of 1万元 and more are shown in 万元 (to 0.01 元).
 * One rounding to 分 (toFixed), then the decimal point is moved in the text: 万 = 10^4.
 */
export function formatMoney(yuan: Dec | string): string {
  const fixed = typeof yuan === 'string' ? new Dec(yuan).toFixed(2, Dec.ROUND_HALF_UP) : toYuanString(yuan);
  const negative = fixed.startsWith('-');
  const digits = negative ? fixed.slice(1) : fixed;
  const whole = digits.slice(0, -3);
  if (whole.length <= 4) return `${stripZeros(fixed)}元`;
  const wan = `${whole.slice(0, -4)}.${whole.slice(-4)}${digits.slice(-2)}`;
  return `${negative ? '-' : ''}${stripZeros(wan)}万元`;
}

/** Yuan string → 万元 number text for headlines: '5000000.00' → '500'. */
export function toWanText(yuan: string, places = 2): string {
  return trim(new Dec(yuan).div(WAN), places);
}

/** An interval for people: '600万元', '0–300万元', '至少 60万元'. */
export function formatInterval(amount: Interval): string {
  if (amount.min === amount.max) return formatMoney(amount.min);
  const min = new Dec(amount.min);
  const max = new Dec(amount.max);
  if (min.gte(WAN) || min.isZero()) return `${toWanText(amount.min, 6)}–${toWanText(amount.max, 6)}万元`;
  return `${formatMoney(min)}–${formatMoney(max)}`;
}

/** A quantity in a dimension's base unit: 2500 tce → '2500吨标准煤'. */
export function formatQuantity(value: Dec, dimension: Dimension): string {
  if (dimension === 'money') return formatMoney(value);
  if (dimension === 'ratio') return `${trim(value.times(100), 4)}%`;
  return `${trim(value, 4)}${BASE_UNIT[dimension]}`;
}

/** A value in a fact's own unit ('万元', '吨'): 1500 (万元) → '1500万元'. */
export function formatInUnit(value: Dec, unit: string): string {
  return `${trim(value, 6)}${unit}`;
}
