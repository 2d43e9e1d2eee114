// <grade-calculator>: enhances the form rendered by GradeCalculator.astro. It only wires events, computes
// with the pure modules of src/lib/grading and writes the results; the markup stays server-rendered.
// The module runs once per browsing session (the client router keeps it alive); each page visit
// connects a fresh element. On a client-side navigation the address bar still shows the previous page
// while the element connects, so a calculator query is read on full page loads only (shared links).
import type { Grading } from '../lib/course/schema.ts';
import { ruGrades } from '../i18n/ru/grades.ts';
import { formatNumber, formatRational } from '../lib/grading/format.ts';
import { bonusApplied, computeGrade, type GradeBand, type GradeResult } from '../lib/grading/formula.ts';
import { isBlank, parseGrade, type GradeRange } from '../lib/grading/parse.ts';
import { toNumber } from '../lib/grading/rational.ts';
import {
  emptyState,
  fromQuery,
  fromRecord,
  MAX_HOMEWORK_ROWS,
  toQuery,
  toRecord,
  type CalculatorState,
  type ProjectMode,
  type StateShape,
} from '../lib/grading/state.ts';
import {
  completeInputs,
  fillEmpty,
  reachesBand,
  solveWhatIf,
  type MaybeGrade,
  type PartialInputs,
} from '../lib/grading/what-if.ts';
import { announce } from './announce.ts';

const STORAGE_KEY = 'prodml.grades.v1';
const s = ruGrades;

/** The stored record's text (null when there is none); `available: false` when storage cannot be read. */
function loadRecord(): { available: boolean; text: string | null } {
  try {
    return { available: true, text: localStorage.getItem(STORAGE_KEY) };
  } catch {
    return { available: false, text: null };
  }
}

/** Stores the record; false when storage is unavailable or full. */
function saveRecord(text: string): boolean {
  try {
    localStorage.setItem(STORAGE_KEY, text);
    return true;
  } catch {
    return false;
  }
}

/** One grade field as read: its value (null when blank or invalid) and its error, if any. */
interface Field {
  input: HTMLInputElement;
  value: MaybeGrade;
  error: string | null;
}

/** The element `selector` finds under `root`, checked to be a `type`. */
function one<T extends Element>(root: ParentNode, selector: string, type: abstract new () => T): T {
  const found = root.querySelector(selector);
  if (!(found instanceof type)) throw new Error(`grade-calculator: no ${type.name} at ${selector}`);
  return found;
}

const setText = (element: Element, text: string): void => {
  if (element.textContent !== text) element.textContent = text;
};

const labelOf = (input: HTMLInputElement): string => input.labels?.[0]?.textContent.trim() ?? input.id;

class Calculator {
  readonly #root: HTMLElement;
  readonly #grading: Grading;
  readonly #shape: StateShape;
  readonly #range: GradeRange;
  readonly #bonusRange: GradeRange;
  readonly #form: HTMLFormElement;
  readonly #rows: HTMLOListElement;
  readonly #template: HTMLTemplateElement;
  readonly #add: HTMLButtonElement;
  readonly #stressTest: HTMLInputElement;
  readonly #project: HTMLInputElement;
  readonly #criteria: HTMLInputElement[];
  readonly #bonus: HTMLInputElement;
  readonly #target: HTMLSelectElement;
  readonly #results: HTMLElement;
  readonly #notice: HTMLElement;
  /** Fields the student has typed in (or tried to submit): only these say «Введите оценку» when blank. */
  readonly #touched = new WeakSet<HTMLInputElement>();
  readonly #notices = new Set<string>();
  /** True while the address bar holds a calculator query that the next edit would make stale. */
  #queryInAddress = false;

  constructor(root: HTMLElement) {
    this.#root = root;
    this.#grading = JSON.parse(root.dataset['grading'] ?? '') as Grading;
    const { scale, assumptions } = this.#grading;
    this.#range = { min: assumptions.inputMin, max: scale.max };
    this.#bonusRange = { min: 0, max: assumptions.bonus.capTotalAt };
    this.#form = one(root, '[data-form]', HTMLFormElement);
    this.#rows = one(root, '[data-rows]', HTMLOListElement);
    this.#template = one(root, '[data-row-template]', HTMLTemplateElement);
    this.#add = one(root, '[data-add]', HTMLButtonElement);
    this.#stressTest = one(root, '[data-field="st"]', HTMLInputElement);
    this.#project = one(root, '[data-field="p"]', HTMLInputElement);
    this.#criteria = Array.from(root.querySelectorAll<HTMLInputElement>('[data-field="pc"]'));
    this.#bonus = one(root, '[data-field="b"]', HTMLInputElement);
    this.#target = one(root, '[data-target]', HTMLSelectElement);
    this.#results = one(root, '[data-results]', HTMLElement);
    this.#notice = one(root, '[data-notice]', HTMLElement);
    this.#shape = {
      homeworkRows: Number(root.dataset['homeworkRows']),
      criteria: this.#criteria.length,
      targets: Array.from(this.#target.options, (o) => Number(o.value)).filter((v) => v > 0),
    };
    this.#form.addEventListener('input', (event) => {
      if (event.target instanceof HTMLInputElement && event.target.dataset['field'] !== undefined) {
        this.#touched.add(event.target);
      }
      this.#changed();
    });
    this.#form.addEventListener('click', (event) => {
      const button = (event.target as Element).closest('button');
      if (button?.hasAttribute('data-add') === true) this.#addRow();
      else if (button?.hasAttribute('data-remove') === true) this.#removeRow(button);
      else if (button?.hasAttribute('data-share') === true) this.#share();
    });
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#submit();
    });
    this.#restore();
  }

  // ── state ────────────────────────────────────────────────────────────────

  #homeworkInputs(): HTMLInputElement[] {
    return Array.from(this.#rows.querySelectorAll<HTMLInputElement>('[data-field="hw"]'));
  }

  #mode(): ProjectMode {
    return one(this.#form, '[data-mode]:checked', HTMLInputElement).value === 'criteria' ? 'criteria' : 'single';
  }

  #targetBand(): GradeBand | null {
    const min = Number(this.#target.value);
    return this.#grading.bands.find((b) => b.passed && b.min === min) ?? null;
  }

  #readState(): CalculatorState {
    return {
      homework: this.#homeworkInputs().map((input) => input.value),
      stressTest: this.#stressTest.value,
      projectMode: this.#mode(),
      project: this.#project.value,
      criteria: this.#criteria.map((input) => input.value),
      bonus: this.#bonus.value,
      target: this.#targetBand()?.min ?? null,
    };
  }

  #applyState(state: CalculatorState): void {
    while (this.#homeworkInputs().length < state.homework.length) this.#rows.append(this.#newRow());
    while (this.#homeworkInputs().length > state.homework.length) this.#rows.lastElementChild?.remove();
    this.#renumber();
    this.#homeworkInputs().forEach((input, i) => (input.value = state.homework[i] ?? ''));
    this.#stressTest.value = state.stressTest;
    this.#project.value = state.project;
    this.#criteria.forEach((input, i) => (input.value = state.criteria[i] ?? ''));
    this.#bonus.value = state.bonus;
    for (const radio of this.#form.querySelectorAll<HTMLInputElement>('[data-mode]')) {
      radio.checked = radio.value === state.projectMode;
    }
    this.#target.value = state.target === null ? '' : String(state.target);
  }

  /**
   * Fills the form from a shared link, else keeps what the student typed while this script was loading
   * (after a client-side navigation the form is usable before the script runs), else from the stored
   * record; says why when storage cannot help.
   */
  #restore(): void {
    const stored = loadRecord();
    const linked = fromQuery(location.search, this.#shape);
    const record = fromRecord(stored.text, this.#shape);
    if (!stored.available) this.#notices.add(s.notices.storageUnavailable);
    if (linked !== null) {
      this.#queryInAddress = true;
      this.#notices.add(s.notices.fromLink);
    } else if (stored.text !== null && record === null) {
      this.#notices.add(s.notices.storageCorrupted);
    }
    const typed = Array.from(this.#form.querySelectorAll<HTMLInputElement>('[data-field]'), (i) => i.value);
    if (linked === null && typed.some((value) => !isBlank(value))) {
      this.#changed();
      return;
    }
    this.#applyState(linked ?? record ?? emptyState(this.#shape));
    this.#render();
  }

  #changed(): void {
    if (this.#queryInAddress) {
      history.replaceState(history.state, '', location.pathname + location.hash);
      this.#queryInAddress = false;
    }
    if (!saveRecord(toRecord(this.#readState()))) this.#notices.add(s.notices.storageUnavailable);
    this.#render();
  }

  // ── homework rows ────────────────────────────────────────────────────────

  #newRow(): HTMLLIElement {
    return one(this.#template.content, '[data-row]', HTMLLIElement).cloneNode(true) as HTMLLIElement;
  }

  /** Gives every row its number: label, ids, the error's link and the remove button's name. */
  #renumber(): void {
    const rows = Array.from(this.#rows.querySelectorAll<HTMLLIElement>('[data-row]'));
    rows.forEach((row, i) => {
      const n = i + 1;
      const id = `gc-hw-${n}`;
      const label = one(row, 'label', HTMLLabelElement);
      const input = one(row, 'input', HTMLInputElement);
      const remove = one(row, '[data-remove]', HTMLButtonElement);
      label.htmlFor = id;
      setText(label, s.homework.label(n));
      input.id = id;
      input.setAttribute('aria-describedby', `${id}-error`);
      one(row, '.gc-error', Element).id = `${id}-error`;
      remove.setAttribute('aria-label', s.homework.removeLabel(n));
      remove.hidden = rows.length === 1;
    });
    this.#add.disabled = rows.length >= MAX_HOMEWORK_ROWS;
  }

  #addRow(): void {
    const row = this.#newRow();
    this.#rows.append(row);
    this.#renumber();
    one(row, 'input', HTMLInputElement).focus();
    announce(s.homework.added(this.#homeworkInputs().length));
    this.#changed();
  }

  /** Removes a row; focus goes to the row that took its place, or to the new last row. */
  #removeRow(button: HTMLButtonElement): void {
    const row = button.closest('[data-row]');
    if (row === null) return;
    const index = Array.from(this.#rows.children).indexOf(row);
    row.remove();
    this.#renumber();
    const inputs = this.#homeworkInputs();
    (inputs[index] ?? inputs.at(-1))?.focus();
    announce(s.homework.removed(index + 1));
    this.#changed();
  }

  // ── reading and checking the fields ─────────────────────────────────────────

  /** A blank field is unknown, unless it must be filled (no what-if target) and the student typed in it. */
  #read(input: HTMLInputElement, range: GradeRange, required: boolean): Field {
    if (isBlank(input.value) && !(required && this.#touched.has(input))) return { input, value: null, error: null };
    const parsed = parseGrade(input.value, range);
    return parsed.ok ? { input, value: parsed.value, error: null } : { input, value: null, error: parsed.error };
  }

  #showError(input: HTMLInputElement, error: string | null): void {
    input.setAttribute('aria-invalid', String(error !== null));
    const message = this.#root.querySelector(`#${input.id}-error`);
    if (message !== null) setText(message, error ?? '');
  }

  #submit(): void {
    for (const input of this.#form.querySelectorAll<HTMLInputElement>('[data-field]')) this.#touched.add(input);
    const firstInvalid = this.#render();
    if (firstInvalid === null) this.#results.focus();
    else firstInvalid.focus();
  }

  // ── results ─────────────────────────────────────────────────────────────────

  /** Computes and writes everything; returns the first field with an error, if any. */
  #render(): HTMLInputElement | null {
    const target = this.#targetBand();
    const required = target === null;
    const mode = this.#mode();
    const homework = this.#homeworkInputs().map((input) => this.#read(input, this.#range, required));
    const stressTest = this.#read(this.#stressTest, this.#range, required);
    const project = this.#read(this.#project, this.#range, required);
    const criteria = this.#criteria.map((input) => this.#read(input, this.#range, required));
    const bonus = this.#read(this.#bonus, this.#bonusRange, false);
    const projectFields = mode === 'single' ? [project] : criteria;
    const grades = [...homework, stressTest, ...projectFields];
    const active = [...grades, bonus];
    const inactive = mode === 'single' ? criteria : [project];

    for (const [name, panel] of [
      ['single', one(this.#form, '[data-mode-panel="single"]', HTMLElement)],
      ['criteria', one(this.#form, '[data-mode-panel="criteria"]', HTMLElement)],
    ] as const) {
      panel.toggleAttribute('hidden', name !== mode);
    }
    for (const f of active) this.#showError(f.input, f.error);
    for (const f of inactive) this.#showError(f.input, null);
    this.#setNotices();

    const invalid = active.filter((f) => f.error !== null);
    const empty = grades.filter((f) => f.value === null);
    const inputs: PartialInputs = {
      homework: homework.map((f) => f.value),
      stressTest: stressTest.value,
      project:
        mode === 'single'
          ? { kind: 'single', grade: project.value }
          : {
              kind: 'criteria',
              criteria: criteria.map((f) => ({ weight: Number(f.input.dataset['weight']), grade: f.value })),
            },
      bonus: bonus.value ?? 0,
    };
    const names = (fields: readonly Field[]): string => fields.map((f) => labelOf(f.input)).join(', ');

    const complete = completeInputs(inputs);
    if (invalid.length > 0) this.#showMessage(s.status.fix(names(invalid)));
    else if (complete !== null) this.#showResult(computeGrade(this.#grading, complete), target);
    else if (target !== null) this.#showWhatIf(inputs, target, names(empty));
    else if (empty.length === grades.length) this.#showMessage(s.status.start);
    else this.#showMessage(s.status.missing(names(empty)));
    return invalid[0]?.input ?? null;
  }

  #setNotices(): void {
    this.#notice.hidden = this.#notices.size === 0;
    setText(this.#notice, [...this.#notices].join(' '));
  }

  #showMessage(status: string, detail = ''): void {
    setText(one(this.#results, '[data-status]', Element), status);
    const whatIf = one(this.#results, '[data-whatif]', HTMLElement);
    setText(whatIf, detail);
    whatIf.hidden = detail === '';
    one(this.#results, '[data-summary]', HTMLElement).hidden = true;
    one(this.#results, '[data-breakdown]', HTMLElement).hidden = true;
  }

  #showWhatIf(inputs: PartialInputs, target: GradeBand, fields: string): void {
    const { scale, assumptions } = this.#grading;
    const result = solveWhatIf(this.#grading, inputs, target);
    switch (result.kind) {
      case 'needed': {
        const check = computeGrade(this.#grading, fillEmpty(inputs, result.value));
        this.#showMessage(
          s.status.needed(formatNumber(result.value), target.fivePoint, fields),
          s.status.neededCheck(formatRational(check.total), check.grade),
        );
        break;
      }
      case 'unreachable':
        this.#showMessage(s.status.unreachable(target.fivePoint, formatNumber(scale.max)));
        break;
      case 'guaranteed':
        this.#showMessage(s.status.guaranteed(target.fivePoint, formatNumber(assumptions.inputMin)));
        break;
    }
  }

  #showResult(result: GradeResult, target: GradeBand | null): void {
    const { scale, bands, assumptions } = this.#grading;
    const out = (name: string): Element => one(this.#results, `[data-out="${name}"]`, Element);
    const exact = formatRational(result.total);
    const cap = formatNumber(assumptions.bonus.capTotalAt);
    setText(out('exact'), result.capped ? `${exact} (${s.summary.capped(cap)})` : exact);
    setText(out('grade'), s.summary.outOf(result.grade, scale.max));
    setText(out('five'), result.band.fivePoint);
    const fail = bands.find((b) => !b.passed)?.pass ?? '';
    const below = result.belowMinimum.map((id) => s.breakdown.names[id]).join(', ');
    setText(out('pass'), below === '' ? result.band.pass : s.summary.belowMinimum(fail, below));
    setText(out('total'), exact);

    const rows = [
      ...result.components.map((c) => ({ id: c.id, value: c.value, contribution: c.contribution })),
      { id: 'bonus', value: result.bonus, contribution: bonusApplied(result) },
    ];
    for (const row of rows) {
      const tr = one(this.#results, `[data-row-of="${row.id}"]`, Element);
      setText(one(tr, '[data-cell="value"]', Element), formatRational(row.value));
      setText(one(tr, '[data-cell="contribution"]', Element), formatRational(row.contribution));
      const width = Math.max(0, Math.min(100, (toNumber(row.contribution) / scale.max) * 100));
      one(this.#results, `.gc-seg[data-seg="${row.id}"]`, HTMLElement).style.width = `${width.toFixed(2)}%`;
    }

    setText(one(this.#results, '[data-status]', Element), '');
    const whatIf = one(this.#results, '[data-whatif]', HTMLElement);
    const verdict =
      target === null ? '' : (reachesBand(result, target) ? s.status.reached : s.status.notReached)(target.fivePoint);
    setText(whatIf, verdict);
    whatIf.hidden = verdict === '';
    one(this.#results, '[data-summary]', HTMLElement).hidden = false;
    one(this.#results, '[data-breakdown]', HTMLElement).hidden = false;
  }

  // ── sharing ─────────────────────────────────────────────────────────────────

  /** Puts the inputs in the address bar and the clipboard, and shows the link to copy by hand. */
  #share(): void {
    const url = `${location.origin}${location.pathname}?${toQuery(this.#readState())}`;
    history.replaceState(history.state, '', url + location.hash);
    this.#queryInAddress = true;
    const link = one(this.#form, '[data-share-link]', HTMLInputElement);
    link.value = url;
    one(this.#form, '[data-share-panel]', HTMLElement).hidden = false;
    navigator.clipboard.writeText(url).then(
      () => {
        announce(s.shareCopied);
      },
      () => {
        announce(s.shareCopyFailed);
        link.focus();
        link.select();
      },
    );
  }
}

class GradeCalculatorElement extends HTMLElement {
  #calculator: Calculator | undefined;

  connectedCallback(): void {
    this.#calculator ??= new Calculator(this);
  }
}

if (customElements.get('grade-calculator') === undefined) {
  customElements.define('grade-calculator', GradeCalculatorElement);
}
