// Runs at build time only: loads content/course.yaml and fails the build with a readable message.
import fs from 'node:fs';
import path from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { courseSchema, type Course } from '../lib/course/schema.ts';
import { courseConsistencyProblems } from '../lib/course/totals.ts';
import { ContentError, formatIssues } from '../lib/content/errors.ts';

export const COURSE_FILE = 'content/course.yaml';

/** Parses and validates course data; throws ContentError naming the file and each bad field. */
export function parseCourse(text: string, file = COURSE_FILE): Course {
  let raw: unknown;
  try {
    raw = loadYaml(text);
  } catch (error) {
    throw new ContentError(`${file} is not valid YAML: ${(error as Error).message}`);
  }
  const result = courseSchema.safeParse(raw);
  if (!result.success) throw new ContentError(formatIssues(file, result.error.issues));
  const problems = courseConsistencyProblems(result.data);
  if (problems.length > 0) {
    throw new ContentError(`${file} is inconsistent:\n${problems.map((p) => `  • ${p}`).join('\n')}`);
  }
  return result.data;
}

let cached: Course | undefined;

/** The course program as validated data (read once per build). */
export function getCourse(): Course {
  cached ??= parseCourse(fs.readFileSync(path.resolve(COURSE_FILE), 'utf8'));
  return cached;
}
