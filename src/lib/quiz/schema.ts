// Runs at build time and in unit tests: the shape of a quiz file `content/quizzes/<chapter-slug>.yaml`.
// Rules a schema cannot express (one correct option, ids unique across the book…) live in rules.ts.
import { z } from 'zod';

/** Question ids: lower-case Latin letters, digits and single hyphens, e.g. `intro-maturity-level`. */
export const QUESTION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = z.string().trim().min(1, 'must not be empty');

/** Fields every question has. */
const questionBase = {
  /**
   * Unique across the whole book, stable across editions: saved answers are keyed by it. Shown in the
   * page as the anchor `#q-<id>`.
   */
  id: z.string().regex(QUESTION_ID, 'use lower-case Latin letters, digits and hyphens, e.g. intro-levels'),
  /** The question, in Russian: one paragraph; `code` in backticks is shown as code. */
  prompt: text,
  /** Hints a student may open one by one before answering, easiest first. */
  hints: z.array(text).default([]),
};

/** One option of a single- or multiple-choice question. */
export const optionSchema = z.strictObject({
  /** What the student sees; `code` in backticks is shown as code. */
  text,
  /** True for a correct option. */
  correct: z.boolean().default(false),
  /** Why this option is right or wrong; shown after «Проверить» when it matters, and by «Показать ответ». */
  explanation: text,
});

/** Pick exactly one option. */
export const singleSchema = z.strictObject({
  ...questionBase,
  type: z.literal('single'),
  /** At least two options in the order shown; exactly one has `correct: true`. */
  options: z.array(optionSchema).min(2),
  /** Optional summary shown with the answer, after the per-option explanations. */
  explanation: text.optional(),
});

/** Pick every correct option; partial credit (see score.ts). */
export const multipleSchema = z.strictObject({
  ...questionBase,
  type: z.literal('multiple'),
  /** At least two options in the order shown; at least one has `correct: true`. */
  options: z.array(optionSchema).min(2),
  /** Optional summary shown with the answer, after the per-option explanations. */
  explanation: text.optional(),
});

/** An exact value with a tolerance: accepted when |answer − value| ≤ tolerance. */
export const valueAnswerSchema = z.strictObject({
  /** The expected value. */
  value: z.number(),
  /** Largest accepted distance from `value`, ≥ 0; 0 means exactly `value`. */
  tolerance: z.number().nonnegative().default(0),
});

/** A closed range: accepted when min ≤ answer ≤ max. */
export const rangeAnswerSchema = z.strictObject({
  /** Smallest accepted value. */
  min: z.number(),
  /** Largest accepted value, ≥ min. */
  max: z.number(),
});

/** Type a number; «7,5», «7.5» and surrounding spaces are all read as 7.5. */
export const numericSchema = z.strictObject({
  ...questionBase,
  type: z.literal('numeric'),
  /** Either `{ value, tolerance }` or `{ min, max }`. */
  answer: z.union([valueAnswerSchema, rangeAnswerSchema]),
  /** Unit shown after the input, e.g. «мин». */
  unit: text.optional(),
  /** How to get the number; shown with the answer. */
  explanation: text,
});

/** Type a short answer; compared after normalisation (case, spaces, «ё», quotes, a final full stop). */
export const textSchema = z.strictObject({
  ...questionBase,
  type: z.literal('text'),
  /** Accepted answers; the first one is shown as «the» answer. */
  accept: z.array(text).min(1),
  /**
   * Optional extra rule: a JavaScript regular expression (Unicode mode) that must match the whole
   * normalised answer (lower case, single spaces), e.g. `cace|changing anything changes everything`.
   */
  pattern: text.optional(),
  /** Why this is the answer; shown with it. */
  explanation: text,
});

/** Put steps in order; shown shuffled (with a fixed, seeded order), moved with buttons. */
export const orderingSchema = z.strictObject({
  ...questionBase,
  type: z.literal('ordering'),
  /** The steps in the CORRECT order; at least three, all different. */
  items: z.array(text).min(3),
  /** Why this order; shown with the answer. */
  explanation: text,
});

/** One hidden check of a code exercise. */
export const checkSchema = z.strictObject({
  /** Python run after the student's code, in a copy of its globals; fails by raising (usually `assert`). */
  code: text,
  /** What the check verifies, in Russian; shown with ✓ or ✗, e.g. «`total([])` возвращает 0». */
  message: text,
});

/** Write Python; hidden checks (asserts) run in the Python engine. Standard library only. */
export const codeSchema = z.strictObject({
  ...questionBase,
  type: z.literal('code'),
  /** Code the editor starts with (and returns to on «Сбросить»). */
  starter: z.string(),
  /** The checks, run one by one in order; at least one. */
  checks: z.array(checkSchema).min(1),
  /** A reference solution that passes every check; shown on request. */
  solution: text,
  /** What the solution shows; shown with it. */
  explanation: text,
});

/** Any question, told apart by `type`. */
export const questionSchema = z.discriminatedUnion('type', [
  singleSchema,
  multipleSchema,
  numericSchema,
  textSchema,
  orderingSchema,
  codeSchema,
]);

/**
 * A quiz file: the self-check of one chapter. The quiz id is the file name, which is the chapter slug. The
 * chapter gives it a heading (`## Проверьте себя`) so that it is in «На этой странице».
 */
export const quizSchema = z.strictObject({
  /** The questions in the order shown; at least one. */
  questions: z.array(questionSchema).min(1),
});

export type Quiz = z.infer<typeof quizSchema>;
export type Question = z.infer<typeof questionSchema>;
export type QuestionType = Question['type'];
export type Option = z.infer<typeof optionSchema>;
export type SingleQuestion = z.infer<typeof singleSchema>;
export type MultipleQuestion = z.infer<typeof multipleSchema>;
export type NumericQuestion = z.infer<typeof numericSchema>;
export type TextQuestion = z.infer<typeof textSchema>;
export type OrderingQuestion = z.infer<typeof orderingSchema>;
export type CodeQuestion = z.infer<typeof codeSchema>;
export type Check = z.infer<typeof checkSchema>;

/** What a quiz page hands its <quiz-block> element (as JSON): the questions with their fingerprints. */
export interface QuizData {
  /** The quiz id (= chapter slug). */
  quiz: string;
  questions: Array<Question & { hash: string }>;
}
