// Runs at build time, in tests and in the browser: draws the drift lab's samples and computes every metric.
import { categorical, deriveSeed, mulberry32, normal, type Random } from '../random.ts';
import { chiSquaredContingency } from './chi-squared.ts';
import type { DriftLabConfig, FeatureKind } from './config.ts';
import { jensenShannon } from './jensen-shannon.ts';
import { ksCriticalValue, ksTwoSample } from './ks.ts';
import { binCounts, psi, psiFromCounts, quantileEdges, smoothedShares, type PsiBin } from './psi.ts';
import {
  distanceVerdict,
  evidentlyDefaultTest,
  psiVerdict,
  pValueVerdict,
  type DriftTest,
  type Verdict,
} from './rules.ts';
import { quantileSorted, standardDeviation } from './sample.ts';
import { wasserstein1Sorted } from './wasserstein.ts';

/** Category shares of the categorical feature's reference distribution (five categories). */
export const CATEGORY_SHARES = [0.35, 0.25, 0.2, 0.12, 0.08] as const;

/** Theoretical mean and standard deviation of each numeric reference family. */
export const FAMILY_MOMENTS: Record<Exclude<FeatureKind, 'categorical'>, { mean: number; sd: number }> = {
  normal: { mean: 0, sd: 1 },
  // lognormal(μ = 0, σ = 0.6): mean e^(σ²/2), variance (e^(σ²) − 1)·e^(σ²)
  lognormal: { mean: Math.exp(0.18), sd: Math.sqrt((Math.exp(0.36) - 1) * Math.exp(0.36)) },
  // ½·N(−1.5, 0.6²) + ½·N(1.5, 0.6²): variance 0.6² + 1.5²
  bimodal: { mean: 0, sd: Math.sqrt(0.36 + 2.25) },
};

const STREAMS = { reference: 1, current: 2, noise: 3, missing: 4 } as const;

function drawFamily(random: Random, feature: Exclude<FeatureKind, 'categorical'>): number {
  if (feature === 'normal') return normal(random);
  if (feature === 'lognormal') return Math.exp(normal(random, 0, 0.6));
  const mode = random() < 0.5 ? -1.5 : 1.5;
  return normal(random, mode, 0.6);
}

/**
 * Category weights of the current distribution: the reference shares tilted by `shift` towards the later
 * categories (wᵢ ∝ pᵢ·e^(shift·(i − 2)/2)) and flattened by `scale` (wᵢ ∝ wᵢ^(1/scale)).
 */
export function currentCategoryWeights(shift: number, scale: number): number[] {
  const w = CATEGORY_SHARES.map((p, i) => (p * Math.exp((shift * (i - 2)) / 2)) ** (1 / scale));
  const total = w.reduce((s, x) => s + x, 0);
  return w.map((x) => x / total);
}

export interface DriftSamples {
  /** Reference values (no missing values), sorted ascending; category indices for a categorical feature. */
  reference: Float64Array;
  /** Current values that are not missing, sorted ascending. */
  current: Float64Array;
  /** How many current values are missing. */
  currentMissing: number;
}

/**
 * The reference sample, sorted. It depends only on the feature, its size and the seed, so a lab can keep
 * it while the current sample's sliders move.
 */
export function drawReference(config: Pick<DriftLabConfig, 'feature' | 'referenceSize' | 'seed'>): Float64Array {
  const random = mulberry32(deriveSeed(config.seed, STREAMS.reference));
  const reference = new Float64Array(config.referenceSize);
  const { feature } = config;
  if (feature === 'categorical') {
    for (let i = 0; i < reference.length; i += 1) reference[i] = categorical(random, CATEGORY_SHARES);
  } else {
    for (let i = 0; i < reference.length; i += 1) reference[i] = drawFamily(random, feature);
  }
  return reference.sort();
}

/**
 * The current sample, sorted, and how many of its values went missing. Each part comes from its own
 * seeded stream and every draw is made whatever the parameters, so moving a slider transforms the same
 * points instead of drawing new ones: current = μ + (x − μ)·scale + shift·σ + noise·σ·z, then a share
 * `missing` of values goes missing.
 */
export function drawCurrent(config: DriftLabConfig): { current: Float64Array; currentMissing: number } {
  const curRandom = mulberry32(deriveSeed(config.seed, STREAMS.current));
  const noiseRandom = mulberry32(deriveSeed(config.seed, STREAMS.noise));
  const missingRandom = mulberry32(deriveSeed(config.seed, STREAMS.missing));
  const current = new Float64Array(config.currentSize);
  let kept = 0;
  const { feature } = config;
  if (feature === 'categorical') {
    const weights = currentCategoryWeights(config.shift, config.scale);
    for (let i = 0; i < current.length; i += 1) {
      const drawn = categorical(curRandom, weights);
      const replace = noiseRandom() < config.noise;
      const random = Math.floor(noiseRandom() * CATEGORY_SHARES.length);
      if (missingRandom() >= config.missing) {
        current[kept] = replace ? random : drawn;
        kept += 1;
      }
    }
  } else {
    const { mean, sd } = FAMILY_MOMENTS[feature];
    for (let i = 0; i < current.length; i += 1) {
      const x = drawFamily(curRandom, feature);
      const z = normal(noiseRandom);
      if (missingRandom() >= config.missing) {
        current[kept] = mean + (x - mean) * config.scale + config.shift * sd + config.noise * sd * z;
        kept += 1;
      }
    }
  }
  return { current: current.subarray(0, kept).sort(), currentMissing: config.currentSize - kept };
}

/** Both samples of a configuration. */
export function drawSamples(config: DriftLabConfig): DriftSamples {
  return { reference: drawReference(config), ...drawCurrent(config) };
}

export interface Metric {
  value: number;
  verdict: Verdict;
}

export interface HistogramBar {
  /** Lower edge of an equal-width bin (numeric) or the category index (categorical). */
  from: number;
  to: number;
  reference: number;
  current: number;
}

export interface DriftReport {
  kind: 'numeric' | 'categorical';
  referenceSize: number;
  /** Current values that are not missing. */
  currentSize: number;
  currentMissingShare: number;
  psi: Metric & { bins: PsiBin[] };
  /** KS statistic D with its p-value (numeric features). */
  ks: (Metric & { pValue: number; criticalValue: number }) | null;
  /** W₁ in the feature's units and normed by the reference's standard deviation (numeric features). */
  wasserstein: (Metric & { normed: number }) | null;
  jensenShannon: Metric;
  chiSquared: (Metric & { pValue: number; dof: number }) | null;
  /** The test Evidently would use by default here, and its verdict. */
  evidently: { test: DriftTest; verdict: Verdict };
  histogram: HistogramBar[];
}

const HISTOGRAM_BARS = 24;

function numericHistogram(reference: Float64Array, current: Float64Array): HistogramBar[] {
  const lo = Math.min(quantileSorted(reference, 0.005), current.length > 0 ? quantileSorted(current, 0.005) : Infinity);
  const hi = Math.max(
    quantileSorted(reference, 0.995),
    current.length > 0 ? quantileSorted(current, 0.995) : -Infinity,
  );
  const width = hi > lo ? (hi - lo) / HISTOGRAM_BARS : 1;
  const shares = (values: Float64Array): number[] => {
    const counts = new Array<number>(HISTOGRAM_BARS).fill(0);
    for (const v of values) {
      const k = Math.min(HISTOGRAM_BARS - 1, Math.max(0, Math.floor((v - lo) / width)));
      counts[k] = (counts[k] ?? 0) + 1;
    }
    return counts.map((c) => (values.length > 0 ? c / values.length : 0));
  };
  const r = shares(reference);
  const c = shares(current);
  return r.map((share, k) => ({
    from: lo + k * width,
    to: lo + (k + 1) * width,
    reference: share,
    current: c[k] ?? 0,
  }));
}

function categoryCounts(values: Float64Array): number[] {
  const counts = new Array<number>(CATEGORY_SHARES.length).fill(0);
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

/**
 * Every metric of the drift lab for one configuration (the first panel).
 * Numeric features: PSI over reference-quantile bins, KS, Wasserstein-1 (raw and normed by the reference
 * σ, as Evidently does) and Jensen–Shannon over the PSI bins. Categorical: PSI, chi-squared, JS over
 * categories. Missing values are left out of every metric and reported separately.
 */
export function analyseDrift(config: DriftLabConfig, samples: DriftSamples = drawSamples(config)): DriftReport {
  const { reference, current } = samples;
  const base = {
    referenceSize: reference.length,
    currentSize: current.length,
    currentMissingShare: config.currentSize > 0 ? samples.currentMissing / config.currentSize : 0,
  };
  if (config.feature === 'categorical') {
    const refCounts = categoryCounts(reference);
    const curCounts = categoryCounts(current);
    const refShares = smoothedShares(refCounts);
    const curShares = current.length > 0 ? smoothedShares(curCounts) : refShares;
    const psiValue = psi(refShares, curShares);
    const chi = chiSquaredContingency([refCounts, curCounts]);
    const js = current.length > 0 ? jensenShannon(refCounts, curCounts) : 0;
    const test = evidentlyDefaultTest('categorical', reference.length);
    const chiVerdict = pValueVerdict(chi.pValue, config.alpha);
    const jsVerdict = distanceVerdict(js);
    const refTotal = reference.length;
    const curTotal = Math.max(1, current.length);
    return {
      kind: 'categorical',
      ...base,
      psi: {
        value: psiValue,
        verdict: psiVerdict(psiValue),
        bins: refShares.map((e, k) => {
          const a = curShares[k] ?? e;
          return { lower: k, upper: k, reference: e, current: a, contribution: (a - e) * Math.log(a / e) };
        }),
      },
      ks: null,
      wasserstein: null,
      jensenShannon: { value: js, verdict: jsVerdict },
      chiSquared: { value: chi.statistic, pValue: chi.pValue, dof: chi.dof, verdict: chiVerdict },
      evidently: { test, verdict: test === 'chiSquared' ? chiVerdict : jsVerdict },
      histogram: refCounts.map((count, k) => ({
        from: k,
        to: k,
        reference: count / refTotal,
        current: (curCounts[k] ?? 0) / curTotal,
      })),
    };
  }
  const edges = quantileEdges(reference, config.bins);
  const refCounts = binCounts(reference, edges);
  const curCounts = binCounts(current, edges);
  const psiResult =
    current.length > 0 ? psiFromCounts(refCounts, curCounts, edges) : { value: 0, bins: [] as PsiBin[] };
  const ks = current.length > 0 ? ksTwoSample(reference, current) : { statistic: 0, pValue: 1, effectiveSize: 0 };
  const w1 = current.length > 0 ? wasserstein1Sorted(reference, current) : 0;
  const normed = w1 / Math.max(standardDeviation(reference), 0.001);
  const js = current.length > 0 ? jensenShannon(refCounts, curCounts) : 0;
  const test = evidentlyDefaultTest('numeric', reference.length);
  const ksVerdict = pValueVerdict(ks.pValue, config.alpha);
  const wVerdict = distanceVerdict(normed);
  return {
    kind: 'numeric',
    ...base,
    psi: { value: psiResult.value, verdict: psiVerdict(psiResult.value), bins: psiResult.bins },
    ks: {
      value: ks.statistic,
      pValue: ks.pValue,
      criticalValue: ksCriticalValue(reference.length, Math.max(1, current.length), config.alpha),
      verdict: ksVerdict,
    },
    wasserstein: { value: w1, normed, verdict: wVerdict },
    jensenShannon: { value: js, verdict: distanceVerdict(js) },
    chiSquared: null,
    evidently: { test, verdict: test === 'ks' ? ksVerdict : wVerdict },
    histogram: numericHistogram(reference, current),
  };
}
