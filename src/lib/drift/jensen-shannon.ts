// Runs at build time, in tests and in the browser: the Jensen–Shannon distance.

/**
 * Jensen–Shannon distance √((D(p‖m) + D(q‖m)) / 2), m = (p + q)/2, D the Kullback–Leibler divergence;
 * p and q are normalised first. Natural logarithm unless `base` is given — the same default as
 * scipy.spatial.distance.jensenshannon (so the distance lies in [0, √ln 2]; with base 2, in [0, 1]).
 * Reference: Lin, «Divergence measures based on the Shannon entropy», IEEE Trans. Inf. Theory, 1991.
 * @example jensenShannon([1, 0], [0.5, 0.5]) // 0.46450140402245893
 * @example jensenShannon([1, 0, 0], [0, 1, 0], 2) // 1
 * @throws {RangeError} when the lengths differ, a weight is negative, or a vector sums to zero
 */
export function jensenShannon(p: readonly number[], q: readonly number[], base?: number): number {
  if (p.length !== q.length) throw new RangeError('jensenShannon: the vectors differ in length');
  const sum = (xs: readonly number[]) =>
    xs.reduce((s, x) => {
      if (!(x >= 0)) throw new RangeError(`jensenShannon: weights must be non-negative, got ${x}`);
      return s + x;
    }, 0);
  const sp = sum(p);
  const sq = sum(q);
  if (!(sp > 0 && sq > 0)) throw new RangeError('jensenShannon: a vector sums to zero');
  let divergence = 0;
  for (let i = 0; i < p.length; i += 1) {
    const pi = (p[i] ?? 0) / sp;
    const qi = (q[i] ?? 0) / sq;
    const mi = (pi + qi) / 2;
    if (pi > 0) divergence += pi * Math.log(pi / mi);
    if (qi > 0) divergence += qi * Math.log(qi / mi);
  }
  divergence /= 2;
  if (base !== undefined) divergence /= Math.log(base);
  return Math.sqrt(Math.max(0, divergence));
}
