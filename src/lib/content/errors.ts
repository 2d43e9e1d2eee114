// Runs at build time and in unit tests: turns schema issues into messages an author can act on.
import type { z } from 'zod';

/** Path of an issue as `modules[2].hours.lectures`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    const name = String(key);
    return acc === '' ? name : `${acc}.${name}`;
  }, '');
}

/**
 * One line per problem: `content/course.yaml → modules[2].hours.lectures: Invalid input…`.
 * @param file the file the author edits, relative to the repository root.
 */
export function formatIssues(file: string, issues: ReadonlyArray<z.core.$ZodIssue>): string {
  const lines = issues.map((issue) => {
    const where = formatPath(issue.path);
    return `  • ${where === '' ? '(root)' : where}: ${issue.message}`;
  });
  return `${file} is not valid:\n${lines.join('\n')}`;
}

/** An error in the book's content: the build stops and prints `message` as is. */
export class ContentError extends Error {
  override readonly name = 'ContentError';
}
