// The course's grading formula, computed exactly: итог = Σ weight × component (the weights and every rule
// the program is silent on come from the course data), then the bonus, the cap, rounding and the band.
import type { Grading } from '../course/schema.ts';
import {
  add,
  ceil,
  compare,
  div,
  floor,
  fromDecimal,
  min,
  mul,
  rational,
  sum,
  sub,
  ZERO,
  type Rational,
} from './rational.ts';

export type ComponentId = Grading['components'][number]['id'];
export type GradeBand = Grading['bands'][number];
export type Rounding = Grading['assumptions']['rounding'];

/** One project criterion: its share of the project grade and the grade it got. */
export interface CriterionGrade {
  weight: number;
  grade: number;
}

/** The project, graded either as a whole or criterion by criterion. */
export type ProjectGrade =
  { kind: 'single'; grade: number } | { kind: 'criteria'; criteria: readonly CriterionGrade[] };

/** Every grade of a student, as parsed numbers. */
export interface GradeInputs {
  /** One grade per homework; at least one. */
  homework: readonly number[];
  stressTest: number;
  project: ProjectGrade;
  /** Bonus points as awarded; only `assumptions.bonus.max` of them count. */
  bonus: number;
}

export interface ComponentResult {
  id: ComponentId;
  weight: Rational;
  /** The component's grade: the homework mean, the stress test, the (weighted) project grade. */
  value: Rational;
  /** weight × value. */
  contribution: Rational;
}

export interface GradeResult {
  /** In the order of `grading.components`. */
  components: ComponentResult[];
  /** Σ weight × value, exactly. */
  weighted: Rational;
  /** Bonus points that count: min(bonus, assumptions.bonus.max). */
  bonus: Rational;
  /** min(weighted + bonus, assumptions.bonus.capTotalAt). */
  total: Rational;
  /** True when the cap cut the total. */
  capped: boolean;
  /** The total rounded by `assumptions.rounding`, kept within the scale. */
  grade: number;
  band: GradeBand;
  /** Components under their `assumptions.minimumPerComponent`. */
  belowMinimum: ComponentId[];
  /** The band passes and no component is under its minimum. */
  passed: boolean;
}

/**
 * Arithmetic mean of the homework grades.
 * @example homeworkMean([7, 8, 7.5]) // 15/2
 * @throws {RangeError} for an empty list.
 */
export function homeworkMean(grades: readonly number[]): Rational {
  if (grades.length === 0) throw new RangeError('homeworkMean: no homework grades');
  return div(sum(grades.map(fromDecimal)), rational(BigInt(grades.length)));
}

/**
 * The project grade: the grade itself, or Σ criterion weight × criterion grade (the weights sum to 1).
 * @example projectValue({ kind: 'criteria', criteria: [{ weight: 0.5, grade: 8 }, { weight: 0.5, grade: 7 }] }) // 15/2
 */
export function projectValue(project: ProjectGrade): Rational {
  if (project.kind === 'single') return fromDecimal(project.grade);
  return sum(project.criteria.map((c) => mul(fromDecimal(c.weight), fromDecimal(c.grade))));
}

/**
 * Rounds an exact value to a whole grade: half-up (7.5 → 8, 7.49 → 7), floor or ceil.
 * @example roundGrade(rational(15n, 2n), 'half-up') // 8
 */
export function roundGrade(value: Rational, rounding: Rounding): number {
  switch (rounding) {
    case 'half-up':
      return Number(floor(add(value, rational(1n, 2n))));
    case 'floor':
      return Number(floor(value));
    case 'ceil':
      return Number(ceil(value));
  }
}

/**
 * The band of the scale that holds a whole grade.
 * @throws {RangeError} when no band holds it (the bands must cover the scale).
 */
export function bandOf(grading: Grading, grade: number): GradeBand {
  const band = grading.bands.find((b) => b.min <= grade && grade <= b.max);
  if (band === undefined) throw new RangeError(`grading.bands: no band holds the grade ${grade}`);
  return band;
}

/**
 * Bonus points that count: at most `assumptions.bonus.max`.
 * @example countedBonus(grading, 1.5) // 1 (with max 1)
 */
export const countedBonus = (grading: Grading, bonus: number): Rational =>
  min(fromDecimal(bonus), fromDecimal(grading.assumptions.bonus.max));

/**
 * Bonus points that count and the final exact value: weighted + counted bonus, capped at `capTotalAt`.
 * @example applyBonus(grading, rational(49n, 5n), 1) // { bonus: 1, total: 10, capped: true } (9.8 + 1 → 10)
 */
function applyBonus(
  grading: Grading,
  weighted: Rational,
  bonus: number,
): { bonus: Rational; total: Rational; capped: boolean } {
  const counted = countedBonus(grading, bonus);
  const uncapped = add(weighted, counted);
  const cap = fromDecimal(grading.assumptions.bonus.capTotalAt);
  return { bonus: counted, total: min(uncapped, cap), capped: compare(uncapped, cap) > 0 };
}

/**
 * The whole grade of an exact total: rounded by the course's rule, then kept within the scale
 * (a total of 0 from unsubmitted work still gets the scale's lowest grade).
 */
function finalGrade(grading: Grading, total: Rational): number {
  const rounded = roundGrade(total, grading.assumptions.rounding);
  return Math.min(grading.scale.max, Math.max(grading.scale.min, rounded));
}

/** The component ids whose value is below the course's minimum for that component. */
function componentsBelowMinimum(
  grading: Grading,
  values: readonly { id: ComponentId; value: Rational }[],
): ComponentId[] {
  const minimums = grading.assumptions.minimumPerComponent;
  return values
    .filter(({ id, value }) => {
      const minimum = minimums[id];
      return minimum !== undefined && compare(value, fromDecimal(minimum)) < 0;
    })
    .map(({ id }) => id);
}

/**
 * The final grade of the course from every grade of a student, exactly.
 * @example
 * computeGrade(grading, { homework: [8], stressTest: 6, project: { kind: 'single', grade: 7 }, bonus: 0 })
 * // weighted = 0.6 × 8 + 0.1 × 6 + 0.3 × 7 = 7.5 → grade 8, «Отлично»
 * @throws {RangeError} for an empty homework list, or bands that do not cover the scale.
 */
export function computeGrade(grading: Grading, inputs: GradeInputs): GradeResult {
  const values: Record<ComponentId, Rational> = {
    homework: homeworkMean(inputs.homework),
    stressTest: fromDecimal(inputs.stressTest),
    project: projectValue(inputs.project),
  };
  const components = grading.components.map((c) => {
    const weight = fromDecimal(c.weight);
    const value = values[c.id];
    return { id: c.id, weight, value, contribution: mul(weight, value) };
  });
  const weighted = sum(components.map((c) => c.contribution));
  const { bonus, total, capped } = applyBonus(grading, weighted, inputs.bonus);
  const grade = finalGrade(grading, total);
  const band = bandOf(grading, grade);
  const belowMinimum = componentsBelowMinimum(grading, components);
  return {
    components,
    weighted,
    bonus,
    total,
    capped,
    grade,
    band,
    belowMinimum,
    passed: band.passed && belowMinimum.length === 0,
  };
}

/** Contribution of the bonus to the total after the cap (total − weighted), never below zero. */
export function bonusApplied(result: GradeResult): Rational {
  const applied = sub(result.total, result.weighted);
  return compare(applied, ZERO) < 0 ? ZERO : applied;
}
