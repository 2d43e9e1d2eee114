// Every metric against a named reference: scipy's documentation examples and test suite, published
// formulas, or hand arithmetic written out in the comment.
import { describe, expect, it } from 'vitest';
import {
  chiSquaredContingency,
  chiSquaredSurvival,
  logGamma,
  regularizedGammaQ,
} from '../../src/lib/drift/chi-squared.ts';
import { jensenShannon } from '../../src/lib/drift/jensen-shannon.ts';
import { kolmogorovSurvival, ksCriticalValue, ksStatistic, ksTwoSample } from '../../src/lib/drift/ks.ts';
import { binCounts, psi, psiNumeric, quantileEdges, smoothedShares } from '../../src/lib/drift/psi.ts';
import { distanceVerdict, evidentlyDefaultTest, psiVerdict, pValueVerdict } from '../../src/lib/drift/rules.ts';
import { quantileSorted, standardDeviation } from '../../src/lib/drift/sample.ts';
import { wasserstein1, wasserstein1Sorted } from '../../src/lib/drift/wasserstein.ts';

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('sample statistics', () => {
  it('quantileSorted interpolates like numpy.quantile (method="linear")', () => {
    // numpy: position (n − 1)·p; [1, 2, 3, 4] at p = 0.5 → position 1.5 → 2 + 0.5·(3 − 2) = 2.5
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    // position 3·0.25 = 0.75 → 1 + 0.75·1 = 1.75
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(() => quantileSorted([], 0.5)).toThrow(RangeError);
  });

  it('standardDeviation divides by n (numpy.std, ddof=0)', () => {
    // Classic example: mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32, 32/8 = 4, √4 = 2
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
  });
});

describe('PSI', () => {
  it('psi([0.5, 0.5], [0.25, 0.75]) by hand', () => {
    // (0.25 − 0.5)·ln(0.25/0.5) + (0.75 − 0.5)·ln(0.75/0.5) = 0.25·ln 2 + 0.25·ln 1.5 = 0.17329 + 0.10137
    expect(psi([0.5, 0.5], [0.25, 0.75])).toBeCloseTo(0.2746530721670274, 14);
  });

  it('is zero for identical shares and positive otherwise (both terms are ≥ 0)', () => {
    expect(psi([0.2, 0.3, 0.5], [0.2, 0.3, 0.5])).toBe(0);
    expect(psi([0.2, 0.3, 0.5], [0.3, 0.3, 0.4])).toBeGreaterThan(0);
  });

  it('bins at the reference quantiles: 1…10 in two bins splits at the median 5.5', () => {
    expect(quantileEdges(range(1, 11), 2)).toEqual([5.5]);
    // Bins (−∞, 5.5], (5.5, ∞): the current sample 1, 2, 3, 8, 9, 10, 11, 12 has 3 and 5 values
    expect(binCounts([1, 2, 3, 8, 9, 10, 11, 12], [5.5])).toEqual([3, 5]);
    // PSI = (3/8 − 1/2)·ln(0.375/0.5) + (5/8 − 1/2)·ln(0.625/0.5) = 0.035960 + 0.027893
    expect(psiNumeric(range(1, 11), [1, 2, 3, 8, 9, 10, 11, 12], 2).value).toBeCloseTo(0.06385320297074884, 14);
  });

  it('a value on an edge belongs to the bin below (numpy.digitize with right=True)', () => {
    expect(binCounts([5, 5.5, 6], [5.5])).toEqual([2, 1]);
  });

  it('merges repeated edges of a discrete feature', () => {
    // Six 0s and four 1s, quantiles 0.2…0.8 at positions 1.8, 3.6, 5.4, 7.2: 0, 0, 0 + 0.4·(1 − 0), 1
    expect(quantileEdges([0, 0, 0, 0, 0, 0, 1, 1, 1, 1], 5)).toEqual([0, expect.closeTo(0.4, 12), 1]);
    expect(quantileEdges([1, 1, 1, 1], 4)).toEqual([1]);
  });

  it('smooths an empty bin with 0.0001 so the logarithm stays finite', () => {
    expect(smoothedShares([0, 4])).toEqual([0.0001, 1]);
    // (0.0001 − 0.5)·ln(0.0001/0.5) + (1 − 0.5)·ln(1/0.5) = 4.2577 + 0.3466
    expect(psi([0.5, 0.5], smoothedShares([0, 4]))).toBeCloseTo(4.60431846666895, 12);
    expect(() => psi([0.5, 0.5], [0, 1])).toThrow(RangeError);
  });
});

describe('two-sample Kolmogorov–Smirnov', () => {
  it('statistic by hand', () => {
    // ECDFs of 1,2,3 and 3,4,6: at x = 2, 2/3 vs 0; at x = 3, 1 vs 1/3 → D = 2/3
    expect(ksStatistic([1, 2, 3], [3, 4, 6])).toBeCloseTo(2 / 3, 15);
    // Ties: 1,1,2 vs 1,2,2 — at x = 1, 2/3 vs 1/3 → 1/3; at x = 2 both reach 1
    expect(ksStatistic([1, 1, 2], [1, 2, 2])).toBeCloseTo(1 / 3, 15);
  });

  it('is 0 for the same sample, 1 for disjoint ones, and symmetric', () => {
    expect(ksStatistic([1, 2, 3], [1, 2, 3])).toBe(0);
    expect(ksStatistic([1, 2], [3, 4, 5])).toBe(1);
    expect(ksStatistic([0.5, 2, 7], [1, 1.5, 3, 4])).toBe(ksStatistic([1, 1.5, 3, 4], [0.5, 2, 7]));
  });

  it('rejects unsorted or empty samples', () => {
    expect(() => ksStatistic([2, 1], [1, 2])).toThrow(RangeError);
    expect(() => ksStatistic([], [1])).toThrow(RangeError);
  });

  it('Kolmogorov survival matches scipy.special.kolmogorov', () => {
    // Reference: scipy docs example kolmogorov([0, 0.5, 1.0]) → [1, 0.96394524, 0.26999967], and
    // scipy/special/tests/test_kolmogorov.py TestKolmogorov.test_basic (full precision, incl. 2 and the median).
    expect(kolmogorovSurvival(0)).toBe(1);
    expect(kolmogorovSurvival(0.5)).toBeCloseTo(0.96394524366487511, 13);
    expect(kolmogorovSurvival(0.8275735551899077)).toBeCloseTo(0.5, 13);
    expect(kolmogorovSurvival(1)).toBeCloseTo(0.26999967167735456, 13);
    expect(kolmogorovSurvival(2)).toBeCloseTo(0.00067092525577969533, 15);
  });

  it('p-value is Q(√nₑ·D): n = m = 200 shifted by 20 gives D = 0.1, nₑ = 100, λ = 1', () => {
    // D = 20/200 = 0.1; nₑ = 200·200/400 = 100; √100·0.1 = 1 → p = kolmogorov(1) = 0.26999967167735456
    const result = ksTwoSample(range(0, 200), range(20, 220));
    expect(result.statistic).toBeCloseTo(0.1, 15);
    expect(result.effectiveSize).toBe(100);
    expect(result.pValue).toBeCloseTo(0.26999967167735456, 13);
  });

  it('critical D shrinks like 1/√n: c(0.05) = √(−ln(0.025)/2) = 1.3581', () => {
    // n = m = 100: 1.35810·√(200/10 000) = 0.19206; n = m = 100 000: 1.35810·√(2·10⁻⁵) = 0.0060736
    expect(ksCriticalValue(100, 100, 0.05)).toBeCloseTo(0.19206, 5);
    expect(ksCriticalValue(100_000, 100_000, 0.05)).toBeCloseTo(0.0060736, 7);
  });
});

describe('Wasserstein-1', () => {
  it('matches the examples of scipy.stats.wasserstein_distance', () => {
    // https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.wasserstein_distance.html
    expect(wasserstein1([0, 1, 3], [5, 6, 8])).toBeCloseTo(5, 14);
    expect(wasserstein1([0, 1], [0, 1], [3, 1], [2, 2])).toBeCloseTo(0.25, 14);
    expect(wasserstein1([3.4, 3.9, 7.5, 7.8], [4.5, 1.4], [1.4, 0.9, 3.1, 7.2], [3.2, 3.5])).toBeCloseTo(
      4.0781331438047861,
      12,
    );
  });

  it('moving a sample by c costs |c|, in any order of the values', () => {
    expect(wasserstein1Sorted([1, 2, 4, 8], [3.5, 4.5, 6.5, 10.5])).toBeCloseTo(2.5, 14);
    expect(wasserstein1([8, 1, 4, 2], [1, 2, 4, 8])).toBe(0);
    expect(wasserstein1([1, 2, 3], [10])).toBe(wasserstein1([10], [1, 2, 3]));
  });

  it('rejects unsorted input to the sorted variant and mismatched weights', () => {
    expect(() => wasserstein1Sorted([2, 1], [1])).toThrow(RangeError);
    expect(() => wasserstein1([1, 2], [1], [1])).toThrow(RangeError);
  });
});

describe('Jensen–Shannon distance', () => {
  it('matches the examples of scipy.spatial.distance.jensenshannon (natural log by default)', () => {
    // https://docs.scipy.org/doc/scipy/reference/generated/scipy.spatial.distance.jensenshannon.html
    expect(jensenShannon([1, 0, 0], [0, 1, 0], 2)).toBeCloseTo(1, 15);
    expect(jensenShannon([1, 0], [0.5, 0.5])).toBeCloseTo(0.46450140402245893, 15);
    expect(jensenShannon([1, 0, 0], [1, 0, 0])).toBe(0);
  });

  it('normalises counts, is symmetric, and is at most √ln 2 (disjoint supports)', () => {
    expect(jensenShannon([10, 30], [1, 3])).toBeCloseTo(0, 15);
    expect(jensenShannon([1, 2, 3], [3, 1, 1])).toBeCloseTo(jensenShannon([3, 1, 1], [1, 2, 3]), 15);
    expect(jensenShannon([1, 0], [0, 1])).toBeCloseTo(Math.sqrt(Math.LN2), 15);
  });
});

describe('chi-squared', () => {
  it('log-gamma and the regularised gamma function in closed form', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    // Q(1, x) = e^(−x)
    expect(regularizedGammaQ(1, 2)).toBeCloseTo(Math.exp(-2), 15);
    expect(regularizedGammaQ(1, 0.3)).toBeCloseTo(Math.exp(-0.3), 15);
  });

  it('survival matches the scipy.stats.chisquare documentation examples', () => {
    // chisquare([16, 18, 16, 14, 12, 12]) → (2.0, 0.84914503608460956): 5 degrees of freedom
    expect(chiSquaredSurvival(2, 5)).toBeCloseTo(0.84914503608460956, 14);
    // chisquare([16, 18, 16, 14, 12, 12], f_exp=[16, 16, 16, 16, 16, 8]) → (3.5, 0.62338762774958223)
    expect(chiSquaredSurvival(3.5, 5)).toBeCloseTo(0.62338762774958223, 14);
    // 2 degrees of freedom: P(χ²₂ > x) = e^(−x/2)
    expect(chiSquaredSurvival(7, 2)).toBeCloseTo(Math.exp(-3.5), 15);
  });

  it('contingency test matches the scipy.stats.chi2_contingency 2 × 3 example', () => {
    const result = chiSquaredContingency([
      [10, 10, 20],
      [20, 20, 20],
    ]);
    expect(result.statistic).toBeCloseTo(2.7777777777777777, 14);
    expect(result.dof).toBe(2);
    expect(result.pValue).toBeCloseTo(0.24935220877729619, 14);
    expect(result.expected).toEqual([
      [12, 12, 16],
      [18, 18, 24],
    ]);
  });

  it('drops a category seen in neither sample and says p = 1 for identical rows', () => {
    expect(
      chiSquaredContingency([
        [10, 0, 20],
        [20, 0, 20],
      ]).dof,
    ).toBe(1);
    expect(
      chiSquaredContingency([
        [5, 5],
        [5, 5],
      ]),
    ).toMatchObject({ statistic: 0, pValue: 1 });
    expect(() => chiSquaredContingency([[1, 2], [3]])).toThrow(RangeError);
  });
});

describe('verdicts', () => {
  it('PSI rule of thumb: < 0.1 ok, 0.1–0.25 warn, ≥ 0.25 drift', () => {
    expect([0.05, 0.1, 0.2, 0.25, 1].map(psiVerdict)).toEqual(['ok', 'warn', 'warn', 'drift', 'drift']);
  });

  it('p < α is drift; a distance ≥ 0.1 is drift (Evidently)', () => {
    expect(pValueVerdict(0.049, 0.05)).toBe('drift');
    expect(pValueVerdict(0.05, 0.05)).toBe('ok');
    expect(distanceVerdict(0.1)).toBe('drift');
    expect(distanceVerdict(0.099)).toBe('ok');
  });

  it('Evidently picks KS / chi-squared up to 1000 reference rows, distances above', () => {
    expect(evidentlyDefaultTest('numeric', 1000)).toBe('ks');
    expect(evidentlyDefaultTest('numeric', 1001)).toBe('wasserstein');
    expect(evidentlyDefaultTest('categorical', 500)).toBe('chiSquared');
    expect(evidentlyDefaultTest('categorical', 5000)).toBe('jensenShannon');
  });
});
