// A long chapter is laid out as the reader gets to it. Until a block of the article is marked
// `data-laid-out`, global.css lets the browser skip laying out that block while it is off-screen
// (content-visibility: auto, 8em high until laid out), so opening «Введение» lays out its first screen rather
// than all of its 3 400 elements. Each block is marked when it comes within a screen's height of the
// viewport: it is laid out once, before the reader sees it, and is an ordinary block from then on (no
// containment clipping an outline or a pop-up at its edge). Once the reader starts reading (scrolls, types,
// taps, or reached the page by a link in the book), the rest is laid out too, a few blocks at a time while
// the browser is idle (or every 100 ms while it never is), so that the page's height, the scrollbar and the
// End key soon tell the truth; an End pressed before that lays out the rest at once. A page opened and left
// alone does no layout work beyond its first screens.
import { NEAR, whenIdle, whenReading } from './idle.ts';
import { isEditing } from './editing.ts';

/** The blocks of an article not laid out yet, in page order. */
const PENDING = ':scope > :not([data-laid-out])';

/** Longest run of laying out blocks in one idle period, in ms (a heavy block may overrun it on its own). */
const IDLE_SLICE_MS = 8;

/**
 * Longest wait for an idle period, in ms. While the page is busy at every frame (a reader flinging through it,
 * an animation) idle periods may never come; the rest is then laid out in short runs at this interval rather
 * than not at all, and the page's height settles within seconds.
 */
const IDLE_WAIT_MS = 100;

/** Lets the browser lay `block` out from now on, like any element (at once if its position is read next). */
export function layOut(block: Element): void {
  (block as HTMLElement).dataset['laidOut'] = '';
}

/** Lays out the blocks of `article` still pending from the top, in idle periods, until none is left. */
function layOutRestWhenIdle(article: HTMLElement): void {
  whenIdle((deadline) => {
    if (!article.isConnected) return;
    const until = performance.now() + Math.min(deadline?.timeRemaining() ?? IDLE_SLICE_MS, IDLE_SLICE_MS);
    let block = article.querySelector(PENDING);
    while (block !== null) {
      layOut(block);
      // Lay it out now, within this idle period, rather than in the next frame.
      block.getBoundingClientRect();
      if (performance.now() >= until) break;
      block = article.querySelector(PENDING);
    }
    if (block !== null) layOutRestWhenIdle(article);
  }, IDLE_WAIT_MS);
}

/** Stops watching the previous page's article. */
let stopWatching = (): void => undefined;

/**
 * Marks the blocks of `article` laid out as they come near the viewport, and the rest when the browser is idle
 * once the reader has started reading — at once if `reading` (the page was reached by following a link in the
 * book). Where IntersectionObserver is missing (and with it, in practice, content-visibility), marks them all
 * at once.
 */
export function layOutLazily(article: HTMLElement, reading: boolean): void {
  const pending = article.querySelectorAll(PENDING);
  if (typeof IntersectionObserver !== 'function') {
    for (const block of pending) layOut(block);
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        layOut(entry.target);
        observer.unobserve(entry.target);
      }
    },
    { rootMargin: NEAR },
  );
  for (const block of pending) observer.observe(block);
  let cancel = (): void => undefined;
  if (reading) layOutRestWhenIdle(article);
  else
    cancel = whenReading(() => {
      layOutRestWhenIdle(article);
    });
  // The End key scrolls to the page's height as it is when the key goes down: lay out the rest first, in one
  // go (a one-off cost the reader asked for), so that it lands on the real end rather than on stand-ins.
  const keys = new AbortController();
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'End' || isEditing(event.target)) return;
      for (const block of article.querySelectorAll(PENDING)) layOut(block);
      keys.abort();
    },
    { capture: true, signal: keys.signal },
  );
  stopWatching = () => {
    observer.disconnect();
    cancel();
    keys.abort();
  };
}

export function initLazyLayout(): void {
  // The first page of a visit may be opened and left alone; a page the client router shows was reached by
  // following a link in the book, so its reader is already reading.
  let firstPage = true;
  document.addEventListener('astro:page-load', () => {
    stopWatching();
    const article = document.querySelector<HTMLElement>('.content');
    if (article !== null) layOutLazily(article, !firstPage);
    firstPage = false;
  });
}
