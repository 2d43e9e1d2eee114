// Runs in the browser and in unit tests: sizes and progress as the offline panel shows them.

const UNITS = ['Б', 'КБ', 'МБ', 'ГБ'] as const;

/**
 * A byte count in Russian binary units with a decimal comma: one decimal below 10 units, none above.
 * @example formatBytes(0) // '0 Б' (every result has a no-break space before the unit)
 * @example formatBytes(1536) // '1,5 КБ'
 * @example formatBytes(12_900_000) // '12 МБ'
 */
export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  const text = value.toFixed(digits).replace('.', ',').replace(/,0$/, '');
  return `${text}\u00a0${UNITS[unit] ?? ''}`;
}

/**
 * Whole percent done, never 100 before the last byte and never above it.
 * @example percentDone(999, 1000) // 99
 * @example percentDone(0, 0) // 100
 */
export function percentDone(done: number, total: number): number {
  if (total <= 0 || done >= total) return 100;
  return Math.min(99, Math.floor((Math.max(0, done) / total) * 100));
}
