import { describe, expect, it } from 'vitest';
import { duplicateIdProblems, formatProblem, parseQuiz } from '../../src/lib/quiz/rules.ts';
import { fnv1a, questionHash } from '../../src/lib/quiz/hash.ts';
import { inlineSegments } from '../../src/lib/quiz/inline.ts';
import { seededOrder } from '../../src/lib/quiz/shuffle.ts';
import type { Question, Quiz } from '../../src/lib/quiz/schema.ts';

const FILE = 'content/quizzes/demo.yaml';
const option = (text: string, correct = false) => ({ text, correct, explanation: 'Объяснение.' });
const singleQ = (over: Record<string, unknown> = {}) => ({
  id: 'demo-single',
  type: 'single',
  prompt: 'Что верно?',
  options: [option('Да', true), option('Нет')],
  ...over,
});

/** The problems a quiz with these questions has, formatted as the build prints them. */
function problems(...questions: unknown[]): string[] {
  const parsed = parseQuiz(FILE, { questions });
  return parsed.ok ? [] : parsed.problems.map(formatProblem);
}

describe('a valid quiz', () => {
  it('parses every question type and fills defaults', () => {
    const parsed = parseQuiz(FILE, {
      questions: [
        singleQ(),
        { id: 'm', type: 'multiple', prompt: 'П?', options: [option('a', true), option('b', true), option('c')] },
        { id: 'n', type: 'numeric', prompt: 'П?', answer: { value: 43.2, tolerance: 0.1 }, explanation: 'Так.' },
        { id: 'r', type: 'numeric', prompt: 'П?', answer: { min: 0, max: 5 }, unit: 'мин', explanation: 'Так.' },
        { id: 't', type: 'text', prompt: 'П?', accept: ['CACE'], pattern: 'cace|changing', explanation: 'Так.' },
        { id: 'o', type: 'ordering', prompt: 'П?', items: ['1', '2', '3'], explanation: 'Так.' },
        {
          id: 'c',
          type: 'code',
          prompt: 'П?',
          starter: 'def f():\n    pass\n',
          checks: [{ code: 'assert f() == 1', message: '`f()` возвращает 1' }],
          solution: 'def f():\n    return 1\n',
          explanation: 'Так.',
        },
      ],
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.quiz.questions.map((q) => q.type)).toEqual([
      'single',
      'multiple',
      'numeric',
      'numeric',
      'text',
      'ordering',
      'code',
    ]);
    expect(parsed.quiz.questions[0]?.hints).toEqual([]);
    const numeric = parsed.quiz.questions[2];
    expect(numeric?.type === 'numeric' && numeric.answer).toEqual({ value: 43.2, tolerance: 0.1 });
  });
});

describe('a broken quiz is refused, naming the file, the question id and the field', () => {
  it.each<[string, unknown, string]>([
    [
      'single choice with two correct options',
      singleQ({ options: [option('Да', true), option('Конечно', true)] }),
      `${FILE} → question "demo-single" → options: a single-choice question needs exactly one correct option, found 2`,
    ],
    [
      'single choice with no correct option',
      singleQ({ options: [option('Да'), option('Нет')] }),
      `${FILE} → question "demo-single" → options: a single-choice question needs exactly one correct option, found 0`,
    ],
    [
      'multiple choice with no correct option',
      singleQ({ type: 'multiple', options: [option('Да'), option('Нет')] }),
      `${FILE} → question "demo-single" → options: a multiple-choice question needs at least one correct option, found 0`,
    ],
    [
      'an option without an explanation',
      singleQ({ options: [option('Да', true), { text: 'Нет', correct: false }] }),
      `${FILE} → question "demo-single" (questions[0]) → options[1].explanation: Invalid input: expected string, received undefined`,
    ],
    [
      'an empty explanation',
      singleQ({ options: [option('Да', true), { text: 'Нет', explanation: '   ' }] }),
      `${FILE} → question "demo-single" (questions[0]) → options[1].explanation: must not be empty`,
    ],
    [
      'a negative tolerance',
      { id: 'demo-n', type: 'numeric', prompt: 'П?', answer: { value: 5, tolerance: -1 }, explanation: 'Так.' },
      `${FILE} → question "demo-n" (questions[0]) → answer.tolerance: Too small: expected number to be >=0`,
    ],
    [
      'a numeric answer a student cannot type',
      { id: 'demo-n', type: 'numeric', prompt: 'П?', answer: { value: 1e-7 }, explanation: 'Так.' },
      `${FILE} → question "demo-n" → answer.value: 1e-7 cannot be typed by a student as a plain decimal (no exponent): write it out, e.g. 0.00001`,
    ],
    [
      'a range upside down',
      { id: 'demo-n', type: 'numeric', prompt: 'П?', answer: { min: 5, max: 1 }, explanation: 'Так.' },
      `${FILE} → question "demo-n" → answer: min (5) is greater than max (1)`,
    ],
    [
      'a pattern that does not compile',
      { id: 'demo-t', type: 'text', prompt: 'П?', accept: ['a'], pattern: '(a', explanation: 'Так.' },
      `${FILE} → question "demo-t" → pattern: not a valid regular expression`,
    ],
    [
      'two steps that read the same',
      { id: 'demo-o', type: 'ordering', prompt: 'П?', items: ['Шаг', 'шаг ', 'Другой'], explanation: 'Так.' },
      `${FILE} → question "demo-o" → items: two steps read the same: «шаг»`,
    ],
    [
      'an unknown type',
      { id: 'demo-x', type: 'essay', prompt: 'П?' },
      `${FILE} → question "demo-x" (questions[0]) → type: Invalid discriminator value. Expected 'single' | 'multiple' | 'numeric' | 'text' | 'ordering' | 'code'`,
    ],
    [
      'a field the schema does not know',
      singleQ({ points: 2 }),
      `${FILE} → question "demo-single" (questions[0]) → (root): Unrecognized key: "points"`,
    ],
    [
      'a question without an id',
      { type: 'single', prompt: 'П?', options: [option('Да', true), option('Нет')] },
      `${FILE} → question questions[0] → id: Invalid input: expected string, received undefined`,
    ],
    [
      'an id with capitals',
      singleQ({ id: 'Demo' }),
      `${FILE} → question "Demo" (questions[0]) → id: use lower-case Latin letters, digits and hyphens`,
    ],
    [
      'a code exercise without checks',
      { id: 'demo-c', type: 'code', prompt: 'П?', starter: '', checks: [], solution: 'x', explanation: 'Так.' },
      `${FILE} → question "demo-c" (questions[0]) → checks: Too small`,
    ],
  ])('%s', (_name, question, message) => {
    const found = problems(question);
    expect(
      found.some((p) => p.startsWith(message)),
      found.join('\n'),
    ).toBe(true);
  });

  it('refuses a file without questions', () => {
    const parsed = parseQuiz(FILE, { questions: [] });
    expect(parsed.ok ? [] : parsed.problems.map(formatProblem)).toEqual([
      `${FILE} → questions: Too small: expected array to have >=1 items`,
    ]);
  });

  it('names every repeated question id across files', () => {
    const quiz = (ids: string[]): Quiz => ({
      questions: ids.map((id) => ({ id, type: 'text', prompt: 'П?', accept: ['a'], explanation: 'Так.', hints: [] })),
    });
    const found = duplicateIdProblems([
      { file: 'content/quizzes/a.yaml', quiz: quiz(['x', 'y']) },
      { file: 'content/quizzes/b.yaml', quiz: quiz(['y', 'z', 'x']) },
    ]).map(formatProblem);
    expect(found).toEqual([
      'content/quizzes/b.yaml → question "y" → id: already used in content/quizzes/a.yaml; question ids must be unique across the book',
      'content/quizzes/b.yaml → question "x" → id: already used in content/quizzes/a.yaml; question ids must be unique across the book',
    ]);
  });
});

describe('question fingerprints', () => {
  it('FNV-1a matches the reference test vectors', () => {
    // draft-eastlake-fnv, 32-bit FNV-1a: "" → 0x811c9dc5, "a" → 0xe40c292c, "foobar" → 0xbf9cf968
    expect([fnv1a(''), fnv1a('a'), fnv1a('foobar')]).toEqual(['811c9dc5', 'e40c292c', 'bf9cf968']);
  });

  const base: Question = {
    id: 'h',
    type: 'single',
    prompt: 'Что верно?',
    hints: ['Подумайте'],
    options: [
      { text: 'Да', correct: true, explanation: 'Так.' },
      { text: 'Нет', correct: false, explanation: 'Не так.' },
    ],
  };
  const variants: Array<[string, Question, boolean]> = [
    [
      'an explanation reworded',
      { ...base, options: base.options.map((o) => ({ ...o, explanation: 'Иначе.' })) },
      false,
    ],
    ['a hint added', { ...base, hints: ['Подумайте', 'Ещё'] }, false],
    ['spacing in the prompt', { ...base, prompt: ' Что  верно? ' }, false],
    ['the correct option moved', { ...base, options: base.options.map((o) => ({ ...o, correct: !o.correct })) }, true],
    ['an option reworded', { ...base, options: [option('Да', true), option('Никогда')] }, true],
    ['the prompt reworded', { ...base, prompt: 'Что неверно?' }, true],
  ];
  it.each(variants)('%s → changed: %s', (_name, changed, expected) => {
    expect(questionHash(changed) !== questionHash(base)).toBe(expected);
  });
});

describe('seededOrder', () => {
  it('is a permutation that depends only on the seed and never gives the answer away', () => {
    for (const n of [2, 3, 5, 8]) {
      for (const seed of ['a', 'intro-stages', 'x-1']) {
        const order = seededOrder(n, seed);
        expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
        expect(order).not.toEqual(Array.from({ length: n }, (_, i) => i));
        expect(seededOrder(n, seed)).toEqual(order);
      }
    }
  });
});

describe('inlineSegments', () => {
  it.each([
    [
      'Вызов `f(x)` — ML',
      [
        { code: false, text: 'Вызов ' },
        { code: true, text: 'f(x)' },
        { code: false, text: ' — ML' },
      ],
    ],
    [
      '`a``b`',
      [
        { code: true, text: 'a' },
        { code: true, text: 'b' },
      ],
    ],
    ['без кода', [{ code: false, text: 'без кода' }]],
    ['один ` апостроф', [{ code: false, text: 'один ` апостроф' }]],
  ])('%j', (text, segments) => {
    expect(inlineSegments(text)).toEqual(segments);
  });
});
