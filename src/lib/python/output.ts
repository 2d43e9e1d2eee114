// Runs in the worker, the browser and tests: batching a running program's output on its way out of the
// worker, and capping what a cell keeps and shows.

export type Stream = 'stdout' | 'stderr';

/** A run of text from one stream. */
export interface Segment {
  stream: Stream;
  text: string;
}

export interface BatcherOptions {
  /** Sends one batch: consecutive writes to the same stream, joined. */
  emit: (segments: Segment[]) => void;
  /** The clock, in milliseconds (injected so tests control time). */
  now: () => number;
  /** Sends at the first write this long after the previous batch (ms). */
  intervalMs: number;
  /** Sends as soon as this many characters are waiting. */
  maxChars: number;
}

/**
 * Collects writes and sends them in batches: a program that prints a million lines produces a few
 * hundred messages, not a million. The worker is busy running Python while it prints, so timers cannot
 * fire; the batcher decides on each write — the first write after a quiet `intervalMs` goes at once, later
 * ones wait for the interval or for `maxChars` — and the caller calls `flush()` when Python is about to
 * sleep and when the run ends.
 * @example
 * const sent: Segment[][] = [];
 * const b = createBatcher({ emit: (s) => sent.push(s), now: () => 0, intervalMs: 50, maxChars: 10 });
 * b.write('stdout', 'a\n'); b.write('stdout', 'b\n'); b.flush(); // sent: [[{ stream: 'stdout', text: 'a\n' }], [{ stream: 'stdout', text: 'b\n' }]]
 */
export function createBatcher(options: BatcherOptions): {
  write: (stream: Stream, text: string) => void;
  flush: () => void;
} {
  let pending: Segment[] = [];
  let chars = 0;
  let last = -Infinity;
  const flush = (): void => {
    last = options.now();
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    chars = 0;
    options.emit(batch);
  };
  const write = (stream: Stream, text: string): void => {
    if (text === '') return;
    const tail = pending.at(-1);
    if (tail?.stream === stream) tail.text += text;
    else pending.push({ stream, text });
    chars += text.length;
    if (chars >= options.maxChars || options.now() - last >= options.intervalMs) flush();
  };
  return { write, flush };
}

const countLines = (text: string): number => {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
};

export interface OutputLimits {
  /** Lines shown before «показать всё». */
  shownLines: number;
  /** Characters kept in memory; output beyond is counted but dropped. */
  keptChars: number;
}

/** What a cell shows of its output. */
export interface OutputView {
  segments: Segment[];
  /** Lines (newline-terminated or a final partial line) not shown because of `shownLines`. */
  hiddenLines: number;
  /** Characters received but not kept (over `keptChars`). */
  droppedChars: number;
  totalLines: number;
}

/**
 * The output of one run: keeps up to `keptChars` characters in order, counts the rest, and keeps the first
 * `shownLines` lines apart as they arrive, so that showing them costs the same after a million lines as
 * after ten (scanning the whole kept text on every frame would make printing quadratic).
 */
export class OutputLog {
  readonly #limits: OutputLimits;
  readonly #segments: Segment[] = [];
  readonly #head: Segment[] = [];
  #headLines = 0;
  #headPartial = false;
  #kept = 0;
  #dropped = 0;
  #newlines = 0;
  #endsWithNewline = true;

  constructor(limits: OutputLimits) {
    this.#limits = limits;
  }

  append(stream: Stream, text: string): void {
    if (text === '') return;
    this.#newlines += countLines(text);
    this.#endsWithNewline = text.endsWith('\n');
    const room = this.#limits.keptChars - this.#kept;
    const kept = room >= text.length ? text : text.slice(0, Math.max(0, room));
    this.#dropped += text.length - kept.length;
    if (kept === '') return;
    this.#kept += kept.length;
    push(this.#segments, stream, kept);
    this.#addToHead(stream, kept);
  }

  /** Adds the part of `text` that falls within the first `shownLines` lines. */
  #addToHead(stream: Stream, text: string): void {
    const wanted = this.#limits.shownLines - this.#headLines;
    if (wanted <= 0) return;
    let at = -1;
    let found = 0;
    while (found < wanted) {
      const next = text.indexOf('\n', at + 1);
      if (next === -1) break;
      at = next;
      found += 1;
    }
    const part = found === wanted ? text.slice(0, at + 1) : text;
    this.#headLines += found;
    this.#headPartial = !part.endsWith('\n');
    push(this.#head, stream, part);
  }

  /** All lines received, counting a last line without a newline. */
  get totalLines(): number {
    return this.#newlines + (this.#endsWithNewline ? 0 : 1);
  }

  get isEmpty(): boolean {
    return this.#segments.length === 0 && this.#dropped === 0;
  }

  /** Everything kept, as plain text. */
  text(): string {
    return this.#segments.map((s) => s.text).join('');
  }

  /**
   * The part to show: the first `shownLines` lines, or all that is kept when `all` is true.
   * @example
   * const log = new OutputLog({ shownLines: 2, keptChars: 100 });
   * log.append('stdout', '1\n2\n3\n');
   * log.view(false) // { segments: [{ stream: 'stdout', text: '1\n2\n' }], hiddenLines: 1, droppedChars: 0, totalLines: 3 }
   */
  view(all: boolean): OutputView {
    const totalLines = this.totalLines;
    const droppedChars = this.#dropped;
    if (all) return { segments: this.#segments.map((s) => ({ ...s })), hiddenLines: 0, droppedChars, totalLines };
    const shown = this.#headLines + (this.#headPartial ? 1 : 0);
    return { segments: this.#head.map((s) => ({ ...s })), hiddenLines: totalLines - shown, droppedChars, totalLines };
  }
}

/** Appends text to the last segment when it is of the same stream, else starts a segment. */
function push(segments: Segment[], stream: Stream, text: string): void {
  const tail = segments.at(-1);
  if (tail?.stream === stream) tail.text += text;
  else segments.push({ stream, text });
}
