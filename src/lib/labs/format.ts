// Runs at build time, in tests and in the browser: numbers as the book prints them (Russian
// conventions: decimal comma, space-grouped thousands, a no-break space before %).

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let f = formatters.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat('ru-RU', options);
    formatters.set(key, f);
  }
  return f;
}

/**
 * A number with exactly `digits` decimals.
 * @example formatFixed(0.0911, 3) // '0,091'
 */
export function formatFixed(value: number, digits: number): string {
  return formatter({ minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/**
 * A whole number with grouped thousands.
 * @example formatInteger(100000) // '100 000'
 */
export function formatInteger(value: number): string {
  return formatter({ maximumFractionDigits: 0 }).format(value);
}

/**
 * A share as a percentage with `digits` decimals.
 * @example formatPercent(0.197, 1) // '19,7 %'
 */
export function formatPercent(share: number, digits = 1): string {
  return `${formatFixed(share * 100, digits)}\u00a0%`;
}

/**
 * A p-value: three significant digits, or «< 0,0001» below that.
 * @example formatPValue(0.04321) // '0,0432'
 * @example formatPValue(1e-39) // '< 0,0001'
 */
export function formatPValue(p: number): string {
  if (p < 1e-4) return `<\u00a0${formatFixed(1e-4, 4)}`;
  return formatter({ maximumSignificantDigits: 3 }).format(p);
}

/**
 * A duration in milliseconds with precision that suits its size: 2 decimals below 10, 1 below 100,
 * none above.
 * @example formatMs(4.031) // '4,03'
 * @example formatMs(1234.5) // '1 235'
 */
export function formatMs(ms: number): string {
  if (ms < 10) return formatFixed(ms, 2);
  if (ms < 100) return formatFixed(ms, 1);
  return formatInteger(ms);
}
