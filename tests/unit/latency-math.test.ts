import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, mmc } from '../../src/lib/latency/erlang.ts';
import {
  cumulativeHistogram,
  histogramQuantile,
  nearestRankIndex,
  percentile,
  percentilesInPlace,
} from '../../src/lib/latency/percentile.ts';
import { mulberry32 } from '../../src/lib/random.ts';

describe('nearest-rank percentile', () => {
  it('reproduces the worked example of the nearest-rank method (Wikipedia, «Percentile»)', () => {
    // Sorted list 15, 20, 35, 40, 50: P5 → rank ⌈0.25⌉ = 1, P30 → ⌈1.5⌉ = 2, P40 → ⌈2⌉ = 2,
    // P50 → ⌈2.5⌉ = 3, P100 → 5
    const xs = [40, 15, 50, 35, 20];
    expect([5, 30, 40, 50, 100].map((p) => percentile(xs, p))).toEqual([15, 20, 20, 35, 50]);
    expect(xs).toEqual([40, 15, 50, 35, 20]);
  });

  it('p99 of 1…1000 is 990, p0 the minimum; ranks survive floating-point products', () => {
    const xs = Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(percentile(xs, 99)).toBe(990);
    expect(percentile(xs, 0)).toBe(1);
    // 0.07 · 100 = 7.000000000000001 in floating point; the rank is still 7
    expect(nearestRankIndex(100, 7)).toBe(6);
  });

  it('selection agrees with sorting on random data, for several levels at once', () => {
    const r = mulberry32(5);
    const xs = Float64Array.from({ length: 10_001 }, () => r());
    const sorted = Float64Array.from(xs).sort();
    const ps = [50, 90, 95, 99, 99.9];
    const expected = ps.map((p) => sorted[Math.ceil((p * sorted.length) / 100) - 1]);
    expect(percentilesInPlace(xs, 0, xs.length, ps)).toEqual(expected);
  });

  it('rejects an empty sample and a level outside [0, 100]', () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe('histogram_quantile (PromQL, classic histograms)', () => {
  const b = (pairs: [number, number][]) => pairs.map(([upperBound, count]) => ({ upperBound, count }));

  it('matches the ClickHouse quantilePrometheusHistogram documentation example (PromQL-compatible)', () => {
    // Buckets le = 0, 0.5, 1, +Inf with cumulative counts 6, 11, 14, 19; median: rank 9.5 falls in
    // (0, 0.5] holding 5 observations, 3.5 of them below the rank → 0 + 0.5·3.5/5 = 0.35
    expect(
      histogramQuantile(
        0.5,
        b([
          [0, 6],
          [0.5, 11],
          [1, 14],
          [Infinity, 19],
        ]),
      ),
    ).toBeCloseTo(0.35, 15);
  });

  it('follows the rules of prometheus/promql/quantile.go, by hand', () => {
    // rank 0.75·20 = 15 in (1, 2] holding 10, 5 below the rank → 1 + 1·5/10 = 1.5
    expect(
      histogramQuantile(
        0.75,
        b([
          [1, 10],
          [2, 20],
          [Infinity, 20],
        ]),
      ),
    ).toBe(1.5);
    // rank 18 lies in the +Inf bucket → the highest finite bound, 2
    expect(
      histogramQuantile(
        0.9,
        b([
          [1, 5],
          [2, 10],
          [Infinity, 20],
        ]),
      ),
    ).toBe(2);
    // lowest bucket with a positive bound starts at 0: rank 2 of 4 in (0, 10] → 5
    expect(
      histogramQuantile(
        0.5,
        b([
          [10, 4],
          [Infinity, 4],
        ]),
      ),
    ).toBe(5);
    // lowest bucket with bound ≤ 0 returns that bound
    expect(
      histogramQuantile(
        0.1,
        b([
          [0, 6],
          [1, 10],
          [Infinity, 10],
        ]),
      ),
    ).toBe(0);
  });

  it('special cases: NaN without +Inf or observations, ±Inf outside [0, 1]', () => {
    expect(
      histogramQuantile(
        0.5,
        b([
          [1, 1],
          [2, 2],
        ]),
      ),
    ).toBeNaN();
    expect(
      histogramQuantile(
        0.5,
        b([
          [1, 0],
          [Infinity, 0],
        ]),
      ),
    ).toBeNaN();
    expect(
      histogramQuantile(
        -1,
        b([
          [1, 1],
          [Infinity, 1],
        ]),
      ),
    ).toBe(-Infinity);
    expect(
      histogramQuantile(
        2,
        b([
          [1, 1],
          [Infinity, 1],
        ]),
      ),
    ).toBe(Infinity);
  });

  it('shows how coarse buckets move p99: 1…1000 ms in the default buckets', () => {
    const xs = Array.from({ length: 1000 }, (_, i) => i + 1);
    const hist = cumulativeHistogram(xs, [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000]);
    expect(hist.at(-2)).toEqual({ upperBound: 10_000, count: 1000 });
    // rank 990 in (500, 1000] holding 500 observations, 490 below the rank → 500 + 500·490/500 = 990
    expect(histogramQuantile(0.99, hist)).toBe(990);
    // the same data at 1…100 ms: rank 99 in (50, 100] → 50 + 50·49/50 = 99 — exact only because the
    // data are spread evenly; skewed latencies inside a bucket are not.
    expect(histogramQuantile(0.99, cumulativeHistogram(xs.slice(0, 100), [50, 100]))).toBe(99);
  });
});

describe('Erlang B and C', () => {
  it('by hand', () => {
    // B(1, 1) = 1·1/(1 + 1) = 1/2
    expect(erlangB(1, 1)).toBe(0.5);
    // B(3, 2): 2/3, then 2·(2/3)/(2 + 4/3) = 0.4, then 0.8/3.8; C = 3B/(3 − 2(1 − B)) = 4/9
    expect(erlangC(3, 2)).toBeCloseTo(4 / 9, 15);
    // C(4, 3) in closed form: (3⁴/4!·4/(4 − 3)) / (1 + 3 + 9/2 + 27/6 + 13.5) = 13.5/26.5 = 27/53
    expect(erlangC(4, 3)).toBeCloseTo(27 / 53, 15);
  });

  it('M/M/1 and M/M/2 in closed form', () => {
    // M/M/1, ρ = 0.5: P(wait) = ρ, W = 1/(μ − λ) = 2
    expect(mmc({ arrivalRate: 0.5, serviceRate: 1, servers: 1 })).toEqual({
      utilization: 0.5,
      probabilityOfWait: 0.5,
      meanWait: 1,
      meanResponse: 2,
      meanQueueLength: 0.5,
    });
    // M/M/2, λ = μ = 1: C = (1/2·2/1)/(1 + 1 + 1) = 1/3, Wq = C/(2 − 1) = 1/3, W = 4/3
    const m2 = mmc({ arrivalRate: 1, serviceRate: 1, servers: 2 });
    expect(m2?.probabilityOfWait).toBeCloseTo(1 / 3, 15);
    expect(m2?.meanResponse).toBeCloseTo(4 / 3, 15);
  });

  it('has no steady state at or above capacity', () => {
    expect(mmc({ arrivalRate: 2, serviceRate: 1, servers: 2 })).toBeNull();
    expect(() => erlangC(2, 2)).toThrow(RangeError);
  });
});
