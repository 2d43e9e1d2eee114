import { describe, expect, it } from 'vitest';
import {
  emptyState,
  fromQuery,
  fromRecord,
  toQuery,
  toRecord,
  type CalculatorState,
  type StateShape,
} from '../../src/lib/grading/state.ts';

const shape: StateShape = { homeworkRows: 7, criteria: 5, targets: [8, 6, 4] };
const state = (changes: Partial<CalculatorState>): CalculatorState => ({ ...emptyState(shape), ...changes });

describe('emptyState', () => {
  it('has one empty row per default homework and per criterion', () => {
    expect(emptyState(shape)).toEqual({
      homework: ['', '', '', '', '', '', ''],
      stressTest: '',
      projectMode: 'single',
      project: '',
      criteria: ['', '', '', '', ''],
      bonus: '',
      target: null,
    });
  });
});

describe('URL query', () => {
  it.each([
    // rows in order, an empty row kept, commas unescaped, empty single fields left out
    [
      state({ homework: ['7,5', '8', ''], stressTest: '6', project: '8', bonus: '0,5', target: 8 }),
      'hw=7,5&hw=8&hw=&st=6&p=8&b=0,5&t=8',
    ],
    // criteria mode: one pc per criterion, the single project grade is not part of the link
    [
      state({ homework: ['9'], projectMode: 'criteria', project: '5', criteria: ['8', '7', '', '9', '10'] }),
      'hw=9&pc=8&pc=7&pc=&pc=9&pc=10',
    ],
    // anything a student typed survives, escaped
    [state({ homework: ['a&b=c', '7 5'] }), 'hw=a%26b%3Dc&hw=7%205'],
  ])('%o → %s', (given, query) => {
    expect(toQuery(given)).toBe(query);
  });

  it.each([
    state({ homework: ['7,5', '8', ''], stressTest: '6', project: '8', bonus: '0,5', target: 8 }),
    state({ homework: ['abc', '11'], projectMode: 'criteria', criteria: ['8', '', '7,25', '9', '1e3'], target: 6 }),
    state({ homework: ['a&b=c', '?#%'], stressTest: ' 7.5 ' }),
  ])('round-trips %o', (given) => {
    expect(fromQuery(`?${toQuery(given)}`, shape)).toEqual(given);
  });

  it.each(['', '?', '?utm_source=mail', '?x=1&y=2'])('ignores a query without calculator keys: %j', (search) => {
    expect(fromQuery(search, shape)).toBeNull();
  });

  it('fills what a hand-written link leaves out', () => {
    // no hw: the default rows; two criteria of five: the rest empty; an unknown target: none
    expect(fromQuery('?t=7&pc=8&pc=9', shape)).toEqual(
      state({ projectMode: 'criteria', criteria: ['8', '9', '', '', ''], target: null }),
    );
    expect(fromQuery('?t=8', shape)?.homework).toHaveLength(7);
  });

  it('caps the number of rows and the length of values', () => {
    const many = Array.from({ length: 40 }, () => 'hw=1').join('&');
    expect(fromQuery(`?${many}`, shape)?.homework).toHaveLength(30);
    expect(fromQuery(`?st=${'9'.repeat(50)}`, shape)?.stressTest).toBe('9'.repeat(20));
  });
});

describe('storage record', () => {
  const saved = state({
    homework: ['7,5', 'abc', ''],
    stressTest: '11',
    projectMode: 'criteria',
    project: '8',
    criteria: ['1', '2', '', '4', '5'],
    bonus: '0,5',
    target: 4,
  });

  it('is versioned JSON and round-trips everything as typed', () => {
    expect(JSON.parse(toRecord(saved))).toEqual({
      v: 1,
      hw: ['7,5', 'abc', ''],
      st: '11',
      pm: 'criteria',
      p: '8',
      pc: ['1', '2', '', '4', '5'],
      b: '0,5',
      t: 4,
    });
    expect(fromRecord(toRecord(saved), shape)).toEqual(saved);
    expect(fromRecord(toRecord(state({ target: null })), shape)).toEqual(state({ target: null }));
  });

  const good = JSON.parse(toRecord(saved)) as Record<string, unknown>;
  const variant = (changes: Record<string, unknown>): string => JSON.stringify({ ...good, ...changes });
  const withoutTarget = Object.fromEntries(Object.entries(good).filter(([key]) => key !== 't'));

  it.each([
    ['nothing stored', null],
    ['broken JSON', '{oops'],
    ['JSON null', 'null'],
    ['an array', '[]'],
    ['a string', '"prodml"'],
    ['another version', variant({ v: 2 })],
    ['a foreign record', JSON.stringify({ theme: 'dark' })],
    ['a missing key', JSON.stringify(withoutTarget)],
    ['an extra key', variant({ extra: 1 })],
    ['homework not a list', variant({ hw: '7,5' })],
    ['no homework rows', variant({ hw: [] })],
    ['too many homework rows', variant({ hw: Array.from({ length: 31 }, () => '') })],
    ['a number instead of text', variant({ st: 7 })],
    ['a value too long', variant({ p: '1'.repeat(21) })],
    ['the wrong number of criteria', variant({ pc: ['1', '2'] })],
    ['an unknown project mode', variant({ pm: 'rubric' })],
    ['a target that is not a band', variant({ t: 7 })],
    ['a target as text', variant({ t: '8' })],
  ])('returns null for %s', (_, text) => {
    expect(fromRecord(text, shape)).toBeNull();
  });
});
