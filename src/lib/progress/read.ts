// Runs in the browser and in tests: the validating guard. Reads a stored or imported document entry by
// entry, so that one bad entry costs only itself: the rest is kept and the bad parts are reported.
import type * as z from 'zod/mini';
import {
  PROGRESS_VERSION,
  answerRecordSchema,
  chapterRecordSchema,
  emptyProgress,
  idSchema,
  lastVisitSchema,
  themeSchema,
  toolRecordSchema,
  type Progress,
} from './schema.ts';

/** A part of the document that was not taken, e.g. `answers.intro-levels`. */
export interface Rejection {
  path: string;
  reason: 'invalid' | 'unknown';
}

export type ReadResult =
  | { ok: true; doc: Progress; rejected: Rejection[] }
  | {
      ok: false;
      /** `not-json`: unparsable; `not-progress`: not an object with a version; `newer`: written by a newer book. */
      error: 'not-json' | 'not-progress' | 'newer';
    };

const SECTIONS = {
  chapters: chapterRecordSchema,
  answers: answerRecordSchema,
  tools: toolRecordSchema,
} as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readSection<T>(
  value: unknown,
  name: string,
  schema: z.ZodMiniType<T>,
  rejected: Rejection[],
): Record<string, T> {
  const entries: Record<string, T> = {};
  if (value === undefined) return entries;
  if (!isObject(value)) {
    rejected.push({ path: name, reason: 'invalid' });
    return entries;
  }
  for (const [key, entry] of Object.entries(value)) {
    const parsed = schema.safeParse(entry);
    if (idSchema.safeParse(key).success && parsed.success) entries[key] = parsed.data;
    else rejected.push({ path: `${name}.${key}`, reason: 'invalid' });
  }
  return entries;
}

/**
 * Reads a document of this version entry by entry: valid entries are kept, the rest listed in `rejected`.
 * Never throws.
 * @example readProgress({ version: 1, chapters: {}, answers: { x: 1 }, tools: {} }) // ok, rejected: [{ path: 'answers.x', reason: 'invalid' }]
 * @example readProgress({ version: 2 }) // { ok: false, error: 'newer' }
 */
export function readProgress(data: unknown): ReadResult {
  if (!isObject(data) || typeof data['version'] !== 'number') return { ok: false, error: 'not-progress' };
  if (data['version'] > PROGRESS_VERSION) return { ok: false, error: 'newer' };
  if (data['version'] !== PROGRESS_VERSION) return { ok: false, error: 'not-progress' };
  const rejected: Rejection[] = [];
  const doc = emptyProgress();
  doc.chapters = readSection(data['chapters'], 'chapters', SECTIONS.chapters, rejected);
  doc.answers = readSection(data['answers'], 'answers', SECTIONS.answers, rejected);
  doc.tools = readSection(data['tools'], 'tools', SECTIONS.tools, rejected);
  if (data['theme'] !== undefined) {
    const theme = themeSchema.safeParse(data['theme']);
    if (theme.success) doc.theme = theme.data;
    else rejected.push({ path: 'theme', reason: 'invalid' });
  }
  if (data['last'] !== undefined) {
    const last = lastVisitSchema.safeParse(data['last']);
    if (last.success) doc.last = last.data;
    else rejected.push({ path: 'last', reason: 'invalid' });
  }
  const known = new Set(['version', 'theme', 'last', ...Object.keys(SECTIONS)]);
  for (const key of Object.keys(data)) if (!known.has(key)) rejected.push({ path: key, reason: 'unknown' });
  return { ok: true, doc, rejected };
}

/**
 * Reads the text kept in storage or a file: JSON first, then `readProgress`.
 * @example readProgressText('{oops') // { ok: false, error: 'not-json' }
 */
export function readProgressText(text: string): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not-json' };
  }
  return readProgress(data);
}
