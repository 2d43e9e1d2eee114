// Runs in the Python worker and in Node tests: runs cells on a loaded Pyodide, with the same semantics in
// both places (namespaces, output streams, packages, results) — the content test checks the book's cells
// through this very code.
import type { PyodideAPI } from 'pyodide';
import type { Stream } from '../lib/python/output.ts';
import { packagesForImports, resolvePackages, type Lockfile } from '../lib/python/packages.ts';
import type { RunOutcome, RunRequest } from './protocol.ts';
import runnerSource from './prodml_runtime.py?raw';
import warmUpSource from './warm_up.py?raw';

/** Where a run's text output and package loading go. */
export interface RunSink {
  output: (stream: Stream, text: string) => void;
  /** Called before packages are downloaded (names), so the page can say what it waits for. */
  packages: (names: string[]) => void;
  /** Send what is waiting now: Python is about to sleep, and a busy worker cannot run timers. */
  flush: () => void;
}

interface PyCallable {
  (...args: unknown[]): unknown;
  callKwargs: (...args: unknown[]) => unknown;
}

interface RunnerModule {
  setup: PyCallable;
  run: PyCallable;
  forget: PyCallable;
  imports_of: PyCallable;
}

const MODULE = 'prodml_runtime';

/** The warm-up's namespace and file name: no chapter's namespace or cell file name looks like this. */
const WARM_UP = '<warm-up>';
const DISCARD: RunSink = { output: () => undefined, packages: () => undefined, flush: () => undefined };

/** The part of a Pyodide PyProxy the runtime touches. */
interface Proxy {
  destroy: () => void;
}
const isProxy = (value: unknown): value is Proxy & PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as Partial<Proxy>).destroy === 'function';

export class CellRuntime {
  readonly #pyodide: PyodideAPI;
  readonly #runner: RunnerModule;
  #sink: RunSink | null = null;

  constructor(pyodide: PyodideAPI, runner: RunnerModule) {
    this.#pyodide = pyodide;
    this.#runner = runner;
    for (const stream of ['stdout', 'stderr'] as const) {
      const decoder = new TextDecoder();
      const write = (buffer: Uint8Array): number => {
        this.#sink?.output(stream, decoder.decode(buffer, { stream: true }));
        return buffer.length;
      };
      if (stream === 'stdout') pyodide.setStdout({ write });
      else pyodide.setStderr({ write });
    }
  }

  /** Runs one cell; output goes to `sink` while it runs. Runs must not overlap. */
  async run(request: Omit<RunRequest, 'id'>, sink: RunSink): Promise<RunOutcome> {
    this.#sink = sink;
    try {
      const packages = await this.#loadPackages(request, sink);
      if (packages !== null) return packages;
      let result = this.#runner.run.callKwargs(request.code, request.namespace, request.filename, {
        fresh: request.fresh,
        copy_from: request.copyFrom,
      });
      if (isProxy(result)) {
        const proxy = result;
        try {
          result = await proxy;
        } finally {
          proxy.destroy();
        }
      }
      return JSON.parse(String(result)) as RunOutcome;
    } catch (error) {
      // A KeyboardInterrupt that lands in the runner itself, between the student's code and the result.
      if (error instanceof Error && /KeyboardInterrupt/.test(error.message)) {
        return { status: 'interrupted', traceback: 'KeyboardInterrupt\n' };
      }
      throw error;
    } finally {
      this.#sink = null;
    }
  }

  /**
   * Runs the warm-up program (./warm_up.py) once: its output is discarded and its namespace dropped after
   * it, so nothing of it reaches a student's cells. Returns how it ended (`ok` unless the interpreter is broken).
   */
  async warmUp(): Promise<RunOutcome> {
    const request = { code: warmUpSource, namespace: WARM_UP, filename: WARM_UP, fresh: true, copyFrom: null };
    try {
      return await this.run({ ...request, packages: [] }, DISCARD);
    } finally {
      this.forget(WARM_UP);
    }
  }

  /** Sends the running cell's waiting output. */
  flush(): void {
    this.#sink?.flush();
  }

  /** Forgets a namespace: its next run starts from empty globals. */
  forget(namespace: string): void {
    this.#runner.forget(namespace);
  }

  /** Loads the packages the code needs; an outcome when that fails, null when all are there. */
  async #loadPackages(request: Omit<RunRequest, 'id'>, sink: RunSink): Promise<RunOutcome | null> {
    const lock = this.#pyodide.lockfile as Lockfile;
    const imports = JSON.parse(String(this.#runner.imports_of(request.code))) as string[];
    const wanted = [...request.packages, ...packagesForImports(lock, imports)];
    if (wanted.length === 0) return null;
    const { packages, unknown } = resolvePackages(lock, wanted);
    if (unknown.length > 0) return { status: 'package-error', packages: unknown, reason: 'unknown', detail: '' };
    const missing = packages.map((p) => p.name).filter((name) => !(name in this.#pyodide.loadedPackages));
    if (missing.length === 0) return null;
    sink.packages(missing);
    const errors: string[] = [];
    await this.#pyodide.loadPackage(missing, {
      messageCallback: () => undefined,
      errorCallback: (message) => errors.push(message),
    });
    const failed = missing.filter((name) => !(name in this.#pyodide.loadedPackages));
    if (failed.length === 0) return null;
    return { status: 'package-error', packages: failed, reason: 'failed', detail: errors.join('\n') };
  }
}

/**
 * Prepares a loaded Pyodide for running cells: installs the book's runner module and output handlers.
 * @param interruptible whether an interrupt buffer is set (then `time.sleep` is made interruptible).
 */
export function createRuntime(pyodide: PyodideAPI, { interruptible }: { interruptible: boolean }): CellRuntime {
  const fs = pyodide.FS as { writeFile: (path: string, data: string) => void };
  fs.writeFile(`/home/pyodide/${MODULE}.py`, runnerSource);
  const runner = pyodide.pyimport(MODULE) as unknown as RunnerModule;
  const runtime = new CellRuntime(pyodide, runner);
  runner.setup(interruptible, () => {
    runtime.flush();
  });
  return runtime;
}
