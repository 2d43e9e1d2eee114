// Runs at build time, in unit tests and in scripts: the one place that counts what a chapter contains. The
// finished-chapter rules (chapter-rules.ts), the reading time and `npm run stats` all count with it.
import { ACTIVITY_COMPONENTS } from '../instructor/activities.ts';
import type { ChapterData } from './chapter-schema.ts';

/** A fenced code block (``` or ~~~), from its opening to its closing fence. */
const FENCED_CODE = /^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm;

/** The component that runs a Python cell. */
export const CELL_COMPONENT = 'PyCell';
/** The component that links a glossary term. */
export const TERM_COMPONENT = 'Term';
/** The lab components: those the instructor page lists as labs. */
export const LAB_COMPONENTS: readonly string[] = Object.entries(ACTIVITY_COMPONENTS)
  .filter(([, spec]) => spec.kind === 'lab')
  .map(([name]) => name);

/**
 * Strips what is not prose from an MDX body: fenced code, display and inline math, ESM
 * import/export lines, HTML/JSX elements that hold no prose (svg, script, style) and tags.
 */
export function proseOf(mdxBody: string): string {
  return mdxBody
    .replace(FENCED_CODE, ' ')
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

/** Second-level headings of an MDX body, in order, as written. */
export function sectionHeadings(mdxBody: string): string[] {
  const withoutCode = mdxBody.replace(FENCED_CODE, '');
  return Array.from(withoutCode.matchAll(/^##\s+(.+?)\s*#*\s*$/gm), (m) => m[1] ?? '');
}

/**
 * How many times each MDX component is used (`<PyCell …>`, `<Term …>`), outside fenced code; closing tags
 * are not counted.
 * @example componentCounts('<Term id="a">x</Term> <Term id="b">y</Term>').get('Term') // 2
 */
export function componentCounts(mdxBody: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of mdxBody.replace(FENCED_CODE, ' ').matchAll(/<([A-Z][A-Za-z0-9]*)\b/g)) {
    const name = m[1] ?? '';
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

/** What the counting needs from a quiz: the type of each question. */
export interface QuizShape {
  questions: ReadonlyArray<{ type: string }>;
}

/** Everything counted in one chapter. */
export interface ChapterStats {
  /** Words of prose (see `countWords`). */
  words: number;
  /** The `##` headings, in order. */
  sections: string[];
  /** `<PyCell>` uses, hidden setup cells included. */
  cells: number;
  /** Questions of the chapter's quiz that are not code exercises. */
  quizQuestions: number;
  /** Code exercises (`type: code`) of the chapter's quiz. */
  exercises: number;
  /** Uses of the lab components (`LAB_COMPONENTS`). */
  labs: number;
  /** `<Term>` uses: links to the glossary. */
  glossaryLinks: number;
  objectives: number;
  sources: number;
  draft: boolean;
}

/**
 * Counts a chapter: its frontmatter, its MDX body and, when it has one, its quiz.
 * @example chapterStats(data, '## Раз\n\n<PyCell id="a">…</PyCell>').cells // 1
 */
export function chapterStats(data: ChapterData, mdxBody: string, quiz?: QuizShape): ChapterStats {
  const components = componentCounts(mdxBody);
  const uses = (name: string): number => components.get(name) ?? 0;
  const questions = quiz?.questions ?? [];
  const exercises = questions.filter((q) => q.type === 'code').length;
  return {
    words: countWords(mdxBody),
    sections: sectionHeadings(mdxBody),
    cells: uses(CELL_COMPONENT),
    quizQuestions: questions.length - exercises,
    exercises,
    labs: LAB_COMPONENTS.reduce((sum, name) => sum + uses(name), 0),
    glossaryLinks: uses(TERM_COMPONENT),
    objectives: data.objectives.length,
    sources: data.sources.length,
    draft: data.draft,
  };
}

/** The numeric fields of `ChapterStats` that add up across chapters. */
export type CountField = Exclude<keyof ChapterStats, 'sections' | 'draft'>;

/** Sums of every count over `chapters`, plus the number of drafts. */
export function totalStats(chapters: readonly ChapterStats[]): Record<CountField, number> & { drafts: number } {
  const sum = (field: CountField): number => chapters.reduce((acc, c) => acc + c[field], 0);
  return {
    words: sum('words'),
    cells: sum('cells'),
    quizQuestions: sum('quizQuestions'),
    exercises: sum('exercises'),
    labs: sum('labs'),
    glossaryLinks: sum('glossaryLinks'),
    objectives: sum('objectives'),
    sources: sum('sources'),
    drafts: chapters.filter((c) => c.draft).length,
  };
}
