// Expected values are solved by hand from итог = 0,6 × среднее за ДЗ + 0,1 × стресс-тест + 0,3 × проект,
// every empty field getting the same x; with half-up rounding, «Отлично» (8–10) needs итог ≥ 7.5,
// «Хорошо» (6–7) итог ≥ 5.5, «Удовлетворительно» (4–5) итог ≥ 3.5. Answers are rounded up to 0.01.
import { describe, expect, it } from 'vitest';
import { computeGrade } from '../../src/lib/grading/formula.ts';
import { completeInputs, fillEmpty, solveWhatIf, type PartialInputs } from '../../src/lib/grading/what-if.ts';
import { band, criteriaWeights, expectCourseRules, grading, withAssumptions } from './grading-fixture.ts';

type Maybe = number | null;
const single = (homework: Maybe[], stressTest: Maybe, project: Maybe, bonus = 0): PartialInputs => ({
  homework,
  stressTest,
  project: { kind: 'single', grade: project },
  bonus,
});
const byCriteria = (homework: Maybe[], stressTest: Maybe, grades: Maybe[]): PartialInputs => ({
  homework,
  stressTest,
  project: { kind: 'criteria', criteria: grades.map((grade, i) => ({ weight: criteriaWeights[i] ?? 0, grade })) },
  bonus: 0,
});
const excellent = band('Отлично');
const good = band('Хорошо');
const satisfactory = band('Удовлетворительно');

it('uses the course rules the tables below were computed with', () => {
  expectCourseRules();
});

describe('solveWhatIf', () => {
  it.each([
    // 4.8 + 0.6 + 0.3x ≥ 7.5 ⇔ x ≥ 7, exactly on a step: 7 gives 7.5 → 8, 6.99 gives 7.497 → 7
    ['project needed for «Отлично», exactly at the boundary', single([8], 6, null), excellent, 7],
    // 5.4 + 0.3x ≥ 5.5 ⇔ x ≥ 1/3 = 0.333… → 0.34 (0.33 gives 5.499 → 5)
    ['a repeating answer is rounded up', single([8], 6, null), good, 0.34],
    // all empty: 0.6x + 0.1x + 0.3x = x ≥ 7.5
    ['everything empty, «Отлично»', single([null, null], null, null), excellent, 7.5],
    // all empty: x ≥ 5.5
    ['everything empty, «Хорошо»', single([null], null, null), good, 5.5],
    // all empty with bonus 1: x + 1 ≥ 7.5 ⇔ x ≥ 6.5
    ['everything empty, bonus 1', single([null], null, null, 1), excellent, 6.5],
    // 0.6·(8 + 2x)/3 + 0.7 + 2.7 = 1.6 + 0.4x + 3.4 = 5 + 0.4x ≥ 7.5 ⇔ x ≥ 6.25
    ['two empty homework rows', single([8, null, null], 7, 9), excellent, 6.25],
    // 0.6·(14 + x)/3 + 0.7 + 2.1 = 2.8 + 0.2x + 2.8 = 5.6 + 0.2x ≥ 7.5 ⇔ x ≥ 9.5
    ['one empty row of three', single([7, 7, null], 7, 7), excellent, 9.5],
    // project = 0.2·(8 + 7) + 0.6x = 3 + 0.6x; 4.8 + 0.6 + 0.3·(3 + 0.6x) = 6.3 + 0.18x ≥ 7.5
    // ⇔ x ≥ 1.2/0.18 = 6.666… → 6.67 (6.67 gives 7.5006 → 8, 6.66 gives 7.4988 → 7)
    ['three empty criteria', byCriteria([8], 6, [8, 7, null, null, null]), excellent, 6.67],
    // stress test and project empty: 4.8 + 0.4x ≥ 7.5 ⇔ x ≥ 6.75
    ['two empty components', single([8], null, null), excellent, 6.75],
  ])('%s', (_, inputs, target, value) => {
    expect(solveWhatIf(grading, inputs, target)).toEqual({ kind: 'needed', value });
  });

  it.each([
    // 1.2 + 0.2 + 0.3x ≥ 7.5 ⇔ x ≥ 20.33…, above 10
    ['unreachable: too little already', single([2], 2, null), excellent, 'unreachable'],
    // 0.6·10 + 0.1x + 0.3x = 6 + 0.4x ≥ 3.5 holds at x = 0
    ['guaranteed: enough already', single([10], null, null), satisfactory, 'guaranteed'],
    // 7 + 0.3x ≥ 5.5 holds at x = 0
    ['guaranteed «Хорошо»', single([10], 10, null), good, 'guaranteed'],
    // nothing empty, 7.5 → 8: reached whatever x is
    ['nothing empty, reached', single([8], 6, 7), excellent, 'guaranteed'],
    // nothing empty, 4.8 + 0.6 + 2.097 = 7.497 → 7: not reached
    ['nothing empty, missed', single([8], 6, 6.99), excellent, 'unreachable'],
  ] as const)('%s', (_, inputs, target, kind) => {
    expect(solveWhatIf(grading, inputs, target)).toEqual({ kind });
  });

  it('follows the floor rule: 5.4 + 0.3x ≥ 8 ⇔ x ≥ 8.666… → 8.67', () => {
    expect(solveWhatIf(withAssumptions({ rounding: 'floor' }), single([8], 6, null), excellent)).toEqual({
      kind: 'needed',
      value: 8.67,
    });
  });

  it('follows the ceil rule, strictly: 4.8 + 0.7 + 0.3x > 7 ⇔ x > 5 → 5.01 (5 gives exactly 7)', () => {
    expect(solveWhatIf(withAssumptions({ rounding: 'ceil' }), single([8], 7, null), excellent)).toEqual({
      kind: 'needed',
      value: 5.01,
    });
  });

  it('cannot reach a band above the cap', () => {
    // the total is capped at 7, so it never reaches 7.5
    const capped = withAssumptions({ bonus: { max: 1, capTotalAt: 7 } });
    expect(solveWhatIf(capped, single([null], null, null), excellent)).toEqual({ kind: 'unreachable' });
  });

  it('respects a minimum per component', () => {
    // 10·0.6 + 10·0.1 = 7 already gives «Удовлетворительно», but the project must be at least 6
    const strict = withAssumptions({ minimumPerComponent: { project: 6 } });
    expect(solveWhatIf(strict, single([10], 10, null), satisfactory)).toEqual({ kind: 'needed', value: 6 });
    // a known stress test of 3 under a minimum of 4 fails whatever the project gets
    const stressed = withAssumptions({ minimumPerComponent: { stressTest: 4 } });
    expect(solveWhatIf(stressed, single([10], 3, null), satisfactory)).toEqual({ kind: 'unreachable' });
  });
});

describe('solveWhatIf against a search over every hundredth', () => {
  // Not expected values: a cross-check of the closed form with the formula on pseudo-random inputs.
  let seed = 42;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const maybe = (): Maybe => (next() < 0.4 ? null : Math.round(next() * 1000) / 100);
  const cases = Array.from({ length: 80 }, () => ({
    inputs: byCriteria([maybe(), maybe(), maybe()], maybe(), [maybe(), maybe(), maybe(), maybe(), maybe()]),
    target: [excellent, good, satisfactory][Math.floor(next() * 3)] ?? excellent,
    rounding: (['half-up', 'floor', 'ceil'] as const)[Math.floor(next() * 3)] ?? 'half-up',
  }));

  it('finds the same lowest grade as trying 0, 0.01, …, 10', () => {
    for (const { inputs, target, rounding } of cases) {
      const rules = withAssumptions({ rounding });
      const steps = Array.from({ length: 1001 }, (_, i) => i / 100);
      const first = steps.find((x) => computeGrade(rules, fillEmpty(inputs, x)).grade >= target.min);
      const expected =
        first === undefined
          ? { kind: 'unreachable' }
          : first === 0
            ? { kind: 'guaranteed' }
            : { kind: 'needed', value: first };
      expect(solveWhatIf(rules, inputs, target), JSON.stringify({ inputs, target: target.min, rounding })).toEqual(
        expected,
      );
    }
  }, 30_000);
});

describe('completeInputs and fillEmpty', () => {
  it('gives complete grades only when nothing is empty', () => {
    expect(completeInputs(single([8, null], 6, 7))).toBeNull();
    expect(completeInputs(byCriteria([8], 6, [1, 2, 3, 4, null]))).toBeNull();
    expect(completeInputs(single([8], 6, 7, 0.5))).toEqual({
      homework: [8],
      stressTest: 6,
      project: { kind: 'single', grade: 7 },
      bonus: 0.5,
    });
  });

  it('puts x into every empty field and nowhere else', () => {
    expect(fillEmpty(byCriteria([8, null], null, [1, null, 3, 4, 5]), 9)).toEqual({
      homework: [8, 9],
      stressTest: 9,
      project: { kind: 'criteria', criteria: [1, 9, 3, 4, 5].map((grade) => ({ weight: 0.2, grade })) },
      bonus: 0,
    });
  });
});
