// Runs in tests and in the browser: a lab's state in the page's query string, one namespace per lab
// (`?drift.shift=0.5&latency.rps=2000`), so that several labs and other query parameters coexist.

/**
 * The parameters of namespace `ns` in a query string, without the prefix.
 * @example namespacedParams('?drift.shift=0.5&x=1', 'drift') // { shift: '0.5' }
 */
export function namespacedParams(search: string, ns: string): Record<string, string> {
  const out: Record<string, string> = {};
  const prefix = `${ns}.`;
  for (const [key, value] of new URLSearchParams(search)) {
    if (key.startsWith(prefix) && key.length > prefix.length) out[key.slice(prefix.length)] = value;
  }
  return out;
}

/**
 * The query string with every parameter of namespace `ns` replaced by `params` (in their order, after
 * the parameters of other namespaces); '' when nothing is left, otherwise starting with '?'.
 * @example withNamespacedParams('?x=1&drift.bins=5', 'drift', { shift: '0.5' }) // '?x=1&drift.shift=0.5'
 */
export function withNamespacedParams(search: string, ns: string, params: Record<string, string>): string {
  const prefix = `${ns}.`;
  const kept = [...new URLSearchParams(search)].filter(([key]) => !key.startsWith(prefix));
  const next = new URLSearchParams(kept);
  for (const [key, value] of Object.entries(params)) next.append(prefix + key, value);
  const text = next.toString();
  return text === '' ? '' : `?${text}`;
}

/**
 * The entries of `values` that differ from `defaults`, as strings: what a shared link needs to carry.
 * @example changedValues({ a: 1, b: true }, { a: 1, b: false }) // { b: '1' }
 */
export function changedValues(
  values: Record<string, string | number | boolean>,
  defaults: Record<string, string | number | boolean>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value !== defaults[key]) out[key] = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
  }
  return out;
}
