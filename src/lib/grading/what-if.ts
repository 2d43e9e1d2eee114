// «Что если»: the lowest grade that every still-empty field must get for the final grade to reach a band.
// Assumption (stated on the page): every empty field gets the same grade x. Then each component is linear
// in x, and so is the total, so x is solved in closed form over exact fractions, rounded up to the input
// precision and checked against the formula itself.
import type { Grading } from '../course/schema.ts';
import { GRADE_DECIMALS } from './parse.ts';
import {
  computeGrade,
  countedBonus,
  type ComponentId,
  type GradeBand,
  type GradeInputs,
  type GradeResult,
} from './formula.ts';
import {
  add,
  ceil,
  compare,
  div,
  floor,
  fromDecimal,
  mul,
  rational,
  sub,
  sum,
  ZERO,
  type Rational,
} from './rational.ts';

/** A grade, or null while it is not known. */
export type MaybeGrade = number | null;

/** The student's grades with some fields left empty. */
export interface PartialInputs {
  /** At least one row. */
  homework: readonly MaybeGrade[];
  stressTest: MaybeGrade;
  project:
    | { kind: 'single'; grade: MaybeGrade }
    | { kind: 'criteria'; criteria: readonly { weight: number; grade: MaybeGrade }[] };
  /** Bonus points; an empty bonus field is 0, not an unknown. */
  bonus: number;
}

export type WhatIfResult =
  /** Every empty field needs at least `value`. */
  | { kind: 'needed'; value: number }
  /** Out of reach even with the scale's maximum in every empty field. */
  | { kind: 'unreachable' }
  /** Reached even with the lowest grade (`assumptions.inputMin`) in every empty field. */
  | { kind: 'guaranteed' };

/** `a + b·x`. */
interface Linear {
  a: Rational;
  b: Rational;
}

/** `at(x) ≥ bound`, or `>` when strict. */
interface Constraint {
  at: Linear;
  bound: Rational;
  strict: boolean;
}

const known = (g: MaybeGrade): Linear => (g === null ? { a: ZERO, b: rational(1n) } : { a: fromDecimal(g), b: ZERO });

/** The homework mean as a function of x: (Σ known + x · empty rows) / rows. */
function homeworkLinear(rows: readonly MaybeGrade[]): Linear {
  const n = rational(BigInt(rows.length));
  const parts = rows.map(known);
  return { a: div(sum(parts.map((p) => p.a)), n), b: div(sum(parts.map((p) => p.b)), n) };
}

function projectLinear(project: PartialInputs['project']): Linear {
  if (project.kind === 'single') return known(project.grade);
  const parts = project.criteria.map((c) => {
    const w = fromDecimal(c.weight);
    const p = known(c.grade);
    return { a: mul(w, p.a), b: mul(w, p.b) };
  });
  return { a: sum(parts.map((p) => p.a)), b: sum(parts.map((p) => p.b)) };
}

/**
 * When a rounded total is at least `grade`: half-up needs total ≥ grade − ½, floor needs total ≥ grade,
 * ceil needs total > grade − 1.
 */
function roundingThreshold(rounding: Grading['assumptions']['rounding'], grade: number): Omit<Constraint, 'at'> {
  const g = rational(BigInt(grade));
  switch (rounding) {
    case 'half-up':
      return { bound: sub(g, rational(1n, 2n)), strict: false };
    case 'floor':
      return { bound: g, strict: false };
    case 'ceil':
      return { bound: sub(g, rational(1n)), strict: true };
  }
}

/**
 * Every condition for reaching `target`, each linear in x: the capped total clears the rounding
 * threshold (unless the scale's floor already gives the band), and, for a passing band, every
 * component reaches its minimum.
 */
function constraints(grading: Grading, inputs: PartialInputs, target: GradeBand): Constraint[] {
  const values: Record<ComponentId, Linear> = {
    homework: homeworkLinear(inputs.homework),
    stressTest: known(inputs.stressTest),
    project: projectLinear(inputs.project),
  };
  const weighted = grading.components.map((c) => ({ w: fromDecimal(c.weight), v: values[c.id] }));
  const total: Linear = {
    a: add(sum(weighted.map(({ w, v }) => mul(w, v.a))), countedBonus(grading, inputs.bonus)),
    b: sum(weighted.map(({ w, v }) => mul(w, v.b))),
  };
  const list: Constraint[] = [];
  if (target.min > grading.scale.min) {
    const threshold = roundingThreshold(grading.assumptions.rounding, target.min);
    const cap: Linear = { a: fromDecimal(grading.assumptions.bonus.capTotalAt), b: ZERO };
    list.push({ at: total, ...threshold }, { at: cap, ...threshold });
  }
  if (target.passed) {
    for (const { id } of grading.components) {
      const minimum = grading.assumptions.minimumPerComponent[id];
      if (minimum !== undefined) list.push({ at: values[id], bound: fromDecimal(minimum), strict: false });
    }
  }
  return list;
}

/**
 * The smallest x meeting every constraint, counted in steps of the input precision (hundredths):
 * x = steps / 100. Null when no constraint depends on x, or one that does not fails.
 */
function lowestSteps(list: readonly Constraint[]): bigint | null {
  const perUnit = rational(10n ** BigInt(GRADE_DECIMALS));
  let lowest: bigint | null = null;
  for (const { at, bound, strict } of list) {
    if (compare(at.b, ZERO) === 0) {
      const holds = compare(at.a, bound);
      if (holds < 0 || (strict && holds === 0)) return null;
      continue;
    }
    const steps = mul(div(sub(bound, at.a), at.b), perUnit);
    const candidate = strict ? floor(steps) + 1n : ceil(steps);
    if (lowest === null || candidate > lowest) lowest = candidate;
  }
  return lowest;
}

/** The inputs with every empty field set to x. */
export function fillEmpty(inputs: PartialInputs, x: number): GradeInputs {
  const fill = (g: MaybeGrade): number => g ?? x;
  return {
    homework: inputs.homework.map(fill),
    stressTest: fill(inputs.stressTest),
    project:
      inputs.project.kind === 'single'
        ? { kind: 'single', grade: fill(inputs.project.grade) }
        : {
            kind: 'criteria',
            criteria: inputs.project.criteria.map((c) => ({ weight: c.weight, grade: fill(c.grade) })),
          },
    bonus: inputs.bonus,
  };
}

/** The inputs as complete grades, or null while any field is empty. */
export function completeInputs(inputs: PartialInputs): GradeInputs | null {
  const grades = [
    ...inputs.homework,
    inputs.stressTest,
    ...(inputs.project.kind === 'single' ? [inputs.project.grade] : inputs.project.criteria.map((c) => c.grade)),
  ];
  return grades.includes(null) ? null : fillEmpty(inputs, 0);
}

/** True when a result lands in `target` or a higher band (and passes, when the band does). */
export const reachesBand = (result: GradeResult, target: GradeBand): boolean =>
  result.grade >= target.min && (!target.passed || result.belowMinimum.length === 0);

/**
 * The lowest grade that every empty field must get so that the final grade lands in `target` or higher,
 * assuming all empty fields get the same grade.
 * @example
 * // homework 8, stress test 6, project empty, target «Отлично» (8–10, half-up):
 * // 0.6 × 8 + 0.1 × 6 + 0.3 × x ≥ 7.5 ⇔ x ≥ 7
 * solveWhatIf(grading, { homework: [8], stressTest: 6, project: { kind: 'single', grade: null }, bonus: 0 }, bands[0])
 * // { kind: 'needed', value: 7 }
 * @throws {Error} when the closed form and the formula disagree (a bug, never expected).
 */
export function solveWhatIf(grading: Grading, inputs: PartialInputs, target: GradeBand): WhatIfResult {
  const reaches = (x: number): boolean => reachesBand(computeGrade(grading, fillEmpty(inputs, x)), target);
  const lowest = grading.assumptions.inputMin;
  if (reaches(lowest)) return { kind: 'guaranteed' };
  if (!reaches(grading.scale.max)) return { kind: 'unreachable' };
  const steps = lowestSteps(constraints(grading, inputs, target));
  if (steps === null) throw new Error('what-if: the formula reaches the band, the closed form finds no x');
  const perUnit = 10 ** GRADE_DECIMALS;
  const value = Number(steps) / perUnit;
  const previous = Number(steps - 1n) / perUnit;
  if (!reaches(value) || (previous >= lowest && reaches(previous))) {
    throw new Error(`what-if: the closed form gives ${String(value)}, which the formula does not confirm`);
  }
  return { kind: 'needed', value };
}
