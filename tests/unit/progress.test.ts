import { describe, expect, it } from 'vitest';
import { absorbLegacy, type LegacyValues } from '../../src/lib/progress/legacy.ts';
import { mergeProgress, replaceProgress } from '../../src/lib/progress/merge.ts';
import { readProgress, readProgressText } from '../../src/lib/progress/read.ts';
import { emptyProgress, type AnswerRecord, type Progress } from '../../src/lib/progress/schema.ts';
import { answerStatus, chapterSummary, orphanAnswers, type BookChapterInfo } from '../../src/lib/progress/summary.ts';
import { exportText, readExport } from '../../src/lib/progress/transfer.ts';
import { markChapter, recordAnswer, setTool, visit } from '../../src/lib/progress/update.ts';

const T1 = '2025-03-01T10:00:00.000Z';
const T2 = '2025-03-02T10:00:00.000Z';
const T3 = '2025-03-03T10:00:00.000Z';

const answer = (over: Partial<AnswerRecord> = {}): AnswerRecord => ({
  quiz: 'introduction',
  hash: 'aaaa0000',
  answer: { type: 'single', choice: 1 },
  score: 1,
  at: T1,
  ...over,
});

const doc = (over: Partial<Progress> = {}): Progress => ({ ...emptyProgress(), ...over });

const noLegacy: LegacyValues = { theme: null, tools: { grades: null, cells: null } };

describe('migration v0 → v1: the separate keys the book used before', () => {
  it('absorbs the theme and the tools’ records verbatim', () => {
    const grades = '{"v":1,"hw":["7,5"],"st":"","pm":"single","p":"","pc":["","","","",""],"b":"","t":null}';
    const result = absorbLegacy(emptyProgress(), { theme: 'dark', tools: { grades, cells: '{"c1":"x = 1"}' } }, T1);
    expect(result.doc).toEqual({
      version: 1,
      theme: 'dark',
      chapters: {},
      answers: {},
      tools: { grades: { text: grades, at: T1 }, cells: { text: '{"c1":"x = 1"}', at: T1 } },
    });
    expect(result.taken).toEqual(['theme', 'tools.grades', 'tools.cells']);
    expect(result.rejected).toEqual([]);
  });

  it('starts empty when there is nothing to absorb', () => {
    expect(absorbLegacy(emptyProgress(), noLegacy, T1)).toEqual({ doc: emptyProgress(), taken: [], rejected: [] });
  });

  it('rejects a theme the toggle could not have written, and leaves the document alone', () => {
    const result = absorbLegacy(doc({ theme: 'light' }), { ...noLegacy, theme: 'blue' }, T1);
    expect(result.doc.theme).toBe('light');
    expect(result.rejected).toEqual(['theme']);
  });

  it('refreshes a tool only when its key changed, keeping the rest of the document', () => {
    const start = doc({ tools: { grades: { text: 'old', at: T1 } }, answers: { q: answer() } });
    const same = absorbLegacy(start, { ...noLegacy, tools: { grades: 'old', cells: null } }, T2);
    expect(same.taken).toEqual([]);
    expect(same.doc).toEqual(start);
    const changed = absorbLegacy(start, { ...noLegacy, tools: { grades: 'new', cells: null } }, T2);
    expect(changed.doc.tools['grades']).toEqual({ text: 'new', at: T2 });
    expect(changed.doc.answers).toEqual(start.answers);
    expect(start.tools['grades']?.text).toBe('old'); // the argument is not changed
  });

  it('drops a tool’s copy when the tool removed its own key', () => {
    const start = doc({ tools: { cells: { text: '{"cells":{}}', at: T1 }, other: { text: 'x', at: T1 } } });
    const result = absorbLegacy(start, noLegacy, T2);
    expect(result.doc.tools).toEqual({ other: { text: 'x', at: T1 } });
    expect(result.taken).toEqual(['tools.cells']);
  });
});

describe('the validating guard', () => {
  it('reads a valid document as is', () => {
    const valid = doc({
      theme: 'dark',
      chapters: { introduction: { read: true, at: T1, by: 'end' } },
      answers: { 'intro-levels': answer() },
      tools: { grades: { text: '{}', at: T1 } },
      last: { chapter: 'introduction', anchor: 'q-intro-levels', at: T2 },
    });
    expect(readProgress(JSON.parse(JSON.stringify(valid)))).toEqual({ ok: true, doc: valid, rejected: [] });
  });

  it.each([
    ['{"version":1,', 'not-json'],
    ['null', 'not-progress'],
    ['[]', 'not-progress'],
    ['{"chapters":{}}', 'not-progress'],
    ['{"version":"1"}', 'not-progress'],
    ['{"version":0}', 'not-progress'],
    ['{"version":2,"everything":"new"}', 'newer'],
  ])('refuses %s as %s', (text, error) => {
    expect(readProgressText(text)).toEqual({ ok: false, error });
  });

  it('keeps every valid entry and lists the broken ones', () => {
    const result = readProgress({
      version: 1,
      theme: 'purple',
      chapters: { introduction: { read: true, at: T1, by: 'end' }, data: { read: 'yes', at: T1, by: 'end' } },
      answers: {
        good: answer(),
        'Bad Id': answer(),
        badscore: answer({ score: 2 }),
        badhash: answer({ hash: 'xyz' }),
        badanswer: { ...answer(), answer: { type: 'single', choice: -1 } },
      },
      tools: 'not an object',
      last: { chapter: 'introduction', at: 'yesterday' },
      extra: 1,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.doc).toEqual(
      doc({ chapters: { introduction: { read: true, at: T1, by: 'end' } }, answers: { good: answer() } }),
    );
    expect(result.rejected).toEqual([
      { path: 'chapters.data', reason: 'invalid' },
      { path: 'answers.Bad Id', reason: 'invalid' },
      { path: 'answers.badscore', reason: 'invalid' },
      { path: 'answers.badhash', reason: 'invalid' },
      { path: 'answers.badanswer', reason: 'invalid' },
      { path: 'tools', reason: 'invalid' },
      { path: 'theme', reason: 'invalid' },
      { path: 'last', reason: 'invalid' },
      { path: 'extra', reason: 'unknown' },
    ]);
  });
});

describe('changes a page makes', () => {
  it('records the latest answer, replacing an answer to an older version of the question', () => {
    const start = doc({ answers: { q: answer({ hash: 'aaaa0000' }) } });
    const next = recordAnswer(
      start,
      { question: 'q', quiz: 'introduction', hash: 'bbbb1111', answer: { type: 'single', choice: 0 }, score: 0 },
      T2,
    );
    expect(next.answers['q']).toEqual(
      answer({ hash: 'bbbb1111', answer: { type: 'single', choice: 0 }, score: 0, at: T2 }),
    );
    expect(start.answers['q']?.hash).toBe('aaaa0000');
  });

  it('saves exercise code without a score until it has run', () => {
    const next = recordAnswer(
      emptyProgress(),
      {
        question: 'ex',
        quiz: 'introduction',
        hash: 'cccc2222',
        answer: { type: 'code', code: 'x = 1' },
        score: undefined,
      },
      T1,
    );
    expect(next.answers['ex']).toEqual({
      quiz: 'introduction',
      hash: 'cccc2222',
      answer: { type: 'code', code: 'x = 1' },
      at: T1,
    });
  });

  it('reaching the end marks a chapter read once, and never undoes the button', () => {
    const read = markChapter(emptyProgress(), 'introduction', true, 'end', T1);
    expect(read.chapters['introduction']).toEqual({ read: true, at: T1, by: 'end' });
    const unmarked = markChapter(read, 'introduction', false, 'button', T2);
    expect(unmarked.chapters['introduction']).toEqual({ read: false, at: T2, by: 'button' });
    expect(markChapter(unmarked, 'introduction', true, 'end', T3)).toBe(unmarked);
    expect(markChapter(unmarked, 'introduction', true, 'button', T3).chapters['introduction']?.read).toBe(true);
  });

  it('remembers the last place, with or without an anchor', () => {
    expect(visit(emptyProgress(), { chapter: 'introduction' }, T1).last).toEqual({ chapter: 'introduction', at: T1 });
    expect(visit(emptyProgress(), { chapter: 'introduction', anchor: 'q-x' }, T1).last).toEqual({
      chapter: 'introduction',
      anchor: 'q-x',
      at: T1,
    });
  });
});

describe('import: merge or replace', () => {
  const local = doc({
    theme: 'dark',
    chapters: { introduction: { read: true, at: T1, by: 'end' } },
    answers: { a: answer({ at: T1 }), b: answer({ at: T3, score: 0.5 }) },
    tools: { grades: { text: 'local', at: T3 } },
    last: { chapter: 'introduction', at: T2 },
  });
  const file = doc({
    theme: 'light',
    chapters: { introduction: { read: false, at: T2, by: 'button' }, data: { read: true, at: T1, by: 'end' } },
    answers: { a: answer({ at: T2, score: 0 }), b: answer({ at: T2 }), c: answer({ at: T1 }) },
    tools: { grades: { text: 'file', at: T1 }, cells: { text: 'cells', at: T1 } },
    last: { chapter: 'data', at: T1 },
  });

  it('merge: the later entry wins, the browser keeps its theme, nothing newer is lost', () => {
    const { doc: merged, taken, keptLocal } = mergeProgress(local, file);
    expect(merged.answers).toEqual({
      a: answer({ at: T2, score: 0 }),
      b: answer({ at: T3, score: 0.5 }),
      c: answer({ at: T1 }),
    });
    expect(merged.chapters).toEqual({
      introduction: { read: false, at: T2, by: 'button' },
      data: { read: true, at: T1, by: 'end' },
    });
    expect(merged.tools).toEqual({ grades: { text: 'local', at: T3 }, cells: { text: 'cells', at: T1 } });
    expect(merged.theme).toBe('dark');
    expect(merged.last).toEqual({ chapter: 'introduction', at: T2 });
    // taken: answers a (T2 > T1) and c (new); chapters introduction (T2 > T1) and data; tools cells
    expect(taken).toEqual({ answers: 2, chapters: 2, tools: 1, theme: 0, last: 0 });
    // kept: answer b (local T3 is later), tool grades (local T3), the theme, the last visit
    expect(keptLocal).toEqual({ answers: 1, chapters: 0, tools: 1, theme: 1, last: 1 });
  });

  it('merge into an empty browser takes everything', () => {
    const { doc: merged, taken } = mergeProgress(emptyProgress(), file);
    expect(merged).toEqual(file);
    expect(taken).toEqual({ answers: 3, chapters: 2, tools: 2, theme: 1, last: 1 });
  });

  it('merging a document with itself changes nothing', () => {
    const { doc: merged, taken, keptLocal } = mergeProgress(local, local);
    expect(merged).toEqual(local);
    expect(taken).toEqual({ answers: 0, chapters: 0, tools: 0, theme: 0, last: 0 });
    expect(keptLocal).toEqual(taken);
  });

  it('replace: the file, entirely', () => {
    const { doc: replaced, taken } = replaceProgress(file);
    expect(replaced).toEqual(file);
    expect(taken).toEqual({ answers: 3, chapters: 2, tools: 2, theme: 1, last: 1 });
  });
});

describe('the progress file', () => {
  it('round-trips a document with what was kept aside', () => {
    const original = doc({ answers: { a: answer() }, chapters: { introduction: { read: true, at: T1, by: 'end' } } });
    const text = exportText(original, [{ key: 'prodml.progress.aside.1', text: '{broken' }], T2);
    expect(JSON.parse(text)).toMatchObject({ format: 'prodml-progress', exportedAt: T2 });
    expect(readExport(text)).toEqual({ ok: true, doc: original, rejected: [], aside: 1 });
  });

  it('takes a bare document too', () => {
    expect(readExport(JSON.stringify(emptyProgress()))).toEqual({
      ok: true,
      doc: emptyProgress(),
      rejected: [],
      aside: 0,
    });
  });

  it.each([
    ['not JSON at all', 'not-json'],
    ['{"format":"something-else","progress":{}}', 'not-export'],
    ['{"format":"prodml-progress","progress":"x"}', 'not-export'],
    ['{"format":"prodml-progress","progress":{"version":9}}', 'newer'],
    ['"just a string"', 'not-export'],
  ])('refuses %s', (text, error) => {
    expect(readExport(text)).toEqual({ ok: false, error });
  });
});

describe('what the progress page shows', () => {
  const chapter: BookChapterInfo = {
    slug: 'introduction',
    title: 'Введение',
    href: '/chapters/introduction/',
    questions: [
      { id: 'q1', type: 'single', hash: 'aaaa0000' },
      { id: 'q2', type: 'multiple', hash: 'aaaa0000' },
      { id: 'q3', type: 'numeric', hash: 'bbbb1111' },
      { id: 'q4', type: 'ordering', hash: 'aaaa0000' },
      { id: 'ex', type: 'code', hash: 'aaaa0000' },
    ],
  };

  it('counts current answers only, flags changed ones, separates exercises', () => {
    const progress = doc({
      chapters: { introduction: { read: true, at: T1, by: 'button' } },
      answers: {
        q1: answer({ score: 1 }),
        q2: answer({ score: 2 / 3 }),
        q3: answer({ score: 1 }), // answered when the question's hash was aaaa0000: changed since
        ex: answer({ answer: { type: 'code', code: 'x', passed: [true, true] }, score: 1 }),
        gone: answer(),
      },
    });
    // quiz: q1 1 + q2 2/3 = 5/3 points of 4 questions, 2 answered (q3 changed, q4 unanswered)
    const summary = chapterSummary(progress, chapter);
    expect(summary.quiz?.points).toBeCloseTo(5 / 3, 12);
    expect(summary).toEqual({
      read: true,
      quiz: { points: summary.quiz?.points, max: 4, answered: 2 },
      exercises: { solved: 1, total: 1 },
      changed: 1,
    });
    expect(orphanAnswers(progress, [chapter])).toEqual(['gone']);
  });

  it('shows an empty chapter as unread with nothing answered', () => {
    expect(
      chapterSummary(emptyProgress(), {
        slug: 'data',
        title: 'Работа с данными',
        href: '/chapters/data/',
        questions: [],
      }),
    ).toEqual({
      read: false,
      quiz: null,
      exercises: null,
      changed: 0,
    });
  });

  it('tells answer states apart', () => {
    expect([
      answerStatus(undefined, 'aaaa0000'),
      answerStatus(answer(), 'aaaa0000'),
      answerStatus(answer(), 'bbbb1111'),
    ]).toEqual(['none', 'current', 'changed']);
  });

  it('keeps a tool record verbatim', () => {
    expect(setTool(emptyProgress(), 'cells', '{"a":1}', T1).tools).toEqual({ cells: { text: '{"a":1}', at: T1 } });
  });
});
