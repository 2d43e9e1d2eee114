// Runs at build time, in tests and in the browser: arrival processes of the latency lab.
import { ExponentialDraws, type Random } from '../random.ts';
import type { ArrivalKind } from './config.ts';

/** A stretch of time with a constant arrival rate (requests per second); times in ms. */
export interface RateSegment {
  from: number;
  to: number;
  rps: number;
}

/** Burst pattern: every 10 s, 2 s at 3× the base rate, then 8 s at 0.5× (the average stays 1×). */
export const BURSTS = { periodMs: 10_000, burstMs: 2_000, high: 3, low: 0.5 } as const;

/** Spike pattern: 10× the base rate from a third to half of the run. */
export const SPIKE = { factor: 10, from: 1 / 3, to: 1 / 2 } as const;

/**
 * The piecewise-constant arrival rate of a run of `durationMs` at base rate `rps`.
 * @example rateProfile('spike', 100, 60_000) // 100 rps, then 1000 rps from 20 s to 30 s, then 100 rps
 */
export function rateProfile(kind: ArrivalKind, rps: number, durationMs: number): RateSegment[] {
  if (kind === 'poisson') return [{ from: 0, to: durationMs, rps }];
  if (kind === 'spike') {
    const a = durationMs * SPIKE.from;
    const b = durationMs * SPIKE.to;
    return [
      { from: 0, to: a, rps },
      { from: a, to: b, rps: rps * SPIKE.factor },
      { from: b, to: durationMs, rps },
    ];
  }
  const segments: RateSegment[] = [];
  for (let t = 0; t < durationMs; t += BURSTS.periodMs) {
    const burstEnd = Math.min(durationMs, t + BURSTS.burstMs);
    segments.push({ from: t, to: burstEnd, rps: rps * BURSTS.high });
    if (burstEnd < durationMs) {
      segments.push({ from: burstEnd, to: Math.min(durationMs, t + BURSTS.periodMs), rps: rps * BURSTS.low });
    }
  }
  return segments;
}

/**
 * Arrival times (ms, ascending) of a non-homogeneous Poisson process with a piecewise-constant rate:
 * exponential gaps within each segment, restarted at segment edges (memorylessness makes that exact).
 * `source` is a generator or its kept standard exponential draws (then a new rate reuses them); with
 * `buffer` the times are written into it (or a bigger array if they do not fit) and a view is returned.
 */
export function poissonArrivals(
  segments: readonly RateSegment[],
  source: Random | ExponentialDraws,
  buffer?: Float64Array,
): Float64Array {
  const stream = typeof source === 'function' ? new ExponentialDraws(source) : source;
  const expected = segments.reduce((s, seg) => s + ((seg.to - seg.from) * seg.rps) / 1000, 0);
  const guess = Math.ceil(expected * 1.1) + 16;
  let out = buffer !== undefined && buffer.length >= guess ? buffer : new Float64Array(guess);
  let draws = stream.upTo(guess + segments.length);
  let k = 0;
  let n = 0;
  for (const seg of segments) {
    if (seg.rps <= 0) continue;
    const rate = seg.rps / 1000;
    if (k === draws.length) draws = stream.upTo(k + 1);
    let t = seg.from + (draws[k] ?? 0) / rate;
    k += 1;
    while (t < seg.to) {
      if (n === out.length) {
        const bigger = new Float64Array(out.length * 2);
        bigger.set(out);
        out = bigger;
      }
      out[n] = t;
      n += 1;
      if (k === draws.length) draws = stream.upTo(k + 1);
      t += (draws[k] ?? 0) / rate;
      k += 1;
    }
  }
  return buffer === undefined ? out.slice(0, n) : out.subarray(0, n);
}
