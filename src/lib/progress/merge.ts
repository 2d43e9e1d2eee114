// Runs in the browser and in tests: combining an imported document with the one in the browser.
import type { Progress } from './schema.ts';

/** How many entries of each kind an import took from the file (and, for a merge, kept from the browser). */
export interface Counts {
  answers: number;
  chapters: number;
  tools: number;
  theme: number;
  last: number;
}

export interface Combined {
  doc: Progress;
  /** Entries that now come from the file. */
  taken: Counts;
  /** Entries of the file not taken because the browser's own were newer (always zero for a replace). */
  keptLocal: Counts;
}

const zero = (): Counts => ({ answers: 0, chapters: 0, tools: 0, theme: 0, last: 0 });

/** Per key, the entry with the later `at` (ties keep `local`). */
function newer<T extends { at: string }>(
  local: Record<string, T>,
  incoming: Record<string, T>,
  count: { taken: number; kept: number },
): Record<string, T> {
  const out = { ...local };
  for (const [key, entry] of Object.entries(incoming)) {
    const mine = local[key];
    if (mine === undefined || Date.parse(entry.at) > Date.parse(mine.at)) {
      out[key] = entry;
      count.taken += 1;
    } else if (JSON.stringify(mine) !== JSON.stringify(entry)) count.kept += 1;
  }
  return out;
}

/**
 * Merges `incoming` into `local`: for every answer, chapter mark and tool record the later one wins
 * (by its `at`), the later «last visit» wins, and the theme chosen in this browser stays (the file's
 * theme is taken only when this browser has none). Nothing in `local` is lost unless the file has a
 * later version of the same entry.
 * @example mergeProgress(local, file).taken.answers // answers now taken from the file
 */
export function mergeProgress(local: Progress, incoming: Progress): Combined {
  const taken = zero();
  const keptLocal = zero();
  const step = <T extends { at: string }>(
    a: Record<string, T>,
    b: Record<string, T>,
    kind: 'answers' | 'chapters' | 'tools',
  ) => {
    const count = { taken: 0, kept: 0 };
    const result = newer(a, b, count);
    taken[kind] = count.taken;
    keptLocal[kind] = count.kept;
    return result;
  };
  const doc: Progress = {
    ...local,
    answers: step(local.answers, incoming.answers, 'answers'),
    chapters: step(local.chapters, incoming.chapters, 'chapters'),
    tools: step(local.tools, incoming.tools, 'tools'),
  };
  if (local.theme === undefined && incoming.theme !== undefined) {
    doc.theme = incoming.theme;
    taken.theme = 1;
  } else if (incoming.theme !== undefined && incoming.theme !== local.theme) keptLocal.theme = 1;
  if (incoming.last !== undefined) {
    if (local.last === undefined || Date.parse(incoming.last.at) > Date.parse(local.last.at)) {
      doc.last = incoming.last;
      taken.last = 1;
    } else if (JSON.stringify(local.last) !== JSON.stringify(incoming.last)) keptLocal.last = 1;
  }
  return { doc, taken, keptLocal };
}

/**
 * Replaces `local` with `incoming` entirely (the caller keeps the replaced document aside first).
 * @example replaceProgress(file).taken.answers // every answer of the file
 */
export function replaceProgress(incoming: Progress): Combined {
  return {
    doc: incoming,
    taken: {
      answers: Object.keys(incoming.answers).length,
      chapters: Object.keys(incoming.chapters).length,
      tools: Object.keys(incoming.tools).length,
      theme: incoming.theme === undefined ? 0 : 1,
      last: incoming.last === undefined ? 0 : 1,
    },
    keptLocal: zero(),
  };
}
