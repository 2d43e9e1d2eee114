// Runs in the browser (page and worker) and in tests: the messages between the page and the Python worker.
// Every message is a plain object with a `type`; a run's messages carry the run's `id`.
import type { Segment } from '../lib/python/output.ts';

/** Something a cell shows besides its text output: the last expression's value or an image. */
export interface Display {
  /** `text`: a repr; `html`: an object's `_repr_html_()` (sanitise before showing); `png`: base64 PNG. */
  kind: 'text' | 'html' | 'png';
  data: string;
}

/** How one run ended, as the worker reports it. */
export type RunOutcome =
  | { status: 'ok'; displays: Display[] }
  | {
      status: 'error';
      errorType: string;
      /** As Python formats it, engine frames included (trim with `trimTraceback`). */
      traceback: string;
      /** A MemoryError left the interpreter without memory to go on: it must be restarted. */
      memoryExhausted: boolean;
    }
  /** KeyboardInterrupt from the interrupt buffer (Stop or the time limit). */
  | { status: 'interrupted'; traceback: string }
  /** A package could not be loaded; the code did not run. */
  | { status: 'package-error'; packages: string[]; reason: 'unknown' | 'failed'; detail: string };

export interface RunRequest {
  id: number;
  code: string;
  namespace: string;
  /** The file name in tracebacks (see `cellFileName`). */
  filename: string;
  /** Start from empty globals (or from a copy of `copyFrom`) instead of the namespace's current ones. */
  fresh: boolean;
  copyFrom: string | null;
  /** Packages declared by the cell; imports found in the code are added by the worker. */
  packages: string[];
}

export interface InitRequest {
  /** URL of the folder with pyodide.mjs, pyodide.asm.wasm, python_stdlib.zip and pyodide-lock.json. */
  indexURL: string;
  /**
   * URL of a gzipped memory snapshot of the started interpreter, restored instead of starting Python from
   * scratch; if it cannot be fetched or restored, Python starts the normal way. Null: no snapshot.
   */
  snapshotURL: string | null;
  /** Where non-standard-library packages are downloaded from. */
  packageBaseUrl: string;
  /** Shared one-byte buffer for Stop (cross-origin isolated pages only). */
  interruptBuffer: Uint8Array | null;
  /** The interpreter's memory may not grow beyond this many bytes (a MemoryError instead). */
  memoryLimitBytes: number;
  /** Uncompressed bytes of the files the worker downloads, for the progress bar. */
  downloadBytes: number;
}

export type ToWorker =
  ({ type: 'init' } & InitRequest) | ({ type: 'run' } & RunRequest) | { type: 'forget'; namespace: string };

export type FromWorker =
  | { type: 'progress'; loaded: number; total: number }
  | { type: 'ready'; version: string; loadMs: number; fromSnapshot: boolean }
  /** The warm-up after start-up (src/python/warm_up.py, see worker.ts) is over after `ms`, pauses for the student's runs included. */
  | { type: 'warmed-up'; ms: number }
  | { type: 'load-error'; detail: string }
  /** The interpreter broke (a Pyodide fatal error): the page must start a new worker. */
  | { type: 'fatal'; detail: string }
  | { type: 'output'; id: number; segments: Segment[] }
  | { type: 'packages'; id: number; names: string[] }
  | { type: 'done'; id: number; outcome: RunOutcome };
