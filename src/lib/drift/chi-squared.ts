// Runs at build time, in tests and in the browser: the chi-squared test of a contingency table.

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/**
 * ln Γ(x) for x > 0 by the Lanczos approximation (g = 7, n = 9), about 15 significant digits.
 * @example logGamma(5) // ln 24
 */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0] ?? 0;
  const t = z + 7.5;
  for (let i = 1; i < LANCZOS.length; i += 1) a += (LANCZOS[i] ?? 0) / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * The regularised upper incomplete gamma function Q(a, x) = Γ(a, x)/Γ(a): by its series when x < a + 1,
 * by Lentz's continued fraction otherwise (Press et al., «Numerical Recipes», 3rd ed., §6.2).
 * @example regularizedGammaQ(1, 2) // e^(−2)
 * @throws {RangeError} when a ≤ 0 or x < 0
 */
export function regularizedGammaQ(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) throw new RangeError(`regularizedGammaQ: need a > 0 and x ≥ 0, got a=${a}, x=${x}`);
  if (x === 0) return 1;
  const prefix = Math.exp(-x + a * Math.log(x) - logGamma(a));
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000; n += 1) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return Math.max(0, 1 - sum * prefix);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i += 1) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.min(1, prefix * h);
}

/**
 * P(χ²ₖ > x), the survival function of the chi-squared distribution with k degrees of freedom:
 * Q(k/2, x/2) (scipy.stats.chi2.sf).
 * @example chiSquaredSurvival(2, 5) // 0.8491450360846096
 */
export function chiSquaredSurvival(x: number, dof: number): number {
  if (x <= 0) return 1;
  return regularizedGammaQ(dof / 2, x / 2);
}

export interface ChiSquaredResult {
  statistic: number;
  dof: number;
  pValue: number;
  /** Expected counts under independence, for the rows and columns kept. */
  expected: number[][];
}

/**
 * Pearson's chi-squared test of independence for an r × c table of counts, without Yates' correction
 * (scipy.stats.chi2_contingency(observed, correction=False); scipy corrects only when dof = 1). Rows and
 * columns that are all zero are dropped first (a category seen in neither sample says nothing).
 * @example chiSquaredContingency([[10, 10, 20], [20, 20, 20]]).pValue // 0.24935220877729619
 * @throws {RangeError} for a ragged table or a negative count
 */
export function chiSquaredContingency(table: readonly (readonly number[])[]): ChiSquaredResult {
  const width = table[0]?.length ?? 0;
  for (const row of table) {
    if (row.length !== width) throw new RangeError('chiSquaredContingency: rows differ in length');
    for (const x of row) if (!(x >= 0)) throw new RangeError(`chiSquaredContingency: negative count ${x}`);
  }
  const rowSums = table.map((row) => row.reduce((s, x) => s + x, 0));
  const colSums = Array.from({ length: width }, (_, j) => table.reduce((s, row) => s + (row[j] ?? 0), 0));
  const rows = table.map((_, i) => i).filter((i) => (rowSums[i] ?? 0) > 0);
  const cols = colSums.map((_, j) => j).filter((j) => (colSums[j] ?? 0) > 0);
  const total = rowSums.reduce((s, x) => s + x, 0);
  const expected = rows.map((i) => cols.map((j) => ((rowSums[i] ?? 0) * (colSums[j] ?? 0)) / total));
  let statistic = 0;
  rows.forEach((i, ri) => {
    cols.forEach((j, cj) => {
      const e = expected[ri]?.[cj] ?? 0;
      const o = table[i]?.[j] ?? 0;
      statistic += ((o - e) * (o - e)) / e;
    });
  });
  const dof = Math.max(0, (rows.length - 1) * (cols.length - 1));
  return { statistic, dof, pValue: dof === 0 ? 1 : chiSquaredSurvival(statistic, dof), expected };
}
