import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/lib/quiz/answer.ts';
import {
  formatPoints,
  longestOrderedSubsequence,
  multipleCredit,
  normalizeText,
  orderingCredit,
  quizPoints,
  readNumber,
  scoreAnswer,
  type Outcome,
} from '../../src/lib/quiz/score.ts';
import { questionSchema, type Question } from '../../src/lib/quiz/schema.ts';

const option = (text: string, correct = false) => ({ text, correct, explanation: `Почему «${text}»` });
const q = (raw: Record<string, unknown>): Question =>
  questionSchema.parse({ id: 'q', prompt: 'Вопрос?', explanation: 'Потому что.', ...raw });

const single = q({ type: 'single', options: [option('A'), option('B', true), option('C')], explanation: undefined });
const multiple = q({
  type: 'multiple',
  options: [option('A', true), option('B', true), option('C', true), option('D'), option('E')],
});
const numericValue = q({ type: 'numeric', answer: { value: 43.2, tolerance: 0.1 } });
const numericExact = q({ type: 'numeric', answer: { value: 5 } });
const numericRange = q({ type: 'numeric', answer: { min: 7, max: 8 } });
const text = q({ type: 'text', accept: ['CACE', 'Changing Anything Changes Everything'] });
const textPattern = q({ type: 'text', accept: ['уровень 0'], pattern: '(уровень )?0|нулевой( уровень)?' });
const ordering = q({ type: 'ordering', items: ['один', 'два', 'три', 'четыре', 'пять'] });
const code = q({
  type: 'code',
  starter: '',
  checks: [1, 2, 3, 4].map((i) => ({ code: `assert x == ${i}`, message: `проверка ${i}` })),
  solution: 'x = 1',
});

const score = (question: Question, answer: Answer): number | string => {
  const outcome: Outcome = scoreAnswer(question, answer);
  return outcome.status === 'scored' ? outcome.score : outcome.reason;
};

describe('scoreAnswer', () => {
  it.each<[string, Question, Answer, number | string]>([
    ['single: the correct option', single, { type: 'single', choice: 1 }, 1],
    ['single: a wrong option', single, { type: 'single', choice: 0 }, 0],
    ['single: an option the question no longer has', single, { type: 'single', choice: 7 }, 'mismatch'],
    // three correct options (A, B, C) out of five; credit = correct picks / max(picks, 3)
    ['multiple: exactly the correct options', multiple, { type: 'multiple', choices: [2, 0, 1] }, 1],
    ['multiple: two of three, nothing wrong: 2 / max(2, 3)', multiple, { type: 'multiple', choices: [0, 1] }, 2 / 3],
    ['multiple: two right, one wrong: 2 / max(3, 3)', multiple, { type: 'multiple', choices: [0, 1, 3] }, 2 / 3],
    ['multiple: three right, one wrong: 3 / max(4, 3)', multiple, { type: 'multiple', choices: [0, 1, 2, 3] }, 0.75],
    ['multiple: everything: 3 / max(5, 3)', multiple, { type: 'multiple', choices: [0, 1, 2, 3, 4] }, 0.6],
    ['multiple: only wrong ones: 0 / 3', multiple, { type: 'multiple', choices: [3, 4] }, 0],
    ['multiple: a repeated pick counts once: 1 / max(1, 3)', multiple, { type: 'multiple', choices: [0, 0] }, 1 / 3],
    ['multiple: nothing picked', multiple, { type: 'multiple', choices: [] }, 'no-choice'],
    ['numeric: decimal comma', numericValue, { type: 'numeric', text: '43,2' }, 1],
    ['numeric: decimal point and spaces', numericValue, { type: 'numeric', text: '  43.2 ' }, 1],
    // |43.1 − 43.2| = 0.1 = tolerance: accepted although 43.2 − 43.1 is 0.10000000000000142 in binary
    ['numeric: at the edge of the tolerance', numericValue, { type: 'numeric', text: '43,1' }, 1],
    ['numeric: just outside the tolerance', numericValue, { type: 'numeric', text: '43,31' }, 0],
    ['numeric: an integer for a decimal answer', numericValue, { type: 'numeric', text: '43' }, 0],
    ['numeric: exact value, no tolerance', numericExact, { type: 'numeric', text: '5,0' }, 1],
    ['numeric: exact value missed', numericExact, { type: 'numeric', text: '5,01' }, 0],
    ['numeric: range, lower bound', numericRange, { type: 'numeric', text: '7' }, 1],
    ['numeric: range, inside', numericRange, { type: 'numeric', text: '7,5' }, 1],
    ['numeric: range, outside', numericRange, { type: 'numeric', text: '8,01' }, 0],
    ['numeric: blank', numericValue, { type: 'numeric', text: '   ' }, 'empty'],
    ['numeric: words', numericValue, { type: 'numeric', text: 'сорок три' }, 'not-a-number'],
    ['numeric: exponent notation', numericValue, { type: 'numeric', text: '4.32e1' }, 'not-a-number'],
    ['text: a variant in another case', text, { type: 'text', text: 'cace' }, 1],
    [
      'text: extra spaces, quotes and a full stop',
      text,
      { type: 'text', text: ' «Changing  anything changes everything». ' },
      1,
    ],
    ['text: wrong', text, { type: 'text', text: 'entanglement' }, 0],
    ['text: blank', text, { type: 'text', text: ' ' }, 'empty'],
    ['text: by pattern', textPattern, { type: 'text', text: 'Нулевой' }, 1],
    ['text: the pattern must match the whole answer', textPattern, { type: 'text', text: 'уровень 01' }, 0],
    // ordering of five steps: credit = (L − 1) / 4, L = longest correctly ordered subsequence
    ['ordering: correct', ordering, { type: 'ordering', order: [0, 1, 2, 3, 4] }, 1],
    ['ordering: first step moved to the end, L = 4', ordering, { type: 'ordering', order: [1, 2, 3, 4, 0] }, 0.75],
    ['ordering: two neighbours swapped, L = 4', ordering, { type: 'ordering', order: [0, 2, 1, 3, 4] }, 0.75],
    ['ordering: two pairs swapped, L = 3', ordering, { type: 'ordering', order: [1, 0, 3, 2, 4] }, 0.5],
    ['ordering: reversed, L = 1', ordering, { type: 'ordering', order: [4, 3, 2, 1, 0] }, 0],
    ['ordering: a step missing', ordering, { type: 'ordering', order: [0, 1, 2, 3] }, 'mismatch'],
    ['ordering: a step twice', ordering, { type: 'ordering', order: [0, 1, 2, 3, 3] }, 'mismatch'],
    ['code: every check passed', code, { type: 'code', code: 'x', passed: [true, true, true, true] }, 1],
    ['code: three of four checks', code, { type: 'code', code: 'x', passed: [true, false, true, true] }, 0.75],
    ['code: not run yet', code, { type: 'code', code: 'x' }, 'not-run'],
    ['code: results for other checks', code, { type: 'code', code: 'x', passed: [true] }, 'mismatch'],
    ['an answer of another type', single, { type: 'text', text: 'B' }, 'mismatch'],
  ])('%s', (_name, question, answer, expected) => {
    const got = score(question, answer);
    if (typeof expected === 'number') expect(got).toBeCloseTo(expected, 12);
    else expect(got).toBe(expected);
  });

  it('marks every option: chosen right, chosen wrong, missed, left alone', () => {
    const outcome = scoreAnswer(multiple, { type: 'multiple', choices: [0, 3] });
    // one right pick (A) out of two picks, three correct options: 1 / max(2, 3)
    expect(outcome).toEqual({
      status: 'scored',
      score: 1 / 3,
      verdict: 'partial',
      marks: ['correct', 'missed', 'missed', 'wrong', 'neutral'],
    });
  });
});

describe('the rules behind the credit', () => {
  it.each([
    [[0, 1, 2, 3], 4],
    [[1, 0, 2, 3], 3],
    [[3, 2, 1, 0], 1],
    [[2, 0, 3, 1, 4], 3], // 2, 3, 4 or 0, 1, 4 or 0, 3, 4
    [[], 0],
  ])('longest correctly ordered subsequence of %j is %i', (order, length) => {
    expect(longestOrderedSubsequence(order)).toBe(length);
  });

  it('ordering credit is 1 − moves / (n − 1)', () => {
    // [2, 0, 1]: L = 2 (0, 1), one move (take 2 to the end) out of at most two
    expect(orderingCredit([2, 0, 1])).toBe(0.5);
    expect(orderingCredit([0])).toBe(1);
  });

  it('multiple-choice credit is correct picks / max(picks, correct options)', () => {
    expect(multipleCredit(2, 4, 3)).toBe(0.5); // 2 / max(4, 3)
    expect(multipleCredit(0, 0, 0)).toBe(0);
  });

  it('tells correct, partial and wrong apart', () => {
    const verdict = (a: Answer) => {
      const o = scoreAnswer(multiple, a);
      return o.status === 'scored' ? o.verdict : o.reason;
    };
    expect(verdict({ type: 'multiple', choices: [0, 1, 2] })).toBe('correct');
    expect(verdict({ type: 'multiple', choices: [0] })).toBe('partial');
    expect(verdict({ type: 'multiple', choices: [4] })).toBe('wrong');
  });
});

describe('normalizeText', () => {
  it.each([
    ['  Changing   Anything «Changes» Everything. ', 'changing anything changes everything'],
    ['Всё ЕЩЁ', 'все еще'],
    ['"CACE"', 'cace'],
    ['ＣＡＣＥ', 'cace'], // full-width letters, NFKC
    ['   ', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('readNumber', () => {
  it.each([
    ['7,5', 7.5],
    ['7.5', 7.5],
    [' 7,5  ', 7.5],
    ['0,05', 0.05],
    ['10', 10],
    ['7,', 7],
    ['7,555', 7.555],
    ['-1', -1],
    ['−0,25', -0.25], // the minus sign U+2212
    ['-', null],
    ['1e3', null],
    ['1,2,3', null],
    ['1 000', null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(readNumber(input)).toBe(expected);
  });
});

describe('quiz points', () => {
  it('adds question scores, unanswered questions count 0', () => {
    expect(quizPoints([1, 0.5, undefined, 0])).toEqual({ points: 1.5, max: 4, answered: 3 });
    expect(quizPoints([])).toEqual({ points: 0, max: 0, answered: 0 });
  });

  it.each([
    [2 / 3, '0,67'],
    [4.5, '4,5'],
    [6, '6'],
    [1 / 3 + 2, '2,33'],
  ])('formats %d as %s', (points, text) => {
    expect(formatPoints(points)).toBe(text);
  });
});
