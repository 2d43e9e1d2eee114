// Runs at build time, in tests and in the browser: descriptive statistics of a sample.

/**
 * Throws unless `values` is sorted ascending (the metrics that walk two samples in step need it).
 * @throws {RangeError} naming `what` when a value is smaller than the one before it or is NaN
 */
export function assertSorted(values: ArrayLike<number>, what: string): void {
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i] ?? Number.NaN;
    if (Number.isNaN(v) || (i > 0 && v < (values[i - 1] ?? 0))) {
      throw new RangeError(`${what} must be sorted ascending and free of NaN (index ${i})`);
    }
  }
}

/**
 * Arithmetic mean.
 * @throws {RangeError} for an empty sample
 */
export function mean(values: ArrayLike<number>): number {
  if (values.length === 0) throw new RangeError('mean of an empty sample');
  let sum = 0;
  for (let i = 0; i < values.length; i += 1) sum += values[i] ?? 0;
  return sum / values.length;
}

/**
 * Population standard deviation (divides by n, like numpy.std with ddof=0).
 * @example standardDeviation([2, 4, 4, 4, 5, 5, 7, 9]) // 2
 * @throws {RangeError} for an empty sample
 */
export function standardDeviation(values: ArrayLike<number>): number {
  const m = mean(values);
  let sum = 0;
  for (let i = 0; i < values.length; i += 1) {
    const d = (values[i] ?? 0) - m;
    sum += d * d;
  }
  return Math.sqrt(sum / values.length);
}

/**
 * The p-quantile of a sorted sample with linear interpolation between order statistics, position
 * (n − 1)·p: numpy.quantile's default method ('linear', Hyndman & Fan type 7).
 * @example quantileSorted([1, 2, 3, 4], 0.5) // 2.5
 * @throws {RangeError} for an empty sample or p outside [0, 1]
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of an empty sample');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile level must be in [0, 1], got ${p}`);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] ?? 0;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? a;
  return a + (h - lo) * (b - a);
}
