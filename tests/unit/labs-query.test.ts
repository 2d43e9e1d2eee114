import { describe, expect, it } from 'vitest';
import { formatFixed, formatInteger, formatMs, formatPercent, formatPValue } from '../../src/lib/labs/format.ts';
import { DRIFT_PRESETS } from '../../src/lib/drift/presets.ts';
import {
  controlsOf,
  DRIFT_GROUPS,
  LATENCY_GROUPS,
  parseControlValue,
  STREAM_GROUPS,
  toFormValue,
} from '../../src/lib/labs/controls.ts';
import { changedValues, namespacedParams, withNamespacedParams } from '../../src/lib/labs/query.ts';
import { LATENCY_PRESETS } from '../../src/lib/latency/presets.ts';

describe('lab state in the query string', () => {
  it('reads only its own namespace', () => {
    expect(namespacedParams('?drift.shift=0.5&latency.rps=200&x=1&drift.=2', 'drift')).toEqual({ shift: '0.5' });
    expect(namespacedParams('', 'drift')).toEqual({});
  });

  it('replaces its own namespace and keeps the rest', () => {
    expect(withNamespacedParams('?x=1&drift.bins=5&latency.rps=20', 'drift', { shift: '0.5' })).toBe(
      '?x=1&latency.rps=20&drift.shift=0.5',
    );
    expect(withNamespacedParams('?drift.bins=5', 'drift', {})).toBe('');
  });

  it('round-trips values that need escaping', () => {
    const search = withNamespacedParams('', 'lab-2', { preset: 'a b&c' });
    expect(namespacedParams(search, 'lab-2')).toEqual({ preset: 'a b&c' });
  });

  it('carries only the values that differ from the defaults, booleans as 1 / 0', () => {
    expect(changedValues({ a: 1, b: true, c: 'x' }, { a: 1, b: false, c: 'y' })).toEqual({ b: '1', c: 'x' });
  });
});

describe('Russian number formatting', () => {
  it('uses a decimal comma, space-grouped thousands and a no-break space before %', () => {
    expect(formatFixed(0.0911, 3)).toBe('0,091');
    expect(formatInteger(100000).replace(/\s/g, ' ')).toBe('100 000');
    expect(formatPercent(0.197)).toBe('19,7\u00a0%');
  });

  it('p-values: three significant digits, a floor at 0,0001', () => {
    expect(formatPValue(0.04321)).toBe('0,0432');
    expect(formatPValue(0.834)).toBe('0,834');
    expect(formatPValue(1e-39)).toBe('<\u00a00,0001');
  });

  it('milliseconds: more decimals for small values', () => {
    expect(formatMs(4.031)).toBe('4,03');
    expect(formatMs(17.58)).toBe('17,6');
    expect(formatMs(1234.5).replace(/\s/g, ' ')).toBe('1 235');
  });
});

describe('control values from a shared link', () => {
  const controls = Object.fromEntries(
    [...controlsOf(DRIFT_GROUPS), ...controlsOf(STREAM_GROUPS), ...controlsOf(LATENCY_GROUPS)].map((c) => [c.name, c]),
  );
  const c = (name: string) => {
    const found = controls[name];
    if (found === undefined) throw new Error(name);
    return found;
  };

  it('accepts values on the controls and rejects everything else', () => {
    expect(parseControlValue(c('shift'), '0.5')).toBe(0.5);
    expect(parseControlValue(c('shift'), '0.505')).toBeNull();
    expect(parseControlValue(c('shift'), '9')).toBeNull();
    expect(parseControlValue(c('shift'), 'abc')).toBeNull();
    expect(parseControlValue(c('shift'), '')).toBeNull();
    expect(parseControlValue(c('feature'), 'bimodal')).toBe('bimodal');
    expect(parseControlValue(c('feature'), 'uniform')).toBeNull();
    expect(parseControlValue(c('alpha'), '0.05')).toBe(0.05);
    expect(parseControlValue(c('jitter'), '1')).toBe(true);
    expect(parseControlValue(c('jitter'), 'yes')).toBeNull();
  });

  it('sample-size sliders take the size in links and hold its index in the form', () => {
    expect(parseControlValue(c('referenceSize'), '5000')).toBe(5000);
    expect(parseControlValue(c('referenceSize'), '5')).toBeNull();
    expect(toFormValue(c('referenceSize'), 5000)).toBe('5');
    expect(toFormValue(c('jitter'), false)).toBe('0');
  });

  it('every preset value is one its control can take', () => {
    for (const preset of Object.values(DRIFT_PRESETS)) {
      for (const [name, value] of Object.entries(preset))
        expect(parseControlValue(c(name), String(value)), name).toBe(value);
    }
    for (const preset of Object.values(LATENCY_PRESETS)) {
      for (const [name, value] of Object.entries(preset)) {
        const text = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
        expect(parseControlValue(c(name), text), name).toBe(value);
      }
    }
  });
});
