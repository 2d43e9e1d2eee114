// Runs at build time and in unit tests: arithmetic over the course's hours.
import type { Course, Hours } from './schema.ts';

/** Rounds away floating-point noise for messages: 0.8999999999999999 → 0.9. */
const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

const ZERO: Hours = { lectures: 0, seminars: 0, control: 0, selfStudy: 0 };

/** Adds hours field by field. */
export function addHours(a: Hours, b: Hours): Hours {
  return {
    lectures: a.lectures + b.lectures,
    seminars: a.seminars + b.seminars,
    control: a.control + b.control,
    selfStudy: a.selfStudy + b.selfStudy,
  };
}

/** All hours of one row: lectures + seminars + control + self-study. */
export function hoursSum(h: Hours): number {
  return h.lectures + h.seminars + h.control + h.selfStudy;
}

/** Sums of every module plus the final control, as the plan's «Итого» row should read. */
export function computedTotals(course: Course): { hours: Hours; overall: number } {
  const hours = course.modules.reduce((acc, m) => addHours(acc, m.hours), addHours(ZERO, course.finalControl.hours));
  return { hours, overall: hoursSum(hours) };
}

/**
 * Problems with the course data that a schema cannot see: totals that do not add up, weights that
 * do not sum to 1, module numbers out of order. Empty when consistent.
 */
export function courseConsistencyProblems(course: Course): string[] {
  const problems: string[] = [];
  const { hours, overall } = computedTotals(course);
  for (const key of ['lectures', 'seminars', 'control', 'selfStudy'] as const) {
    if (hours[key] !== course.totals.hours[key]) {
      problems.push(`totals.hours.${key}: printed ${course.totals.hours[key]}, modules add up to ${hours[key]}`);
    }
  }
  if (overall !== course.totals.overall) {
    problems.push(`totals.overall: printed ${course.totals.overall}, hours add up to ${overall}`);
  }
  course.modules.forEach((m, i) => {
    if (m.number !== i + 1) problems.push(`modules[${i}].number: expected ${i + 1}, found ${m.number}`);
  });
  const weights = course.grading.components.reduce((s, c) => s + c.weight, 0);
  if (Math.abs(weights - 1) > 1e-9) problems.push(`grading.components: weights sum to ${round6(weights)}, not 1`);
  const criteria = course.project.criteria.reduce((s, c) => s + c.weight, 0);
  if (Math.abs(criteria - 1) > 1e-9) problems.push(`project.criteria: weights sum to ${round6(criteria)}, not 1`);
  const slugs = course.modules.flatMap((m) => m.topics.map((tp) => tp.chapter));
  const dup = slugs.find((s, i) => slugs.indexOf(s) !== i);
  if (dup !== undefined) problems.push(`modules: chapter slug "${dup}" is used by two topics`);
  return problems;
}
