// Runs at build time, in tests and in the browser: values on a slider's grid.

/** A slider's range: min, max and step. */
export interface SliderLimit {
  min: number;
  max: number;
  step: number;
}

/**
 * Whether `value` is one a slider with these limits can take: within [min, max] and a whole number of
 * steps above min (within rounding).
 * @example onGrid(0.35, { min: 0, max: 1, step: 0.05 }) // true
 */
export function onGrid(value: number, limit: SliderLimit): boolean {
  if (!(value >= limit.min && value <= limit.max)) return false;
  const steps = (value - limit.min) / limit.step;
  return Math.abs(steps - Math.round(steps)) < 1e-6;
}

/**
 * The nearest value a slider with these limits can take.
 * @example snapToGrid(0.337, { min: 0, max: 1, step: 0.05 }) // 0.35
 */
export function snapToGrid(value: number, limit: SliderLimit): number {
  const clamped = Math.min(limit.max, Math.max(limit.min, value));
  const steps = Math.round((clamped - limit.min) / limit.step);
  const decimals = (String(limit.step).split('.')[1] ?? '').length;
  return Number((limit.min + steps * limit.step).toFixed(decimals));
}
