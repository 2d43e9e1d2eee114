// Runs in a module Web Worker: owns Pyodide, loaded from the site's own copy (src/integrations/pyodide.ts),
// and runs the cells the page sends, one at a time. Speaks the protocol of ./protocol.ts.
import type { PyodideAPI } from 'pyodide';
import { createBatcher } from '../lib/python/output.ts';
import type { FromWorker, InitRequest, RunOutcome, RunRequest, ToWorker } from './protocol.ts';
import { PYTHON_ENV } from './env.ts';
import { createRuntime, type CellRuntime } from './runtime.ts';

interface WorkerScope {
  postMessage: (message: FromWorker) => void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  fetch: typeof fetch;
}
const scope = self as unknown as WorkerScope;
const post = (message: FromWorker): void => {
  scope.postMessage(message);
};

/** Output leaves the worker at most every 40 ms or 64 KB: a million prints are a few hundred messages. */
const BATCH_MS = 40;
const BATCH_CHARS = 64 * 1024;

/**
 * Caps the interpreter's memory: emscripten grows the heap through `WebAssembly.Memory#grow`, and a
 * refused growth is a MemoryError in Python instead of a tab that eats all the computer's memory.
 */
function limitMemory(maxBytes: number): void {
  const grow = Reflect.get<WebAssembly.Memory, 'grow'>(WebAssembly.Memory.prototype, 'grow');
  const PAGE = 65_536;
  WebAssembly.Memory.prototype.grow = function limitedGrow(this: WebAssembly.Memory, delta: number): number {
    if (this.buffer.byteLength + delta * PAGE > maxBytes) throw new RangeError('memory limit of the book reached');
    return grow.call(this, delta);
  };
}

/**
 * Counts the bytes of the core files as they arrive, for a progress bar with real numbers. A file already
 * in the HTTP cache is handed over untouched (the browser then reuses the wasm's compiled code); only
 * downloads are read through a clone of the response.
 */
function countDownloads(total: number): void {
  const original = scope.fetch.bind(scope);
  let loaded = 0;
  let lastSent = 0;
  scope.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    const cached = await original(url, { cache: 'only-if-cached', mode: 'same-origin' }).catch(() => null);
    if (cached?.ok === true) return cached;
    const response = await original(input, init);
    const body = response.clone().body;
    if (body === null) return response;
    void (async () => {
      const reader = body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        loaded += value.byteLength;
        const now = performance.now();
        if (now - lastSent > 50 || loaded >= total) {
          lastSent = now;
          post({ type: 'progress', loaded: Math.min(loaded, total), total });
        }
      }
    })().catch(() => undefined);
    return response;
  };
}

/**
 * The snapshot's bytes: fetched through the counting fetch (so the progress bar sees them) and unzipped as
 * they arrive. Rejects when it cannot be had; the caller then starts Python the normal way.
 */
async function fetchSnapshot(url: string): Promise<Uint8Array> {
  const response = await scope.fetch(url);
  if (!response.ok || response.body === null) throw new Error(`snapshot: HTTP ${response.status}`);
  const unzipped = response.body.pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(unzipped).arrayBuffer());
}

type LoadPyodide = (options: object) => Promise<PyodideAPI>;

/**
 * Starts Pyodide, from the memory snapshot when there is one: restoring the heap of an interpreter that has
 * already started (and imported what the runtime needs) skips most of Python's start-up. A snapshot that is
 * missing, corrupt or refused never stops Python: it then starts from scratch.
 */
async function startPyodide(
  loadPyodide: LoadPyodide,
  request: InitRequest,
): Promise<{ pyodide: PyodideAPI; fromSnapshot: boolean }> {
  const options = { indexURL: request.indexURL, packageBaseUrl: request.packageBaseUrl, env: { ...PYTHON_ENV } };
  if (request.snapshotURL !== null && typeof DecompressionStream === 'function') {
    try {
      const pyodide = await loadPyodide({ ...options, _loadSnapshot: fetchSnapshot(request.snapshotURL) });
      return { pyodide, fromSnapshot: true };
    } catch (error) {
      console.warn('Python: the memory snapshot could not be restored, starting from scratch.', error);
    }
  }
  return { pyodide: await loadPyodide(options), fromSnapshot: false };
}

let runtime: CellRuntime | null = null;
/** Lets a Stop (the page's interrupt buffer) reach Python, or not; does nothing where there is no buffer. */
let allowStop: (allowed: boolean) => void = () => undefined;

/**
 * How many times the engine runs its warm-up program (./warm_up.py) once Python has started. V8 first runs
 * Pyodide's WebAssembly with its baseline compiler and re-compiles the functions that turn out hot (the
 * interpreter loop above all) with its optimising compiler in the background, the largest taking hundreds of
 * milliseconds of a core. Left to a student's first runs, this happens while they wait: runs are slower and
 * uneven for a while (bench, trivial rerun p95 20–36 ms); done right after start-up, while the student reads,
 * it is over before the first click (p95 5–6 ms). Numbers and how to rerun them: docs/python.md.
 */
const WARM_UP_RUNS = 100;

/** Messages received and not handled yet: the warm-up only runs when there are none. */
let pending = 0;
/** A student's run pauses the warm-up until the engine has had nothing to do for this long. */
const QUIET_MS = 2000;
/** When the last student's run ended. */
let lastRunEnd = Number.NEGATIVE_INFINITY;
/** How long the warm-up still has to wait after the last student's run (≤ 0: it may go on). */
const quietLeft = (): number => lastRunEnd + QUIET_MS - performance.now();

/**
 * Runs the rest of the warm-up, one run at a time, and only while the student runs nothing: a run asked for
 * waits at most for the one warm-up run under way (a few milliseconds), and the warm-up then pauses until
 * the engine has been idle for QUIET_MS. Reports how long it took, pauses included, when it is over.
 */
function warmUp(left: number, started: number): void {
  if (left === 0) {
    post({ type: 'warmed-up', ms: performance.now() - started });
    return;
  }
  setTimeout(
    () => {
      if (pending > 0 || quietLeft() > 0) {
        void queue.then(() => {
          warmUp(left, started);
        });
        return;
      }
      queue = queue.then(async () => {
        const outcome = await runtime?.warmUp().catch(() => null);
        if (outcome?.status === 'ok') warmUp(left - 1, started);
        else console.warn('Python: the warm-up stopped early.', outcome);
      });
    },
    Math.max(0, quietLeft()),
  );
}

async function init(request: InitRequest): Promise<void> {
  const started = performance.now();
  limitMemory(request.memoryLimitBytes);
  countDownloads(request.downloadBytes);
  const module = (await import(/* @vite-ignore */ `${request.indexURL}pyodide.mjs`)) as { loadPyodide: LoadPyodide };
  const { pyodide, fromSnapshot } = await startPyodide(module.loadPyodide, request);
  const buffer = request.interruptBuffer;
  if (buffer !== null) {
    // Pyodide documents `undefined` as "no interrupts"; its type only names the buffer.
    allowStop = (allowed) => {
      pyodide.setInterruptBuffer(allowed ? buffer : (undefined as unknown as Uint8Array));
    };
  }
  runtime = createRuntime(pyodide, { interruptible: buffer !== null });
  post({ type: 'ready', version: pyodide.version, loadMs: performance.now() - started, fromSnapshot });
  warmUp(WARM_UP_RUNS, performance.now());
}

async function run(request: RunRequest): Promise<void> {
  if (runtime === null) throw new Error('run before init');
  const batcher = createBatcher({
    emit: (segments) => {
      post({ type: 'output', id: request.id, segments });
    },
    now: () => performance.now(),
    intervalMs: BATCH_MS,
    maxChars: BATCH_CHARS,
  });
  // A Stop reaches Python only while a student's cell runs, never the warm-up between runs. One pressed while
  // this run waited for its turn is still in the buffer and stops it as it starts; the page clears the buffer
  // when a run ends (src/python/client.ts), so a Stop meant for the previous run does not land here.
  allowStop(true);
  let outcome: RunOutcome;
  try {
    outcome = await runtime.run(request, {
      output: batcher.write,
      flush: batcher.flush,
      packages: (names) => {
        post({ type: 'packages', id: request.id, names });
      },
    });
  } finally {
    allowStop(false);
    lastRunEnd = performance.now();
  }
  batcher.flush();
  post({ type: 'done', id: request.id, outcome });
}

// Messages are handled strictly in order: a run waits for the init, and runs never overlap.
let queue = Promise.resolve();
scope.onmessage = (event) => {
  const message = event.data;
  pending += 1;
  queue = queue.then(async () => {
    pending -= 1;
    if (message.type === 'init') {
      await init(message).catch((error: unknown) => {
        post({ type: 'load-error', detail: error instanceof Error ? error.message : String(error) });
      });
    } else if (message.type === 'run') {
      await run(message).catch((error: unknown) => {
        post({ type: 'fatal', detail: error instanceof Error ? error.message : String(error) });
      });
    } else {
      runtime?.forget(message.namespace);
    }
  });
};
