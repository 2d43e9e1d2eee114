// Runs in the browser and in tests: the Python program that runs a code exercise's hidden checks, and the
// reading of its report. The program runs after the student's code, in a namespace holding a copy of the
// student's globals; each check then gets its own copy, so one check cannot break the next.

/** Result of one check. */
export type CheckResult =
  | { ok: true }
  | {
      ok: false;
      /** `assert`: the check's assertion failed; `error`: the check raised another exception. */
      kind: 'assert' | 'error';
      /** The assertion message, or `TypeName: message` of the exception; may be empty. */
      detail: string;
    };

const REPORT_PREFIX = '__prodml_checks__';

/** The line that carries the report: the prefix, then the run's nonce. */
const reportTag = (nonce: string): string => `${REPORT_PREFIX}${nonce}:`;

/**
 * The Python program that runs `checks` (sources) one by one and prints one report line. `nonce` is a
 * fresh random token per run: the student's own prints cannot forge a report they cannot predict.
 * Uses the standard library only (`builtins`, `json`).
 * @example checkProgram(['assert f(1) == 2'], 'x1') // 'import builtins as __b, json as __j\n…'
 */
export function checkProgram(checks: readonly string[], nonce: string): string {
  if (!/^[A-Za-z0-9]+$/.test(nonce)) throw new Error('nonce must be alphanumeric');
  return [
    'import builtins as __b, json as __j',
    `__snapshot = __b.dict(__b.globals())`,
    '__results = []',
    `for __i, __src in __b.enumerate(${JSON.stringify(checks)}):`,
    '    __ns = __b.dict(__snapshot)',
    '    try:',
    '        __b.exec(__b.compile(__src, f"<check {__i + 1}>", "exec"), __ns)',
    '        __results.append({"ok": True})',
    '    except AssertionError as __e:',
    '        __results.append({"ok": False, "kind": "assert", "detail": __b.str(__e)})',
    '    except Exception as __e:',
    '        __results.append({"ok": False, "kind": "error", "detail": f"{__b.type(__e).__name__}: {__e}"})',
    `__b.print(${JSON.stringify(reportTag(nonce))} + __j.dumps(__results, ensure_ascii=False))`,
    '',
  ].join('\n');
}

const isResult = (value: unknown): value is CheckResult => {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  if (r['ok'] === true) return true;
  return r['ok'] === false && (r['kind'] === 'assert' || r['kind'] === 'error') && typeof r['detail'] === 'string';
};

/**
 * The check results in the output of `checkProgram(checks, nonce)`: one per check, in order; null when
 * the output has no well-formed report for this nonce and this many checks (the run was cut short).
 * @example parseCheckReport('__prodml_checks__x1:[{"ok": true}]\n', 'x1', 1) // [{ ok: true }]
 */
export function parseCheckReport(output: string, nonce: string, count: number): CheckResult[] | null {
  const tag = reportTag(nonce);
  const line = output.split('\n').findLast((l) => l.startsWith(tag));
  if (line === undefined) return null;
  let data: unknown;
  try {
    data = JSON.parse(line.slice(tag.length));
  } catch {
    return null;
  }
  if (!Array.isArray(data) || data.length !== count || !data.every(isResult)) return null;
  return data;
}

/**
 * Output without the report line, for showing the student what their code printed.
 * @example withoutReport('hi\n__prodml_checks__x1:[]\n', 'x1') // 'hi\n'
 */
export function withoutReport(output: string, nonce: string): string {
  const tag = reportTag(nonce);
  return output
    .split('\n')
    .filter((l) => !l.startsWith(tag))
    .join('\n');
}
