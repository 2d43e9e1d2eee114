// Runs at build time, in tests and in the browser: the labs' controls as data — what the components
// render, what the client reads, and how a value from a shared link is checked before it is applied.
import { ALPHAS, DRIFT_LIMITS, FEATURE_KINDS, SAMPLE_SIZES, STREAM_KINDS } from '../drift/config.ts';
import { ARRIVAL_KINDS, LATENCY_LIMITS, SERVICE_KINDS } from '../latency/config.ts';
import { onGrid, type SliderLimit } from './grid.ts';

/** How a slider's value is shown next to it (the words live in src/i18n/ru.ts, `labs.units`). */
export type Unit = 'sigma' | 'times' | 'share' | 'count' | 'ms' | 'rps' | 'seconds' | 'windows';

export interface RangeControl {
  kind: 'range';
  name: string;
  limit: SliderLimit;
  unit: Unit;
  /** Decimals shown. */
  digits: number;
  /** A value that means «off» (no limit, no timeout…), shown in words. */
  off?: number;
  /** Discrete values the slider steps through (the slider holds their index). */
  steps?: readonly number[];
}

export interface SelectControl {
  kind: 'select';
  name: string;
  options: readonly (string | number)[];
}

export interface CheckboxControl {
  kind: 'checkbox';
  name: string;
}

export interface NumberControl {
  kind: 'number';
  name: string;
  limit: SliderLimit;
}

export type Control = RangeControl | SelectControl | CheckboxControl | NumberControl;

export interface ControlGroup {
  id: string;
  controls: Control[];
}

const range = (name: string, limit: SliderLimit, unit: Unit, digits: number, extra: Partial<RangeControl> = {}) =>
  ({ kind: 'range', name, limit, unit, digits, ...extra }) as const satisfies RangeControl;

const sizes = { min: 0, max: SAMPLE_SIZES.length - 1, step: 1 };

/** The drift lab's first panel: the feature and its samples, then the metrics' settings. */
export const DRIFT_GROUPS: ControlGroup[] = [
  {
    id: 'data',
    controls: [
      { kind: 'select', name: 'feature', options: FEATURE_KINDS },
      range('shift', DRIFT_LIMITS.shift, 'sigma', 2),
      range('scale', DRIFT_LIMITS.scale, 'times', 2),
      range('missing', DRIFT_LIMITS.missing, 'share', 0),
      range('noise', DRIFT_LIMITS.noise, 'sigma', 2),
      range('referenceSize', sizes, 'count', 0, { steps: SAMPLE_SIZES }),
      range('currentSize', sizes, 'count', 0, { steps: SAMPLE_SIZES }),
    ],
  },
  {
    id: 'metrics',
    controls: [
      range('bins', DRIFT_LIMITS.bins, 'count', 0),
      { kind: 'select', name: 'alpha', options: ALPHAS },
      { kind: 'number', name: 'seed', limit: DRIFT_LIMITS.seed },
    ],
  },
];

/** The drift lab's second panel: the stream of windows. */
export const STREAM_GROUPS: ControlGroup[] = [
  {
    id: 'stream',
    controls: [
      { kind: 'select', name: 'stream', options: STREAM_KINDS },
      range('magnitude', DRIFT_LIMITS.magnitude, 'sigma', 1),
      range('delay', DRIFT_LIMITS.delay, 'windows', 0),
    ],
  },
];

/** The latency lab: traffic, the service, the client, batching, failures. */
export const LATENCY_GROUPS: ControlGroup[] = [
  {
    id: 'load',
    controls: [
      { kind: 'select', name: 'arrival', options: ARRIVAL_KINDS },
      range('rps', LATENCY_LIMITS.rps, 'rps', 0),
      range('durationS', LATENCY_LIMITS.durationS, 'seconds', 0),
    ],
  },
  {
    id: 'service',
    controls: [
      { kind: 'select', name: 'service', options: SERVICE_KINDS },
      range('serviceMs', LATENCY_LIMITS.serviceMs, 'ms', 1),
      range('workers', LATENCY_LIMITS.workers, 'count', 0),
      range('queueLimit', LATENCY_LIMITS.queueLimit, 'count', 0, { off: 0 }),
    ],
  },
  {
    id: 'client',
    controls: [
      range('timeoutMs', LATENCY_LIMITS.timeoutMs, 'ms', 0, { off: 0 }),
      range('retries', LATENCY_LIMITS.retries, 'count', 0),
      range('backoffMs', LATENCY_LIMITS.backoffMs, 'ms', 0),
      { kind: 'checkbox', name: 'jitter' },
    ],
  },
  {
    id: 'batching',
    controls: [
      range('maxBatch', LATENCY_LIMITS.maxBatch, 'count', 0, { off: 1 }),
      range('maxWaitMs', LATENCY_LIMITS.maxWaitMs, 'ms', 1),
      range('batchCost', LATENCY_LIMITS.batchCost, 'share', 0),
    ],
  },
  {
    id: 'failures',
    controls: [
      range('errorRate', LATENCY_LIMITS.errorRate, 'share', 1),
      range('outageS', LATENCY_LIMITS.outageS, 'seconds', 1, { off: 0 }),
      { kind: 'number', name: 'seed', limit: LATENCY_LIMITS.seed },
    ],
  },
];

/** Every control of some groups, in order. */
export function controlsOf(groups: readonly ControlGroup[]): Control[] {
  return groups.flatMap((g) => g.controls);
}

/**
 * The value a control takes for a config value, as the form holds it: a slider with `steps` holds the
 * index of the value.
 * @example toFormValue(range('n', …, { steps: [100, 200] }), 200) // '1'
 */
export function toFormValue(control: Control, value: string | number | boolean): string {
  if (control.kind === 'checkbox') return value === true ? '1' : '0';
  if (control.kind === 'range' && control.steps !== undefined) return String(control.steps.indexOf(Number(value)));
  return String(value);
}

/**
 * A config value from a string (a form field or a shared link), or null when the control cannot take
 * it: unknown options, values off the slider's grid, out of range, or not numbers at all. Sliders with
 * `steps` accept the value itself (`5000`), not its index.
 * @example parseControlValue({ kind: 'select', name: 'alpha', options: [0.01, 0.05] }, '0.05') // 0.05
 */
export function parseControlValue(control: Control, text: string): string | number | boolean | null {
  if (control.kind === 'checkbox') return text === '1' ? true : text === '0' ? false : null;
  if (control.kind === 'select') {
    const found = control.options.find((o) => String(o) === text);
    return found ?? null;
  }
  if (text.trim() === '') return null;
  const value = Number(text);
  if (!Number.isFinite(value)) return null;
  if (control.kind === 'range' && control.steps !== undefined) return control.steps.includes(value) ? value : null;
  return onGrid(value, control.limit) ? value : null;
}
