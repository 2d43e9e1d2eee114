// Runs in the browser and in tests: what the progress page shows for each chapter, from the document and
// the book's list of questions (built at build time, with each question's current fingerprint).
import { quizPoints, type QuizPoints } from '../quiz/score.ts';
import type { QuestionType } from '../quiz/schema.ts';
import type { AnswerRecord, Progress } from './schema.ts';

/** A question as the book has it now. */
export interface BookQuestion {
  id: string;
  type: QuestionType;
  /** Fingerprint of its answer key (src/lib/quiz/hash.ts). */
  hash: string;
}

/** A chapter as the progress page knows it. */
export interface BookChapterInfo {
  slug: string;
  title: string;
  /** The chapter page's URL (with the site's base path). */
  href: string;
  /** Questions of the chapter's quiz, in order; empty when it has none. */
  questions: BookQuestion[];
}

/**
 * `none`: not answered; `current`: answered this version of the question; `changed`: answered a version
 * that has since changed; the answer is kept but not counted.
 * @example answerStatus({ …, hash: 'aaaa0000' }, 'bbbb1111') // 'changed'
 */
export function answerStatus(record: AnswerRecord | undefined, hash: string): 'none' | 'current' | 'changed' {
  if (record === undefined) return 'none';
  return record.hash === hash ? 'current' : 'changed';
}

export interface ChapterSummary {
  read: boolean;
  /** Points over the quiz questions (not exercises); null when the chapter has none. */
  quiz: QuizPoints | null;
  /** Exercises whose every check passed, out of all; null when the chapter has none. */
  exercises: { solved: number; total: number } | null;
  /** Saved answers to questions that have changed since: kept, flagged, not counted. */
  changed: number;
}

/**
 * One chapter's line on the progress page.
 * @example chapterSummary(doc, { slug: 'introduction', questions }) // { read: true, quiz: { points: 4.5, max: 6, answered: 5 }, … }
 */
export function chapterSummary(doc: Progress, chapter: BookChapterInfo): ChapterSummary {
  const scores: Array<number | undefined> = [];
  let solved = 0;
  let exercises = 0;
  let changed = 0;
  for (const q of chapter.questions) {
    const record = doc.answers[q.id];
    const status = answerStatus(record, q.hash);
    if (status === 'changed') changed += 1;
    const score = status === 'current' ? record?.score : undefined;
    if (q.type === 'code') {
      exercises += 1;
      if (score === 1) solved += 1;
    } else scores.push(score);
  }
  return {
    read: doc.chapters[chapter.slug]?.read ?? false,
    quiz: scores.length > 0 ? quizPoints(scores) : null,
    exercises: exercises > 0 ? { solved, total: exercises } : null,
    changed,
  };
}

/**
 * Saved answers to questions the book no longer has (kept in storage and in exports, never counted).
 * @example orphanAnswers(doc, chapters) // ['old-question-id']
 */
export function orphanAnswers(doc: Progress, chapters: readonly BookChapterInfo[]): string[] {
  const known = new Set(chapters.flatMap((c) => c.questions.map((q) => q.id)));
  return Object.keys(doc.answers).filter((id) => !known.has(id));
}
