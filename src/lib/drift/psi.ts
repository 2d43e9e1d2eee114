// Runs at build time, in tests and in the browser: the Population Stability Index.
import { quantileSorted } from './sample.ts';

/** Share used instead of zero for an empty bin, so that ln(a / e) stays finite (Evidently uses 0.0001 too). */
export const PSI_EPSILON = 1e-4;

/**
 * Interior bin edges at the reference's quantiles 1/k, 2/k, … (k − 1)/k; repeated edges (a discrete
 * feature) are merged, so fewer than k bins may come back.
 * @example quantileEdges([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 2) // [5.5]
 * @throws {RangeError} when `bins` is not an integer ≥ 2
 */
export function quantileEdges(sortedReference: ArrayLike<number>, bins: number): number[] {
  if (!Number.isInteger(bins) || bins < 2) throw new RangeError(`bins must be an integer ≥ 2, got ${bins}`);
  const edges: number[] = [];
  for (let i = 1; i < bins; i += 1) {
    const e = quantileSorted(sortedReference, i / bins);
    if (edges.length === 0 || e > (edges[edges.length - 1] ?? e)) edges.push(e);
  }
  return edges;
}

/**
 * Counts of `values` in the bins (−∞, e₁], (e₁, e₂], …, (e_last, +∞) (numpy.digitize with right=True).
 * @example binCounts([1, 5, 6, 9], [5]) // [2, 2]
 */
export function binCounts(values: ArrayLike<number>, edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i] ?? 0;
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (v > (edges[mid] ?? 0)) lo = mid + 1;
      else hi = mid;
    }
    counts[lo] = (counts[lo] ?? 0) + 1;
  }
  return counts;
}

/**
 * Shares of each bin, with an empty bin given `epsilon` instead of 0 (smoothing).
 * @example smoothedShares([0, 2, 2]) // [0.0001, 0.5, 0.5]
 * @throws {RangeError} when all counts are zero
 */
export function smoothedShares(counts: readonly number[], epsilon = PSI_EPSILON): number[] {
  const total = counts.reduce((s, c) => s + c, 0);
  if (total <= 0) throw new RangeError('shares of an empty sample');
  return counts.map((c) => (c === 0 ? epsilon : c / total));
}

/**
 * PSI = Σ (aᵢ − eᵢ)·ln(aᵢ / eᵢ) over bins, for expected (reference) shares e and actual (current) shares a.
 * Reference: Siddiqi, «Credit Risk Scorecards» (2006); Yurdakul, «Statistical Properties of Population
 * Stability Index» (2018).
 * @example psi([0.5, 0.5], [0.25, 0.75]) // ≈ 0.2747
 * @throws {RangeError} when the lengths differ or a share is not positive
 */
export function psi(expected: readonly number[], actual: readonly number[]): number {
  if (expected.length !== actual.length) throw new RangeError('psi: the share arrays differ in length');
  let sum = 0;
  for (let i = 0; i < expected.length; i += 1) {
    const e = expected[i] ?? 0;
    const a = actual[i] ?? 0;
    if (!(e > 0 && a > 0)) throw new RangeError('psi: every share must be positive (smooth empty bins first)');
    sum += (a - e) * Math.log(a / e);
  }
  return sum;
}

export interface PsiBin {
  /** Lower edge (exclusive); −∞ for the first bin. */
  lower: number;
  /** Upper edge (inclusive); +∞ for the last bin. */
  upper: number;
  reference: number;
  current: number;
  /** This bin's term (a − e)·ln(a / e) of the sum. */
  contribution: number;
}

export interface PsiResult {
  value: number;
  bins: PsiBin[];
}

/**
 * PSI of a numeric feature with bins at the reference's quantiles, empty bins smoothed.
 * @throws {RangeError} for an empty sample or a bin count below 2
 */
export function psiNumeric(
  sortedReference: ArrayLike<number>,
  current: ArrayLike<number>,
  bins: number,
  epsilon = PSI_EPSILON,
): PsiResult {
  const edges = quantileEdges(sortedReference, bins);
  return psiFromCounts(binCounts(sortedReference, edges), binCounts(current, edges), edges, epsilon);
}

/** PSI and its per-bin table from counts in the same bins; `edges` are the interior edges. */
export function psiFromCounts(
  referenceCounts: readonly number[],
  currentCounts: readonly number[],
  edges: readonly number[],
  epsilon = PSI_EPSILON,
): PsiResult {
  const e = smoothedShares(referenceCounts, epsilon);
  const a = smoothedShares(currentCounts, epsilon);
  const bins = e.map((ei, i) => {
    const ai = a[i] ?? 0;
    return {
      lower: i === 0 ? Number.NEGATIVE_INFINITY : (edges[i - 1] ?? 0),
      upper: i === edges.length ? Number.POSITIVE_INFINITY : (edges[i] ?? 0),
      reference: ei,
      current: ai,
      contribution: (ai - ei) * Math.log(ai / ei),
    };
  });
  return { value: psi(e, a), bins };
}
