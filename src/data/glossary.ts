// Runs at build time only: loads content/glossary.yaml and fails the build with a readable message.
import fs from 'node:fs';
import path from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { getCourse } from './course.ts';
import { glossarySchema, type Glossary, type GlossaryTerm } from '../lib/glossary/schema.ts';
import { glossaryProblems, sortTerms } from '../lib/glossary/consistency.ts';
import { ContentError, formatIssues } from '../lib/content/errors.ts';

export const GLOSSARY_FILE = 'content/glossary.yaml';

/**
 * Parses and validates the glossary against the course's chapter slugs.
 * @throws ContentError naming the file and each bad field.
 */
export function parseGlossary(text: string, chapterSlugs: readonly string[], file = GLOSSARY_FILE): Glossary {
  let raw: unknown;
  try {
    raw = loadYaml(text);
  } catch (error) {
    throw new ContentError(`${file} is not valid YAML: ${(error as Error).message}`);
  }
  const result = glossarySchema.safeParse(raw);
  if (!result.success) throw new ContentError(formatIssues(file, result.error.issues));
  const problems = glossaryProblems(result.data, chapterSlugs);
  if (problems.length > 0) {
    throw new ContentError(`${file} is inconsistent:\n${problems.map((p) => `  • ${p}`).join('\n')}`);
  }
  return result.data;
}

let cached: GlossaryTerm[] | undefined;

/** Every glossary term in Russian alphabetical order (read and validated once per build). */
export function getGlossary(): GlossaryTerm[] {
  const slugs = getCourse().modules.flatMap((m) => m.topics.map((topic) => topic.chapter));
  cached ??= sortTerms(parseGlossary(fs.readFileSync(path.resolve(GLOSSARY_FILE), 'utf8'), slugs).terms);
  return cached;
}

/**
 * The term with this id, for `<Term id="…">`.
 * @throws ContentError when no term has this id, listing the close ones.
 */
export function glossaryTerm(id: string): GlossaryTerm {
  const terms = getGlossary();
  const term = terms.find((candidate) => candidate.id === id);
  if (term !== undefined) return term;
  const stem = id.split('-')[0] ?? id;
  const similar = terms.filter((candidate) => candidate.id.includes(stem)).map((candidate) => candidate.id);
  throw new ContentError(
    `<Term id="${id}">: no such term in ${GLOSSARY_FILE}.` +
      (similar.length > 0 ? ` Did you mean: ${similar.join(', ')}?` : ' Add it to the glossary first.'),
  );
}
