// Small DOM helpers shared by the labs' modules.

/** Sets an element's text only when it changes (no needless layout work). */
export function setText(element: Element | null, text: string): void {
  if (element !== null && element.textContent !== text) element.textContent = text;
}

/**
 * Keeps a chart's data table current: `rows` is called only while the table's disclosure is open, and
 * again whenever it opens or the page is about to print (the table prints in place of the chart).
 * Returns the function to call when the data change; `signal` removes the print listener.
 */
export function bindTable(root: Element, chart: string, rows: () => string[][], signal: AbortSignal): () => void {
  const figure = root.querySelector(`[data-chart="${chart}"]`);
  const details = figure?.querySelector('details') ?? null;
  const tbody = figure?.querySelector('tbody') ?? null;
  if (details === null || tbody === null) throw new Error(`lab: the table of chart ${chart} is missing`);
  let stale = true;
  const fill = () => {
    const built = rows().map((cells) => {
      const tr = document.createElement('tr');
      cells.forEach((text, i) => {
        const cell = document.createElement(i === 0 ? 'th' : 'td');
        if (i === 0) cell.setAttribute('scope', 'row');
        else cell.className = 'num';
        cell.textContent = text;
        tr.append(cell);
      });
      return tr;
    });
    tbody.replaceChildren(...built);
    stale = false;
  };
  details.addEventListener('toggle', () => {
    if (details.open && stale) fill();
  });
  window.addEventListener(
    'beforeprint',
    () => {
      if (stale) fill();
    },
    { signal },
  );
  return () => {
    stale = true;
    if (details.open) fill();
  };
}

/**
 * Coalesces changes into one redraw per animation frame: holding an arrow key on a slow machine then skips
 * stale values instead of queueing a recompute for each. `redraw` gets the time of the first change it
 * covers. Returns the function to call on a change and one that cancels a pending redraw.
 */
export function perFrame(redraw: (since: number) => void): { schedule: () => void; cancel: () => void } {
  let frame = 0;
  let since = 0;
  return {
    schedule: () => {
      if (frame !== 0) return;
      since = performance.now();
      frame = requestAnimationFrame(() => {
        frame = 0;
        redraw(since);
      });
    },
    cancel: () => {
      cancelAnimationFrame(frame);
      frame = 0;
    },
  };
}

/**
 * Marks the lab ready and tells listeners (tests, the benchmark) that it has redrawn; `detail.ms` is the
 * time from the change (or the mount) to the redrawn charts, `detail.workMs` the part spent recomputing
 * and redrawing since `started` (without the wait for the animation frame).
 */
export function reportUpdate(root: HTMLElement, since: number, started: number): void {
  root.dataset['state'] = 'ready';
  const now = performance.now();
  root.dispatchEvent(new CustomEvent('lab-update', { detail: { ms: now - since, workMs: now - started } }));
}
