// Runs in the browser and in tests: the progress file a student downloads and loads back.
//
//   { "format": "prodml-progress", "exportedAt": "…", "progress": { …the document… },
//     "aside": [ { "key": "prodml.progress.aside.…", "text": "…" } ] }
//
// `aside` carries what the book kept aside (a corrupted record, a replaced document) so that nothing a
// student produced is lost; it is shown but never imported automatically.
import { readProgress, type Rejection } from './read.ts';
import type { Progress } from './schema.ts';

export const EXPORT_FORMAT = 'prodml-progress';
/** Largest file the import reads. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** A raw value the book kept aside, with the storage key it is kept under. */
export interface AsideEntry {
  key: string;
  text: string;
}

/**
 * The file's text, pretty-printed.
 * @example JSON.parse(exportText(doc, [], '2025-03-14T18:40:00.000Z')).format // 'prodml-progress'
 */
export function exportText(doc: Progress, aside: readonly AsideEntry[], now: string): string {
  return `${JSON.stringify({ format: EXPORT_FORMAT, exportedAt: now, progress: doc, aside }, null, 2)}\n`;
}

export type ImportRead =
  | {
      ok: true;
      doc: Progress;
      /** Entries of the file's document that were not valid. */
      rejected: Rejection[];
      /** Values kept aside in the file (not imported). */
      aside: number;
    }
  | { ok: false; error: 'not-json' | 'not-export' | 'newer' };

/**
 * Reads an exported file (or a bare document): validates it entry by entry, never throws.
 * @example readExport('{"format":"prodml-progress","progress":{"version":1,"chapters":{},"answers":{},"tools":{}}}') // ok, nothing rejected
 * @example readExport('[]') // { ok: false, error: 'not-export' }
 */
export function readExport(text: string): ImportRead {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not-json' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, error: 'not-export' };
  const envelope = data as Record<string, unknown>;
  const isEnvelope = envelope['format'] === EXPORT_FORMAT;
  if (!isEnvelope && envelope['format'] !== undefined) return { ok: false, error: 'not-export' };
  const read = readProgress(isEnvelope ? envelope['progress'] : envelope);
  if (!read.ok) return { ok: false, error: read.error === 'newer' ? 'newer' : 'not-export' };
  const aside = isEnvelope && Array.isArray(envelope['aside']) ? envelope['aside'].length : 0;
  return { ok: true, doc: read.doc, rejected: read.rejected, aside };
}
