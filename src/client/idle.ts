// Start-up work a page does not need for its first paint waits for an idle moment, each piece in a task
// of its own: opening a long chapter is then not one long task that blocks scrolling and input while the
// chapter, its quiz, its cells and the table of contents all set themselves up at once.

/**
 * Runs `task` when the browser is idle, and at the latest after `timeout` ms; where requestIdleCallback is
 * missing (Safari), after a short timeout.
 */
export function whenIdle(task: () => void, timeout = 1000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout });
  else window.setTimeout(task, 50);
}
