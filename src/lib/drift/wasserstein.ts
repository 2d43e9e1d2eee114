// Runs at build time, in tests and in the browser: the Wasserstein-1 (earth mover's) distance in 1-D.
import { assertSorted } from './sample.ts';

/**
 * W₁ = ∫ |U(x) − V(x)| dx between the (weighted) empirical CDFs of two sorted samples; weights may be
 * left out (every value weighs the same). The same definition as scipy.stats.wasserstein_distance.
 */
function cdfDistance(
  u: ArrayLike<number>,
  v: ArrayLike<number>,
  uWeights: ArrayLike<number> | null,
  vWeights: ArrayLike<number> | null,
): number {
  const n = u.length;
  const m = v.length;
  const total = (w: ArrayLike<number> | null, len: number): number => {
    if (w === null) return len;
    let s = 0;
    for (let i = 0; i < len; i += 1) s += w[i] ?? 0;
    return s;
  };
  const uTotal = total(uWeights, n);
  const vTotal = total(vWeights, m);
  if (!(uTotal > 0 && vTotal > 0)) throw new RangeError('wasserstein1: weights must sum to a positive number');
  let i = 0;
  let j = 0;
  let cu = 0;
  let cv = 0;
  let distance = 0;
  let x = Math.min(u[0] ?? 0, v[0] ?? 0);
  while (i < n || j < m) {
    while (i < n && (u[i] ?? 0) <= x) {
      cu += uWeights === null ? 1 : (uWeights[i] ?? 0);
      i += 1;
    }
    while (j < m && (v[j] ?? 0) <= x) {
      cv += vWeights === null ? 1 : (vWeights[j] ?? 0);
      j += 1;
    }
    const next = Math.min(
      i < n ? (u[i] ?? 0) : Number.POSITIVE_INFINITY,
      j < m ? (v[j] ?? 0) : Number.POSITIVE_INFINITY,
    );
    if (next === Number.POSITIVE_INFINITY) break;
    distance += Math.abs(cu / uTotal - cv / vTotal) * (next - x);
    x = next;
  }
  return distance;
}

/**
 * Wasserstein-1 distance between two sorted, equally weighted samples.
 * @example wasserstein1Sorted([0, 1, 3], [5, 6, 8]) // 5
 * @throws {RangeError} for an empty or unsorted sample
 */
export function wasserstein1Sorted(sortedU: ArrayLike<number>, sortedV: ArrayLike<number>): number {
  assertSorted(sortedU, 'wasserstein1Sorted: first sample');
  assertSorted(sortedV, 'wasserstein1Sorted: second sample');
  if (sortedU.length === 0 || sortedV.length === 0) throw new RangeError('wasserstein1Sorted: empty sample');
  return cdfDistance(sortedU, sortedV, null, null);
}

/**
 * Wasserstein-1 distance between two samples in any order, optionally weighted, with the signature of
 * scipy.stats.wasserstein_distance(u_values, v_values, u_weights, v_weights).
 * @example wasserstein1([0, 1], [0, 1], [3, 1], [2, 2]) // 0.25
 * @throws {RangeError} for an empty sample, or weights of the wrong length or with a non-positive sum
 */
export function wasserstein1(
  u: readonly number[],
  v: readonly number[],
  uWeights?: readonly number[],
  vWeights?: readonly number[],
): number {
  if (u.length === 0 || v.length === 0) throw new RangeError('wasserstein1: empty sample');
  const order = (values: readonly number[], weights: readonly number[] | undefined) => {
    if (weights !== undefined && weights.length !== values.length) {
      throw new RangeError('wasserstein1: weights and values differ in length');
    }
    const idx = values.map((_, i) => i).sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0));
    return {
      values: idx.map((i) => values[i] ?? 0),
      weights: weights === undefined ? null : idx.map((i) => weights[i] ?? 0),
    };
  };
  const a = order(u, uWeights);
  const b = order(v, vWeights);
  return cdfDistance(a.values, b.values, a.weights, b.weights);
}
