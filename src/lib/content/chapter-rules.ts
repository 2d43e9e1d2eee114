// Runs at build time, in unit tests and in scripts: what a finished chapter must have. The counting itself is
// in stats.ts, shared with `npm run stats`.
import type { ChapterData } from './chapter-schema.ts';
import { chapterStats } from './stats.ts';

/** Words of prose a finished chapter must have at least. */
export const MIN_WORDS = 2500;
/** Heading every finished chapter must have. */
export const COMMON_MISTAKES_HEADING = 'Частые ошибки';
/** Reading speed for technical Russian text, words per minute. */
export const WORDS_PER_MINUTE = 180;

/** Minutes to read `words` words, at least 1. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}

/**
 * The rules a chapter marked `draft: false` must pass. Returns one message per broken rule,
 * in developer English, each naming the field or part to fix; empty when finished.
 */
export function finishedChapterProblems(data: ChapterData, mdxBody: string): string[] {
  const problems: string[] = [];
  const { words, sections, objectives, sources } = chapterStats(data, mdxBody);
  if (words < MIN_WORDS) problems.push(`body: ${words} words of prose, a finished chapter needs at least ${MIN_WORDS}`);
  if (sections.length < 3) problems.push(`body: ${sections.length} "##" sections, a finished chapter needs at least 3`);
  if (!sections.includes(COMMON_MISTAKES_HEADING)) {
    problems.push(`body: no "## ${COMMON_MISTAKES_HEADING}" section`);
  }
  if (objectives < 3) problems.push(`objectives: ${objectives}, at least 3 are needed`);
  if (sources < 3) problems.push(`sources: ${sources}, at least 3 are needed`);
  return problems;
}
