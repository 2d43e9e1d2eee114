// `npm run stats` counts a fixture chapter whose numbers were counted by hand, and the finished-chapter rules
// report the same numbers.
import { describe, expect, it } from 'vitest';
import { finishedChapterProblems } from '../../src/lib/content/chapter-rules.ts';
import { chapterStats, componentCounts, totalStats } from '../../src/lib/content/stats.ts';
import { readChapters } from '../../scripts/book-files.ts';
import { bookStats, formatStats } from '../../scripts/stats.ts';

const FIXTURE = 'tests/fixtures/stats-book';

describe('npm run stats on the fixture chapter', () => {
  const [row] = bookStats(FIXTURE);

  it('counts what was counted by hand', () => {
    // Words: «Первый раздел» 2 + «Модель — это дрейф данных и pip install тоже» 8 + «Второй раздел» 2
    // + «Формула не считается, а какой-нибудь текст считается» 7 + «Частые ошибки» 2 + «Пример кода» 2
    // + «Ещё реестр моделей» 3 = 26; code, math, imports and tags are not prose. The PyCell and the
    // "## heading" inside the ```mdx block are code, not a cell or a section.
    expect(row?.stats).toEqual({
      words: 26,
      sections: ['Первый раздел', 'Второй раздел', 'Частые ошибки'],
      cells: 2,
      quizQuestions: 2,
      exercises: 1,
      labs: 1,
      glossaryLinks: 2,
      objectives: 2,
      sources: 2,
      draft: false,
    });
  });

  it('prints a row per chapter and the totals', () => {
    const lines = formatStats(bookStats(FIXTURE)).split('\n');
    expect(lines[0]?.split(/\s+/)).toEqual([
      'chapter',
      'words',
      'cells',
      'quiz',
      'exercises',
      'labs',
      'terms',
      'sources',
      'status',
    ]);
    expect(lines[2]?.split(/\s+/)).toEqual(['01-fixture', '26', '2', '2', '1', '1', '2', '2', 'finished']);
    expect(lines.at(-1)?.split(/\s+/)).toEqual([
      'total:',
      '1',
      'chapter',
      '26',
      '2',
      '2',
      '1',
      '1',
      '2',
      '2',
      '0',
      'drafts',
    ]);
  });

  it('gives the finished-chapter rules the same numbers', () => {
    const [chapter] = readChapters(FIXTURE);
    if (chapter === undefined) throw new Error('the fixture chapter is missing');
    expect(finishedChapterProblems(chapter.data, chapter.body)).toEqual([
      'body: 26 words of prose, a finished chapter needs at least 2500',
      'objectives: 2, at least 3 are needed',
      'sources: 2, at least 3 are needed',
    ]);
  });
});

describe('componentCounts', () => {
  it('counts opening tags outside fenced code only', () => {
    const body = '<Term id="a">x</Term>\n\n```mdx\n<Term id="b">y</Term>\n```\n\n<PyCell id="c">\n\n</PyCell>';
    expect(Object.fromEntries(componentCounts(body))).toEqual({ Term: 1, PyCell: 1 });
  });
});

describe('totalStats', () => {
  it('adds up every count and the drafts', () => {
    const data = { title: 'T', module: 1, order: 1, summary: 'S', objectives: ['a'], sources: [], draft: true };
    const one = chapterStats(data, 'Два слова <PyCell id="x">', { questions: [{ type: 'single' }, { type: 'code' }] });
    const total = totalStats([one, { ...one, draft: false }]);
    expect(total).toEqual({
      words: 4,
      cells: 2,
      quizQuestions: 2,
      exercises: 2,
      labs: 0,
      glossaryLinks: 0,
      objectives: 2,
      sources: 0,
      drafts: 1,
    });
  });
});
