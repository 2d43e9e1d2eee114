// Russian number formatting for the grade calculator: decimal comma, and an ellipsis where digits were cut.
import { truncate, type Rational } from './rational.ts';

/**
 * A plain number with a decimal comma.
 * @example formatNumber(7.5) // '7,5'
 */
export const formatNumber = (x: number): string => String(x).replace('.', ',');

/**
 * An exact value with at most `places` decimals, trailing zeros dropped; cut digits are marked with «…»
 * (never rounded, so 7,4999… is not shown as 7,5).
 * @example formatRational(rational(15n, 2n)) // '7,5'
 * @example formatRational(rational(47n, 6n)) // '7,8333…'
 * @example formatRational(rational(70001n, 10000n), 3) // '7,000…'
 */
export function formatRational(value: Rational, places = 4): string {
  const { whole, fraction, exact } = truncate(value, places);
  const digits = exact ? fraction.replace(/0+$/, '') : fraction;
  const text = digits === '' ? whole.toString() : `${whole.toString()},${digits}`;
  return exact ? text : `${text}…`;
}
