// Expected values are worked out by hand from the program's formula
// итог = 0,6 × среднее за ДЗ + 0,1 × стресс-тест + 0,3 × проект, with the course's rules
// (half-up rounding, bonus ≤ 1, total ≤ 10, no minimums, 0 allowed, final grade ≥ 1).
import { describe, expect, it } from 'vitest';
import {
  bandOf,
  bonusApplied,
  computeGrade,
  homeworkMean,
  projectValue,
  roundGrade,
  type GradeInputs,
  type ProjectGrade,
} from '../../src/lib/grading/formula.ts';
import { fromDecimal, rational, type Rational } from '../../src/lib/grading/rational.ts';
import { criteriaWeights, expectCourseRules, grading, withAssumptions } from './grading-fixture.ts';

const single = (grade: number): ProjectGrade => ({ kind: 'single', grade });
const criteria = (...grades: number[]): ProjectGrade => ({
  kind: 'criteria',
  criteria: grades.map((grade, i) => ({ weight: criteriaWeights[i] ?? 0, grade })),
});
const inputs = (homework: number[], stressTest: number, project: ProjectGrade, bonus = 0): GradeInputs => ({
  homework,
  stressTest,
  project,
  bonus,
});
const r = (num: number, den = 1): Rational => rational(BigInt(num), BigInt(den));

it('uses the course rules the tables below were computed with', () => {
  expectCourseRules();
});

describe('computeGrade', () => {
  it.each([
    // 0.6·8 + 0.1·6 + 0.3·7 = 4.8 + 0.6 + 2.1 = 7.5 → half-up: 8, the lowest «Отлично»
    ['7.5 rounds up to 8', inputs([8], 6, single(7)), r(15, 2), 8, 'Отлично', true],
    // 7.49·(0.6 + 0.1 + 0.3) = 7.49 → 7: just below the boundary stays «Хорошо»
    ['7.49 rounds down to 7', inputs([7.49], 7.49, single(7.49)), r(749, 100), 7, 'Хорошо', true],
    // 3.5 → 4: the half rounds up into «Удовлетворительно»
    ['3.5 rounds up to 4', inputs([3.5], 3.5, single(3.5)), r(7, 2), 4, 'Удовлетворительно', true],
    // 3.49 → 3: «Не сдан», not passed
    ['3.49 fails', inputs([3.49], 3.49, single(3.49)), r(349, 100), 3, 'Не сдан', false],
    // everything 0 (nothing submitted): total 0 rounds to 0, shown as the scale's lowest grade 1
    ['all 0', inputs([0, 0, 0], 0, single(0)), r(0), 1, 'Не сдан', false],
    // everything 10: 6 + 1 + 3 = 10
    ['all 10', inputs([10, 10], 10, single(10)), r(10), 10, 'Отлично', true],
    // mean(7, 7, 8) = 22/3 = 7.333…, 0.6·22/3 = 4.4 exactly; + 0.1·5.5 + 0.3·8.5 = 4.4 + 0.55 + 2.55 = 7.5 → 8
    // (in floating point the same sum is 7.499999999999999, which Math.round takes to 7)
    ['repeating mean, exactly 7.5', inputs([7, 7, 8], 5.5, single(8.5)), r(15, 2), 8, 'Отлично', true],
    // mean(7, 8, 7.5) = 22.5/3 = 7.5; 0.6·7.5 + 0.1·7.5 + 0.3·7.5 = 7.5 → 8
    ['mean of 7, 8, 7.5', inputs([7, 8, 7.5], 7.5, single(7.5)), r(15, 2), 8, 'Отлично', true],
    // six 8s and a 7.99: Σ = 55.99, 0.6·55.99/7 = 33.594/7; + 0.6 + 2.1 = (33.594 + 18.9)/7 = 52.494/7
    // = 26247/3500 = 7.499142857… → 7, a repeating value just under the boundary
    ['repeating, just under 7.5', inputs([8, 8, 8, 8, 8, 8, 7.99], 6, single(7)), r(26247, 3500), 7, 'Хорошо', true],
    // criteria 0.2·(8 + 7 + 6 + 9 + 5) = 0.2·35 = 7; 0.6·8 + 0.1·6 + 0.3·7 = 7.5 → 8
    ['five criteria averaging to 7', inputs([8], 6, criteria(8, 7, 6, 9, 5)), r(15, 2), 8, 'Отлично', true],
    // criteria 0.2·(7.25·4 + 7.3) = 0.2·36.3 = 7.26; 0.6·7 + 0.1·7 + 0.3·7.26 = 4.2 + 0.7 + 2.178 = 7.078 → 7
    ['criteria with decimals', inputs([7], 7, criteria(7.25, 7.25, 7.25, 7.25, 7.3)), r(7078, 1000), 7, 'Хорошо', true],
    // 0.6·7 + 0.1·7 + 0.3·7 = 7, bonus 0.5 → 7.5 → 8: the bonus is added before rounding
    ['bonus before rounding', inputs([7], 7, single(7), 0.5), r(15, 2), 8, 'Отлично', true],
    // 10 + bonus 1 = 11, capped at 10
    ['bonus cap at 10', inputs([10], 10, single(10), 1), r(10), 10, 'Отлично', true],
    // 9.5 + bonus 1 = 10.5, capped at 10
    ['cap cuts part of the bonus', inputs([9.5], 9.5, single(9.5), 1), r(10), 10, 'Отлично', true],
    // bonus 1.5 counts as the maximum 1: 6 + 1 = 7 (not 7.5 → 8)
    ['bonus above the maximum', inputs([6], 6, single(6), 1.5), r(7), 7, 'Хорошо', true],
  ])('%s', (_, given, total, grade, fivePoint, passed) => {
    const result = computeGrade(grading, given);
    expect(result.total).toEqual(total);
    expect(result.grade).toBe(grade);
    expect(result.band.fivePoint).toBe(fivePoint);
    expect(result.passed).toBe(passed);
  });

  it('reports each component, its contribution and the bonus', () => {
    // mean(7, 8) = 7.5 → 0.6·7.5 = 4.5; 0.1·9 = 0.9; 0.3·6 = 1.8; weighted 7.2; bonus 0.25 → 7.45 → 7
    const result = computeGrade(grading, inputs([7, 8], 9, single(6), 0.25));
    expect(result.components).toEqual([
      { id: 'homework', weight: r(3, 5), value: r(15, 2), contribution: r(9, 2) },
      { id: 'stressTest', weight: r(1, 10), value: r(9), contribution: r(9, 10) },
      { id: 'project', weight: r(3, 10), value: r(6), contribution: r(9, 5) },
    ]);
    expect(result.weighted).toEqual(r(36, 5));
    expect(result.bonus).toEqual(r(1, 4));
    expect(result.total).toEqual(r(149, 20));
    expect(result.capped).toBe(false);
    expect(result.grade).toBe(7);
    expect(bonusApplied(result)).toEqual(r(1, 4));
  });

  it('marks a capped total and counts only the part of the bonus below the cap', () => {
    // weighted 9.5, bonus 1 → 10.5 → capped at 10: 0.5 of the bonus applies
    const result = computeGrade(grading, inputs([9.5], 9.5, single(9.5), 1));
    expect(result.capped).toBe(true);
    expect(result.bonus).toEqual(r(1));
    expect(bonusApplied(result)).toEqual(r(1, 2));
  });

  it('follows the rounding rule of the course data', () => {
    // 7.5 with floor → 7; 7.01 with ceil → 8
    expect(computeGrade(withAssumptions({ rounding: 'floor' }), inputs([8], 6, single(7))).grade).toBe(7);
    expect(computeGrade(withAssumptions({ rounding: 'ceil' }), inputs([7.01], 7.01, single(7.01))).grade).toBe(8);
  });

  it('fails the зачёт when a component is under its minimum, whatever the total', () => {
    // 0.6·10 + 0.1·3 + 0.3·10 = 9.3 → 9, «Отлично», but the stress test 3 is under a minimum of 4
    const result = computeGrade(
      withAssumptions({ minimumPerComponent: { stressTest: 4 } }),
      inputs([10], 3, single(10)),
    );
    expect(result.grade).toBe(9);
    expect(result.belowMinimum).toEqual(['stressTest']);
    expect(result.passed).toBe(false);
  });

  it('refuses an empty homework list', () => {
    expect(() => computeGrade(grading, inputs([], 5, single(5)))).toThrow(RangeError);
  });
});

describe('pieces of the formula', () => {
  it.each([
    [[7, 8, 7.5], r(15, 2)], // 22.5 / 3
    [[7, 7, 8], r(22, 3)], // 7.333…, kept exact
    [[0], r(0)],
  ])('homeworkMean(%j)', (grades, mean) => {
    expect(homeworkMean(grades)).toEqual(mean);
  });

  it('weighs the project criteria', () => {
    // 0.2·(10 + 9 + 8 + 7 + 6) = 8
    expect(projectValue(criteria(10, 9, 8, 7, 6))).toEqual(r(8));
    expect(projectValue(single(6.5))).toEqual(fromDecimal(6.5));
  });

  it.each([
    [r(15, 2), 'half-up', 8], // 7.5 → 8
    [r(749, 100), 'half-up', 7], // 7.49 → 7
    [r(7, 2), 'half-up', 4], // 3.5 → 4
    [r(44999, 6000), 'half-up', 7], // 7.49983… → 7
    [r(15, 2), 'floor', 7], // 7.5 → 7
    [r(701, 100), 'ceil', 8], // 7.01 → 8
    [r(7), 'ceil', 7], // whole numbers stay
  ] as const)('roundGrade(%o, %s) = %d', (value, rounding, grade) => {
    expect(roundGrade(value, rounding)).toBe(grade);
  });

  it('finds the band of a grade and refuses a grade outside every band', () => {
    expect(bandOf(grading, 6).fivePoint).toBe('Хорошо');
    expect(() => bandOf(grading, 0)).toThrow(RangeError);
  });
});
