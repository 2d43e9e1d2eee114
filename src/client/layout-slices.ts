// A long chapter is laid out a slice at a time. Until a block of the article is marked `data-laid-out`,
// global.css lets the browser skip the layout of that block while it is off-screen (content-visibility:
// auto), so the first screen is ready without laying out the whole chapter first; after the page has
// loaded, this marks the blocks from the top down in tasks of a few milliseconds, so that laying out the
// rest never holds up scrolling or a tap for long. When every block is done, the article gets
// `data-laid-out` too: from then on it is an ordinary page (for in-page search, text selection, the table
// of contents' scroll-spy, screen readers and checkers alike).

/** Longest a slice should run, in ms: on a phone four times slower it is still under a 50 ms long task. */
const SLICE_MS = 8;

/** Lays out the blocks of `article` not laid out yet, from the top, in slices of about SLICE_MS. */
export function layOutInSlices(article: HTMLElement): void {
  // How many blocks the next slice takes: adjusted after each slice to what the last one cost.
  let batch = 2;
  const slice = (): void => {
    if (!article.isConnected) return;
    const started = performance.now();
    const blocks = Array.from(article.querySelectorAll<HTMLElement>(':scope > :not([data-laid-out])')).slice(0, batch);
    if (blocks.length === 0) {
      article.dataset['laidOut'] = '';
      return;
    }
    for (const block of blocks) block.dataset['laidOut'] = '';
    // Lay them out now rather than in the next frame, so that the slice knows what they cost.
    article.getBoundingClientRect();
    const perBlock = Math.max(performance.now() - started, 0.5) / blocks.length;
    batch = Math.min(32, Math.max(1, Math.floor(SLICE_MS / perBlock)));
    window.setTimeout(slice, 0);
  };
  window.setTimeout(slice, 0);
}

export function initLayoutSlices(): void {
  document.addEventListener('astro:page-load', () => {
    const article = document.querySelector<HTMLElement>('.content:not([data-laid-out])');
    if (article !== null) layOutInSlices(article);
  });
}
