// Runs at build time, in tests and in the browser: what a student answered, as stored and exported.
// Uses zod/mini so that the browser chunk that validates saved progress stays small.
import * as z from 'zod/mini';

/** Longest text answer kept (a short answer or a typed number). */
export const MAX_TEXT_ANSWER = 500;
/** Longest code kept for an exercise or a cell. */
export const MAX_CODE = 50_000;
/** Most options, steps or checks a stored answer may refer to. */
export const MAX_PARTS = 100;

const index = z.int().check(z.minimum(0), z.maximum(MAX_PARTS - 1));
const indices = z.array(index).check(z.maxLength(MAX_PARTS));

/** The chosen option, by its position in the quiz file (0-based). */
export const singleAnswerSchema = z.strictObject({ type: z.literal('single'), choice: index });

/** The chosen options, by position, in any order. */
export const multipleAnswerSchema = z.strictObject({ type: z.literal('multiple'), choices: indices });

/** The number as typed (kept raw, so «7,5» stays «7,5»). */
export const numericAnswerSchema = z.strictObject({
  type: z.literal('numeric'),
  text: z.string().check(z.maxLength(MAX_TEXT_ANSWER)),
});

/** The text as typed. */
export const textAnswerSchema = z.strictObject({
  type: z.literal('text'),
  text: z.string().check(z.maxLength(MAX_TEXT_ANSWER)),
});

/** The steps in the order the student put them: each entry is a step's position in the correct order. */
export const orderingAnswerSchema = z.strictObject({ type: z.literal('ordering'), order: indices });

/** The exercise code and, once it has run, which checks passed (in the order of the quiz file). */
export const codeAnswerSchema = z.strictObject({
  type: z.literal('code'),
  code: z.string().check(z.maxLength(MAX_CODE)),
  passed: z.optional(z.array(z.boolean()).check(z.maxLength(MAX_PARTS))),
});

/** Any answer, told apart by `type` (the same values as the question types). */
export const answerSchema = z.discriminatedUnion('type', [
  singleAnswerSchema,
  multipleAnswerSchema,
  numericAnswerSchema,
  textAnswerSchema,
  orderingAnswerSchema,
  codeAnswerSchema,
]);

export type Answer = z.infer<typeof answerSchema>;
export type SingleAnswer = z.infer<typeof singleAnswerSchema>;
export type MultipleAnswer = z.infer<typeof multipleAnswerSchema>;
export type NumericAnswer = z.infer<typeof numericAnswerSchema>;
export type TextAnswer = z.infer<typeof textAnswerSchema>;
export type OrderingAnswer = z.infer<typeof orderingAnswerSchema>;
export type CodeAnswer = z.infer<typeof codeAnswerSchema>;
