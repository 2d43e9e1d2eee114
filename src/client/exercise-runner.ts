// Runs a code exercise in the book's Python engine (src/python/client.ts, docs/python.md): the student's
// code in namespace `exercise:<id>` (fresh globals on every run), then the hidden checks
// (src/lib/quiz/exercise.ts) in namespace `exercise:<id>:checks`, which starts from a copy of the student's
// globals. The engine is imported on demand, so the quiz itself stays light.
import { checkProgram, parseCheckReport, type CheckResult } from '../lib/quiz/exercise.ts';
import type { PythonEngine, RunResult } from '../python/client.ts';

/** Longest a run of the student's code, and then of the checks, may take. */
export const TIME_LIMIT_SECONDS = 10;

/** How a run ended. */
export type RunReport =
  /** The engine could not start (offline before Python was downloaded, missing files…). */
  | { kind: 'failed'; detail: string }
  /** The student's code raised; the checks did not run. */
  | { kind: 'code-error'; detail: string; output: string }
  | { kind: 'timeout'; seconds: number; output: string }
  | { kind: 'stopped'; output: string }
  /** The checks ran but left no readable report (cut short, or broken by the student's code). */
  | { kind: 'no-report'; output: string }
  | { kind: 'checked'; results: CheckResult[]; output: string };

/** What the element shows while waiting. */
export type RunState = 'loading' | 'running';

let controller: AbortController | null = null;

async function engine(): Promise<PythonEngine> {
  const { getEngine } = await import('../python/client.ts');
  return getEngine();
}

/** Starts loading Python on a sign of intent (the student focuses the editor). */
export function prewarmExercise(): void {
  void engine().then((e) => {
    e.prewarm();
  });
}

/** A fresh alphanumeric token for one check run (see `checkProgram`). */
const nonce = (): string => Array.from(crypto.getRandomValues(new Uint32Array(2)), (n) => n.toString(36)).join('');

/** A run that did not end with `ok`, as a report; null for `ok`. */
function ended(result: RunResult, output: string): RunReport | null {
  switch (result.status) {
    case 'ok':
      return null;
    case 'error':
      return { kind: 'code-error', detail: result.message, output: `${output}${result.traceback}` };
    case 'interrupted':
      return result.reason === 'timeout'
        ? { kind: 'timeout', seconds: TIME_LIMIT_SECONDS, output }
        : { kind: 'stopped', output };
    case 'package-error':
      return { kind: 'code-error', detail: result.detail, output };
    case 'crashed':
      return { kind: 'failed', detail: result.detail };
  }
}

/**
 * Runs `code` for exercise `id`, then the `checks` (Python sources). Never rejects.
 * @param onState `loading` while Python starts, `running` once the student's code runs.
 */
export async function runExercise(
  id: string,
  code: string,
  checks: readonly string[],
  onState: (state: RunState) => void,
): Promise<RunReport> {
  controller?.abort();
  const current = new AbortController();
  controller = current;
  let python: PythonEngine;
  try {
    python = await engine();
  } catch (error) {
    return { kind: 'failed', detail: (error as Error).message };
  }
  if (python.state !== 'idle' && python.state !== 'running') onState('loading');
  let output = '';
  const collect = (text: string): void => {
    output += text;
  };
  const namespace = `exercise:${id}`;
  const timeoutMs = TIME_LIMIT_SECONDS * 1000;
  const student = await python.run(code, {
    namespace,
    fresh: true,
    timeoutMs,
    signal: current.signal,
    onStart: () => {
      onState('running');
    },
    onStdout: collect,
    onStderr: collect,
  });
  const studentEnd = ended(student, output);
  if (studentEnd !== null) return studentEnd;
  const token = nonce();
  let report = '';
  const checked = await python.run(checkProgram(checks, token), {
    namespace: `${namespace}:checks`,
    fresh: true,
    copyFrom: namespace,
    timeoutMs,
    signal: current.signal,
    onStdout: (text) => {
      report += text;
    },
  });
  if (controller === current) controller = null;
  const checksEnd = ended(checked, output);
  if (checksEnd !== null) return checksEnd.kind === 'code-error' ? { kind: 'no-report', output } : checksEnd;
  const results = parseCheckReport(report, token, checks.length);
  return results === null ? { kind: 'no-report', output } : { kind: 'checked', results, output };
}

/** Stops the running exercise (or cancels it while Python loads). */
export function stopExercise(): void {
  controller?.abort();
  controller = null;
}
