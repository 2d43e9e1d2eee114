// Runs at build time, in tests and in the browser: the drift lab's parameters and their allowed ranges.

export const FEATURE_KINDS = ['normal', 'lognormal', 'bimodal', 'categorical'] as const;
export type FeatureKind = (typeof FEATURE_KINDS)[number];

export const STREAM_KINDS = ['sudden', 'gradual', 'seasonal', 'concept'] as const;
export type StreamKind = (typeof STREAM_KINDS)[number];

/** The sample sizes the size sliders step through. */
export const SAMPLE_SIZES = [100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000] as const;

/** Significance levels offered for the KS and chi-squared tests. */
export const ALPHAS = [0.01, 0.05, 0.1] as const;

/** Slider ranges; the presets' schema and the lab's controls both use them. */
export const DRIFT_LIMITS = {
  shift: { min: -3, max: 3, step: 0.01 },
  scale: { min: 0.25, max: 4, step: 0.05 },
  missing: { min: 0, max: 0.5, step: 0.01 },
  noise: { min: 0, max: 1, step: 0.05 },
  bins: { min: 2, max: 50, step: 1 },
  magnitude: { min: 0, max: 3, step: 0.1 },
  delay: { min: 0, max: 10, step: 1 },
  seed: { min: 1, max: 999_999, step: 1 },
} as const;

/** Everything that determines what the drift lab draws and computes. */
export type DriftLabConfig = {
  /** Family of the feature's reference distribution. */
  feature: FeatureKind;
  /** Shift of the current distribution, in reference standard deviations (categorical: tilt). */
  shift: number;
  /** Spread of the current distribution relative to the reference (categorical: flattening). */
  scale: number;
  /** Share of missing values in the current sample. */
  missing: number;
  /** Added noise: σ in reference standard deviations (categorical: share of random values). */
  noise: number;
  referenceSize: number;
  currentSize: number;
  /** Number of PSI bins (quantiles of the reference). */
  bins: number;
  /** Significance level for KS and chi-squared. */
  alpha: number;
  seed: number;
  /** Stream panel: what changes over time. */
  stream: StreamKind;
  /** Stream panel: size of the change (feature shift, or decision-boundary shift for concept drift). */
  magnitude: number;
  /** Stream panel: how many windows it takes for labels to arrive. */
  delay: number;
};
