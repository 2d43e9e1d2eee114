// Runs at build time, in tests and in the browser: a stream of data windows with drift, a fixed model and
// labels that arrive late — the second panel of the drift lab.
import { deriveSeed, mulberry32, normal, type Random } from '../random.ts';
import type { StreamKind } from './config.ts';
import { binCounts, psiFromCounts, quantileEdges } from './psi.ts';
import { PSI_RULE } from './rules.ts';

export interface StreamConfig {
  kind: StreamKind;
  /** Size of the change: feature shift in σ, or decision-boundary shift for concept drift. */
  magnitude: number;
  /** Windows it takes for a window's labels to arrive. */
  delay: number;
  seed: number;
  windows?: number;
  windowSize?: number;
}

export interface StreamWindow {
  index: number;
  /** Mean of the feature in this window (the reference has 0). */
  featureMean: number;
  /** Where P(y = 1 | x) crosses ½ in this window (the model learned 0). */
  boundary: number;
  psi: number;
  alert: boolean;
  /** The model's accuracy on this window, known or not yet. */
  accuracy: number;
  /** Whether this window's labels have arrived by the last window. */
  labelled: boolean;
}

export interface StreamResult {
  windows: StreamWindow[];
  /** The model's accuracy on the reference (training-time) data. */
  referenceAccuracy: number;
  /** PSI threshold of an alert. */
  alertThreshold: number;
  /** First window whose PSI raised an alert. */
  firstAlert: number | null;
  /** First window whose accuracy fell more than 5 percentage points below the reference. */
  firstDrop: number | null;
  /** The window by which that drop was known (its labels had arrived); null if not known yet. */
  dropKnownAt: number | null;
}

/** Accuracy drop, in share points, that counts as a quality drop. */
export const ACCURACY_DROP = 0.05;

/** The slope of the true P(y = 1 | x) = 1 / (1 + e^(−k(x − b))); with k = 4 the model errs near b. */
const SLOPE = 4;

/**
 * Feature mean and decision boundary of window t out of n, for each kind of drift: sudden (a step at the
 * middle), gradual (a ramp over the middle half), seasonal (a sine with a period of 10 windows) — all
 * changes of P(X) — and concept drift, where P(X) stays and the boundary of P(Y|X) steps at the middle.
 */
export function windowShape(
  kind: StreamKind,
  magnitude: number,
  t: number,
  n: number,
): { mean: number; boundary: number } {
  const middle = Math.floor(n / 2);
  if (kind === 'sudden') return { mean: t >= middle ? magnitude : 0, boundary: 0 };
  if (kind === 'gradual') {
    const ramp = Math.min(1, Math.max(0, (t - n / 4) / (n / 2)));
    return { mean: magnitude * ramp, boundary: 0 };
  }
  if (kind === 'seasonal') return { mean: magnitude * Math.sin((2 * Math.PI * t) / 10), boundary: 0 };
  return { mean: 0, boundary: t >= middle ? magnitude : 0 };
}

/** Draws a window: x ~ N(mean, 1), y ~ Bernoulli(σ(k(x − boundary))); returns x and the model's accuracy. */
function drawWindow(
  random: Random,
  size: number,
  mean: number,
  boundary: number,
): { x: Float64Array; accuracy: number } {
  const x = new Float64Array(size);
  let correct = 0;
  for (let i = 0; i < size; i += 1) {
    const xi = normal(random, mean);
    x[i] = xi;
    const y = random() < 1 / (1 + Math.exp(-SLOPE * (xi - boundary)));
    const predicted = xi > 0;
    if (y === predicted) correct += 1;
  }
  return { x, accuracy: correct / size };
}

/**
 * Simulates a stream of windows seen by a fixed model «predict 1 when x > 0», trained where x ~ N(0, 1)
 * and the true boundary is 0. Per window: PSI of the feature against the reference (10 quantile bins),
 * an alert at PSI ≥ 0.25, and the model's accuracy, which is known only `delay` windows later.
 */
export function simulateStream(config: StreamConfig): StreamResult {
  const n = config.windows ?? 40;
  const size = config.windowSize ?? 1000;
  const random = mulberry32(deriveSeed(config.seed, 10));
  const reference = drawWindow(random, size * 2, 0, 0);
  const sortedReference = reference.x.sort();
  const edges = quantileEdges(sortedReference, 10);
  const refCounts = binCounts(sortedReference, edges);
  const windows: StreamWindow[] = [];
  for (let t = 0; t < n; t += 1) {
    const shape = windowShape(config.kind, config.magnitude, t, n);
    const w = drawWindow(random, size, shape.mean, shape.boundary);
    const value = psiFromCounts(refCounts, binCounts(w.x, edges), edges).value;
    windows.push({
      index: t,
      featureMean: shape.mean,
      boundary: shape.boundary,
      psi: value,
      alert: value >= PSI_RULE.drift,
      accuracy: w.accuracy,
      labelled: t + config.delay <= n - 1,
    });
  }
  const firstAlert = windows.find((w) => w.alert)?.index ?? null;
  const firstDrop = windows.find((w) => w.accuracy < reference.accuracy - ACCURACY_DROP)?.index ?? null;
  const dropKnownAt = firstDrop === null || firstDrop + config.delay > n - 1 ? null : firstDrop + config.delay;
  return {
    windows,
    referenceAccuracy: reference.accuracy,
    alertThreshold: PSI_RULE.drift,
    firstAlert,
    firstDrop,
    dropKnownAt,
  };
}
