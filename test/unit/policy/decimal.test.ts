/**
 * The engine's money helpers take short cuts for figures already in 分 (most are: 万元 × 20%) and
 * read typed amounts straight into 元 by moving the point. Each short cut must give exactly what the
 * general decimal.js path gives: tables of the edges, then fast-check over many values.
 */
import fc from 'fast-check';
import { Dec, lesser, readShifted, shifted, toYuan, toYuanString } from '../../../shared/policy/engine';

const general = {
  toYuanString: (d: InstanceType<typeof Dec>) => (d.isZero() ? '0.00' : d.toFixed(2, Dec.ROUND_HALF_UP)),
  toYuan: (d: InstanceType<typeof Dec>) => d.toDecimalPlaces(2, Dec.ROUND_HALF_UP),
  readShifted: (v: number | string, shift: number) => new Dec(v).times(new Dec(10).pow(shift)),
};

describe('toYuanString writes every figure with two decimals, rounded half-up once', () => {
  it.each([
    ['an integer gains .00', '5000000', '5000000.00'],
    ['one decimal gains a 0', '1234.5', '1234.50'],
    ['two decimals stay', '1234.56', '1234.56'],
    ['a third decimal rounds half up', '0.005', '0.01'],
    ['below half rounds down to zero', '0.004', '0.00'],
    ['zero is 0.00', '0', '0.00'],
    ['a negative integer', '-5', '-5.00'],
    ['a figure of 40 digits is still written in plain digits', '1'.padEnd(40, '0'), `${'1'.padEnd(40, '0')}.00`],
  ])('%s: %s → %s', (_name, input, shown) => {
    expect(toYuanString(new Dec(input))).toBe(shown);
    expect(toYuanString(new Dec(input))).toBe(general.toYuanString(new Dec(input)));
  });

  it('agrees with toFixed(2, half up) on 5 000 random figures, 0 to 6 decimals', () => {
    let shortCut = 0;
    fc.assert(
      fc.property(fc.bigInt({ min: -BigInt(1e15), max: BigInt(1e15) }), fc.integer({ min: 0, max: 6 }), (n, places) => {
        const d = new Dec(`${n}e-${places}`);
        if (d.decimalPlaces() <= 2) shortCut += 1;
        expect(toYuanString(d)).toBe(general.toYuanString(d));
        expect(toYuan(d).eq(general.toYuan(d))).toBe(true);
      }),
      { numRuns: 5_000 },
    );
    // Both paths were taken: about half the cases are in 分 already.
    expect(shortCut).toBeGreaterThan(1_250);
    expect(shortCut).toBeLessThan(3_750);
  });
});

describe('readShifted reads a typed amount into its base unit in one parse', () => {
  it.each([
    ['万元 → 元', 1234.56, 4, '12345600'],
    ['typed text keeps its digits', '0.015', 4, '150'],
    ['% → a ratio', 20, -2, '0.2'],
    ['no unit change', 7, 0, '7'],
    ['a number JavaScript writes with an exponent', 1e21, 4, '1e+25'],
    ['a tiny number JavaScript writes with an exponent', 1e-7, 4, '0.001'],
  ])('%s: %s × 10^%s = %s', (_name, value, shift, expected) => {
    expect(readShifted(value, shift).eq(new Dec(expected))).toBe(true);
    expect(readShifted(value, shift).eq(general.readShifted(value, shift))).toBe(true);
  });

  it.each([
    ['万元 with two decimals, read as an integer of 元', 1234.56, 4, '12345600'],
    ['万元 with one decimal that is no exact double', 0.1, 4, '1000'],
    ['元 with two decimals (no unit change)', 1234.56, 0, '1234.56'],
    ['吨 with a decimal that 0.1 + 0.2 gives', 0.1 + 0.2, 0, '0.30000000000000004'],
    ['% with a decimal', 12.5, -2, '0.125'],
    ['亿元 past 2^53 元', 123456789.12, 8, '12345678912000000'],
    ['the largest two-decimal number read as an integer of cents', 9999999999999.99, 4, '99999999999999900'],
    ['a two-decimal number past it, read through its text', 12345678901234.56, 4, '123456789012345600'],
    ['three decimals, read through its text', 2.675, 4, '26750'],
    ['a negative amount', -3.25, 4, '-32500'],
    ['negative zero reads as its text 0 does', -0, 4, '0'],
  ])('a number: %s: %s × 10^%s = %s', (_name, value, shift, expected) => {
    const read = readShifted(value, shift);
    expect(read.eq(new Dec(expected))).toBe(true);
    expect(read.eq(general.readShifted(value, shift))).toBe(true);
    // The sign as the number's text writes it (String(-0) is '0').
    expect(read.isNeg()).toBe(expected.startsWith('-'));
  });

  it('agrees with parse-then-multiply on 5 000 random numbers of 0 to 3 decimals, as forms send them', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom(-2, 0, 4, 8), (n, places, shift) => {
        const v = n / 10 ** places;
        expect(readShifted(v, shift).eq(general.readShifted(v, shift))).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });

  it('agrees with parse-then-multiply on 5 000 random typed amounts', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: 0, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 1e9 }).map((n) => (n / 1000).toFixed(3))), fc.constantFrom(-2, 0, 4, 8), (v, shift) => {
        expect(readShifted(v, shift).eq(general.readShifted(v, shift))).toBe(true);
        expect(shifted(readShifted(v, shift), -shift).eq(new Dec(v))).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('lesser is the smaller figure itself', () => {
  it.each([
    ['the rate below the cap', '4000000', '5000000', '4000000'],
    ['the cap below the rate', '6000000', '5000000', '5000000'],
    ['equal figures', '5000000', '5000000.00', '5000000'],
  ])('%s: min(%s, %s) = %s', (_name, a, b, expected) => {
    expect(lesser(new Dec(a), new Dec(b)).eq(new Dec(expected))).toBe(true);
  });
});
