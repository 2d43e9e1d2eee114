import { describe, expect, it } from 'vitest';
import {
  COMMON_MISTAKES_HEADING,
  MIN_WORDS,
  finishedChapterProblems,
  readingMinutes,
} from '../../src/lib/content/chapter-rules.ts';
import { countWords, sectionHeadings } from '../../src/lib/content/stats.ts';
import { chapterSchema } from '../../src/lib/content/chapter-schema.ts';

const data = chapterSchema.parse({
  title: 'Введение',
  module: 1,
  order: 1,
  summary: 'Кратко.',
  objectives: ['Объяснить', 'Назвать', 'Сравнить'],
  sources: [1, 2, 3].map((i) => ({ title: `Источник ${i}`, url: `https://example.org/${i}` })),
});

describe('countWords', () => {
  it.each([
    ['Модель — это 5 % системы.', 4],
    ['какой-нибудь пример', 2],
    ['`pip install` ставит пакеты', 4],
    ['Текст\n\n```python\nx = 1 + 2  # не слова прозы\n```\n\nещё текст', 3],
    ['Формула $a^2 + b^2$ и\n\n$$\n\\sum_i x_i\n$$\n\nконец', 3],
    ['import X from "./x";\n\nСлово <svg viewBox="0 0 1 1"><text>не считать</text></svg> два', 2],
    ['', 0],
  ])('%j has %i words', (text, n) => {
    expect(countWords(text)).toBe(n);
  });
});

describe('readingMinutes', () => {
  it('rounds up at 180 words per minute, at least one minute', () => {
    expect([readingMinutes(0), readingMinutes(180), readingMinutes(181), readingMinutes(2700)]).toEqual([1, 1, 2, 15]);
  });
});

describe('sectionHeadings', () => {
  it('lists ## headings but not ones inside code blocks', () => {
    const body = '## Первый\n\n### Под\n\n```md\n## Не заголовок\n```\n\n## Второй ##\n';
    expect(sectionHeadings(body)).toEqual(['Первый', 'Второй']);
  });
});

describe('finishedChapterProblems', () => {
  const prose = (n: number) => Array.from({ length: n }, () => 'слово').join(' ');
  const good = `## Раз\n\n${prose(MIN_WORDS)}\n\n## Два\n\nтекст\n\n## ${COMMON_MISTAKES_HEADING}\n\nтекст`;

  it('accepts a complete chapter', () => {
    expect(finishedChapterProblems(data, good)).toEqual([]);
  });

  it('names every missing part', () => {
    const thin = { ...data, objectives: ['Одно'], sources: [] };
    const problems = finishedChapterProblems(thin, '## Раз\n\nмало слов');
    expect(problems).toEqual([
      `body: 3 words of prose, a finished chapter needs at least ${MIN_WORDS}`,
      'body: 1 "##" sections, a finished chapter needs at least 3',
      `body: no "## ${COMMON_MISTAKES_HEADING}" section`,
      'objectives: 1, at least 3 are needed',
      'sources: 0, at least 3 are needed',
    ]);
  });

  it('counts words one short of the minimum as too few', () => {
    const short = good.replace(prose(MIN_WORDS), prose(MIN_WORDS - 9));
    expect(finishedChapterProblems(data, short)[0]).toMatch(/needs at least/);
  });
});

describe('chapterSchema', () => {
  it('rejects unknown keys and plain-http sources', () => {
    const bad = chapterSchema.safeParse({ ...data, extra: 1, sources: [{ title: 'x', url: 'http://example.org' }] });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['', 'sources.0.url']);
  });

  it('defaults draft to false and sources to empty', () => {
    const parsed = chapterSchema.parse({ title: 'T', module: 1, order: 1, summary: 's', objectives: ['o'] });
    expect([parsed.draft, parsed.sources]).toEqual([false, []]);
  });
});
