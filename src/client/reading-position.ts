// Going back to a chapter, or reloading it, returns the reader to the text they were reading. The client
// router restores the page's scroll offset, but in the new page the blocks the reader had passed are not laid
// out yet (src/client/lazy-layout.ts) and count as 8em each, so the same offset lands pages away from that
// text. The position is therefore also kept as «block N of the article, so many px scrolled past its top», in
// the same history entry as the router's offset, and restored from that once the router has restored its own.
// The same holds within a page: back from a jump to a section (table of contents, a link in the text) the
// blocks between may have been laid out since, and the router's offset points elsewhere.
import { READER_ACTIONS } from './idle.ts';
import { layOut } from './lazy-layout.ts';

/** The key of the reading position in `history.state` (next to the router's `scrollX`/`scrollY`). */
const KEY = 'prodmlReading';

interface Reading {
  /** Index of the block among the article's children. */
  block: number;
  /** How far the viewport's top is below the block's top, in px. */
  offset: number;
}

const article = (): HTMLElement | null => document.querySelector<HTMLElement>('.content');

/** The block at the top of the viewport and how far the viewport has scrolled into it. */
function currentReading(): Reading | undefined {
  const blocks = article()?.children ?? [];
  for (let i = 0; i < blocks.length; i += 1) {
    const rect = blocks[i]?.getBoundingClientRect();
    if (rect !== undefined && rect.bottom > 0) return { block: i, offset: Math.round(-rect.top) };
  }
  return undefined;
}

function savedReading(): Reading | undefined {
  const value: unknown = (history.state as Record<string, unknown> | null)?.[KEY];
  if (typeof value !== 'object' || value === null) return undefined;
  const { block, offset } = value as Record<string, unknown>;
  return Number.isInteger(block) && typeof offset === 'number' ? { block: block as number, offset } : undefined;
}

/** Between leaving a page and the next one's `astro:page-load`: the history entry is no longer this page's. */
let navigating = false;

/** Keeps the reading position in the current history entry (the router keeps its offset there too). */
function save(): void {
  const reading = navigating ? undefined : currentReading();
  if (history.state === null || reading === undefined) return;
  history.replaceState({ ...(history.state as object), [KEY]: reading }, '');
}

/** Frames the restored position is kept in place while the blocks around it are laid out. */
const SETTLE_FRAMES = 30;

/**
 * Scrolls back to `reading`, after the router restored its offset, and keeps it there for the next frames
 * while the blocks around it are laid out and take their real height (measured in Chromium, its scroll
 * anchoring did not keep the text in place after this scroll), unless the reader acts first (not a `scroll`
 * event: this restore's own scrolling fires those).
 */
function restore(reading: Reading): void {
  const block = article()?.children[reading.block];
  if (block === undefined) return;
  layOut(block);
  let frames = 0;
  const stop = (): void => {
    frames = SETTLE_FRAMES;
  };
  for (const type of READER_ACTIONS) window.addEventListener(type, stop, { passive: true, capture: true });
  const apply = (): void => {
    if (frames >= SETTLE_FRAMES || !block.isConnected) {
      for (const type of READER_ACTIONS) window.removeEventListener(type, stop, { capture: true });
      return;
    }
    const top = block.getBoundingClientRect().top + window.scrollY + reading.offset;
    if (Math.abs(top - window.scrollY) >= 1) window.scrollTo({ left: window.scrollX, top, behavior: 'instant' });
    frames += 1;
    requestAnimationFrame(apply);
  };
  apply();
}

/** Whether the page was opened by going back or forward, or by reloading, rather than by following a link. */
function openedByHistory(): boolean {
  const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return entry?.type === 'back_forward' || entry?.type === 'reload';
}

export function initReadingPosition(): void {
  // The position to go back to, read from the history entry as soon as the page is entered through history:
  // until the next page is shown, the previous one may still scroll, and its position must not count.
  let restoring = openedByHistory() ? savedReading() : undefined;
  document.addEventListener('astro:before-preparation', (event) => {
    // Leaving by a link: this entry is still the current one (on a traverse it is already the next one's).
    if (event.navigationType === 'traverse') restoring = savedReading();
    else save();
    navigating = true;
  });
  // Saved 150 ms after a scroll, and again after the scrolls that follow, but never postponed by them: while
  // blocks near a deep link's section are laid out, scroll anchoring scrolls at every few frames, and a save
  // waiting for scrolling to pause did not come before the reader jumped elsewhere.
  let timer: number | undefined;
  const saveSoon = (): void => {
    timer ??= window.setTimeout(() => {
      timer = undefined;
      save();
    }, 150);
  };
  window.addEventListener('scroll', saveSoon, { passive: true });
  // The address of the page shown, without its hash.
  let shown = '';
  document.addEventListener('astro:page-load', () => {
    shown = location.pathname + location.search;
    navigating = false;
    if (restoring !== undefined) restore(restoring);
    // Also where a page opens (a deep link's section): its first scroll may come before this script, and
    // the router writes its own history state as it starts.
    else saveSoon();
    restoring = undefined;
  });
  // Back or forward between two entries of this page: the router scrolls to its offset in its own `popstate`
  // listener, which runs before this one. Between pages, it prepares a navigation instead (handled above).
  window.addEventListener('popstate', () => {
    if (navigating || location.pathname + location.search !== shown) return;
    const reading = savedReading();
    if (reading !== undefined) restore(reading);
  });
}
