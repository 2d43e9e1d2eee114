// Runs in the browser and in tests: numbers in the Python cells' Russian status lines.

const decimal = new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * Bytes as megabytes (10^6 bytes) with one decimal and a Russian decimal comma.
 * @example megabytes(12_345_678) // '12,3'
 */
export function megabytes(bytes: number): string {
  return decimal.format(bytes / 1_000_000);
}

/**
 * Milliseconds as seconds with one decimal (at least 0,1 so a fast run does not read as «0,0 с»).
 * @example seconds(1234) // '1,2'
 * @example seconds(3) // '0,1'
 */
export function seconds(ms: number): string {
  return decimal.format(Math.max(ms, 100) / 1000);
}
