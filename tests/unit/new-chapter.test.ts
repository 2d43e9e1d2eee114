// `npm run new:chapter` on a copy of the book's content: the chapter and quiz it writes pass the checks the
// build runs (chapter schema and program join as in src/data/book.ts, quiz schema and rules as in
// src/data/quizzes.ts), later chapters are renumbered, and bad input gets a message that says what to do.
// tests/content/new-chapter-build.test.ts builds such a copy for real.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readChapters, readQuiz } from '../../scripts/book-files.ts';
import { programTopics, scaffoldChapter, ScaffoldError } from '../../scripts/new-chapter.ts';
import { finishedChapterProblems } from '../../src/lib/content/chapter-rules.ts';
import { sectionHeadings } from '../../src/lib/content/stats.ts';
import { duplicateIdProblems, formatProblem } from '../../src/lib/quiz/rules.ts';
import type { Quiz } from '../../src/lib/quiz/schema.ts';

const NEW_TOPIC = "      - title: 'Обслуживание моделей'\n        chapter: model-serving\n";

let root: string;

/** A copy of content/ with a topic inserted after «Деплой ML-моделей. Часть 1» (module 3). */
function bookWithNewTopic(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'new-chapter-'));
  fs.cpSync('content', path.join(dir, 'content'), { recursive: true });
  const course = path.join(dir, 'content/course.yaml');
  const text = fs.readFileSync(course, 'utf8');
  const anchor = '        chapter: deployment-1\n';
  if (!text.includes(anchor)) throw new Error('content/course.yaml no longer has the deployment-1 topic');
  fs.writeFileSync(course, text.replace(anchor, anchor + NEW_TOPIC));
  return dir;
}

/** What src/data/book.ts checks when it joins the chapters with the program. */
function joinProblems(dir: string): string[] {
  const chapters = new Map(readChapters(dir).map((c) => [c.slug, c]));
  return programTopics(dir).flatMap((topic) => {
    const chapter = chapters.get(topic.slug);
    if (chapter === undefined) return [`${topic.file}: missing`];
    const problems: string[] = [];
    if (chapter.file !== topic.file) problems.push(`${chapter.file}: should be ${topic.file}`);
    if (chapter.data.title !== topic.title) problems.push(`${chapter.file}: title`);
    if (chapter.data.module !== topic.module) problems.push(`${chapter.file}: module`);
    if (chapter.data.order !== topic.order) problems.push(`${chapter.file}: order ${chapter.data.order}`);
    if (!chapter.data.draft) problems.push(...finishedChapterProblems(chapter.data, chapter.body));
    if (chapter.data.draft && chapter.body.trim() !== '') problems.push(`${chapter.file}: a draft has a body`);
    return problems;
  });
}

beforeEach(() => {
  root = bookWithNewTopic();
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('npm run new:chapter -- <topic>', () => {
  it('writes a draft chapter and a quiz that pass the build checks, renumbering the chapters after it', () => {
    const result = scaffoldChapter(root, 'model-serving');
    expect(result.chapter).toMatchObject({ file: 'content/chapters/07-model-serving.mdx', module: 3, order: 7 });
    expect(result.renamed[0]).toEqual({
      from: 'content/chapters/07-deployment-2.mdx',
      to: 'content/chapters/08-deployment-2.mdx',
    });
    expect(result.renamed.at(-1)?.to).toBe('content/chapters/16-containerization.mdx');
    expect(result.renamed).toHaveLength(9);
    expect(joinProblems(root)).toEqual([]);

    const chapter = readChapters(root).find((c) => c.slug === 'model-serving');
    expect(chapter?.data).toMatchObject({ title: 'Обслуживание моделей', draft: true, sources: [] });

    const quizzes: Array<{ file: string; quiz: Quiz }> = readChapters(root).flatMap((c) => {
      const quiz = readQuiz(root, c.slug);
      return quiz === undefined ? [] : [{ file: `content/quizzes/${c.slug}.yaml`, quiz }];
    });
    expect(quizzes.map((q) => q.file)).toContain('content/quizzes/model-serving.yaml');
    expect(duplicateIdProblems(quizzes).map(formatProblem)).toEqual([]);
  });

  it('prints a skeleton that meets the section rules and embeds the quiz', () => {
    const { skeleton } = scaffoldChapter(root, 'model-serving');
    expect(sectionHeadings(skeleton)).toContain('Частые ошибки');
    expect(sectionHeadings(skeleton).length).toBeGreaterThanOrEqual(3);
    expect(skeleton).toContain('<Quiz id="model-serving" />');
  });

  it('keeps a quiz that already exists', () => {
    const quiz = path.join(root, 'content/quizzes/model-serving.yaml');
    const own = fs.readFileSync('content/quizzes/introduction.yaml', 'utf8').replaceAll('intro-', 'serving-');
    fs.writeFileSync(quiz, own);
    expect(scaffoldChapter(root, 'model-serving').quizFile).toBeNull();
    expect(fs.readFileSync(quiz, 'utf8')).toBe(own);
  });

  it.each([
    [undefined, /Name the topic: npm run new:chapter -- <topic-slug>[\s\S]*• model-serving — «Обслуживание моделей»/],
    ['model-servin', /No topic of content\/course\.yaml has `chapter: model-servin`[\s\S]*• model-serving/],
    ['llmops', /content\/chapters\/14-llmops\.mdx already exists/],
  ])('refuses %s with a message that says what to do', (slug, message) => {
    expect(() => scaffoldChapter(root, slug)).toThrow(ScaffoldError);
    expect(() => scaffoldChapter(root, slug)).toThrow(message);
    expect(fs.existsSync(path.join(root, 'content/chapters/07-model-serving.mdx'))).toBe(false);
  });

  it('tells how to add a topic when every topic has a chapter', () => {
    scaffoldChapter(root, 'model-serving');
    expect(() => scaffoldChapter(root, undefined)).toThrow(/Add the topic to its module first/);
  });
});
