// The students' edits of Python cells in local storage (`prodml.cells.v1`, format: src/lib/python/edits.ts).
import { parseEdits, type EditsRecord } from '../lib/python/edits.ts';

const STORAGE_KEY = 'prodml.cells.v1';

/** The stored edits; null when the browser does not allow reading storage. */
export function loadCellEdits(): EditsRecord | null {
  try {
    return parseEdits(localStorage.getItem(STORAGE_KEY));
  } catch {
    return null;
  }
}

/** Stores the edits; false when storage is unavailable or full. */
export function saveCellEdits(record: EditsRecord): boolean {
  try {
    if (Object.keys(record.cells).length === 0) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}
