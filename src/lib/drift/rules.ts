// Runs at build time, in tests and in the browser: the thresholds that turn a drift metric into a verdict.

/** Traffic light: green, amber, red. */
export type Verdict = 'ok' | 'warn' | 'drift';

/**
 * The PSI rule of thumb from credit scoring: below 0.1 no significant change, 0.1–0.25 a moderate shift
 * worth a look, 0.25 and above a significant shift (Siddiqi 2006; Yurdakul 2018 discusses its limits).
 */
export const PSI_RULE = { warn: 0.1, drift: 0.25 } as const;

/**
 * Evidently's default data-drift logic (docs.evidentlyai.com, «Data drift algorithm»): with at most 1000
 * reference rows, KS for numeric and chi-squared for categorical columns at the 0.95 confidence level;
 * with more, the Wasserstein distance normed by the reference's standard deviation for numeric and the
 * Jensen–Shannon distance for categorical columns, both with threshold 0.1.
 */
export const EVIDENTLY_DEFAULTS = { smallReferenceMax: 1000, alpha: 0.05, distanceThreshold: 0.1 } as const;

/** @example psiVerdict(0.12) // 'warn' */
export function psiVerdict(value: number): Verdict {
  if (value >= PSI_RULE.drift) return 'drift';
  return value >= PSI_RULE.warn ? 'warn' : 'ok';
}

/** A test at significance level α flags drift when p < α. @example pValueVerdict(0.01, 0.05) // 'drift' */
export function pValueVerdict(pValue: number, alpha: number): Verdict {
  return pValue < alpha ? 'drift' : 'ok';
}

/** A distance flags drift at or above its threshold (Evidently: `value >= threshold`). */
export function distanceVerdict(value: number, threshold: number = EVIDENTLY_DEFAULTS.distanceThreshold): Verdict {
  return value >= threshold ? 'drift' : 'ok';
}

export type DriftTest = 'ks' | 'chiSquared' | 'wasserstein' | 'jensenShannon';

/**
 * The test Evidently picks by default for a column (ignoring its special cases for binary and
 * few-valued columns, which the lab's features never are).
 * @example evidentlyDefaultTest('numeric', 5000) // 'wasserstein'
 */
export function evidentlyDefaultTest(kind: 'numeric' | 'categorical', referenceSize: number): DriftTest {
  const small = referenceSize <= EVIDENTLY_DEFAULTS.smallReferenceMax;
  if (kind === 'numeric') return small ? 'ks' : 'wasserstein';
  return small ? 'chiSquared' : 'jensenShannon';
}
