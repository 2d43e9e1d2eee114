// Runs at build time and in unit tests: validates quiz files and reports every problem in words an author
// can act on, naming the file, the question id and the field.
import type { z } from 'zod';
import { formatPath } from '../content/errors.ts';
import { normalizeText, readNumber } from './score.ts';
import { quizSchema, type Question, type Quiz } from './schema.ts';

/** One problem in one question (or in the file when `question` is absent). */
export interface QuizProblem {
  file: string;
  /** The question's id, or `questions[i]` when it has none. */
  question?: string;
  /** Path inside the question (or the file), e.g. `options[1].explanation`. */
  field: string;
  message: string;
}

/**
 * `content/quizzes/introduction.yaml → question "intro-levels" → options: …`.
 * @example formatProblem({ file: 'a.yaml', question: 'q1', field: 'options', message: 'oops' }) // 'a.yaml → question "q1" → options: oops'
 */
export function formatProblem(p: QuizProblem): string {
  const where = p.question === undefined ? '' : ` → question ${p.question}`;
  return `${p.file}${where} → ${p.field === '' ? '(root)' : p.field}: ${p.message}`;
}

const label = (id: string): string => `"${id}"`;

/** The id a raw question declares, for naming it in a message; `questions[i]` when it has none. */
function rawQuestionLabel(raw: unknown, index: number): string {
  if (typeof raw === 'object' && raw !== null && 'questions' in raw && Array.isArray(raw.questions)) {
    const question: unknown = raw.questions[index];
    if (typeof question === 'object' && question !== null && 'id' in question && typeof question.id === 'string')
      return `${label(question.id)} (questions[${index}])`;
  }
  return `questions[${index}]`;
}

function issueProblem(file: string, raw: unknown, issue: z.core.$ZodIssue): QuizProblem {
  const [head, index, ...rest] = issue.path;
  if (head === 'questions' && typeof index === 'number') {
    return { file, question: rawQuestionLabel(raw, index), field: formatPath(rest), message: issue.message };
  }
  return { file, field: formatPath(issue.path), message: issue.message };
}

/** True when a student can type `x` so that the book reads it back exactly (see `readNumber`). */
const typeable = (x: number): boolean => readNumber(String(x)) === x;

const duplicates = (values: readonly string[]): string[] =>
  [...new Set(values.filter((v, i) => values.indexOf(v) !== i))].sort();

/**
 * What a schema cannot check in one question: the number of correct options, numbers a student can type,
 * a pattern that compiles, steps and options that can be told apart.
 * @returns `[field, message]` pairs; empty when the question is fine.
 */
export function questionProblems(question: Question): Array<[string, string]> {
  const problems: Array<[string, string]> = [];
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const correct = question.options.filter((o) => o.correct).length;
      if (question.type === 'single' && correct !== 1)
        problems.push(['options', `a single-choice question needs exactly one correct option, found ${correct}`]);
      if (question.type === 'multiple' && correct < 1)
        problems.push(['options', 'a multiple-choice question needs at least one correct option, found 0']);
      for (const text of duplicates(question.options.map((o) => normalizeText(o.text))))
        problems.push(['options', `two options read the same: «${text}»`]);
      break;
    }
    case 'numeric': {
      const spec = question.answer;
      const bounds: Array<[string, number]> =
        'value' in spec
          ? [['answer.value', spec.value]]
          : [
              ['answer.min', spec.min],
              ['answer.max', spec.max],
            ];
      for (const [field, x] of bounds) {
        if (!typeable(x))
          problems.push([
            field,
            `${x} cannot be typed by a student as a plain decimal (no exponent): write it out, e.g. 0.00001`,
          ]);
      }
      if ('min' in spec && spec.min > spec.max)
        problems.push(['answer', `min (${spec.min}) is greater than max (${spec.max})`]);
      break;
    }
    case 'text': {
      if (question.pattern !== undefined) {
        try {
          new RegExp(question.pattern, 'u');
        } catch (error) {
          problems.push(['pattern', `not a valid regular expression: ${(error as Error).message}`]);
        }
      }
      question.accept.forEach((variant, i) => {
        if (normalizeText(variant) === '') problems.push([`accept[${i}]`, 'is empty once normalised']);
      });
      break;
    }
    case 'ordering':
      for (const text of duplicates(question.items.map(normalizeText)))
        problems.push(['items', `two steps read the same: «${text}»`]);
      break;
    case 'code':
      break;
  }
  return problems;
}

export type ParsedQuiz = { ok: true; quiz: Quiz } | { ok: false; problems: QuizProblem[] };

/**
 * Validates one quiz file's parsed YAML: the schema, then the rules of `questionProblems`.
 * @param file the file the author edits, relative to the repository root (used in messages).
 */
export function parseQuiz(file: string, raw: unknown): ParsedQuiz {
  const result = quizSchema.safeParse(raw);
  if (!result.success) return { ok: false, problems: result.error.issues.map((i) => issueProblem(file, raw, i)) };
  const problems = result.data.questions.flatMap((q) =>
    questionProblems(q).map(([field, message]) => ({ file, question: label(q.id), field, message })),
  );
  return problems.length > 0 ? { ok: false, problems } : { ok: true, quiz: result.data };
}

/** Question ids used more than once across the book, one problem per repeated use. */
export function duplicateIdProblems(quizzes: ReadonlyArray<{ file: string; quiz: Quiz }>): QuizProblem[] {
  const firstSeen = new Map<string, string>();
  const problems: QuizProblem[] = [];
  for (const { file, quiz } of quizzes) {
    for (const q of quiz.questions) {
      const first = firstSeen.get(q.id);
      if (first === undefined) firstSeen.set(q.id, file);
      else
        problems.push({
          file,
          question: label(q.id),
          field: 'id',
          message: `already used in ${first}; question ids must be unique across the book`,
        });
    }
  }
  return problems;
}
