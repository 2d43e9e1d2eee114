// Runs at build time, in tests and in the browser: the two-sample Kolmogorov–Smirnov test.
import { assertSorted } from './sample.ts';

/**
 * The two-sample KS statistic D = sup |F₁(x) − F₂(x)| over the empirical CDFs of two sorted samples,
 * with ties handled as scipy.stats.ks_2samp does (both CDFs step past every copy of a tied value).
 * @example ksStatistic([1, 2, 3], [3, 4, 6]) // 2/3
 * @throws {RangeError} for an empty or unsorted sample
 */
export function ksStatistic(sortedA: ArrayLike<number>, sortedB: ArrayLike<number>): number {
  assertSorted(sortedA, 'ksStatistic: first sample');
  assertSorted(sortedB, 'ksStatistic: second sample');
  const n = sortedA.length;
  const m = sortedB.length;
  if (n === 0 || m === 0) throw new RangeError('ksStatistic: both samples must be non-empty');
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < n && j < m) {
    const x = Math.min(sortedA[i] ?? 0, sortedB[j] ?? 0);
    while (i < n && (sortedA[i] ?? 0) <= x) i += 1;
    while (j < m && (sortedB[j] ?? 0) <= x) j += 1;
    d = Math.max(d, Math.abs(i / n - j / m));
  }
  return d;
}

/**
 * The survival function Q(λ) = P(K > λ) of the Kolmogorov distribution (the limit of √n·Dₙ), what
 * scipy.special.kolmogorov computes. For λ ≥ 1.18 the alternating series 2 Σ (−1)^(k−1) e^(−2k²λ²);
 * below it the Jacobi-theta form 1 − (√(2π)/λ) Σ e^(−(2k−1)²π²/(8λ²)), which converges fast there.
 * Reference: Kolmogorov (1933); Marsaglia, Tsang & Wang, J. Stat. Software 8(18), 2003.
 * @example kolmogorovSurvival(1) // 0.26999967167735456
 */
export function kolmogorovSurvival(lambda: number): number {
  if (Number.isNaN(lambda)) return Number.NaN;
  if (lambda <= 0) return 1;
  if (lambda < 1.18) {
    const w = (Math.PI * Math.PI) / (8 * lambda * lambda);
    let sum = 0;
    for (let k = 1; k <= 12; k += 1) sum += Math.exp(-(2 * k - 1) * (2 * k - 1) * w);
    return Math.min(1, Math.max(0, 1 - (Math.sqrt(2 * Math.PI) / lambda) * sum));
  }
  let sum = 0;
  for (let k = 1; k <= 100; k += 1) {
    const term = Math.exp(-2 * k * k * lambda * lambda);
    sum += k % 2 === 1 ? term : -term;
    if (term < 1e-17) break;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

export interface KsResult {
  /** D, the largest gap between the two empirical CDFs. */
  statistic: number;
  /** Asymptotic two-sided p-value Q(√nₑ · D). */
  pValue: number;
  /** nₑ = n·m / (n + m). */
  effectiveSize: number;
}

/**
 * Two-sample KS test with the asymptotic p-value Q(√nₑ·D), nₑ = n·m/(n + m) (Smirnov, 1948). It is
 * the large-sample limit: scipy.stats.ks_2samp gives an exact p-value for small samples and, with
 * method='asymp', the finite-n distribution kstwo at round(nₑ); all agree as nₑ grows.
 * @throws {RangeError} for an empty or unsorted sample
 */
export function ksTwoSample(sortedA: ArrayLike<number>, sortedB: ArrayLike<number>): KsResult {
  const statistic = ksStatistic(sortedA, sortedB);
  const effectiveSize = (sortedA.length * sortedB.length) / (sortedA.length + sortedB.length);
  return { statistic, pValue: kolmogorovSurvival(Math.sqrt(effectiveSize) * statistic), effectiveSize };
}

/**
 * The smallest D the asymptotic KS test flags at level α for samples of sizes n and m:
 * c(α)·√((n + m)/(n·m)) with c(α) = √(−ln(α/2)/2) (c(0.05) ≈ 1.358). It shrinks like 1/√n, which is
 * why KS flags tiny, harmless shifts in large samples.
 * @example ksCriticalValue(100_000, 100_000, 0.05) // ≈ 0.00607
 */
export function ksCriticalValue(n: number, m: number, alpha: number): number {
  return Math.sqrt(-Math.log(alpha / 2) / 2) * Math.sqrt((n + m) / (n * m));
}
