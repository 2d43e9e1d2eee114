import { describe, expect, it } from 'vitest';
import { DRIFT_PRESETS } from '../../src/lib/drift/presets.ts';
import { analyseDrift, currentCategoryWeights, drawSamples, FAMILY_MOMENTS } from '../../src/lib/drift/scenario.ts';
import { ACCURACY_DROP, simulateStream, windowShape } from '../../src/lib/drift/stream.ts';
import { mean, standardDeviation } from '../../src/lib/drift/sample.ts';

const base = DRIFT_PRESETS['mean-shift'];

describe('drawing the samples', () => {
  it('is reproducible, and moving a slider transforms the same current points', () => {
    expect(drawSamples(base)).toEqual(drawSamples(base));
    const a = drawSamples({ ...base, shift: 0 });
    const b = drawSamples({ ...base, shift: 1 });
    expect(b.reference).toEqual(a.reference);
    // A shift of 1 σ (σ = 1 for the normal family) moves every current value by exactly 1
    expect(b.current.every((x, i) => Math.abs(x - (a.current[i] ?? 0) - 1) < 1e-12)).toBe(true);
  });

  it('applies the shift and scale in units of the reference', () => {
    const s = drawSamples({ ...base, shift: 0.5, scale: 2, currentSize: 100_000 });
    // mean 0 + 0.5·1; standard deviation 2·1 (4 standard errors: 4·2/√100 000 ≈ 0.025)
    expect(Math.abs(mean(s.current) - 0.5)).toBeLessThan(0.025);
    expect(standardDeviation(s.current)).toBeCloseTo(2, 1);
  });

  it('the reference families have the stated moments', () => {
    for (const feature of ['normal', 'lognormal', 'bimodal'] as const) {
      const s = drawSamples({ ...base, feature, referenceSize: 100_000 });
      expect(mean(s.reference)).toBeCloseTo(FAMILY_MOMENTS[feature].mean, 1);
      expect(standardDeviation(s.reference)).toBeCloseTo(FAMILY_MOMENTS[feature].sd, 1);
    }
  });

  it('removes the missing share from the current sample only', () => {
    const s = drawSamples({ ...base, missing: 0.2, currentSize: 10_000 });
    expect(s.reference).toHaveLength(5000);
    expect(s.currentMissing / 10_000).toBeCloseTo(0.2, 1);
    expect(s.current.length + s.currentMissing).toBe(10_000);
  });

  it('tilts the categorical mix towards later categories and flattens it with scale', () => {
    const w = currentCategoryWeights(0, 1);
    expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 15);
    expect(w[0]).toBeCloseTo(0.35, 15);
    const tilted = currentCategoryWeights(1, 1);
    expect(tilted[4]).toBeGreaterThan(0.08);
    expect(tilted[0]).toBeLessThan(0.35);
    // scale → ∞ flattens towards 1/5
    expect(Math.max(...currentCategoryWeights(0, 1000)) - 0.2).toBeLessThan(0.01);
  });
});

describe('the first panel: every metric for a configuration', () => {
  it('a tiny shift in 100,000 points: KS flags it, PSI and the normed Wasserstein distance do not', () => {
    const r = analyseDrift(DRIFT_PRESETS['tiny-shift-large-n']);
    expect(r.ks?.verdict).toBe('drift');
    expect(r.psi.verdict).toBe('ok');
    expect(r.wasserstein?.verdict).toBe('ok');
    expect(r.ks?.value).toBeGreaterThan(r.ks?.criticalValue ?? 1);
    // Evidently would use the normed Wasserstein distance at this size and see no drift
    expect(r.evidently).toEqual({ test: 'wasserstein', verdict: 'ok' });
  });

  it('small samples: Evidently would use KS', () => {
    expect(analyseDrift(DRIFT_PRESETS['small-samples']).evidently.test).toBe('ks');
  });

  it('20 % missing values and no shift: every distribution metric is green', () => {
    const r = analyseDrift(DRIFT_PRESETS['missing-values']);
    expect(r.currentMissingShare).toBeCloseTo(0.2, 1);
    expect([r.psi.verdict, r.ks?.verdict, r.wasserstein?.verdict, r.jensenShannon.verdict]).toEqual([
      'ok',
      'ok',
      'ok',
      'ok',
    ]);
  });

  it('a categorical feature gets PSI, chi-squared and JS, no KS or Wasserstein', () => {
    const r = analyseDrift(DRIFT_PRESETS.categorical);
    expect(r.kind).toBe('categorical');
    expect(r.ks).toBeNull();
    expect(r.wasserstein).toBeNull();
    expect(r.chiSquared?.dof).toBe(4);
    expect(r.chiSquared?.verdict).toBe('drift');
    expect(r.histogram).toHaveLength(5);
    expect(r.psi.bins.reduce((s, b) => s + b.contribution, 0)).toBeCloseTo(r.psi.value, 12);
  });

  it('PSI bins hold a k-th of the reference each and their terms add up to PSI', () => {
    const r = analyseDrift({ ...base, bins: 8 });
    expect(r.psi.bins).toHaveLength(8);
    for (const b of r.psi.bins) expect(b.reference).toBeCloseTo(1 / 8, 3);
    expect(r.psi.bins.reduce((s, b) => s + b.contribution, 0)).toBeCloseTo(r.psi.value, 12);
  });

  it('the same distributions give small metrics; a bigger shift gives bigger ones', () => {
    const none = analyseDrift({ ...base, shift: 0 });
    const big = analyseDrift({ ...base, shift: 1 });
    expect(none.psi.value).toBeLessThan(0.02);
    expect(big.psi.value).toBeGreaterThan(none.psi.value);
    expect(big.ks?.value).toBeGreaterThan(none.ks?.value ?? 1);
    // W₁ of a pure shift by 1 σ is 1 σ, up to sampling noise
    expect(big.wasserstein?.normed).toBeCloseTo(1, 1);
  });
});

describe('the second panel: a stream of windows', () => {
  it('shapes: a step, a ramp, a sine, and a moved boundary', () => {
    expect([19, 20].map((t) => windowShape('sudden', 1, t, 40).mean)).toEqual([0, 1]);
    expect([10, 20, 30].map((t) => windowShape('gradual', 1, t, 40).mean)).toEqual([0, 0.5, 1]);
    expect(windowShape('seasonal', 1, 5, 40).mean).toBeCloseTo(0, 12);
    expect(windowShape('seasonal', 1, 2.5, 40).mean).toBeCloseTo(1, 12);
    expect(windowShape('concept', 1, 25, 40)).toEqual({ mean: 0, boundary: 1 });
  });

  it('feature drift raises alerts without hurting accuracy', () => {
    const s = simulateStream({ kind: 'sudden', magnitude: 1, delay: 3, seed: 1 });
    expect(s.firstAlert).toBe(20);
    expect(s.windows.slice(0, 20).some((w) => w.alert)).toBe(false);
    expect(s.firstDrop).toBeNull();
  });

  it('concept drift hurts accuracy without raising alerts, and the drop is known only after the delay', () => {
    const s = simulateStream({ kind: 'concept', magnitude: 1, delay: 5, seed: 1 });
    expect(s.firstAlert).toBeNull();
    expect(s.firstDrop).toBe(20);
    expect(s.dropKnownAt).toBe(25);
    for (const w of s.windows.slice(20)) expect(w.accuracy).toBeLessThan(s.referenceAccuracy - ACCURACY_DROP);
  });

  it('the last `delay` windows have no labels yet', () => {
    const s = simulateStream({ kind: 'gradual', magnitude: 1, delay: 4, seed: 1 });
    expect(s.windows.filter((w) => !w.labelled).map((w) => w.index)).toEqual([36, 37, 38, 39]);
  });
});
