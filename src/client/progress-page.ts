// <progress-page>: fills «Мой прогресс» (src/pages/progress.astro) from the progress store, and runs the
// export (a JSON file download) and the import (read, validate, confirm, merge or replace, report).
// Loaded on demand; the element is defined once per browsing session.
import { ruProgress } from '../i18n/ru/progress.ts';
import type { Combined, Counts } from '../lib/progress/merge.ts';
import type { Progress } from '../lib/progress/schema.ts';
import { chapterSummary, orphanAnswers, type BookChapterInfo } from '../lib/progress/summary.ts';
import { MAX_IMPORT_BYTES, type ImportRead } from '../lib/progress/transfer.ts';
import { formatPoints } from '../lib/quiz/score.ts';
import { announce } from './announce.ts';
import { renderNotices } from './progress-notices.ts';
import { progress } from './progress.ts';

const s = ruProgress;

function one(root: ParentNode, selector: string): HTMLElement {
  return oneOf(root, selector, HTMLElement);
}

function oneOf<T extends Element>(root: ParentNode, selector: string, type: new () => T): T {
  const found = root.querySelector(selector);
  if (!(found instanceof type)) throw new Error(`progress-page: ${selector} is missing`);
  return found;
}

const setText = (element: Element, text: string): void => {
  if (element.textContent !== text) element.textContent = text;
};

/** `prodml-progress-2025-03-14.json`. */
const fileName = (): string => `prodml-progress-${new Date().toISOString().slice(0, 10)}.json`;

const settings = (c: Counts): number => c.theme + c.last;
const keptTotal = (c: Counts): number => c.answers + c.chapters + c.tools + c.theme + c.last;

class ProgressPage extends HTMLElement {
  #chapters: BookChapterInfo[] = [];
  #pending: { doc: Progress; mode: 'merge' | 'replace'; rejected: string[] } | null = null;
  #unsubscribe: (() => void) | undefined;

  connectedCallback(): void {
    this.#chapters = (
      JSON.parse(one(this, 'script[data-progress-data]').textContent) as { chapters: BookChapterInfo[] }
    ).chapters;
    const exportButton = oneOf(this, '[data-export]', HTMLButtonElement);
    exportButton.disabled = false;
    exportButton.addEventListener('click', () => {
      this.#export();
    });
    oneOf(this, '[data-import-button]', HTMLButtonElement).disabled = false;
    oneOf(this, '[data-import]', HTMLFormElement).addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#read();
    });
    one(this, '[data-confirm-yes]').addEventListener('click', () => {
      this.#apply();
    });
    one(this, '[data-confirm-no]').addEventListener('click', () => {
      this.#pending = null;
      one(this, '[data-confirm]').hidden = true;
      announce(s.cancelled);
      one(this, '[data-import-button]').focus();
    });
    this.#unsubscribe = progress().subscribe(() => {
      this.#render();
    });
    this.#render();
  }

  disconnectedCallback(): void {
    this.#unsubscribe?.();
  }

  #render(): void {
    const store = progress();
    const doc = store.doc;
    renderNotices(one(this, '[data-progress-notice]'), store.notices());
    let read = 0;
    for (const chapter of this.#chapters) {
      const row = this.querySelector(`tr[data-chapter="${chapter.slug}"]`);
      if (row === null) continue;
      const summary = chapterSummary(doc, chapter);
      if (summary.read) read += 1;
      setText(one(row, '[data-cell="read"]'), summary.read ? s.yes : s.no);
      setText(
        one(row, '[data-cell="quiz"]'),
        summary.quiz === null
          ? s.none
          : s.quizCell(formatPoints(summary.quiz.points), summary.quiz.max, summary.quiz.answered),
      );
      setText(
        one(row, '[data-cell="exercises"]'),
        summary.exercises === null ? s.none : s.exercisesCell(summary.exercises.solved, summary.exercises.total),
      );
      setText(one(row, '[data-cell="changed"]'), summary.changed > 0 ? s.changed(summary.changed) : '');
    }
    setText(one(this, '[data-totals]'), s.totals(read, this.#chapters.length));
    const orphans = orphanAnswers(doc, this.#chapters).length;
    const orphanNote = one(this, '[data-orphans]');
    orphanNote.hidden = orphans === 0;
    setText(orphanNote, orphans === 0 ? '' : s.orphans(orphans));
    const aside = store.aside().length;
    const asideNote = one(this, '[data-aside]');
    asideNote.hidden = aside === 0;
    setText(asideNote, aside === 0 ? '' : s.aside(aside));
    this.#renderContinue(doc);
  }

  #renderContinue(doc: Progress): void {
    const last = doc.last;
    const chapter = last === undefined ? undefined : this.#chapters.find((c) => c.slug === last.chapter);
    if (last === undefined || chapter === undefined) return;
    setText(one(this, '[data-continue-text]'), s.continueAt(chapter.title));
    const link = oneOf(this, '[data-continue-link]', HTMLAnchorElement);
    link.href = last.anchor === undefined ? chapter.href : `${chapter.href}#${last.anchor}`;
    setText(link, s.continueLink);
  }

  #export(): void {
    const blob = new Blob([progress().exportText()], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName();
    link.hidden = true;
    this.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => {
      URL.revokeObjectURL(url);
    }, 1000);
    announce(s.exported);
  }

  async #read(): Promise<void> {
    const error = one(this, '[data-import-error]');
    error.textContent = '';
    one(this, '[data-report]').hidden = true;
    const file = oneOf(this, '[data-file]', HTMLInputElement).files?.[0];
    if (file === undefined) {
      error.textContent = s.chooseFile;
      return;
    }
    if (file.size > MAX_IMPORT_BYTES) {
      error.textContent = s.importErrors['too-big'];
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      error.textContent = s.importErrors['not-read'];
      return;
    }
    const read: ImportRead = progress().preview(text);
    if (!read.ok) {
      error.textContent = s.importErrors[read.error];
      return;
    }
    const mode = oneOf(this, 'input[name="mode"]:checked', HTMLInputElement).value === 'replace' ? 'replace' : 'merge';
    const rejected = read.rejected.map((r) => r.path);
    this.#pending = { doc: read.doc, mode, rejected };
    const lines = [
      s.inFile(
        Object.keys(read.doc.answers).length,
        Object.keys(read.doc.chapters).length,
        Object.keys(read.doc.tools).length,
      ),
      mode === 'merge' ? s.confirmMerge : s.confirmReplace,
    ];
    if (rejected.length > 0) lines.push(`${s.rejected(rejected.length)}: ${rejected.join(', ')}.`);
    if (read.aside > 0) lines.push(s.asideInFile(read.aside));
    setText(one(this, '[data-confirm-text]'), lines.join(' '));
    one(this, '[data-confirm]').hidden = false;
    one(this, '#pp-confirm-title').focus();
  }

  #apply(): void {
    const pending = this.#pending;
    if (pending === null) return;
    this.#pending = null;
    one(this, '[data-confirm]').hidden = true;
    const result: Combined | null = progress().apply(pending.doc, pending.mode);
    if (result === null) {
      one(this, '[data-import-error]').textContent = s.importErrors['not-kept'];
      return;
    }
    const items = [
      s.taken(result.taken.answers, result.taken.chapters, result.taken.tools, settings(result.taken)),
      keptTotal(result.keptLocal) > 0 ? s.keptLocal(keptTotal(result.keptLocal)) : '',
      pending.rejected.length > 0
        ? `${s.rejected(pending.rejected.length)}: ${pending.rejected.join(', ')}.`
        : s.rejectedNone,
    ].filter((line) => line !== '');
    one(this, '[data-report-list]').replaceChildren(
      ...items.map((line) => {
        const li = document.createElement('li');
        li.textContent = line;
        return li;
      }),
    );
    one(this, '[data-report]').hidden = false;
    one(this, '#pp-report-title').focus();
    announce(items.join(' '));
  }
}

if (customElements.get('progress-page') === undefined) customElements.define('progress-page', ProgressPage);
