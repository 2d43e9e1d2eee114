// Start-up work a page does not need for its first paint waits: for an idle moment, each piece in a task of
// its own, or, for the parts of a chapter a reader meets further down (its quiz, its Python cells), until
// they near the screen. Opening a long chapter is then not one long task that blocks scrolling and input
// while the chapter, its quiz, its cells and the table of contents all set themselves up at once.

/**
 * Runs `task` when the browser is idle, and at the latest after `timeout` ms, with the idle period's deadline;
 * where requestIdleCallback is missing (Safari), after a short timeout, without one.
 */
export function whenIdle(task: (deadline?: IdleDeadline) => void, timeout = 1000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout });
  else window.setTimeout(task, 50);
}

/** IntersectionObserver's margin for «near the screen»: within a screen's height above or below it. */
export const NEAR = '100% 0px';

/**
 * Runs `task` once, when an element `selector` finds comes within a screen's height of the viewport — on
 * this page or on a later one the client router shows — so that a chapter whose quiz or cells are far down
 * does not load and start them while it opens. Where IntersectionObserver is missing, runs `task` when idle.
 * @example whenNear('quiz-block', () => void import('./quiz.ts'));
 */
export function whenNear(selector: string, task: () => void): void {
  if (typeof IntersectionObserver !== 'function') {
    whenIdle(task);
    return;
  }
  let observer: IntersectionObserver | undefined;
  const watch = (): void => {
    observer?.disconnect();
    observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer?.disconnect();
        document.removeEventListener('astro:page-load', watch);
        task();
      },
      { rootMargin: NEAR },
    );
    for (const element of document.querySelectorAll(selector)) observer.observe(element);
  };
  watch();
  document.addEventListener('astro:page-load', watch);
}

/**
 * The reader's own actions on a page: a wheel turn, a key, a tap or a click. A `scroll` event is not one of
 * them (a script's scroll fires it too), but shows that reading has started.
 */
export const READER_ACTIONS = ['wheel', 'keydown', 'pointerdown', 'touchstart'] as const;

/**
 * Runs `task` once, on the reader's first scroll, key, tap or click on the page; returns a function that
 * cancels the wait.
 * @example const cancel = whenReading(() => void import('./chapter-progress.ts'));
 */
export function whenReading(task: () => void): () => void {
  const waiting = new AbortController();
  const start = (): void => {
    waiting.abort();
    task();
  };
  for (const type of [...READER_ACTIONS, 'scroll']) {
    window.addEventListener(type, start, { passive: true, capture: true, signal: waiting.signal });
  }
  return () => {
    waiting.abort();
  };
}
