// Runs at build time only: the book's quizzes, validated once per build; a broken quiz stops the build.
import { getCollection } from 'astro:content';
import { getChapters, type BookChapter } from './book.ts';
import { ContentError } from '../lib/content/errors.ts';
import { questionHash } from '../lib/quiz/hash.ts';
import { duplicateIdProblems, formatProblem, parseQuiz, type QuizProblem } from '../lib/quiz/rules.ts';
import type { Quiz } from '../lib/quiz/schema.ts';

export interface BookQuiz {
  /** The chapter slug, also the file name and the id `<Quiz id="…" />` takes. */
  id: string;
  file: string;
  chapter: BookChapter;
  quiz: Quiz;
  /** Fingerprint of each question's answer key, by question id (see src/lib/quiz/hash.ts). */
  hashes: Map<string, string>;
}

let cached: Promise<Map<string, BookQuiz>> | undefined;

async function load(): Promise<Map<string, BookQuiz>> {
  const chapters = new Map((await getChapters()).map((c) => [c.slug, c]));
  const problems: QuizProblem[] = [];
  const quizzes = new Map<string, BookQuiz>();
  for (const entry of await getCollection('quizzes')) {
    const file = entry.filePath ?? `content/quizzes/${entry.id}.yaml`;
    const chapter = chapters.get(entry.id);
    if (chapter === undefined) {
      problems.push({ file, field: '(file name)', message: `no chapter has the slug "${entry.id}"` });
      continue;
    }
    const parsed = parseQuiz(file, entry.data);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const hashes = new Map(parsed.quiz.questions.map((q) => [q.id, questionHash(q)]));
    quizzes.set(entry.id, { id: entry.id, file, chapter, quiz: parsed.quiz, hashes });
  }
  problems.push(...duplicateIdProblems([...quizzes.values()]));
  if (problems.length > 0) {
    throw new ContentError(
      `The book's quizzes are not valid:\n${problems.map((p) => `  • ${formatProblem(p)}`).join('\n')}`,
    );
  }
  return quizzes;
}

/** Every quiz of the book by id (= chapter slug), validated once per build. */
export function getQuizzes(): Promise<Map<string, BookQuiz>> {
  cached ??= load();
  return cached;
}

/** The quiz `<Quiz id="…" />` names; stops the build when there is none. */
export async function getQuiz(id: string): Promise<BookQuiz> {
  const quiz = (await getQuizzes()).get(id);
  if (quiz === undefined) throw new ContentError(`<Quiz id="${id}" />: there is no content/quizzes/${id}.yaml`);
  return quiz;
}
