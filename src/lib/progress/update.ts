// Runs in the browser and in tests: the changes a page makes to the progress document. Each returns a new
// document and leaves its argument alone.
import type { Answer } from '../quiz/answer.ts';
import type { LastVisit, Progress, Theme } from './schema.ts';

/**
 * Records the latest answer to a question (replacing an earlier one, also one to an older version of it).
 * @param score credit from 0 to 1, or undefined when the answer was saved but not scored (exercise code).
 */
export function recordAnswer(
  doc: Progress,
  entry: { question: string; quiz: string; hash: string; answer: Answer; score: number | undefined },
  now: string,
): Progress {
  const record = { quiz: entry.quiz, hash: entry.hash, answer: entry.answer, at: now };
  return {
    ...doc,
    answers: {
      ...doc.answers,
      [entry.question]: entry.score === undefined ? record : { ...record, score: entry.score },
    },
  };
}

/**
 * Sets or takes off a chapter's «read» mark. Reaching the end (`by: 'end'`) only sets a mark on a chapter
 * that has none, so it never undoes the student's own choice made with the button.
 */
export function markChapter(
  doc: Progress,
  chapter: string,
  read: boolean,
  by: 'end' | 'button',
  now: string,
): Progress {
  if (by === 'end' && doc.chapters[chapter] !== undefined) return doc;
  return { ...doc, chapters: { ...doc.chapters, [chapter]: { read, at: now, by } } };
}

/** Remembers where the student is, for «Продолжить». */
export function visit(doc: Progress, place: Omit<LastVisit, 'at'>, now: string): Progress {
  const last: LastVisit = place.anchor === undefined ? { chapter: place.chapter, at: now } : { ...place, at: now };
  return { ...doc, last };
}

export function setTheme(doc: Progress, theme: Theme): Progress {
  return { ...doc, theme };
}

/** Stores a tool's own record text. */
export function setTool(doc: Progress, name: string, text: string, now: string): Progress {
  return { ...doc, tools: { ...doc.tools, [name]: { text, at: now } } };
}
