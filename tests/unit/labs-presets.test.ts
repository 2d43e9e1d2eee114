import { describe, expect, it } from 'vitest';
import { DRIFT_LIMITS } from '../../src/lib/drift/config.ts';
import { DRIFT_PRESETS, driftConfigSchema } from '../../src/lib/drift/presets.ts';
import { onGrid, snapToGrid } from '../../src/lib/labs/grid.ts';
import { LATENCY_LIMITS } from '../../src/lib/latency/config.ts';
import { capacity } from '../../src/lib/latency/lab.ts';
import { LATENCY_PRESETS, latencyConfigSchema } from '../../src/lib/latency/presets.ts';

describe('presets', () => {
  it.each(Object.entries(DRIFT_PRESETS))('drift preset «%s» is valid', (_, preset) => {
    expect(driftConfigSchema.safeParse(preset).error).toBeUndefined();
  });

  it.each(Object.entries(LATENCY_PRESETS))('latency preset «%s» is valid', (_, preset) => {
    expect(latencyConfigSchema.safeParse(preset).error).toBeUndefined();
  });

  it('the schemas reject values off the sliders and unknown keys', () => {
    expect(driftConfigSchema.safeParse({ ...DRIFT_PRESETS['mean-shift'], shift: 0.005 }).success).toBe(false);
    expect(driftConfigSchema.safeParse({ ...DRIFT_PRESETS['mean-shift'], referenceSize: 300 }).success).toBe(false);
    expect(latencyConfigSchema.safeParse({ ...LATENCY_PRESETS.batching, workers: 0 }).success).toBe(false);
    expect(latencyConfigSchema.safeParse({ ...LATENCY_PRESETS.batching, extra: 1 }).success).toBe(false);
  });

  it('match the stress test: 1000 RPS on one worker at 0.8 ms is 80 % load', () => {
    const p = LATENCY_PRESETS['cpu-1000rps'];
    expect(p.rps / capacity(p)).toBeCloseTo(0.8, 12);
    // the spike preset runs at half load and then at five times capacity
    const spike = LATENCY_PRESETS['spike-10x'];
    expect(spike.rps / capacity(spike)).toBeCloseTo(0.5, 12);
    expect(LATENCY_PRESETS['retry-storm-jitter']).toEqual({ ...LATENCY_PRESETS['retry-storm'], jitter: true });
  });
});

describe('slider grid', () => {
  it('accepts values on the grid and snaps others to it', () => {
    expect(onGrid(0.35, { min: 0, max: 1, step: 0.05 })).toBe(true);
    expect(onGrid(0.351, { min: 0, max: 1, step: 0.05 })).toBe(false);
    expect(onGrid(2, { min: 0, max: 1, step: 0.05 })).toBe(false);
    expect(snapToGrid(0.337, { min: 0, max: 1, step: 0.05 })).toBe(0.35);
    expect(snapToGrid(99, LATENCY_LIMITS.retries)).toBe(5);
    expect(snapToGrid(-3.004, DRIFT_LIMITS.shift)).toBe(-3);
  });
});
