// `npm run stats`: a table of the book, one row per chapter (words, Python cells, quiz questions, code
// exercises, labs, glossary links, sources, draft or finished) with totals at the bottom. It counts with
// src/lib/content/stats.ts, the same code the build's finished-chapter rules use.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readChapters, readQuiz } from './book-files.ts';
import { chapterStats, totalStats, type ChapterStats } from '../src/lib/content/stats.ts';

export interface ChapterRow {
  file: string;
  slug: string;
  stats: ChapterStats;
}

/** Counts every chapter of the book in `root`, in program order. */
export function bookStats(root: string): ChapterRow[] {
  return readChapters(root).map(({ file, slug, data, body }) => ({
    file,
    slug,
    stats: chapterStats(data, body, readQuiz(root, slug)),
  }));
}

const COLUMNS = ['chapter', 'words', 'cells', 'quiz', 'exercises', 'labs', 'terms', 'sources', 'status'] as const;
/** Columns aligned to the left; the others are numbers, aligned to the right. */
const TEXT_COLUMNS = new Set(['chapter', 'status']);

/** The table as plain text: a header, a rule, one line per chapter, a rule and the totals. */
export function formatStats(rows: readonly ChapterRow[]): string {
  const cells = (name: string, s: Omit<ChapterStats, 'sections' | 'draft'>, status: string): string[] => [
    name,
    String(s.words),
    String(s.cells),
    String(s.quizQuestions),
    String(s.exercises),
    String(s.labs),
    String(s.glossaryLinks),
    String(s.sources),
    status,
  ];
  const body = rows.map((r) => cells(path.basename(r.file, '.mdx'), r.stats, r.stats.draft ? 'draft' : 'finished'));
  const total = totalStats(rows.map((r) => r.stats));
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const footer = cells(`total: ${plural(rows.length, 'chapter')}`, total, plural(total.drafts, 'draft'));
  const table = [[...COLUMNS], ...body, footer];
  const widths = COLUMNS.map((_, i) => Math.max(...table.map((line) => (line[i] ?? '').length)));
  const render = (line: string[]): string =>
    line
      .map((cell, i) =>
        TEXT_COLUMNS.has(COLUMNS[i] ?? '') ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [render([...COLUMNS]), rule, ...body.map(render), rule, render(footer)].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  try {
    console.log(formatStats(bookStats(root)));
    console.log(
      '\nquiz: questions that are not code exercises; terms: <Term> links to the glossary; cells include hidden setup cells.',
    );
  } catch (error) {
    console.error(`✖ ${(error as Error).message}`);
    process.exit(1);
  }
}
