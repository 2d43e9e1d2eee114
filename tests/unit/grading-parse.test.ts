import { describe, expect, it } from 'vitest';
import { isBlank, parseGrade } from '../../src/lib/grading/parse.ts';

const range = { min: 0, max: 10 };
const NOT_A_NUMBER = 'Введите число, например 7,5';
const REQUIRED = 'Введите оценку от 0 до 10';
const OUT_OF_RANGE = 'Нужно число от 0 до 10';
const TOO_PRECISE = 'Не больше двух знаков после запятой';

describe('parseGrade accepts', () => {
  it.each([
    ['7,5', 7.5], // decimal comma, as Russian keyboards type it
    [' 7.5 ', 7.5], // decimal point, surrounding spaces ignored
    ['\u00a07,25\t', 7.25], // a non-breaking space pasted from a document
    ['10', 10], // the upper bound is inclusive
    ['0', 0], // the lower bound (a work not submitted) is inclusive
    ['7.', 7], // a trailing separator while the student is still typing
    ['07,50', 7.5], // leading and trailing zeros
    ['10,00', 10], // two zero decimals keep 10 in range
  ])('%j → %d', (text, value) => {
    expect(parseGrade(text, range)).toEqual({ ok: true, value });
  });
});

describe('parseGrade rejects', () => {
  it.each([
    ['7,5,1', NOT_A_NUMBER], // two separators
    ['abc', NOT_A_NUMBER], // not a number at all
    ['1e3', NOT_A_NUMBER], // exponent notation, which Number() would read as 1000
    ['-1', OUT_OF_RANGE], // a negative grade reads as a number, below every field's minimum
    [',5', NOT_A_NUMBER], // no digit before the separator
    ['7 5', NOT_A_NUMBER], // a space inside the number
    ['', REQUIRED], // empty, when a value is required
    ['   ', REQUIRED], // spaces only are empty too
    ['11', OUT_OF_RANGE], // above the scale
    ['10,01', OUT_OF_RANGE], // just above the scale
    ['7,555', TOO_PRECISE], // grades have at most two decimals
  ])('%j: %s', (text, error) => {
    expect(parseGrade(text, range)).toEqual({ ok: false, error });
  });

  it('writes fractional bounds with a decimal comma', () => {
    expect(parseGrade('2', { min: 0, max: 1.5 })).toEqual({ ok: false, error: 'Нужно число от 0 до 1,5' });
  });
});

describe('isBlank', () => {
  it.each([
    ['', true],
    [' \t', true],
    ['0', false],
    ['abc', false],
  ])('%j → %s', (text, blank) => {
    expect(isBlank(text)).toBe(blank);
  });
});
