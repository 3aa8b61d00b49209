/**
 * The one configured decimal.js clone (Dec) used for every yuan in the product.
 * precision 40 keeps every product of the list's figures exact (the largest is 1000亿元 × 80%);
 * ROUND_HALF_UP is the usual rounding of Chinese financial amounts (四舍五入), applied once, at output
 * (toYuan, toYuanString; isZeroYuan tests a shown figure). ZERO, lesser, and shifted / readShifted
 * (a value moved by powers of ten, as 万 and 亿 move it) are the arithmetic the engine shares.
 */
import Decimal from 'decimal.js';

export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);

/**
 * Yuan rounded to 分, half-up, as a figure that is shown and then added (a project's figure inside its
 * item's sum). Same rounding as toYuanString. A figure already in 分 is itself (most are: 万元 × 20%).
 */
export function toYuan(value: Dec): Dec {
  return value.decimalPlaces() <= 2 ? value : value.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}

/** Yuan → string with two decimals (分), rounded half-up: every figure's one rounding, at output. */
export function toYuanString(value: Dec): string {
  if (value.isZero()) return '0.00';
  const places = value.decimalPlaces();
  // In 分 already and below toExpPos (so toString writes plain digits): the digits, padded.
  if (places > 2 || value.e >= 39) return value.toFixed(2, Dec.ROUND_HALF_UP);
  const digits = value.toString();
  return places === 2 ? digits : places === 1 ? `${digits}0` : `${digits}.00`;
}

/** Is an output figure ('0.00', '0') zero? The one zero test for the engine's yuan strings. */
export function isZeroYuan(yuan: string): boolean {
  // The engine writes zero as '0.00' (toYuanString); other texts are read by the pattern.
  return yuan === '0.00' || /^-?0+(\.0+)?$/.test(yuan);
}

/** The smaller of two figures, itself (Dec.min makes a new Decimal). */
export function lesser(a: Dec, b: Dec): Dec {
  return b.lt(a) ? b : a;
}

/**
 * A typed amount in its dimension's base unit: `value` × 10^`shift` (万元 → 元 is 4), read in one
 * parse instead of a parse and a multiplication. The same digits as new Dec(value) (decimal.js reads a
 * number through its shortest text too); a text already in exponent form is multiplied instead.
 */
export function readShifted(value: number | string, shift: number): Dec {
  if (typeof value === 'number' && value !== 0) {
    const fast = readCents(value, shift);
    if (fast) return fast;
  }
  if (shift === 0) return new Dec(value);
  // A number's text has a lower-case e when it has one; a typed text may have either.
  const text = typeof value === 'number' ? String(value) : value;
  const exponent = typeof value === 'number' ? text.includes('e') : /e/i.test(text);
  return exponent ? shifted(new Dec(text), shift) : new Dec(`${text}e${shift}`);
}

/** 10^0 … 10^8 as plain numbers (each exact). */
const TENS = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];

/**
 * A typed number with at most two decimals (what a form sends: 1234.56 万元) read without writing
 * it as text: its digits as an integer n (n / 10^k is the number itself), then n × 10^(shift − k)
 * built from that integer. Below 10^13 two numbers of two decimals are never the same double, so n
 * holds the digits of the number's shortest text, the digits new Dec(value) reads (decimal.test.ts
 * holds both to the same Decimal). Undefined for anything else (more decimals, huge, tiny).
 */
function readCents(value: number, shift: number): Dec | undefined {
  for (let k = 0; k <= 2; k++) {
    const n = Math.round(value * TENS[k]);
    if (n / TENS[k] !== value) continue;
    if (!(Math.abs(n) < 1e15)) return undefined;
    const j = shift - k;
    if (j === 0) return new Dec(n);
    if (j > 0 && j <= 8) {
      const whole = n * TENS[j];
      if (Number.isSafeInteger(whole)) return new Dec(whole);
    }
    return new Dec(`${n}e${j}`);
  }
  return undefined;
}

const powersOfTen = new Map<number, Dec>();

/** `value` × 10^`shift`, exactly (a power of ten only moves the point; precision 40 keeps every digit). */
export function shifted(value: Dec, shift: number): Dec {
  if (shift === 0) return value;
  let p = powersOfTen.get(shift);
  if (!p) powersOfTen.set(shift, (p = new Dec(10).pow(shift)));
  return value.times(p);
}
