// The running half of a <py-cell> (src/client/py-cell.ts), loaded with a dynamic import on the first run:
// runs the cell on the engine, shows progress and state, streams and caps the output, renders values.
// Pages that nobody runs never download it (nor the engine client).
import { ruPython } from '../i18n/ru/python.ts';
import { cellFileName } from '../lib/python/cells.ts';
import { megabytes, seconds } from '../lib/python/format.ts';
import { OutputLog, type Segment, type Stream } from '../lib/python/output.ts';
import { getEngine, type PythonEngine, type RunResult } from '../python/client.ts';
import type { Display } from '../python/protocol.ts';
import { announce } from './announce.ts';
import { one, type PyCellElement } from './py-cell.ts';

const s = ruPython;
/** Lines shown before «Показать всё», and characters kept per run (the rest is counted, not kept). */
const LIMITS = { shownLines: 500, keptChars: 8_000_000 };
/** «Показать всё» writes the output in blocks of about this many characters, a few blocks per frame. */
const BLOCK_CHARS = 32 * 1024;
const BLOCKS_PER_FRAME = 8;
/** Output arriving within this long of the last write waits for the next frame (one write per frame). */
const FRAME_MS = 16;

/** Namespaces whose setup cells have run, with the engine generation they ran in. */
const prepared = new Map<string, number>();

type CellState = 'loading' | 'running' | 'idle' | 'error';

const element = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

/** The cells of the page that share `namespace`, in page order. */
const cellsOf = (namespace: string): PyCellElement[] =>
  Array.from(document.querySelectorAll<PyCellElement>('py-cell')).filter((c) => c.namespace === namespace);

export class CellRunner {
  readonly #cell: PyCellElement;
  #run: AbortController | null = null;
  #log = new OutputLog(LIMITS);
  #displays: Display[] = [];
  #showAll = false;
  #shownComplete = false;
  /** Output waiting to be written once the student asked for all of it (a few blocks per frame). */
  #allQueue: Segment[] = [];
  #allChars = 0;
  #more: { line: HTMLElement; button: HTMLButtonElement; note: HTMLElement } | null = null;
  #frame = 0;
  #lastRender = Number.NEGATIVE_INFINITY;

  constructor(cell: PyCellElement) {
    this.#cell = cell;
  }

  /** A control of the cell was pressed. */
  action(name: string): void {
    if (name === 'run') void this.runThis();
    else if (name === 'stop') this.stop();
    else if (name === 'run-above') void this.#runAbove();
    else if (name === 'restart') void this.#restart();
  }

  /** Stops this cell's run, or cancels it while it waits for its turn. */
  stop(): void {
    this.#run?.abort();
  }

  #button(action: string): HTMLButtonElement {
    return one(this.#cell, `button[data-action="${action}"]`, HTMLButtonElement);
  }

  /** Runs this cell (after the page's setup cells, when they have not run in this engine yet). */
  async runThis(): Promise<RunResult | null> {
    if (this.#run !== null) return null;
    if (!this.#cell.isSetup) await this.#prepareNamespace();
    return this.#execute();
  }

  /** Runs the page's setup cells of this namespace once per engine (they define what later cells use). */
  async #prepareNamespace(): Promise<void> {
    const setups = cellsOf(this.#cell.namespace).filter((c) => c.isSetup);
    if (setups.length === 0) return;
    const engine = getEngine();
    const listening = this.#followLoading(engine);
    try {
      await engine.start();
    } catch {
      return;
    } finally {
      listening.abort();
    }
    if (prepared.get(this.#cell.namespace) === engine.generation) return;
    prepared.set(this.#cell.namespace, engine.generation);
    for (const cell of setups) {
      const result = await (await cell.runner()).#execute();
      if (result?.status !== 'ok') cell.querySelector('details')?.setAttribute('open', '');
    }
  }

  /** «Запустить все выше»: the cells of this page above this one, in order, then this one; stops at an error. */
  async #runAbove(): Promise<void> {
    const cells = cellsOf(this.#cell.namespace);
    const upTo = cells.slice(0, cells.indexOf(this.#cell) + 1).filter((c) => c === this.#cell || !c.isSetup);
    for (const cell of upTo) {
      const result = await (await cell.runner()).runThis();
      if (result?.status !== 'ok' || !this.#cell.isConnected) break;
    }
  }

  async #restart(): Promise<void> {
    prepared.clear();
    const ready = getEngine().restart();
    this.#setStatus('loading', '');
    announce(s.restarted);
    try {
      await ready;
      this.#setStatus('idle', s.restarted);
    } catch {
      this.#setStatus('error', s.loadFailed(getEngine().loadError ?? ''));
    }
  }

  async #execute(): Promise<RunResult | null> {
    if (this.#run !== null) return null;
    const engine = getEngine();
    const run = new AbortController();
    this.#run = run;
    this.#setRunning(true);
    this.#clearOutput();
    const listening = this.#followLoading(engine);
    if (engine.state === 'running' || engine.state === 'stopping') this.#setStatus('running', s.waiting);
    else if (engine.state === 'idle') this.#setStatus('running', '');

    const limit = Number(this.#cell.dataset['timeLimit']);
    const packages = (this.#cell.dataset['packages'] ?? '').split(' ').filter((p) => p !== '');
    const result = await engine.run(this.#cell.code, {
      namespace: this.#cell.namespace,
      filename: cellFileName(this.#cell.cellId),
      packages,
      signal: run.signal,
      ...(limit > 0 ? { timeoutMs: limit * 1000 } : {}),
      onStart: () => {
        this.#setStatus('running', '');
      },
      onStdout: (text) => {
        this.#append('stdout', text);
      },
      onStderr: (text) => {
        this.#append('stderr', text);
      },
      onDisplay: (display) => this.#displays.push(display),
      onPackages: (names) => {
        this.#setStatus('loading', s.loadingPackages(names.join(', ')));
      },
    });
    listening.abort();
    this.#run = null;
    this.#render();
    await this.#showResult(result, engine, limit);
    this.#setRunning(false);
    return result;
  }

  #setRunning(running: boolean): void {
    const stop = this.#button('stop');
    const stopHadFocus = document.activeElement === stop;
    stop.disabled = !running;
    this.#button('run').disabled = running;
    if (stopHadFocus && !running) this.#button('run').focus();
    else if (running && document.activeElement === this.#button('run')) stop.focus();
  }

  #setStatus(state: CellState, text: string): void {
    const status = one(this.#cell, '[data-status]');
    status.hidden = false;
    const label = one(status, '[data-state]');
    label.dataset['state'] = state;
    label.textContent = s.state[state === 'error' ? 'dead' : state];
    one(status, '[data-status-text]').textContent = text;
    if (state !== 'loading') one(status, '[data-progress]', HTMLProgressElement).hidden = true;
  }

  /** Shows the engine's download progress in this cell while it loads; abort to stop following. */
  #followLoading(engine: PythonEngine): AbortController {
    const listening = new AbortController();
    const show = (): void => {
      if (engine.state === 'loading' || engine.state === 'unloaded') this.#showLoading(engine);
    };
    engine.addEventListener('progress', show, { signal: listening.signal });
    engine.addEventListener('statechange', show, { signal: listening.signal });
    show();
    return listening;
  }

  #showLoading(engine: PythonEngine): void {
    const { loaded, total } = engine.progress;
    this.#setStatus('loading', s.loadingBytes(megabytes(loaded), megabytes(total)));
    const bar = one(this.#cell, '[data-progress]', HTMLProgressElement);
    bar.hidden = false;
    bar.max = Math.max(total, 1);
    bar.value = Math.min(loaded, total);
  }

  async #showResult(result: RunResult, engine: PythonEngine, limit: number): Promise<void> {
    await this.#renderDisplays();
    let message: string;
    let state: CellState = 'idle';
    switch (result.status) {
      case 'ok':
        message = s.done(seconds(result.durationMs));
        break;
      case 'error':
        state = 'error';
        this.#output().append(element('pre', 'py-traceback', result.traceback));
        message = result.reset ? `${s.error(result.message)} ${s.memory}` : s.error(result.message);
        break;
      case 'interrupted':
        if (result.reason === 'timeout') message = s.timeout(String(limit));
        else message = result.reset ? s.stoppedReset : s.stopped;
        if (result.reset) prepared.delete(this.#cell.namespace);
        break;
      case 'package-error': {
        state = 'error';
        const names = result.packages.join(', ');
        message =
          result.reason === 'unknown'
            ? s.packageUnknown(names)
            : s.packageFailed(names, new URL(engine.packageBaseUrl).host);
        break;
      }
      case 'crashed':
        state = 'error';
        message = engine.state === 'dead' ? s.loadFailed(engine.loadError ?? result.detail) : s.crashed;
        break;
    }
    this.#setStatus(state, message);
    announce(message);
  }

  // ── output ───────────────────────────────────────────────────────────────

  #output(): HTMLElement {
    return one(this.#cell, '[data-output]');
  }

  #clearOutput(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#lastRender = Number.NEGATIVE_INFINITY;
    this.#log = new OutputLog(LIMITS);
    this.#displays = [];
    this.#showAll = false;
    this.#shownComplete = false;
    this.#allQueue = [];
    this.#allChars = 0;
    this.#more = null;
    this.#output().replaceChildren();
  }

  #append(stream: Stream, text: string): void {
    this.#log.append(stream, text);
    if (this.#showAll) {
      const room = LIMITS.keptChars - this.#allChars;
      const kept = text.slice(0, Math.max(0, room));
      this.#allChars += kept.length;
      if (kept !== '') this.#allQueue.push({ stream, text: kept });
    }
    // The first output after a quiet moment is written at once (a rerun shows its result without waiting
    // for a frame); output that keeps coming is written once per frame.
    if (this.#frame === 0 && performance.now() - this.#lastRender >= FRAME_MS) this.#render();
    else this.#schedule();
  }

  #schedule(): void {
    if (this.#frame !== 0) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#render();
    });
  }

  /** The `<pre>` with the text output, created on first output. */
  #stream(): HTMLPreElement {
    const output = this.#output();
    let pre = output.querySelector<HTMLPreElement>(':scope > .py-stream');
    if (pre === null) {
      pre = element('pre', 'py-stream');
      pre.tabIndex = 0;
      output.prepend(pre);
    }
    return pre;
  }

  static #nodes(segments: readonly Segment[]): Node[] {
    return segments.map((segment) => CellRunner.#node(segment.stream, segment.text));
  }

  static #node(stream: Stream, text: string): Node {
    return stream === 'stderr' ? element('span', 'py-stderr', text) : document.createTextNode(text);
  }

  /** Writes what arrived since the last frame: at most `shownLines` lines, unless the student asked for all. */
  #render(): void {
    this.#lastRender = performance.now();
    if (this.#log.isEmpty) return;
    const pre = this.#stream();
    const view = this.#log.view(false);
    if (this.#showAll) this.#renderBlocks(pre);
    else if (!this.#shownComplete) {
      pre.replaceChildren(...CellRunner.#nodes(view.segments));
      this.#shownComplete = view.hiddenLines > 0;
    }
    this.#renderMore(this.#showAll ? 0 : view.hiddenLines, view.droppedChars);
  }

  /**
   * Writes up to `BLOCKS_PER_FRAME` blocks of the queued output, each a block of its own that the browser
   * skips laying out while it is scrolled out of view (content-visibility), then asks for another frame:
   * a million lines appear without freezing the page.
   */
  #renderBlocks(pre: HTMLPreElement): void {
    for (let n = 0; n < BLOCKS_PER_FRAME && this.#allQueue.length > 0; n += 1) {
      const segment = this.#allQueue[0];
      if (segment === undefined) break;
      let take = segment.text.length;
      if (take > BLOCK_CHARS) {
        const newline = segment.text.lastIndexOf('\n', BLOCK_CHARS - 1);
        take = newline >= 0 ? newline + 1 : BLOCK_CHARS;
      }
      const piece = segment.text.slice(0, take);
      if (take === segment.text.length) this.#allQueue.shift();
      else segment.text = segment.text.slice(take);
      const block = element('span', 'py-block');
      const lines = piece.split('\n').length;
      block.style.setProperty('contain-intrinsic-block-size', `auto ${(lines * 1.5).toFixed(1)}em`);
      block.append(CellRunner.#node(segment.stream, piece));
      pre.append(block);
    }
    if (this.#allQueue.length > 0) this.#schedule();
  }

  /** The line under the output: «Показать всё (ещё N строк)» and what was not kept. */
  #renderMore(hidden: number, dropped: number): void {
    if (hidden === 0 && dropped === 0) {
      this.#more?.line.remove();
      this.#more = null;
      return;
    }
    if (this.#more === null) {
      const line = element('p', 'py-more');
      const button = element('button', 'py-button');
      button.type = 'button';
      button.addEventListener('click', () => {
        this.#expand();
      });
      const note = element('span', '');
      line.append(button, note);
      this.#stream().after(line);
      this.#more = { line, button, note };
    }
    const { button, note } = this.#more;
    button.hidden = hidden === 0;
    const label = s.showAll(s.lines(hidden));
    if (hidden > 0 && button.textContent !== label) button.textContent = label;
    note.textContent = dropped > 0 ? s.dropped(dropped.toLocaleString('ru-RU')) : '';
  }

  #expand(): void {
    this.#showAll = true;
    const all = this.#log.view(true);
    this.#allChars = all.segments.reduce((n, seg) => n + seg.text.length, 0);
    this.#allQueue = all.segments;
    const pre = this.#stream();
    pre.replaceChildren();
    pre.focus();
    this.#render();
  }

  async #renderDisplays(): Promise<void> {
    const output = this.#output();
    for (const display of this.#displays) {
      if (display.kind === 'text') {
        const pre = element('pre', 'py-value', display.data);
        pre.tabIndex = 0;
        output.append(pre);
      } else if (display.kind === 'png') {
        const img = element('img', 'py-image');
        img.src = `data:image/png;base64,${display.data}`;
        img.alt = s.image;
        output.append(img);
      } else {
        const { default: DOMPurify } = await import('dompurify');
        const box = element('div', 'py-html');
        box.innerHTML = DOMPurify.sanitize(display.data);
        output.append(box);
      }
    }
  }
}
