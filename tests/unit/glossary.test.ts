import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getCourse } from '../../src/data/course.ts';
import { parseGlossary } from '../../src/data/glossary.ts';
import { glossaryProblems, sortTerms } from '../../src/lib/glossary/consistency.ts';
import type { GlossaryTerm } from '../../src/lib/glossary/schema.ts';

const term = (over: Partial<GlossaryTerm> = {}): GlossaryTerm => ({
  id: 'data-drift',
  ru: 'Дрейф данных',
  en: 'data drift',
  definition: 'Изменение распределения входных данных модели со временем.',
  chapters: ['introduction'],
  ...over,
});

describe('glossaryProblems', () => {
  it('finds repeated ids, repeated Russian terms and unknown chapters', () => {
    const problems = glossaryProblems(
      {
        terms: [
          term(),
          term({ ru: 'дрейф ДАННЫХ', id: 'drift-2' }),
          term({ ru: 'Другое', chapters: ['introduction', 'nope'] }),
        ],
      },
      ['introduction'],
    );
    expect(problems).toEqual([
      'terms[1].ru: «дрейф ДАННЫХ» repeats terms[0]',
      'terms[2].id: «data-drift» repeats terms[0]',
      'terms[2].chapters[1]: no chapter «nope» in content/course.yaml',
    ]);
  });
});

describe('sortTerms', () => {
  it('sorts by the Russian alphabet, «ё» with «е», Latin after Cyrillic', () => {
    const sorted = sortTerms([
      { ru: 'Задержка' },
      { ru: 'MLOps' },
      { ru: 'Ёмкость' },
      { ru: 'Бюджет ошибок' },
      { ru: 'Единица' },
    ]);
    expect(sorted.map((t) => t.ru)).toEqual(['Бюджет ошибок', 'Единица', 'Ёмкость', 'Задержка', 'MLOps']);
  });
});

describe('parseGlossary', () => {
  it('names the file and the field of a bad entry', () => {
    const yaml =
      'terms:\n  - id: Data Drift\n    ru: Дрейф\n    en: drift\n    definition: коротко\n    chapters: []\n';
    expect(() => parseGlossary(yaml, ['introduction'], 'content/glossary.yaml')).toThrow(
      /content\/glossary\.yaml is not valid:[\s\S]*terms\[0\]\.id: id: latin[\s\S]*terms\[0\]\.definition[\s\S]*terms\[0\]\.chapters/,
    );
  });

  it('rejects unknown fields (a typo must not pass silently)', () => {
    const yaml = `terms:\n  - id: x\n    ru: Икс\n    en: x\n    definition: Достаточно длинное определение термина.\n    chapters: [introduction]\n    alias: [y]\n`;
    expect(() => parseGlossary(yaml, ['introduction'])).toThrow(/Unrecognized key.*alias/);
  });

  it('accepts the book’s glossary: about 25 terms or more, each with a unique id', () => {
    const chapters = getCourse().modules.flatMap((m) => m.topics.map((topic) => topic.chapter));
    const glossary = parseGlossary(fs.readFileSync('content/glossary.yaml', 'utf8'), chapters);
    expect(glossary.terms.length).toBeGreaterThanOrEqual(25);
    expect(glossary.terms.find((t) => t.id === 'data-drift')).toMatchObject({ ru: 'Дрейф данных', en: 'data drift' });
  });
});
