// Runs in the browser and in tests: scores one answer to one question. Pure; the rules are documented
// in docs/quizzes.md («Scoring»).
import { parseDecimal } from '../decimal.ts';
import type { Answer } from './answer.ts';
import type { Question } from './schema.ts';

/**
 * Feedback for one part of a question: an option (choice), a position (ordering) or a check (code).
 * `missed` is a correct option the student did not pick; `neutral` a wrong one left alone.
 */
export type Mark = 'correct' | 'wrong' | 'missed' | 'neutral';

/** Why an answer could not be scored; nothing is counted and the student is told what to fix. */
export type InvalidReason =
  /** No option chosen. */
  | 'no-choice'
  /** Nothing typed. */
  | 'empty'
  /** The text is not a number the book can read. */
  | 'not-a-number'
  /** The code has not been run through the checks yet. */
  | 'not-run'
  /** The answer does not fit the question (another type, unknown options): the question has changed. */
  | 'mismatch';

export type Outcome =
  | { status: 'invalid'; reason: InvalidReason }
  | {
      status: 'scored';
      /** From 0 to 1. */
      score: number;
      verdict: 'correct' | 'partial' | 'wrong';
      /** Per option, per position or per check, in the order of the quiz file; empty for typed answers. */
      marks: Mark[];
    };

const invalid = (reason: InvalidReason): Outcome => ({ status: 'invalid', reason });

function scored(score: number, marks: Mark[] = []): Outcome {
  const verdict = score >= 1 ? 'correct' : score <= 0 ? 'wrong' : 'partial';
  return { status: 'scored', score, verdict, marks };
}

/** Relative slack for comparing decimals (0.1 + 0.2 ≠ 0.3 in binary floating point). */
const EPSILON = 1e-9;

/**
 * A typed answer made comparable: Unicode NFKC, lower case, «ё» → «е», quotes and a final full stop
 * dropped, every run of spaces one space, no spaces at the ends.
 * @example normalizeText('  Changing   Anything «Changes» Everything. ') // 'changing anything changes everything'
 * @example normalizeText('Всё') // 'все'
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLocaleLowerCase('ru')
    .replaceAll('ё', 'е')
    .replace(/["'«»„“”‘’]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\.$/, '')
    .trim();
}

/**
 * Reads a typed number: «7,5», «7.5» and « 7,5 » are 7.5, «−0,25» is −0.25; null for anything else
 * (see {@link parseDecimal}). rules.ts makes sure every numeric answer in the book can be typed this way.
 * @example readNumber(' 43,2 ') // 43.2
 * @example readNumber('1e3') // null
 */
export function readNumber(text: string): number | null {
  return parseDecimal(text)?.value ?? null;
}

/**
 * Length of the longest subsequence of `order` that is strictly increasing, i.e. the most steps that
 * are already in the right order relative to each other (patience sorting, O(n log n)).
 * @example longestOrderedSubsequence([0, 1, 2, 3]) // 4
 * @example longestOrderedSubsequence([1, 0, 2, 3]) // 3
 * @example longestOrderedSubsequence([3, 2, 1, 0]) // 1
 */
export function longestOrderedSubsequence(order: readonly number[]): number {
  const tails: number[] = [];
  for (const value of order) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tails[mid] ?? Infinity) < value) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = value;
  }
  return tails.length;
}

/**
 * Credit for an ordering: 1 − moves / (n − 1), where moves = n − L is the fewest steps that must be
 * taken out and put back elsewhere to fix the order (L = longest correctly ordered subsequence; n − L is
 * the Ulam distance between the two orders). A correct order scores 1; one misplaced step, however far
 * it travelled, costs one move; a reversed order needs n − 1 moves and scores 0.
 * @example orderingCredit([0, 1, 2, 3, 4]) // 1
 * @example orderingCredit([1, 2, 3, 4, 0]) // 0.75 (one move out of four)
 * @example orderingCredit([4, 3, 2, 1, 0]) // 0
 */
export function orderingCredit(order: readonly number[]): number {
  const n = order.length;
  if (n <= 1) return 1;
  return (longestOrderedSubsequence(order) - 1) / (n - 1);
}

/**
 * Credit for a multiple choice: correct picks / max(picks, correct options). Every wrong pick and every
 * missed correct option lowers the credit; picking every option scores (correct options) / (all options).
 * @example multipleCredit(2, 3, 3) // 2/3: two right and one wrong pick, three correct options
 * @example multipleCredit(3, 5, 3) // 0.6: everything picked
 */
export function multipleCredit(correctPicks: number, picks: number, correctOptions: number): number {
  const denominator = Math.max(picks, correctOptions);
  return denominator === 0 ? 0 : correctPicks / denominator;
}

const isPermutation = (order: readonly number[], n: number): boolean =>
  order.length === n && new Set(order).size === n && order.every((i) => Number.isInteger(i) && i >= 0 && i < n);

/**
 * Scores `answer` to `question`. Never throws: an answer that cannot be scored gives the reason.
 * @example scoreAnswer(question, { type: 'numeric', text: '43,2' }) // for an answer of 43.2 ± 0.1: score 1, 'correct'
 */
export function scoreAnswer(question: Question, answer: Answer): Outcome {
  switch (question.type) {
    case 'single': {
      if (answer.type !== 'single') return invalid('mismatch');
      const option = question.options[answer.choice];
      if (option === undefined) return invalid('mismatch');
      const marks = question.options.map((o, i): Mark => {
        if (i === answer.choice) return o.correct ? 'correct' : 'wrong';
        return o.correct ? 'missed' : 'neutral';
      });
      return scored(option.correct ? 1 : 0, marks);
    }
    case 'multiple': {
      if (answer.type !== 'multiple') return invalid('mismatch');
      const picks = new Set(answer.choices);
      if (picks.size === 0) return invalid('no-choice');
      if ([...picks].some((i) => i >= question.options.length)) return invalid('mismatch');
      const marks = question.options.map((o, i): Mark => {
        if (picks.has(i)) return o.correct ? 'correct' : 'wrong';
        return o.correct ? 'missed' : 'neutral';
      });
      const correctPicks = marks.filter((m) => m === 'correct').length;
      const correctOptions = question.options.filter((o) => o.correct).length;
      return scored(multipleCredit(correctPicks, picks.size, correctOptions), marks);
    }
    case 'numeric': {
      if (answer.type !== 'numeric') return invalid('mismatch');
      if (answer.text.trim() === '') return invalid('empty');
      const value = readNumber(answer.text);
      if (value === null) return invalid('not-a-number');
      const spec = question.answer;
      const ok =
        'value' in spec
          ? Math.abs(value - spec.value) <= spec.tolerance + EPSILON * Math.max(1, Math.abs(spec.value))
          : value >= spec.min - EPSILON && value <= spec.max + EPSILON;
      return scored(ok ? 1 : 0);
    }
    case 'text': {
      if (answer.type !== 'text') return invalid('mismatch');
      const given = normalizeText(answer.text);
      if (given === '') return invalid('empty');
      const byVariant = question.accept.some((variant) => normalizeText(variant) === given);
      const byPattern = question.pattern !== undefined && new RegExp(`^(?:${question.pattern})$`, 'u').test(given);
      return scored(byVariant || byPattern ? 1 : 0);
    }
    case 'ordering': {
      if (answer.type !== 'ordering') return invalid('mismatch');
      if (!isPermutation(answer.order, question.items.length)) return invalid('mismatch');
      const marks = answer.order.map((item, position): Mark => (item === position ? 'correct' : 'wrong'));
      return scored(orderingCredit(answer.order), marks);
    }
    case 'code': {
      if (answer.type !== 'code') return invalid('mismatch');
      if (answer.passed === undefined) return invalid('not-run');
      if (answer.passed.length !== question.checks.length) return invalid('mismatch');
      const marks = answer.passed.map((ok): Mark => (ok ? 'correct' : 'wrong'));
      return scored(answer.passed.filter(Boolean).length / question.checks.length, marks);
    }
  }
}

/** A quiz's points: the sum of question scores (each question is worth one point). */
export interface QuizPoints {
  points: number;
  max: number;
  /** Questions with a scored answer. */
  answered: number;
}

/**
 * Adds up question scores; `undefined` is an unanswered question (0 points).
 * @example quizPoints([1, 0.5, undefined]) // { points: 1.5, max: 3, answered: 2 }
 */
export function quizPoints(scores: ReadonlyArray<number | undefined>): QuizPoints {
  const answered = scores.filter((s): s is number => s !== undefined);
  return { points: answered.reduce((a, b) => a + b, 0), max: scores.length, answered: answered.length };
}

/**
 * Points for display: rounded to hundredths, decimal comma, no trailing zeros.
 * @example formatPoints(2 / 3) // '0,67'
 * @example formatPoints(4.5) // '4,5'
 */
export function formatPoints(points: number): string {
  return String(Math.round(points * 100) / 100).replace('.', ',');
}
