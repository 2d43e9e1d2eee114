// Runs in the browser and in tests: version 0 of the progress, i.e. the separate keys the book used before
// the progress document existed, and the bridge that keeps them in step until their owners switch over.
//
//   prodml.theme      'light' | 'dark'               src/client/theme.ts (and the pre-paint script in Base.astro)
//   prodml.grades.v1  the grade calculator's record   src/client/grade-calculator.ts
//   prodml.cells.v1   the Python cells' edits         the Python cells
//
// While a tool still writes its own key, that key is the truth: its text is copied into `tools.<name>`
// whenever the document is loaded (so export carries it) and written back on import (so the tool sees it).
import { LEGACY_TOOL_KEYS, type ToolName } from './keys.ts';
import { MAX_TOOL_TEXT, themeSchema, type Progress } from './schema.ts';

/** The legacy keys' values as found in storage (null: the key is not set). */
export interface LegacyValues {
  theme: string | null;
  tools: Record<ToolName, string | null>;
}

/** What `absorbLegacy` did: the parts it copied and the values it could not use. */
export interface Absorbed {
  doc: Progress;
  /** E.g. `theme`, `tools.grades`. */
  taken: string[];
  rejected: string[];
}

/**
 * Copies the legacy keys into `doc` (a new document; `doc` is not changed). A value equal to what the
 * document holds is not counted as taken; a value a tool could not have written is rejected (and left in
 * its key, untouched); a tool's key that is gone removes the tool's copy. Migration v0 → v1 is
 * `absorbLegacy(emptyProgress(), legacy, now)`.
 * @example absorbLegacy(emptyProgress(), { theme: 'dark', tools: { grades: null, cells: null } }, now).doc.theme // 'dark'
 */
export function absorbLegacy(doc: Progress, legacy: LegacyValues, now: string): Absorbed {
  const next: Progress = { ...doc, tools: { ...doc.tools } };
  const taken: string[] = [];
  const rejected: string[] = [];
  if (legacy.theme !== null) {
    const theme = themeSchema.safeParse(legacy.theme);
    if (!theme.success) rejected.push('theme');
    else if (theme.data !== doc.theme) {
      next.theme = theme.data;
      taken.push('theme');
    }
  }
  for (const name of Object.keys(LEGACY_TOOL_KEYS) as ToolName[]) {
    const text = legacy.tools[name];
    if (text === null) {
      // The tool removed its own key (e.g. the student reset every cell): the copy follows.
      if (name in next.tools) {
        next.tools = Object.fromEntries(Object.entries(next.tools).filter(([key]) => key !== name));
        taken.push(`tools.${name}`);
      }
      continue;
    }
    if (text.length > MAX_TOOL_TEXT) rejected.push(`tools.${name}`);
    else if (doc.tools[name]?.text !== text) {
      next.tools[name] = { text, at: now };
      taken.push(`tools.${name}`);
    }
  }
  return { doc: next, taken, rejected };
}
