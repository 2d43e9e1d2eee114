// Runs at build time, in tests and in the browser: percentiles — the exact nearest-rank definition the
// lab reports, and the bucket interpolation Prometheus' histogram_quantile() uses, for comparison.

/**
 * 0-based index of the p-th percentile in a sorted sample of n values by the nearest-rank method: the
 * smallest value with at least p % of the sample at or below it, rank ⌈p·n/100⌉ (p = 0 gives the minimum).
 * @example nearestRankIndex(5, 30) // 1 (rank 2 of 5)
 */
export function nearestRankIndex(n: number, p: number): number {
  if (p <= 0) return 0;
  return Math.min(n, Math.max(1, Math.ceil((p * n) / 100 - 1e-9))) - 1;
}

/**
 * Moves the k-th smallest value of a[lo, hi) to index k (values below it before, above it after) and
 * returns it: quickselect (Hoare, 1961) with a median-of-three pivot, O(hi − lo) on average.
 */
export function selectInPlace(a: Float64Array, lo: number, hi: number, k: number): number {
  let left = lo;
  let right = hi - 1;
  while (right > left) {
    const mid = (left + right) >>> 1;
    const x = a[left] ?? 0;
    const y = a[mid] ?? 0;
    const z = a[right] ?? 0;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = left;
    let j = right;
    while (i <= j) {
      while ((a[i] ?? 0) < pivot) i += 1;
      while ((a[j] ?? 0) > pivot) j -= 1;
      if (i <= j) {
        const tmp = a[i] ?? 0;
        a[i] = a[j] ?? 0;
        a[j] = tmp;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return a[k] ?? Number.NaN;
}

/**
 * Nearest-rank percentiles of a[lo, hi) for ascending levels `ps`, reordering that range in place; each
 * selection narrows the range for the next one.
 * @throws {RangeError} when the range is empty
 */
export function percentilesInPlace(a: Float64Array, lo: number, hi: number, ps: readonly number[]): number[] {
  if (hi <= lo) throw new RangeError('percentiles of an empty sample');
  const out: number[] = [];
  let from = lo;
  for (const p of ps) {
    const k = lo + nearestRankIndex(hi - lo, p);
    out.push(selectInPlace(a, Math.min(from, k), hi, k));
    from = k;
  }
  return out;
}

/**
 * The p-th percentile (0 ≤ p ≤ 100) of a sample by the nearest-rank method; the sample is not changed.
 * @example percentile([15, 20, 35, 40, 50], 40) // 20
 * @throws {RangeError} for an empty sample or p outside [0, 100]
 */
export function percentile(values: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile level must be in [0, 100], got ${p}`);
  const copy = Float64Array.from(values);
  const [value = Number.NaN] = percentilesInPlace(copy, 0, copy.length, [p]);
  return value;
}

/** One bucket of a Prometheus classic histogram: observations ≤ upperBound (cumulative). */
export interface HistogramBucket {
  upperBound: number;
  count: number;
}

/** Prometheus client libraries' default buckets (client_golang DefBuckets), in milliseconds. */
export const PROMETHEUS_DEFAULT_BUCKETS_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000] as const;

/** Index of the bucket an observation falls in: the first bound ≥ v, or bounds.length for +Inf. */
export function bucketIndex(v: number, bounds: readonly number[]): number {
  let k = 0;
  while (k < bounds.length && v > (bounds[k] ?? 0)) k += 1;
  return k;
}

/** Cumulative buckets over `bounds` (ascending) plus +Inf from per-bucket counts (bounds.length + 1). */
export function cumulativeBuckets(counts: ArrayLike<number>, bounds: readonly number[]): HistogramBucket[] {
  let running = 0;
  return [...bounds, Number.POSITIVE_INFINITY].map((upperBound, k) => {
    running += counts[k] ?? 0;
    return { upperBound, count: running };
  });
}

/** A cumulative histogram of `values` over `bounds` (ascending) plus the +Inf bucket. */
export function cumulativeHistogram(values: ArrayLike<number>, bounds: readonly number[]): HistogramBucket[] {
  const counts = new Array<number>(bounds.length + 1).fill(0);
  for (let i = 0; i < values.length; i += 1) {
    const k = bucketIndex(values[i] ?? 0, bounds);
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return cumulativeBuckets(counts, bounds);
}

/**
 * What PromQL's histogram_quantile(q, …) returns for a classic histogram (prometheus/promql/quantile.go,
 * bucketQuantile): rank = q·total; find the first bucket whose cumulative count reaches the rank and
 * interpolate linearly between its lower and upper bound, as if observations were spread evenly inside.
 * The lowest bucket's lower bound is 0 (if its upper bound is positive); a rank in the +Inf bucket
 * returns the highest finite bound. NaN without observations, fewer than two buckets or no +Inf bucket.
 * @example histogramQuantile(0.5, [{ upperBound: 0, count: 6 }, { upperBound: 0.5, count: 11 },
 *   { upperBound: 1, count: 14 }, { upperBound: Infinity, count: 19 }]) // 0.35
 */
export function histogramQuantile(q: number, input: readonly HistogramBucket[]): number {
  if (Number.isNaN(q)) return Number.NaN;
  if (q < 0) return Number.NEGATIVE_INFINITY;
  if (q > 1) return Number.POSITIVE_INFINITY;
  const buckets = [...input].sort((a, b) => a.upperBound - b.upperBound);
  const last = buckets[buckets.length - 1];
  if (buckets.length < 2 || last === undefined || last.upperBound !== Number.POSITIVE_INFINITY) return Number.NaN;
  for (let i = 1; i < buckets.length; i += 1) {
    const prev = buckets[i - 1];
    const cur = buckets[i];
    if (prev !== undefined && cur !== undefined && cur.count < prev.count) cur.count = prev.count;
  }
  const observations = last.count;
  if (observations === 0) return Number.NaN;
  let rank = q * observations;
  let b = buckets.findIndex((bucket, i) => i === buckets.length - 1 || bucket.count >= rank);
  if (b < 0) b = buckets.length - 1;
  if (b === buckets.length - 1) return buckets[buckets.length - 2]?.upperBound ?? Number.NaN;
  const bucket = buckets[b];
  if (bucket === undefined) return Number.NaN;
  if (b === 0 && bucket.upperBound <= 0) return bucket.upperBound;
  let start = 0;
  let count = bucket.count;
  const prev = buckets[b - 1];
  if (prev !== undefined) {
    start = prev.upperBound;
    count -= prev.count;
    rank -= prev.count;
  }
  return start + (bucket.upperBound - start) * (rank / count);
}
