// Every quiz of the book is valid, embedded in its chapter and built into the page; every code exercise's
// reference solution passes its own checks and the starter code does not, run with the same check program
// the browser uses, in Pyodide (the book's Python, from node_modules: no network).
import fs from 'node:fs';
import path from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { loadPyodide, type PyodideInterface } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkProgram, parseCheckReport } from '../../src/lib/quiz/exercise.ts';
import { duplicateIdProblems, formatProblem, parseQuiz } from '../../src/lib/quiz/rules.ts';
import type { CodeQuestion, Quiz } from '../../src/lib/quiz/schema.ts';
import { BASE, readPage } from '../support/site.ts';

const QUIZ_DIR = 'content/quizzes';
const CHAPTER_DIR = 'content/chapters';

const files = fs
  .readdirSync(QUIZ_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const chapterFiles = fs.readdirSync(CHAPTER_DIR).filter((f) => f.endsWith('.mdx'));

const quizzes: Array<{ file: string; id: string; quiz: Quiz }> = files.flatMap((name) => {
  const file = `${QUIZ_DIR}/${name}`;
  const parsed = parseQuiz(file, loadYaml(fs.readFileSync(file, 'utf8')));
  return parsed.ok ? [{ file, id: name.replace(/\.yaml$/, ''), quiz: parsed.quiz }] : [];
});

const exercises = quizzes.flatMap(({ file, quiz }) =>
  quiz.questions.filter((q): q is CodeQuestion => q.type === 'code').map((q) => ({ file, question: q })),
);

describe('the quizzes of the book', () => {
  it('include the quiz of «Введение»', () => {
    expect(files).toContain('introduction.yaml');
  });

  it.each(files)('%s is valid', (name) => {
    const file = `${QUIZ_DIR}/${name}`;
    const parsed = parseQuiz(file, loadYaml(fs.readFileSync(file, 'utf8')));
    expect(parsed.ok ? [] : parsed.problems.map(formatProblem)).toEqual([]);
  });

  it('use every question id once across the book', () => {
    expect(duplicateIdProblems(quizzes).map(formatProblem)).toEqual([]);
  });

  // A draft chapter's page shows no text yet, so its quiz (e.g. one `npm run new:chapter` wrote) waits for it.
  const finished = quizzes.filter(({ id }) => {
    const chapter = chapterFiles.find((f) => f.replace(/^\d\d-/, '') === `${id}.mdx`);
    return chapter === undefined || !/^draft: true$/m.test(fs.readFileSync(path.join(CHAPTER_DIR, chapter), 'utf8'));
  });

  it.each(finished.map((q) => [q.id, q] as const))('%s is embedded in its chapter and built', (id, { quiz }) => {
    const chapter = chapterFiles.find((f) => f.replace(/^\d\d-/, '') === `${id}.mdx`);
    expect(chapter, `content/chapters/NN-${id}.mdx`).toBeDefined();
    const source = fs.readFileSync(path.join(CHAPTER_DIR, chapter ?? ''), 'utf8');
    expect(source).toContain(`<Quiz id="${id}" />`);
    const html = readPage(`${BASE}chapters/${id}/`);
    expect(html).toContain(`data-quiz="${id}"`);
    expect(html.match(/<li class="q" id="q-/g)?.length).toBe(quiz.questions.length);
  });

  it('cover every question type in «Введение»', () => {
    const intro = quizzes.find((q) => q.id === 'introduction')?.quiz.questions ?? [];
    expect(new Set(intro.map((q) => q.type))).toEqual(
      new Set(['single', 'multiple', 'numeric', 'text', 'ordering', 'code']),
    );
    expect(intro.length).toBeGreaterThanOrEqual(6);
  });
});

describe.runIf(exercises.length > 0)('code exercises, run in Pyodide', () => {
  let python: PyodideInterface;
  let output = '';

  beforeAll(async () => {
    python = await loadPyodide();
    python.setStdout({ batched: (line) => (output += `${line}\n`) });
  }, 120_000);

  /** Runs `code` as the student's, then the checks in a copy of its globals; null when `code` itself raised. */
  function run(code: string, question: CodeQuestion): boolean[] | null {
    const nonce = 'contenttest1';
    const globals = python.globals as unknown as { set: (key: string, value: unknown) => void };
    globals.set('student_code', code);
    globals.set(
      'check_program',
      checkProgram(
        question.checks.map((c) => c.code),
        nonce,
      ),
    );
    output = '';
    const ran = python.runPython(`
student = {}
try:
    exec(compile(student_code, "student", "exec"), student)
    ran = True
except Exception:
    ran = False
if ran:
    exec(check_program, dict(student))
ran
`) as boolean;
    if (!ran) return null;
    const report = parseCheckReport(output, nonce, question.checks.length);
    expect(report, output).not.toBeNull();
    return (report ?? []).map((r) => r.ok);
  }

  it.each(exercises.map((e) => [e.question.id, e] as const))(
    '%s: the solution passes every check',
    (_id, { question }) => {
      expect(run(question.solution, question)).toEqual(question.checks.map(() => true));
    },
  );

  it.each(exercises.map((e) => [e.question.id, e] as const))(
    '%s: the starter code fails a check',
    (_id, { question }) => {
      const passed = run(question.starter, question);
      expect(passed === null || passed.includes(false)).toBe(true);
    },
  );
});
