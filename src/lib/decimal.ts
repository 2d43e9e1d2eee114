// Runs at build time and in the browser: reading a decimal number as a Russian reader types it.

/** A number read from text, with how many decimals were typed (`7,50` has two). */
export interface Decimal {
  value: number;
  decimals: number;
}

/** Optional sign (hyphen-minus or the minus sign «−»), digits, then an optional comma or point and digits. */
const DECIMAL = /^([-−]?)(\d+)(?:[.,](\d*))?$/;

/**
 * Reads a decimal number: a decimal comma or point, an optional leading minus, surrounding spaces ignored.
 * Exponents, thousands separators, several separators and a lone sign are not numbers here.
 * @param text what the reader typed
 * @returns the value and the count of typed decimals, or null when the text is not such a number
 * @example parseDecimal(' 7,5 ') // { value: 7.5, decimals: 1 }
 * @example parseDecimal('−0.125') // { value: -0.125, decimals: 3 }
 * @example parseDecimal('1e3') // null
 */
export function parseDecimal(text: string): Decimal | null {
  const match = DECIMAL.exec(text.trim());
  if (match === null) return null;
  const [, sign = '', whole = '', fraction = ''] = match;
  const magnitude = Number(fraction === '' ? whole : `${whole}.${fraction}`);
  return { value: sign === '' ? magnitude : -magnitude, decimals: fraction.length };
}
