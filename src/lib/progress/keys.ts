// Runs in the browser and in tests: the localStorage keys the book uses. No imports, so the always-loaded
// script can name a key without pulling in the schemas.
//
//   prodml.progress              the progress document (schema.ts), JSON
//   prodml.progress.aside.<…>    values kept aside: a corrupted document, a document replaced by an import
//   prodml.theme                 mirror of the theme for the pre-paint script in src/layouts/Base.astro
//   prodml.grades.v1             the grade calculator's own record (until it switches to the document)
//   prodml.cells.v1              the Python cells' own record (until they switch to the document)

export const PROGRESS_KEY = 'prodml.progress';
export const ASIDE_PREFIX = 'prodml.progress.aside.';
/** The theme, as the inline script in Base.astro reads it before first paint. */
export const THEME_KEY = 'prodml.theme';
/** Keys of tools that still keep their own record, by the tool's name in `Progress.tools`. */
export const LEGACY_TOOL_KEYS = { grades: 'prodml.grades.v1', cells: 'prodml.cells.v1' } as const;

export type ToolName = keyof typeof LEGACY_TOOL_KEYS;
