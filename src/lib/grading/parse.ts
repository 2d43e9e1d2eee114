// Reading a grade as a student types it: «7,5» and « 7.5 » alike, with a Russian message for anything else.
import { ruGrades } from '../../i18n/ru/grades.ts';
import { parseDecimal } from '../decimal.ts';
import { formatNumber } from './format.ts';

/** Grades are entered with at most this many decimals; the what-if answers with the same precision. */
export const GRADE_DECIMALS = 2;

/** Inclusive bounds of a field. */
export interface GradeRange {
  min: number;
  max: number;
}

export type ParsedGrade = { ok: true; value: number } | { ok: false; error: string };

/**
 * True when a field holds nothing but spaces: the grade is not known yet.
 * @example isBlank('  ') // true
 */
export const isBlank = (text: string): boolean => text.trim() === '';

/**
 * Parses a grade typed by a student: a decimal number (see {@link parseDecimal}) with at most
 * {@link GRADE_DECIMALS} decimals, within `range`.
 * @example parseGrade('7,5', { min: 0, max: 10 }) // { ok: true, value: 7.5 }
 * @example parseGrade('1e3', { min: 0, max: 10 }) // { ok: false, error: 'Введите число, например 7,5' }
 * @example parseGrade('', { min: 0, max: 10 }) // { ok: false, error: 'Введите оценку от 0 до 10' }
 */
export function parseGrade(text: string, range: GradeRange): ParsedGrade {
  const messages = ruGrades.errors;
  const min = formatNumber(range.min);
  const max = formatNumber(range.max);
  if (isBlank(text)) return { ok: false, error: messages.required(min, max) };
  const number = parseDecimal(text);
  if (number === null) return { ok: false, error: messages.notANumber };
  if (number.decimals > GRADE_DECIMALS) return { ok: false, error: messages.tooManyDecimals };
  const { value } = number;
  if (value < range.min || value > range.max) return { ok: false, error: messages.outOfRange(min, max) };
  return { ok: true, value };
}
