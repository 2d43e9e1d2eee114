import { describe, expect, it } from 'vitest';
import { Slugger, slugify } from '../../src/lib/slug.ts';

describe('slugify', () => {
  it.each([
    ['Введение', 'vvedenie'],
    ['Почему ML в продакшене сложен?', 'pochemu-ml-v-prodakshene-slozhen'],
    ['CI/CD для ML', 'ci-cd-dlya-ml'],
    ['Частые ошибки', 'chastye-oshibki'],
    ['Щука, ёж и объём', 'shchuka-ezh-i-obem'],
    ['Уровни зрелости MLOps: Google и Microsoft', 'urovni-zrelosti-mlops-google-i-microsoft'],
    ['  p50 / p95 / p99  ', 'p50-p95-p99'],
    ['Café naïve', 'cafe-naive'],
    ['—', 'section'],
  ])('%s → %s', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('gives only URL-safe characters for any Cyrillic letter', () => {
    const alphabet = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ';
    for (const ch of alphabet) expect(slugify(`x ${ch} y`)).toMatch(/^[a-z0-9-]+$/);
  });
});

describe('Slugger', () => {
  it('suffixes repeated headings in order of appearance', () => {
    const s = new Slugger();
    expect([s.slug('Итоги'), s.slug('Итоги'), s.slug('Итоги')]).toEqual(['itogi', 'itogi-2', 'itogi-3']);
  });

  it('does not collide with a heading that already looks suffixed', () => {
    const s = new Slugger();
    expect([s.slug('Шаг 2'), s.slug('Шаг'), s.slug('Шаг')]).toEqual(['shag-2', 'shag', 'shag-3']);
  });
});
