// The course's real grading data for the grading tests, and variants with one rule changed.
import fs from 'node:fs';
import { expect } from 'vitest';
import { parseCourse } from '../../src/data/course.ts';
import type { Grading } from '../../src/lib/course/schema.ts';
import type { GradeBand } from '../../src/lib/grading/formula.ts';

const course = parseCourse(fs.readFileSync('content/course.yaml', 'utf8'));

export const grading: Grading = course.grading;

/** The project criteria's weights, in the course's order. */
export const criteriaWeights: number[] = course.project.criteria.map((c) => c.weight);

/** The grading data with some assumptions replaced. */
export const withAssumptions = (changes: Partial<Grading['assumptions']>): Grading => ({
  ...grading,
  assumptions: { ...grading.assumptions, ...changes },
});

/** The band whose five-point name is `name`. */
export function band(name: string): GradeBand {
  const found = grading.bands.find((b) => b.fivePoint === name);
  if (found === undefined) throw new Error(`no band ${name}`);
  return found;
}

/** The rules every expected value in the grading tests was computed by hand with. */
export function expectCourseRules(): void {
  expect(grading.components.map((c) => [c.id, c.weight])).toEqual([
    ['homework', 0.6],
    ['stressTest', 0.1],
    ['project', 0.3],
  ]);
  expect(criteriaWeights).toEqual([0.2, 0.2, 0.2, 0.2, 0.2]);
  expect(grading.scale).toEqual({ min: 1, max: 10 });
  expect(grading.assumptions).toMatchObject({
    rounding: 'half-up',
    bonus: { max: 1, capTotalAt: 10 },
    inputMin: 0,
    minimumPerComponent: {},
  });
  expect(grading.bands.map((b) => [b.min, b.max, b.fivePoint, b.passed])).toEqual([
    [8, 10, 'Отлично', true],
    [6, 7, 'Хорошо', true],
    [4, 5, 'Удовлетворительно', true],
    [1, 3, 'Не сдан', false],
  ]);
}
