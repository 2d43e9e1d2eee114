// Runs in the browser and in tests: everything a student produces in the book, as ONE versioned document
// (stored in localStorage by src/client/progress.ts, exported to and imported from a JSON file).
// Uses zod/mini so that the browser chunk stays small. See docs/progress.md.
import * as z from 'zod/mini';
import { answerSchema } from '../quiz/answer.ts';

/** Version of the document this code writes; see migrate.ts for the versions it reads. */
export const PROGRESS_VERSION = 1;

/** Longest text kept for one tool (the grade calculator's record, the Python cells' edits). */
export const MAX_TOOL_TEXT = 200_000;

/** A chapter slug or a question id: lower-case Latin letters, digits and single hyphens. */
export const idSchema = z.string().check(z.maxLength(100), z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/));

/** ISO 8601 date and time, e.g. `2025-03-14T18:40:00.000Z`. */
export const timestampSchema = z.iso.datetime();

/** A chapter's «read» mark. */
export const chapterRecordSchema = z.strictObject({
  /** True when read; false when the student took the mark off (then reaching the end does not set it again). */
  read: z.boolean(),
  /** When the mark was last set or taken off. */
  at: timestampSchema,
  /** `end`: set on reaching the end of the chapter; `button`: set or taken off with the button. */
  by: z.enum(['end', 'button']),
});

/** The last answer to one question, by question id. */
export const answerRecordSchema = z.strictObject({
  /** The quiz (= chapter slug) the question belongs to. */
  quiz: idSchema,
  /** Fingerprint of the question's answer key when it was answered (src/lib/quiz/hash.ts). */
  hash: z.string().check(z.regex(/^[0-9a-f]{8}$/)),
  /** What the student answered. */
  answer: answerSchema,
  /** Credit from 0 to 1 when it was checked; absent for exercise code saved but not run yet. */
  score: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
  /** When it was answered (or the code last edited). */
  at: timestampSchema,
});

/** What a tool keeps, as the tool's own text (it parses and validates it itself). */
export const toolRecordSchema = z.strictObject({
  /** The tool's record, verbatim (e.g. the grade calculator's JSON). */
  text: z.string().check(z.maxLength(MAX_TOOL_TEXT)),
  /** When it was last saved. */
  at: timestampSchema,
});

/** Where the student was last: «Продолжить» on the progress page leads there. */
export const lastVisitSchema = z.strictObject({
  /** Chapter slug. */
  chapter: idSchema,
  /** Element id inside the chapter page (e.g. a question `q-intro-levels`), without «#». */
  anchor: z.optional(z.string().check(z.maxLength(200), z.regex(/^[A-Za-z0-9_-]+$/))),
  at: timestampSchema,
});

export const themeSchema = z.enum(['light', 'dark']);

/** The whole document, version 1. */
export const progressSchema = z.strictObject({
  version: z.literal(PROGRESS_VERSION),
  /** The theme chosen with the toggle; absent: follow the system. */
  theme: z.optional(themeSchema),
  /** «Read» marks by chapter slug. */
  chapters: z.record(idSchema, chapterRecordSchema),
  /** Last answers by question id (quiz questions and code exercises). */
  answers: z.record(idSchema, answerRecordSchema),
  /** Records of other tools by name: `grades` (grade calculator), `cells` (Python cells). */
  tools: z.record(idSchema, toolRecordSchema),
  last: z.optional(lastVisitSchema),
});

export type Progress = z.infer<typeof progressSchema>;
export type ChapterRecord = z.infer<typeof chapterRecordSchema>;
export type AnswerRecord = z.infer<typeof answerRecordSchema>;
export type ToolRecord = z.infer<typeof toolRecordSchema>;
export type LastVisit = z.infer<typeof lastVisitSchema>;
export type Theme = z.infer<typeof themeSchema>;

/** A document with nothing in it. */
export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, chapters: {}, answers: {}, tools: {} };
}
