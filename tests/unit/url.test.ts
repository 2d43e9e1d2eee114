import { describe, expect, it } from 'vitest';
import { joinBase } from '../../src/lib/url.ts';

describe('joinBase', () => {
  it.each([
    ['/', '/', '/'],
    ['/', 'course', '/course/'],
    ['/prodml/', '/chapters/introduction/', '/prodml/chapters/introduction/'],
    ['/prodml', 'chapters/introduction', '/prodml/chapters/introduction/'],
    ['/prodml/', 'chapters/introduction#itogi', '/prodml/chapters/introduction/#itogi'],
    ['/prodml/', 'favicon.svg', '/prodml/favicon.svg'],
    ['/prodml/', '/#module-2', '/prodml/#module-2'],
  ])('joinBase(%s, %s) = %s', (base, path, expected) => {
    expect(joinBase(base, path)).toBe(expected);
  });
});
