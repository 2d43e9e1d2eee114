// Exact fractions over bigint for the grading arithmetic. Grades have at most two decimals, weights a
// few more, and the homework mean can be a repeating fraction: no step may go through floating point,
// so that 7.5 is never 7.4999999 and a mean of 22.5 / 3 compares exactly with a band's boundary.

/** A reduced fraction `num / den` with `den > 0`. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

/**
 * The fraction `num / den`, reduced, with a positive denominator.
 * @example rational(6n, 4n) // { num: 3n, den: 2n }
 * @throws {RangeError} when `den` is zero.
 */
export function rational(num: bigint, den = 1n): Rational {
  if (den === 0n) throw new RangeError('rational: zero denominator');
  const sign = den < 0n ? -1n : 1n;
  const d = gcd(num, den);
  return { num: (sign * num) / d, den: (sign * den) / d };
}

export const ZERO = rational(0n);

/**
 * The exact value of a number written with finitely many decimals (as course data and parsed grades are).
 * @example fromDecimal(0.6) // 3/5, not 0.59999999999999997779…
 * @throws {RangeError} for NaN, infinities and numbers JavaScript prints in exponent form (1e-7, 1e21).
 */
export function fromDecimal(x: number): Rational {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(x));
  if (match === null) throw new RangeError(`fromDecimal: ${String(x)} is not a plain decimal number`);
  const [, sign = '', whole = '', fraction = ''] = match;
  const num = BigInt(whole + fraction);
  return rational(sign === '-' ? -num : num, 10n ** BigInt(fraction.length));
}

export const add = (a: Rational, b: Rational): Rational => rational(a.num * b.den + b.num * a.den, a.den * b.den);

export const sub = (a: Rational, b: Rational): Rational => rational(a.num * b.den - b.num * a.den, a.den * b.den);

export const mul = (a: Rational, b: Rational): Rational => rational(a.num * b.num, a.den * b.den);

/** @throws {RangeError} when `b` is zero. */
export const div = (a: Rational, b: Rational): Rational => rational(a.num * b.den, a.den * b.num);

/** Sum of a list; zero for an empty list. */
export const sum = (values: readonly Rational[]): Rational => values.reduce(add, ZERO);

/** Sign of `a − b`: −1, 0 or 1. */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

export const min = (a: Rational, b: Rational): Rational => (compare(a, b) <= 0 ? a : b);

/**
 * The largest integer not above `a`.
 * @example floor(rational(-3n, 2n)) // -2n
 */
export function floor(a: Rational): bigint {
  const q = a.num / a.den;
  return a.num < 0n && q * a.den !== a.num ? q - 1n : q;
}

/** The smallest integer not below `a`. */
export const ceil = (a: Rational): bigint => -floor(rational(-a.num, a.den));

/** The nearest floating-point number, for layout only (bar widths); never for a decision. */
export const toNumber = (a: Rational): number => Number(a.num) / Number(a.den);

/**
 * Decimal digits of a non-negative value, cut (not rounded) after `places` digits, and whether the cut
 * lost anything: a value just below a boundary never prints as the boundary.
 * @example truncate(rational(449999n, 60000n), 4) // { whole: 7n, fraction: '4999', exact: false }
 */
export function truncate(a: Rational, places: number): { whole: bigint; fraction: string; exact: boolean } {
  const scale = 10n ** BigInt(places);
  const scaled = floor(mul(a, rational(scale)));
  const whole = scaled / scale;
  const fraction = (scaled % scale).toString().padStart(places, '0');
  return { whole, fraction, exact: scaled * a.den === a.num * scale };
}
