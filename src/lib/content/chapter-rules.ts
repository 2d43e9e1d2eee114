// Runs at build time, in unit tests and in scripts: the one place that counts a chapter's content.
import type { ChapterData } from './chapter-schema.ts';

/** Words of prose a finished chapter must have at least. */
export const MIN_WORDS = 2500;
/** Heading every finished chapter must have. */
export const COMMON_MISTAKES_HEADING = 'Частые ошибки';
/** Reading speed for technical Russian text, words per minute. */
export const WORDS_PER_MINUTE = 180;

/**
 * Strips what is not prose from an MDX body: fenced code, display and inline math, ESM
 * import/export lines, HTML/JSX elements that hold no prose (svg, script, style) and tags.
 */
export function proseOf(mdxBody: string): string {
  return mdxBody
    .replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, ' ')
    .replace(/\$\$[\s\S]*?\$\$/g, ' ')
    .replace(/\$[^$\n]+\$/g, ' ')
    .replace(/^(?:import|export)\s.*$/gm, ' ')
    .replace(/<(svg|script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/`[^`\n]*`/g, (code) => code.slice(1, -1));
}

/**
 * Counts words of prose: runs of letters or digits, joined by hyphens or apostrophes
 * («какой-нибудь» is one word).
 * @example countWords('Модель — это 5 % системы.') // 4
 */
export function countWords(mdxBody: string): number {
  return proseOf(mdxBody).match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Minutes to read `words` words, at least 1. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}

/** Second-level headings of an MDX body, in order, as written. */
export function sectionHeadings(mdxBody: string): string[] {
  const withoutCode = mdxBody.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '');
  return Array.from(withoutCode.matchAll(/^##\s+(.+?)\s*#*\s*$/gm), (m) => m[1] ?? '');
}

/**
 * The rules a chapter marked `draft: false` must pass. Returns one message per broken rule,
 * in developer English, each naming the field or part to fix; empty when finished.
 */
export function finishedChapterProblems(data: ChapterData, mdxBody: string): string[] {
  const problems: string[] = [];
  const words = countWords(mdxBody);
  if (words < MIN_WORDS) problems.push(`body: ${words} words of prose, a finished chapter needs at least ${MIN_WORDS}`);
  const headings = sectionHeadings(mdxBody);
  if (headings.length < 3) problems.push(`body: ${headings.length} "##" sections, a finished chapter needs at least 3`);
  if (!headings.includes(COMMON_MISTAKES_HEADING)) {
    problems.push(`body: no "## ${COMMON_MISTAKES_HEADING}" section`);
  }
  if (data.objectives.length < 3) problems.push(`objectives: ${data.objectives.length}, at least 3 are needed`);
  if (data.sources.length < 3) problems.push(`sources: ${data.sources.length}, at least 3 are needed`);
  return problems;
}
