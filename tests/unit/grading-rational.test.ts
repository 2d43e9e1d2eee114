import { describe, expect, it } from 'vitest';
import { formatNumber, formatRational } from '../../src/lib/grading/format.ts';
import { ceil, compare, floor, fromDecimal, rational, truncate } from '../../src/lib/grading/rational.ts';

describe('rational', () => {
  it('reduces and keeps the denominator positive', () => {
    expect(rational(6n, 4n)).toEqual({ num: 3n, den: 2n });
    expect(rational(3n, -6n)).toEqual({ num: -1n, den: 2n });
    expect(() => rational(1n, 0n)).toThrow(RangeError);
  });

  it.each([
    [0.6, 3n, 5n], // 6/10, while the double 0.6 is 0.59999999999999997779…
    [7.49, 749n, 100n],
    [10, 10n, 1n],
    [-0.25, -1n, 4n],
  ])('fromDecimal(%d) = %d/%d', (x, num, den) => {
    expect(fromDecimal(x)).toEqual({ num, den });
  });

  it('refuses numbers that are not plain decimals', () => {
    expect(() => fromDecimal(Number.NaN)).toThrow(RangeError);
    expect(() => fromDecimal(1e-7)).toThrow(RangeError); // printed as 1e-7
  });

  it.each([
    [15n, 2n, 7n, 8n], // 7.5
    [-3n, 2n, -2n, -1n], // −1.5
    [7n, 1n, 7n, 7n], // integers are their own floor and ceiling
  ])('floor and ceil of %d/%d', (num, den, down, up) => {
    expect(floor(rational(num, den))).toBe(down);
    expect(ceil(rational(num, den))).toBe(up);
  });

  it('compares exactly: 0.6 × 22/3 is 4.4, though 0.6 * (22 / 3) in floating point is not', () => {
    expect(compare(rational(3n * 22n, 5n * 3n), fromDecimal(4.4))).toBe(0);
    expect(0.6 * (22 / 3)).not.toBe(4.4);
  });

  it('truncates, reporting whether digits were lost', () => {
    // 449999/60000 = 7.49998333…
    expect(truncate(rational(449999n, 60000n), 4)).toEqual({ whole: 7n, fraction: '4999', exact: false });
    expect(truncate(rational(15n, 2n), 4)).toEqual({ whole: 7n, fraction: '5000', exact: true });
  });
});

describe('format', () => {
  it.each([
    [15n, 2n, '7,5'], // trailing zeros dropped
    [47n, 6n, '7,8333…'], // 7.8333… repeats: cut, marked
    [449999n, 60000n, '7,4999…'], // just below 7.5 never prints as 7,5
    [10n, 1n, '10'],
    [0n, 1n, '0'],
  ])('formatRational(%d/%d) = %s', (num, den, text) => {
    expect(formatRational(rational(num, den))).toBe(text);
  });

  it('keeps the zeros of a cut value', () => {
    expect(formatRational(rational(70001n, 10000n), 3)).toBe('7,000…');
  });

  it('writes plain numbers with a decimal comma', () => {
    expect(formatNumber(0.5)).toBe('0,5');
    expect(formatNumber(10)).toBe('10');
  });
});
