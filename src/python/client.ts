// Runs in the browser (main thread): the page's side of the Python engine. One engine per browsing session,
// kept on `globalThis`, so that the client router's page changes keep the worker and its namespaces alive.
// The contract other features build on (cells, code exercises) is documented in docs/python.md.
import { cellFileName, isCellFileName } from '../lib/python/cells.ts';
import { lastErrorLine, trimTraceback } from '../lib/python/traceback.ts';
import type { Display, FromWorker, RunOutcome, ToWorker } from './protocol.ts';

/**
 * `unloaded`: no worker yet; `loading`: Pyodide is starting; `idle`: ready, nothing running;
 * `running`: a cell runs; `stopping`: Stop was asked, waiting for the KeyboardInterrupt;
 * `dead`: the worker could not start (offline, missing files) — the next run tries again.
 */
export type EngineState = 'unloaded' | 'loading' | 'idle' | 'running' | 'stopping' | 'dead';

/** Why a worker was replaced, losing every namespace. */
export type ResetReason = 'stop' | 'timeout' | 'memory' | 'crash' | 'restart';

export interface RunOptions {
  /** Globals shared by the runs with the same namespace (a chapter's slug; `exercise:<id>` for exercises). */
  namespace: string;
  /** Shown in tracebacks: `File "<filename>", line N`. Default: `cellFileName('')`. */
  filename?: string;
  /** Start from empty globals — or from a copy of `copyFrom`'s — instead of the namespace's current ones. */
  fresh?: boolean;
  copyFrom?: string;
  /** Pyodide packages to load first (imports found in the code are added automatically). */
  packages?: string[];
  /** Stops the run after this many milliseconds (as Stop does); none by default. */
  timeoutMs?: number;
  /** Aborting stops the run (as `interrupt()` does), or cancels it while it waits for its turn. */
  signal?: AbortSignal;
  /** The run leaves the queue and starts (Python is loaded, no other run is going on). */
  onStart?: () => void;
  onStdout?: (text: string) => void;
  onStderr?: (text: string) => void;
  /** The last expression's value and images, after the run. */
  onDisplay?: (display: Display) => void;
  /** Packages about to be downloaded. */
  onPackages?: (names: string[]) => void;
}

export type RunResult =
  | { status: 'ok'; durationMs: number }
  | {
      status: 'error';
      errorType: string;
      /** The exception's last line, e.g. `ZeroDivisionError: division by zero`. */
      message: string;
      /** Trimmed to the student's code, with the cell's own line numbers. */
      traceback: string;
      /** The interpreter ran out of memory and was restarted: every namespace is empty again. */
      reset: boolean;
    }
  | {
      status: 'interrupted';
      reason: 'stop' | 'timeout';
      /** true: the worker was replaced (no interrupt buffer, or Python did not stop in time). */
      reset: boolean;
      traceback: string;
    }
  | { status: 'package-error'; packages: string[]; reason: 'unknown' | 'failed'; detail: string }
  /** The worker died or could not start; a new one is started for the next run. */
  | { status: 'crashed'; detail: string };

/** Build-time settings (src/integrations/pyodide.ts). */
export interface EngineConfig {
  /** URL path of the folder with Pyodide's core files, under the site's base. */
  indexPath: string;
  /** URL path of the memory snapshot of a started interpreter (null: start Python from scratch). */
  snapshotPath: string | null;
  /** Where packages come from: an absolute URL, or a path on this site when they are mirrored. */
  packageBaseUrl: string;
  downloadBytes: number;
  version: string;
}

/** How long a KeyboardInterrupt may take before the worker is replaced: Stop always ends a run within 1 s. */
const ESCALATE_MS = 600;
const MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024;

interface ActiveRun {
  id: number;
  options: RunOptions;
  started: number;
  resolve: (result: RunResult) => void;
  stopReason: 'stop' | 'timeout' | null;
  timers: number[];
}

const saveData = (): boolean =>
  (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;

export class PythonEngine extends EventTarget {
  readonly #config: EngineConfig;
  #state: EngineState = 'unloaded';
  #worker: Worker | null = null;
  #ready: Promise<void> | null = null;
  #settleReady: { resolve: () => void; reject: (error: Error) => void } | null = null;
  #buffer: Uint8Array | null = null;
  #current: ActiveRun | null = null;
  #queue: Promise<void> = Promise.resolve();
  #nextId = 1;
  /** Number of workers started so far: a new number means every namespace is empty. */
  generation = 0;
  progress = { loaded: 0, total: 0 };
  /** Why the last start failed, when the state is `dead`. */
  loadError: string | null = null;
  /**
   * How the last start went: its time in the worker, whether the memory snapshot was restored, and how long
   * the warm-up after it took (null until it is over).
   */
  startup: { ms: number; fromSnapshot: boolean; warmUpMs: number | null } | null = null;

  constructor(config: EngineConfig) {
    super();
    this.#config = config;
    this.progress.total = config.downloadBytes;
  }

  get state(): EngineState {
    return this.#state;
  }

  /** Where packages are downloaded from (absolute URL). */
  get packageBaseUrl(): string {
    return new URL(this.#config.packageBaseUrl, location.href).href;
  }

  /** Whether Stop keeps the state (the page is cross-origin isolated, so an interrupt buffer works). */
  get interruptible(): boolean {
    return globalThis.crossOriginIsolated;
  }

  /** Starts the worker if needed; resolves when Python is ready. One promise per worker. */
  start(): Promise<void> {
    if (this.#ready !== null && this.#state !== 'dead') return this.#ready;
    return this.#spawn();
  }

  /** Starts loading on a sign of intent, unless the student asked the browser to save data. */
  prewarm(): void {
    if (this.#state !== 'unloaded' || saveData()) return;
    void this.start().catch(() => undefined);
  }

  /**
   * Runs `code` in `options.namespace`. Runs are queued: one at a time, in call order. Never rejects:
   * every way a run can end is a `RunResult`.
   */
  run(code: string, options: RunOptions): Promise<RunResult> {
    return new Promise<RunResult>((resolve) => {
      let started = false;
      let settled = false;
      const finish = (result: RunResult): void => {
        if (settled) return;
        settled = true;
        resolve(result);
      };
      options.signal?.addEventListener(
        'abort',
        () => {
          if (!started) finish({ status: 'interrupted', reason: 'stop', reset: false, traceback: '' });
        },
        { once: true },
      );
      this.#queue = this.#queue.then(async () => {
        if (settled) return;
        started = true;
        finish(await this.#runNow(code, options));
      });
    });
  }

  /** Stops the running cell: KeyboardInterrupt where possible, else (or if it does not stop) a new worker. */
  interrupt(): void {
    this.#interrupt('stop');
  }

  /** Replaces the worker: every namespace starts empty. A running cell ends as interrupted. */
  restart(): Promise<void> {
    this.#replace('restart');
    return this.start();
  }

  /** Empties one namespace without restarting Python. */
  forget(namespace: string): void {
    this.#post({ type: 'forget', namespace });
  }

  #setState(state: EngineState): void {
    if (this.#state === state) return;
    this.#state = state;
    this.dispatchEvent(new CustomEvent('statechange', { detail: { state } }));
  }

  #post(message: ToWorker): void {
    this.#worker?.postMessage(message);
  }

  #spawn(): Promise<void> {
    this.generation += 1;
    this.loadError = null;
    this.startup = null;
    this.progress = { loaded: 0, total: this.#config.downloadBytes };
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'python' });
    this.#worker = worker;
    this.#buffer = this.interruptible ? new Uint8Array(new SharedArrayBuffer(1)) : null;
    const ready = new Promise<void>((resolve, reject) => {
      this.#settleReady = { resolve, reject };
    });
    ready.catch(() => undefined);
    this.#ready = ready;
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
      this.#handle(worker, event.data);
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#died(worker, event.message || 'the Python worker stopped');
    });
    this.#setState('loading');
    this.#post({
      type: 'init',
      indexURL: new URL(this.#config.indexPath, location.href).href,
      snapshotURL: this.#config.snapshotPath === null ? null : new URL(this.#config.snapshotPath, location.href).href,
      packageBaseUrl: this.packageBaseUrl,
      interruptBuffer: this.#buffer,
      memoryLimitBytes: MEMORY_LIMIT_BYTES,
      downloadBytes: this.#config.downloadBytes,
    });
    return ready;
  }

  #handle(worker: Worker, message: FromWorker): void {
    if (worker !== this.#worker) return;
    const run = this.#current;
    const forRun = (id: number): ActiveRun | null => (run !== null && run.id === id ? run : null);
    switch (message.type) {
      case 'progress':
        this.progress = { loaded: message.loaded, total: message.total };
        this.dispatchEvent(new CustomEvent('progress', { detail: this.progress }));
        break;
      case 'ready':
        this.startup = { ms: message.loadMs, fromSnapshot: message.fromSnapshot, warmUpMs: null };
        this.progress = { loaded: this.progress.total, total: this.progress.total };
        this.#setState(this.#current === null ? 'idle' : 'running');
        this.#settleReady?.resolve();
        break;
      case 'warmed-up':
        if (this.startup !== null) this.startup = { ...this.startup, warmUpMs: message.ms };
        break;
      case 'load-error':
      case 'fatal':
        this.#died(worker, message.detail);
        break;
      case 'output':
        for (const segment of message.segments) {
          const target = forRun(message.id)?.options;
          if (segment.stream === 'stdout') target?.onStdout?.(segment.text);
          else target?.onStderr?.(segment.text);
        }
        break;
      case 'packages':
        forRun(message.id)?.options.onPackages?.(message.names);
        break;
      case 'done': {
        const active = forRun(message.id);
        if (active !== null) this.#finish(active, message.outcome);
        break;
      }
    }
  }

  async #runNow(code: string, options: RunOptions): Promise<RunResult> {
    try {
      await this.start();
    } catch {
      return { status: 'crashed', detail: this.loadError ?? 'Python did not start' };
    }
    if (options.signal?.aborted === true) return { status: 'interrupted', reason: 'stop', reset: false, traceback: '' };
    return new Promise<RunResult>((resolve) => {
      const run: ActiveRun = {
        id: this.#nextId++,
        options,
        started: performance.now(),
        resolve,
        stopReason: null,
        timers: [],
      };
      this.#current = run;
      this.#setState('running');
      options.signal?.addEventListener(
        'abort',
        () => {
          if (this.#current === run) this.#interrupt('stop');
        },
        { once: true },
      );
      if (options.timeoutMs !== undefined) {
        run.timers.push(
          window.setTimeout(() => {
            this.#interrupt('timeout');
          }, options.timeoutMs),
        );
      }
      this.#post({
        type: 'run',
        id: run.id,
        code,
        namespace: options.namespace,
        filename: options.filename ?? cellFileName(''),
        fresh: options.fresh ?? false,
        copyFrom: options.copyFrom ?? null,
        packages: options.packages ?? [],
      });
      options.onStart?.();
    });
  }

  /** Ends the current run with `result` and goes back to idle (or to loading, when a worker restarts). */
  #settle(run: ActiveRun, result: RunResult): void {
    for (const timer of run.timers) window.clearTimeout(timer);
    // A Stop pressed too late for this run must not stop the next one (see `run` in src/python/worker.ts).
    if (this.#buffer !== null) this.#buffer[0] = 0;
    if (this.#current === run) this.#current = null;
    if (this.#state === 'running' || this.#state === 'stopping') this.#setState('idle');
    run.resolve(result);
  }

  #finish(run: ActiveRun, outcome: RunOutcome): void {
    const durationMs = performance.now() - run.started;
    switch (outcome.status) {
      case 'ok':
        for (const display of outcome.displays) run.options.onDisplay?.(display);
        this.#settle(run, { status: 'ok', durationMs });
        break;
      case 'error': {
        const traceback = trimTraceback(outcome.traceback, isCellFileName);
        const result: RunResult = {
          status: 'error',
          errorType: outcome.errorType,
          message: lastErrorLine(traceback),
          traceback,
          reset: outcome.memoryExhausted,
        };
        this.#settle(run, result);
        if (outcome.memoryExhausted) {
          this.#replace('memory');
          void this.start().catch(() => undefined);
        }
        break;
      }
      case 'interrupted':
        this.#settle(run, {
          status: 'interrupted',
          reason: run.stopReason ?? 'stop',
          reset: false,
          traceback: trimTraceback(outcome.traceback, isCellFileName),
        });
        break;
      case 'package-error':
        this.#settle(run, outcome);
        break;
    }
  }

  #interrupt(reason: 'stop' | 'timeout'): void {
    const run = this.#current;
    if (run === null || run.stopReason !== null) return;
    run.stopReason = reason;
    if (this.#buffer === null || this.#state !== 'running') {
      this.#replace(reason);
      void this.start().catch(() => undefined);
      return;
    }
    this.#setState('stopping');
    this.#buffer[0] = 2; // SIGINT: Python raises KeyboardInterrupt at its next check
    run.timers.push(
      window.setTimeout(() => {
        if (this.#current !== run) return;
        this.#replace(reason);
        void this.start().catch(() => undefined);
      }, ESCALATE_MS),
    );
  }

  /** Terminates the worker (every namespace is lost); a running cell ends as interrupted or crashed. */
  #replace(reason: ResetReason): void {
    const worker = this.#worker;
    if (worker === null) return;
    worker.terminate();
    this.#worker = null;
    this.#ready = null;
    this.#settleReady?.reject(new Error('the Python worker was replaced'));
    this.#settleReady = null;
    this.#setState('unloaded');
    const run = this.#current;
    if (run !== null) {
      const stopped = reason === 'stop' || reason === 'timeout' || reason === 'restart';
      this.#settle(
        run,
        stopped
          ? { status: 'interrupted', reason: reason === 'timeout' ? 'timeout' : 'stop', reset: true, traceback: '' }
          : { status: 'crashed', detail: reason },
      );
    }
    this.dispatchEvent(new CustomEvent('reset', { detail: { reason } }));
  }

  #died(worker: Worker, detail: string): void {
    if (worker !== this.#worker) return;
    const wasReady = this.#state !== 'loading';
    const run = this.#current;
    worker.terminate();
    this.#worker = null;
    this.#ready = null;
    this.loadError = detail;
    this.#settleReady?.reject(new Error(detail));
    this.#settleReady = null;
    this.#setState('dead');
    if (run !== null) this.#settle(run, { status: 'crashed', detail });
    if (wasReady) {
      this.dispatchEvent(new CustomEvent('reset', { detail: { reason: 'crash' satisfies ResetReason } }));
      void this.start().catch(() => undefined);
    }
  }
}

declare const __PRODML_PYODIDE__: EngineConfig;
const KEY = Symbol.for('prodml.python-engine');

/** The engine of this browsing session (created on first use, kept across client-side navigation). */
export function getEngine(): PythonEngine {
  const holder = globalThis as unknown as Partial<Record<typeof KEY, PythonEngine>>;
  const engine = holder[KEY] ?? new PythonEngine(__PRODML_PYODIDE__);
  holder[KEY] = engine;
  return engine;
}
