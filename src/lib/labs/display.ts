// Runs at build time, in tests and in the browser: a slider's value as shown next to it. The words come
// from the caller (src/i18n/ru.ts, `labs.units`), so this module stays free of interface strings.
import type { RangeControl, Unit } from './controls.ts';
import { formatFixed, formatInteger } from './format.ts';

/** Words for each unit: the formatted number and the number itself (for plural forms). */
export type UnitWords = Record<Unit, (text: string, value: number) => string>;

/**
 * The text shown for a slider's value: `offLabel` for its «off» value, otherwise the number in the
 * control's unit (shares as percentages).
 * @example displayValue(shiftControl, 0.3, units) // '0,30 σ'
 */
export function displayValue(control: RangeControl, value: number, units: UnitWords, offLabel?: string): string {
  if (control.off !== undefined && value === control.off && offLabel !== undefined) return offLabel;
  const shown = control.unit === 'share' ? value * 100 : value;
  const text =
    control.unit === 'count' || control.unit === 'rps' ? formatInteger(shown) : formatFixed(shown, control.digits);
  return units[control.unit](text, shown);
}
