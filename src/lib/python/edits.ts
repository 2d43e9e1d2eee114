// Runs in the browser and in tests: the student's edits of Python cells, as kept in local storage.
// One record holds every edited cell of the book: `{ version: 1, cells: { "<namespace>/<id>": edit } }`.

/** The student's version of one cell. */
export interface CellEdit {
  code: string;
  /** `codeHash` of the book's code the edit started from. */
  base: string;
}

export interface EditsRecord {
  version: 1;
  cells: Record<string, CellEdit>;
}

export const emptyEdits = (): EditsRecord => ({ version: 1, cells: {} });

const isEdit = (value: unknown): value is CellEdit =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Record<string, unknown>)['code'] === 'string' &&
  typeof (value as Record<string, unknown>)['base'] === 'string';

/**
 * Reads the stored record; anything unreadable gives an empty record, and a broken entry is dropped
 * without losing the others.
 * @example parseEdits('{"version":1,"cells":{"intro/a":{"code":"x = 1","base":"9f"},"bad":3}}').cells
 * // { 'intro/a': { code: 'x = 1', base: '9f' } }
 */
export function parseEdits(text: string | null): EditsRecord {
  if (text === null) return emptyEdits();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return emptyEdits();
  }
  if (typeof data !== 'object' || data === null || (data as Record<string, unknown>)['version'] !== 1) {
    return emptyEdits();
  }
  const cells = (data as Record<string, unknown>)['cells'];
  const record = emptyEdits();
  if (typeof cells !== 'object' || cells === null) return record;
  for (const [key, edit] of Object.entries(cells)) {
    if (isEdit(edit)) record.cells[key] = { code: edit.code, base: edit.base };
  }
  return record;
}

/** The storage key of a cell inside the record. */
export const editKey = (namespace: string, id: string): string => `${namespace}/${id}`;

/** What a cell shows when the page opens. */
export interface RestoredCell {
  code: string;
  edited: boolean;
  /** The edit started from an older version of the book's cell. */
  stale: boolean;
}

/**
 * The code a cell opens with: the student's edit if there is one (marked stale when the book's code
 * changed since), else the book's code.
 * @example restoreCell(undefined, 'print(1)', 'h1') // { code: 'print(1)', edited: false, stale: false }
 * @example restoreCell({ code: 'print(2)', base: 'h0' }, 'print(1)', 'h1') // { code: 'print(2)', edited: true, stale: true }
 */
export function restoreCell(edit: CellEdit | undefined, bookCode: string, bookHash: string): RestoredCell {
  if (edit === undefined) return { code: bookCode, edited: false, stale: false };
  return { code: edit.code, edited: true, stale: edit.base !== bookHash };
}

/**
 * The record after the student changed a cell to `code`. Code equal to the book's removes the edit; an
 * edit keeps the base it started from, so an edit of an older version stays marked until «Сбросить».
 * @example withEdit(emptyEdits(), 'intro/a', 'x = 2', 'x = 1', 'h1').cells // { 'intro/a': { code: 'x = 2', base: 'h1' } }
 */
export function withEdit(
  record: EditsRecord,
  key: string,
  code: string,
  bookCode: string,
  bookHash: string,
): EditsRecord {
  if (code === bookCode) return withoutEdit(record, key);
  return { version: 1, cells: { ...record.cells, [key]: { code, base: record.cells[key]?.base ?? bookHash } } };
}

/** The record without the edit of one cell («Сбросить»). */
export function withoutEdit(record: EditsRecord, key: string): EditsRecord {
  return { version: 1, cells: Object.fromEntries(Object.entries(record.cells).filter(([k]) => k !== key)) };
}
