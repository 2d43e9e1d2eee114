// Reads the book's source files the way the build sees them, for `npm run stats` and `npm run new:chapter`:
// chapters (frontmatter validated with the build's chapterSchema) and quizzes (validated with parseQuiz).
import fs from 'node:fs';
import path from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { chapterSchema, type ChapterData } from '../src/lib/content/chapter-schema.ts';
import { formatIssues } from '../src/lib/content/errors.ts';
import { formatProblem, parseQuiz } from '../src/lib/quiz/rules.ts';
import type { Quiz } from '../src/lib/quiz/schema.ts';

export const CHAPTER_DIR = 'content/chapters';
export const QUIZ_DIR = 'content/quizzes';
/** A chapter file name: `NN-<slug>.mdx`, as the content collection's loader matches it. */
export const CHAPTER_FILE = /^(\d\d)-(.+)\.mdx$/;

/** A problem in the book's files, with a message that names the file. */
export class BookFileError extends Error {
  override readonly name = 'BookFileError';
}

export interface ChapterFile {
  /** Path relative to the repository root, e.g. `content/chapters/01-introduction.mdx`. */
  file: string;
  slug: string;
  data: ChapterData;
  /** The MDX after the frontmatter. */
  body: string;
}

/**
 * Splits a chapter file into its YAML frontmatter and its body.
 * @example splitFrontmatter('---\ntitle: A\n---\n\nТекст') // { front: 'title: A', body: '\nТекст' }
 */
export function splitFrontmatter(text: string): { front: string; body: string } | null {
  const m = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/.exec(text);
  return m === null ? null : { front: m[1] ?? '', body: m[2] ?? '' };
}

/** Parses and validates one chapter file; throws BookFileError naming the file and the field. */
export function parseChapter(file: string, text: string): ChapterData & { body: string } {
  const parts = splitFrontmatter(text);
  if (parts === null) throw new BookFileError(`${file}: no frontmatter (a block between two "---" lines)`);
  const result = chapterSchema.safeParse(loadYaml(parts.front));
  if (!result.success) throw new BookFileError(formatIssues(file, result.error.issues));
  return { ...result.data, body: parts.body };
}

/** Every chapter of `root`'s content/chapters, in file-name (program) order. */
export function readChapters(root: string): ChapterFile[] {
  const dir = path.join(root, CHAPTER_DIR);
  return fs
    .readdirSync(dir)
    .filter((name) => CHAPTER_FILE.test(name))
    .sort()
    .map((name) => {
      const file = `${CHAPTER_DIR}/${name}`;
      const { body, ...data } = parseChapter(file, fs.readFileSync(path.join(dir, name), 'utf8'));
      return { file, slug: name.replace(CHAPTER_FILE, '$2'), data, body };
    });
}

/** The quiz `content/quizzes/<slug>.yaml` of `root`, validated; undefined when the chapter has none. */
export function readQuiz(root: string, slug: string): Quiz | undefined {
  const file = `${QUIZ_DIR}/${slug}.yaml`;
  const full = path.join(root, file);
  if (!fs.existsSync(full)) return undefined;
  const parsed = parseQuiz(file, loadYaml(fs.readFileSync(full, 'utf8')));
  if (!parsed.ok) throw new BookFileError(parsed.problems.map(formatProblem).join('\n'));
  return parsed.quiz;
}
