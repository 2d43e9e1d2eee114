import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../src/lib/decimal.ts';

describe('parseDecimal', () => {
  it.each([
    ['7,5', { value: 7.5, decimals: 1 }],
    ['7.5', { value: 7.5, decimals: 1 }],
    ['  7,50 ', { value: 7.5, decimals: 2 }],
    ['7,', { value: 7, decimals: 0 }],
    ['0,125', { value: 0.125, decimals: 3 }],
    ['-3', { value: -3, decimals: 0 }],
    ['−0,25', { value: -0.25, decimals: 2 }], // U+2212, what Russian typography uses for minus
    ['007', { value: 7, decimals: 0 }],
  ])('%j → %j', (input, expected) => {
    expect(parseDecimal(input)).toEqual(expected);
  });

  it.each(['', '  ', '-', ',5', '1e3', '1 000', '1,2,3', '+1', '7,5 мин', 'NaN', 'Infinity', '0x10'])(
    '%j is not a number',
    (input) => {
      expect(parseDecimal(input)).toBeNull();
    },
  );
});
