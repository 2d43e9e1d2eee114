import { describe, expect, it } from 'vitest';
import { categorical, deriveSeed, exponential, lognormal, mulberry32, normal } from '../../src/lib/random.ts';

const draw = (n: number, f: () => number): number[] => Array.from({ length: n }, f);
const meanOf = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const varianceOf = (xs: number[]) => {
  const m = meanOf(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length;
};

describe('mulberry32', () => {
  it('matches the reference C implementation (Tommy Ettinger) for seeds 1 and 42', () => {
    // Printed by the published C code compiled with gcc: z += 0x6D2B79F5; z = (z ^ z >> 15) * (z | 1);
    // z ^= z + (z ^ z >> 7) * (z | 61); return z ^ z >> 14, divided by 2^32.
    const a = mulberry32(1);
    expect([a(), a(), a()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
    const b = mulberry32(42);
    expect([b(), b(), b()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
  });

  it('repeats itself for the same seed and stays in [0, 1)', () => {
    const xs = draw(10_000, mulberry32(7));
    expect(xs).toEqual(draw(10_000, mulberry32(7)));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });

  it('is uniform: 10 equal bins of 100,000 draws pass a chi-squared check', () => {
    const counts = new Array<number>(10).fill(0);
    const r = mulberry32(3);
    for (let i = 0; i < 100_000; i += 1) {
      const k = Math.floor(r() * 10);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    const chi2 = counts.reduce((s, c) => s + (c - 10_000) ** 2 / 10_000, 0);
    // 9 degrees of freedom: the 99.9 % quantile of χ²₉ is 27.88 (standard tables).
    expect(chi2).toBeLessThan(27.88);
  });
});

describe('deriveSeed', () => {
  it('gives different, repeatable seeds per stream', () => {
    expect(deriveSeed(42, 1)).toBe(deriveSeed(42, 1));
    expect(new Set([1, 2, 3, 4].map((s) => deriveSeed(42, s))).size).toBe(4);
    expect(deriveSeed(42, 1)).not.toBe(deriveSeed(43, 1));
  });
});

describe('samplers', () => {
  // Tolerances: 4 standard errors of the mean of 100,000 draws (σ/√n).
  const n = 100_000;

  it('normal(μ = 10, σ = 2) has mean 10 and variance 4', () => {
    const xs = draw(n, () => normal(r, 10, 2));
    expect(Math.abs(meanOf(xs) - 10)).toBeLessThan((4 * 2) / Math.sqrt(n));
    expect(varianceOf(xs)).toBeCloseTo(4, 1);
  });

  it('lognormal(μ = 0, σ = 0.5) has mean e^(σ²/2) = e^0.125 ≈ 1.1331', () => {
    const xs = draw(n, () => lognormal(r, 0, 0.5));
    expect(meanOf(xs)).toBeCloseTo(Math.exp(0.125), 2);
  });

  it('exponential(rate 4) has mean 1/4 and rejects a non-positive rate', () => {
    const xs = draw(n, () => exponential(r, 4));
    expect(Math.abs(meanOf(xs) - 0.25)).toBeLessThan((4 * 0.25) / Math.sqrt(n));
    expect(() => exponential(r, 0)).toThrow(RangeError);
  });

  it('categorical draws each index in proportion to its weight', () => {
    const counts = [0, 0, 0];
    for (let i = 0; i < n; i += 1) {
      const k = categorical(r, [1, 1, 2]);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    expect(counts.map((c) => c / n)).toEqual([
      expect.closeTo(0.25, 2),
      expect.closeTo(0.25, 2),
      expect.closeTo(0.5, 2),
    ]);
    expect(() => categorical(r, [0, 0])).toThrow(RangeError);
    expect(() => categorical(r, [1, -1])).toThrow(RangeError);
  });

  const r = mulberry32(2024);
});
