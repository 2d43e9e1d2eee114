// The progress store: one document for everything a student produces (src/lib/progress), kept in
// localStorage through storage.ts. Loaded on demand (dynamic import) by the pages that need it; one
// instance per browsing session. Bad storage never breaks a page: the store keeps working in memory and
// says why through `notices()`. See docs/progress.md.
import type { Answer } from '../lib/quiz/answer.ts';
import { ASIDE_PREFIX, LEGACY_TOOL_KEYS, PROGRESS_KEY, THEME_KEY, type ToolName } from '../lib/progress/keys.ts';
import { absorbLegacy, type LegacyValues } from '../lib/progress/legacy.ts';
import { mergeProgress, replaceProgress, type Combined } from '../lib/progress/merge.ts';
import { readProgressText } from '../lib/progress/read.ts';
import { emptyProgress, type LastVisit, type Progress, type Theme } from '../lib/progress/schema.ts';
import { exportText, readExport, type AsideEntry, type ImportRead } from '../lib/progress/transfer.ts';
import * as update from '../lib/progress/update.ts';
import { keysWithPrefix, onExternalChange, readItem, writeItem } from './storage.ts';

/**
 * Why the page cannot keep progress as usual:
 * `unavailable` — the browser refuses storage; `quota` — storage is full; `corrupted` — the saved
 * progress could not be read and was kept aside; `salvaged` — some saved entries could not be read and
 * were kept aside; `newer` — a newer version of the book saved it, so this page does not write over it.
 */
export type Notice = 'unavailable' | 'quota' | 'corrupted' | 'salvaged' | 'newer';

const now = (): string => new Date().toISOString();

function legacyValues(): LegacyValues {
  const value = (key: string): string | null => {
    const read = readItem(key);
    return read.ok ? read.value : null;
  };
  const tools = Object.fromEntries(
    Object.entries(LEGACY_TOOL_KEYS).map(([name, key]) => [name, value(key)]),
  ) as LegacyValues['tools'];
  return { theme: value(THEME_KEY), tools };
}

class ProgressStore {
  #doc: Progress = emptyProgress();
  readonly #notices = new Set<Notice>();
  readonly #listeners = new Set<() => void>();
  /** True while the stored document was written by a newer book: nothing is written over it. */
  #readOnly = false;

  constructor() {
    this.#load();
    onExternalChange(PROGRESS_KEY, () => {
      this.#load();
      this.#emit();
    });
  }

  /** The current document (do not change it: use the methods). */
  get doc(): Progress {
    return this.#doc;
  }

  notices(): Notice[] {
    return [...this.#notices];
  }

  /** Calls `listener` after every change (also one made in another tab); returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  saveAnswer(entry: { question: string; quiz: string; hash: string; answer: Answer; score: number | undefined }): void {
    this.#change((doc) => update.recordAnswer(doc, entry, now()));
  }

  markChapter(chapter: string, read: boolean, by: 'end' | 'button'): void {
    this.#change((doc) => update.markChapter(doc, chapter, read, by, now()));
  }

  visit(place: Omit<LastVisit, 'at'>): void {
    this.#change((doc) => update.visit(doc, place, now()));
  }

  setTheme(theme: Theme): void {
    this.#change((doc) => update.setTheme(doc, theme));
  }

  /** A tool's own record (e.g. the grade calculator's), or null. */
  readTool(name: ToolName): string | null {
    return this.#doc.tools[name]?.text ?? null;
  }

  /** Saves a tool's own record (also under its legacy key, which the tool may still read). */
  writeTool(name: ToolName, text: string): void {
    this.#change((doc) => update.setTool(doc, name, text, now()));
    this.#mirrorTools([name]);
  }

  /** The progress file's text, with everything kept aside. */
  exportText(): string {
    return exportText(this.#doc, this.aside(), now());
  }

  /** Values kept aside in this browser (a corrupted record, a replaced document). */
  aside(): AsideEntry[] {
    return keysWithPrefix(ASIDE_PREFIX).flatMap((key) => {
      const read = readItem(key);
      return read.ok && read.value !== null ? [{ key, text: read.value }] : [];
    });
  }

  /** Reads a progress file without applying it (for the confirmation step). */
  preview(text: string): ImportRead {
    return readExport(text);
  }

  /**
   * Applies a previewed file: `merge` keeps the later of each entry, `replace` takes the file entirely
   * after keeping the current document aside. Null when the current document could not be kept aside
   * (storage full): then nothing changes.
   */
  apply(file: Progress, mode: 'merge' | 'replace'): Combined | null {
    const stored = this.#writable();
    if (stored) this.#load();
    if (mode === 'replace' && stored && !this.#keepAside(JSON.stringify(this.#doc), 'replaced')) return null;
    const result = mode === 'merge' ? mergeProgress(this.#doc, file) : replaceProgress(file);
    this.#doc = result.doc;
    this.#save();
    this.#mirrorTools(Object.keys(LEGACY_TOOL_KEYS) as ToolName[]);
    this.#emit();
    return result;
  }

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }

  /** Reads the stored document (migrating, salvaging, absorbing legacy keys) into `#doc`. */
  #load(): void {
    const stored = readItem(PROGRESS_KEY);
    if (!stored.ok) {
      this.#notices.add('unavailable');
      return;
    }
    let doc = emptyProgress();
    let dirty = stored.value === null;
    if (stored.value !== null) {
      const read = readProgressText(stored.value);
      if (!read.ok && read.error === 'newer') {
        this.#readOnly = true;
        this.#notices.add('newer');
        return;
      }
      if (!read.ok || read.rejected.length > 0) {
        // Keep the raw value before anything is written over it; if that fails, write nothing.
        if (!this.#keepAside(stored.value, read.ok ? 'salvaged' : 'corrupted')) this.#readOnly = true;
        this.#notices.add(read.ok ? 'salvaged' : 'corrupted');
        dirty = true;
      }
      if (read.ok) doc = read.doc;
    }
    const absorbed = absorbLegacy(doc, legacyValues(), now());
    this.#doc = absorbed.doc;
    if (dirty || absorbed.taken.length > 0) this.#save();
  }

  /** True when changes reach storage. */
  #writable(): boolean {
    return !this.#readOnly && !this.#notices.has('unavailable');
  }

  #change(edit: (doc: Progress) => Progress): void {
    // Re-read first so that a change made in another tab is not written over.
    if (this.#writable()) this.#load();
    this.#doc = edit(this.#doc);
    this.#save();
    this.#emit();
  }

  #save(): void {
    if (this.#readOnly) return;
    const written = writeItem(PROGRESS_KEY, JSON.stringify(this.#doc));
    if (!written.ok) {
      this.#notices.add(written.failure);
      return;
    }
    this.#notices.delete('quota');
    const theme = this.#doc.theme;
    if (theme !== undefined) {
      const mirror = readItem(THEME_KEY);
      if (mirror.ok && mirror.value !== theme) writeItem(THEME_KEY, theme);
    }
  }

  /** Writes tools' records back under their legacy keys, for tools that still read them. */
  #mirrorTools(names: readonly ToolName[]): void {
    if (this.#readOnly) return;
    for (const name of names) {
      const text = this.#doc.tools[name]?.text;
      const current = readItem(LEGACY_TOOL_KEYS[name]);
      if (text !== undefined && current.ok && current.value !== text) writeItem(LEGACY_TOOL_KEYS[name], text);
    }
  }

  /** Keeps `text` under a new aside key unless the same text is already kept; false if it could not. */
  #keepAside(text: string, reason: 'corrupted' | 'salvaged' | 'replaced'): boolean {
    if (this.aside().some((entry) => entry.text === text)) return true;
    const written = writeItem(`${ASIDE_PREFIX}${now()}.${reason}`, text);
    if (!written.ok) this.#notices.add(written.failure);
    return written.ok;
  }
}

let instance: ProgressStore | undefined;

/** The store of this browsing session. */
export function progress(): ProgressStore {
  instance ??= new ProgressStore();
  return instance;
}

export type { ProgressStore };
