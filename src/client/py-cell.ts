// <py-cell>: enhances a cell rendered by PyCell.astro. This small module shows the controls, restores and
// saves the student's edits, opens the editor (CodeMirror, ./py-editor.ts) on first focus or edit, and
// prewarms the engine on a sign of intent; running and output live in ./py-cell-runner.ts, loaded on the
// first run. The module runs once per browsing session (the client router keeps it and the engine alive);
// every page visit connects fresh elements.
import { ruPython } from '../i18n/ru/python.ts';
import { codeHash } from '../lib/python/cells.ts';
import { editKey, restoreCell, withEdit, withoutEdit, type EditsRecord } from '../lib/python/edits.ts';
import { announce } from './announce.ts';
import { loadCellEdits, saveCellEdits } from './cell-storage.ts';
import type { CellRunner } from './py-cell-runner.ts';
import type { CellEditor } from './py-editor.ts';

const s = ruPython;
/** A cell on screen this long is a sign the student may run it: Python starts loading. */
const PREWARM_AFTER_MS = 800;
const SAVE_AFTER_MS = 300;

/**
 * Starts loading Python (the engine client is itself loaded on demand), and the cells' running half, so
 * that the first click finds both ready.
 */
const prewarm = (): void => {
  void import('./py-cell-runner.ts');
  void import('../python/client.ts').then(({ getEngine }) => {
    getEngine().prewarm();
  });
};

/** The element `selector` finds in `root`, of the given class. */
export function one<T extends Element = HTMLElement>(
  root: ParentNode,
  selector: string,
  type: abstract new () => T = HTMLElement as unknown as abstract new () => T,
): T {
  const found = root.querySelector(selector);
  if (!(found instanceof type)) throw new Error(`py-cell: ${selector} is missing`);
  return found;
}

/** The character offset in `root`'s text at a point on screen (where the student clicked the code). */
function offsetAt(root: Element, x: number, y: number): number | undefined {
  const position = document.caretPositionFromPoint(x, y);
  if (position === null || !root.contains(position.offsetNode)) return undefined;
  const range = document.createRange();
  range.setStart(root, 0);
  range.setEnd(position.offsetNode, position.offset);
  return range.toString().length;
}

const dwell = new WeakMap<Element, number>();
const visibility =
  typeof IntersectionObserver === 'undefined'
    ? null
    : new IntersectionObserver((entries) => {
        for (const entry of entries) {
          window.clearTimeout(dwell.get(entry.target));
          if (entry.isIntersecting) {
            dwell.set(entry.target, window.setTimeout(prewarm, PREWARM_AFTER_MS));
          }
        }
      });

export class PyCellElement extends HTMLElement {
  #initialised = false;
  #id = '';
  #namespace = '';
  #bookCode = '';
  #bookHtml = '';
  #hash = '';
  #code = '';
  #stale = false;
  #editor: CellEditor | null = null;
  #editorLoading: Promise<CellEditor> | null = null;
  #saveTimer = 0;
  #runner: Promise<CellRunner> | null = null;
  #runnerLoaded: CellRunner | null = null;

  get isSetup(): boolean {
    return this.dataset['setup'] === 'true';
  }

  /** The cell's id (`<PyCell id>`). */
  get cellId(): string {
    return this.#id;
  }

  /** The namespace the cell runs in (its page's). */
  get namespace(): string {
    return this.#namespace;
  }

  /** The code as it is now (the student's edit, or the book's). */
  get code(): string {
    return this.#code;
  }

  /** The running half of the cell, loaded on first use. */
  runner(): Promise<CellRunner> {
    this.#runner ??= import('./py-cell-runner.ts').then(({ CellRunner }) => {
      this.#runnerLoaded = new CellRunner(this);
      return this.#runnerLoaded;
    });
    return this.#runner;
  }

  connectedCallback(): void {
    if (!this.#initialised) this.#init();
    visibility?.observe(this);
  }

  disconnectedCallback(): void {
    visibility?.unobserve(this);
    window.clearTimeout(dwell.get(this));
    this.#runnerLoaded?.stop();
  }

  // ── setup ────────────────────────────────────────────────────────────────

  #init(): void {
    this.#initialised = true;
    this.#id = this.dataset['id'] ?? '';
    this.#namespace = this.dataset['namespace'] ?? '';
    const holder = one(this, '[data-code]');
    const pre = one(holder, 'pre', HTMLPreElement);
    this.#bookHtml = holder.innerHTML;
    this.#bookCode = pre.textContent;
    this.#hash = codeHash(this.#bookCode);
    const restored = restoreCell(loadCellEdits()?.cells[this.#key()], this.#bookCode, this.#hash);
    this.#code = restored.code;
    this.#stale = restored.stale;
    if (restored.edited) one(pre, 'code').textContent = restored.code;
    this.#prepareCodeBlock(pre);
    this.#showNotice(this.#stale ? s.staleEdit : null);
    one(this, '[data-controls]').hidden = false;

    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
      if (button === null || !this.contains(button)) return;
      this.#action(button.dataset['action'] ?? '');
    });
    this.addEventListener('keydown', (event) => {
      if (event.defaultPrevented || event.key !== 'Enter' || !event.shiftKey) return;
      if (!(event.target as Element).closest('[data-code]')) return;
      event.preventDefault();
      this.#action('run');
    });
    const run = this.#button('run');
    run.addEventListener('pointerenter', prewarm);
    run.addEventListener('focus', prewarm);
  }

  /** The highlighted code block becomes the editor's stand-in: focusing, clicking or typing opens the editor. */
  #prepareCodeBlock(pre: HTMLPreElement): void {
    pre.setAttribute('role', 'textbox');
    pre.setAttribute('aria-multiline', 'true');
    pre.setAttribute('aria-label', s.code(this.#id));
    pre.tabIndex = 0;
    pre.addEventListener('focus', () => void this.#openEditor());
    pre.addEventListener('pointerdown', (event) => {
      event.preventDefault();
      void this.#openEditor(offsetAt(pre, event.clientX, event.clientY));
    });
  }

  #key(): string {
    return editKey(this.#namespace, this.#id);
  }

  #button(action: string): HTMLButtonElement {
    return one(this, `button[data-action="${action}"]`, HTMLButtonElement);
  }

  #action(action: string): void {
    if (action === 'reset') this.#resetCode();
    else
      void this.runner().then((runner) => {
        runner.action(action);
      });
  }

  // ── editing ──────────────────────────────────────────────────────────────

  #openEditor(position?: number): Promise<CellEditor> {
    this.#editorLoading ??= import('./py-editor.ts').then(({ createEditor }) => {
      const editor = createEditor(one(this, '[data-code] pre'), {
        doc: this.#code,
        label: s.code(this.#id),
        onChange: (code) => {
          this.#changed(code);
        },
        onRun: () => {
          this.#action('run');
        },
        onEscape: () => {
          this.#button('run').focus();
        },
      });
      this.#editor = editor;
      editor.focus(position);
      return editor;
    });
    return this.#editorLoading;
  }

  #changed(code: string): void {
    this.#code = code;
    window.clearTimeout(this.#saveTimer);
    this.#saveTimer = window.setTimeout(() => {
      this.#save((record) => withEdit(record, this.#key(), this.#code, this.#bookCode, this.#hash));
    }, SAVE_AFTER_MS);
  }

  #save(update: (record: EditsRecord) => EditsRecord): void {
    const record = loadCellEdits();
    const saved = record !== null && saveCellEdits(update(record));
    if (!saved) this.#showNotice(s.storageUnavailable);
  }

  #resetCode(): void {
    window.clearTimeout(this.#saveTimer);
    this.#code = this.#bookCode;
    this.#stale = false;
    if (this.#editor !== null) this.#editor.setCode(this.#bookCode);
    else {
      const holder = one(this, '[data-code]');
      holder.innerHTML = this.#bookHtml;
      this.#prepareCodeBlock(one(holder, 'pre', HTMLPreElement));
    }
    window.clearTimeout(this.#saveTimer);
    this.#save((record) => withoutEdit(record, this.#key()));
    this.#showNotice(null);
    announce(s.restoredBook);
  }

  #showNotice(text: string | null): void {
    const notice = one(this, '[data-notice]');
    notice.textContent = text ?? '';
    notice.hidden = text === null;
  }
}

if (customElements.get('py-cell') === undefined) customElements.define('py-cell', PyCellElement);
