// The controls of a lab and its state in the URL: reads and writes the server-rendered inputs, keeps the
// value shown next to each slider current, applies presets, resets, and mirrors every change into the
// query string under the lab's namespace so that a copied link opens the same scenario.
import { ruLabs } from '../../i18n/ru/labs.ts';
import { parseControlValue, toFormValue, type Control } from '../../lib/labs/controls.ts';
import { displayValue } from '../../lib/labs/display.ts';
import { changedValues, namespacedParams, withNamespacedParams } from '../../lib/labs/query.ts';
import { announce } from '../announce.ts';

export type Values = Record<string, string | number | boolean>;

const URL_DELAY_MS = 300;

export interface LabControlsOptions<T extends Values> {
  root: HTMLElement;
  controls: readonly Control[];
  presets: Record<string, T>;
  defaultPreset: string;
  /** Words for the «off» value of some sliders. */
  offLabels?: Record<string, string>;
  /** Called after any change of a value. */
  onChange: () => void;
}

export class LabControls<T extends Values> {
  readonly #root: HTMLElement;
  readonly #controls: Map<string, Control>;
  readonly #presets: Record<string, T>;
  readonly #defaultPreset: string;
  readonly #offLabels: Record<string, string>;
  readonly #namespace: string;
  readonly #presetSelect: HTMLSelectElement;
  readonly #abort = new AbortController();
  #values: T;
  #urlTimer = 0;

  constructor(options: LabControlsOptions<T>) {
    this.#root = options.root;
    this.#controls = new Map(options.controls.map((c) => [c.name, c]));
    this.#presets = options.presets;
    this.#defaultPreset = options.defaultPreset;
    this.#offLabels = options.offLabels ?? {};
    this.#namespace = this.#root.dataset['labId'] ?? this.#root.localName;
    const select = this.#root.querySelector<HTMLSelectElement>('select[data-preset]');
    if (select === null) throw new Error('lab: the preset picker is missing');
    this.#presetSelect = select;
    this.#values = this.#fromUrl();
    this.#write(this.#values);
    this.#listen(options.onChange);
  }

  /** The current values, one per control, typed like the presets. */
  get values(): T {
    return this.#values;
  }

  dispose(): void {
    this.#abort.abort();
    window.clearTimeout(this.#urlTimer);
  }

  /** Values of the preset named in the link (or the page's), overridden by the link's valid values. */
  #fromUrl(): T {
    const params = namespacedParams(location.search, this.#namespace);
    const presetId =
      params['preset'] !== undefined && params['preset'] in this.#presets ? params['preset'] : this.#defaultPreset;
    this.#presetSelect.value = presetId;
    const values: Values = { ...this.#preset(presetId) };
    for (const [name, text] of Object.entries(params)) {
      const control = this.#controls.get(name);
      if (control === undefined || !(name in values)) continue;
      const value = parseControlValue(control, text);
      if (value !== null) values[name] = value;
    }
    return values as T;
  }

  #preset(id: string): T {
    const preset = this.#presets[id] ?? this.#presets[this.#defaultPreset];
    if (preset === undefined) throw new Error(`lab: unknown preset ${id}`);
    return preset;
  }

  #element(name: string): HTMLInputElement | HTMLSelectElement | null {
    return this.#root.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`);
  }

  /** Puts values into the form and refreshes the shown values. */
  #write(values: T): void {
    for (const [name, value] of Object.entries(values)) {
      const control = this.#controls.get(name);
      const element = this.#element(name);
      if (control === undefined || element === null) continue;
      if (element instanceof HTMLInputElement && element.type === 'checkbox') element.checked = value === true;
      else element.value = toFormValue(control, value);
      this.#show(control, value);
    }
  }

  #show(control: Control, value: string | number | boolean): void {
    if (control.kind !== 'range') return;
    const text = displayValue(control, Number(value), ruLabs.units, this.#offLabels[control.name]);
    const output = this.#root.querySelector(`output[data-output="${control.name}"]`);
    if (output !== null && output.textContent !== text) output.textContent = text;
    this.#element(control.name)?.setAttribute('aria-valuetext', text);
  }

  /** Reads one control; null when its current text is not a valid value (e.g. a half-typed number). */
  #read(control: Control): string | number | boolean | null {
    const element = this.#element(control.name);
    if (element === null) return null;
    if (element instanceof HTMLInputElement && element.type === 'checkbox') return element.checked;
    if (control.kind === 'range' && control.steps !== undefined) {
      return control.steps[Number(element.value)] ?? null;
    }
    return parseControlValue(control, element.value);
  }

  #listen(onChange: () => void): void {
    const { signal } = this.#abort;
    const handle = (event: Event) => {
      const target = event.target;
      if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
      if (target === this.#presetSelect) {
        this.#values = { ...this.#preset(target.value) };
        this.#write(this.#values);
      } else {
        const control = this.#controls.get(target.name);
        if (control === undefined) return;
        const value = this.#read(control);
        if (value === null || value === this.#values[control.name]) return;
        this.#values = { ...this.#values, [control.name]: value };
        this.#show(control, value);
      }
      this.#scheduleUrl();
      onChange();
    };
    this.#root.addEventListener('input', handle, { signal });
    this.#root.addEventListener('change', handle, { signal });
    this.#root.addEventListener(
      'click',
      (event) => {
        const button = event.target instanceof Element ? event.target.closest('button') : null;
        if (button === null) return;
        if (button.hasAttribute('data-reset')) {
          this.#presetSelect.value = this.#defaultPreset;
          this.#values = { ...this.#preset(this.#defaultPreset) };
          this.#write(this.#values);
          this.#updateUrl();
          onChange();
          announce(ruLabs.common.resetDone);
        } else if (button.dataset['newSeed'] !== undefined) {
          const name = button.dataset['newSeed'];
          const control = this.#controls.get(name);
          if (control?.kind !== 'number') return;
          const next = (Number(this.#values[name]) % control.limit.max) + 1;
          this.#values = { ...this.#values, [name]: next };
          this.#write(this.#values);
          this.#scheduleUrl();
          onChange();
        } else if (button.hasAttribute('data-copy-link')) {
          this.#updateUrl();
          navigator.clipboard.writeText(location.href).then(
            () => {
              announce(ruLabs.common.linkCopied);
            },
            () => {
              announce(ruLabs.common.linkCopyFailed);
            },
          );
        }
      },
      { signal },
    );
  }

  #scheduleUrl(): void {
    window.clearTimeout(this.#urlTimer);
    this.#urlTimer = window.setTimeout(() => {
      this.#updateUrl();
    }, URL_DELAY_MS);
  }

  /** Writes the lab's state into the query string: the preset if not the page's, and what differs from it. */
  #updateUrl(): void {
    window.clearTimeout(this.#urlTimer);
    const presetId = this.#presetSelect.value;
    const params = changedValues(this.#values, this.#preset(presetId));
    const withPreset = presetId === this.#defaultPreset ? params : { preset: presetId, ...params };
    const search = withNamespacedParams(location.search, this.#namespace, withPreset);
    if (search === location.search) return;
    history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
  }
}
