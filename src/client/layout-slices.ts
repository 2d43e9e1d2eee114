// A long chapter is laid out a slice at a time. Until a block of the article is marked `data-laid-out`,
// global.css lets the browser skip the layout of that block while it is off-screen (content-visibility:
// auto), so the first screen is ready without laying out the whole chapter first; after the page has
// loaded, this marks the blocks from the top down in tasks of a few milliseconds, so that laying out the
// rest never holds up scrolling or a tap for long. When every block is done, the article gets
// `data-laid-out` too: from then on it is an ordinary page (for in-page search, text selection, the table
// of contents' scroll-spy, screen readers and checkers alike).

/**
 * Longest a slice should run, in ms: on a phone four times slower it is still well under a 50 ms long task
 * (leaving room for the browser's own rendering work after it and for a busy CPU).
 */
const SLICE_MS = 6;
/**
 * What laying out a block costs besides its elements, counted in elements. Measured on «Введение»: a block
 * takes about 2 ms plus 0.03 ms per element inside (a paragraph 2–5 ms, a display formula or a Python cell
 * 5–13 ms), so a block weighs this plus its element count.
 */
const BLOCK_WEIGHT = 64;
/**
 * The lowest cost per unit of weight a slice assumes, in ms: blocks already on screen cost next to nothing
 * to mark, and must not make the next slice take a heavy block along with many light ones.
 */
const MIN_MS_PER_WEIGHT = SLICE_MS / (16 * BLOCK_WEIGHT);

/** The weight of a block: its expected layout cost, in elements (see BLOCK_WEIGHT). */
const weightOf = (block: Element): number => BLOCK_WEIGHT + block.getElementsByTagName('*').length;

/** The blocks of an article not laid out yet, in page order. */
const PENDING = ':scope > :not([data-laid-out])';

/** Headroom over the predicted final height at which the article's height is held while slices run. */
const HOLD_MARGIN = 1.05;

/**
 * Keeps the article's height from changing at every slice. A block laid out for the first time takes its real
 * height instead of its 8em stand-in, and a page whose height changes gets a new frame drawn, even when
 * nothing on screen changed: one frame per slice, each costing the compositor (and a slow phone) for nothing.
 * So while slices run, the article's min-height is set to the height it is expected to end at — the laid-out
 * blocks' height per weight applied to the blocks still to come — and raised only if the content outgrows
 * it. Until the last slice the article may end in some empty space; then the hold is let go.
 */
class HeightHold {
  #laidHeight = 0;
  #laidWeight = 0;
  #held = 0;

  constructor(
    private readonly article: HTMLElement,
    private readonly weight: (block: Element) => number,
  ) {}

  /** Counts `blocks`, just laid out, and raises the hold if the article's content now outgrows it. */
  update(blocks: readonly HTMLElement[]): void {
    for (const block of blocks) {
      this.#laidHeight += block.getBoundingClientRect().height;
      this.#laidWeight += this.weight(block);
    }
    const top = this.article.getBoundingClientRect().top;
    const content = (this.article.lastElementChild?.getBoundingClientRect().bottom ?? top) - top;
    if (content <= this.#held || this.#laidWeight === 0) return;
    let expected = content;
    for (const block of this.article.querySelectorAll(PENDING)) {
      const guess = (this.weight(block) * this.#laidHeight) / this.#laidWeight;
      expected += guess - block.getBoundingClientRect().height;
    }
    this.#held = Math.ceil(Math.max(expected, content) * HOLD_MARGIN);
    this.article.style.minHeight = `${this.#held}px`;
  }

  release(): void {
    this.article.style.removeProperty('min-height');
  }
}

/**
 * Lays out the blocks of `article` not laid out yet, from the top, in slices of about SLICE_MS: each slice
 * takes blocks while their weight, at the cost per weight the last slice measured, fits in SLICE_MS (at
 * least one block, so a block heavier than that is a slice of its own).
 */
export function layOutInSlices(article: HTMLElement): void {
  let msPerWeight = SLICE_MS / (2 * BLOCK_WEIGHT);
  // Counted once: a block's elements do not change while it waits (and a block added since is counted then).
  const weights = new Map(Array.from(article.children, (block) => [block, weightOf(block)] as const));
  const weight = (block: Element): number => weights.get(block) ?? weightOf(block);
  const hold = new HeightHold(article, weight);
  const slice = (): void => {
    if (!article.isConnected) return;
    const started = performance.now();
    const blocks: HTMLElement[] = [];
    let total = 0;
    for (const block of article.querySelectorAll<HTMLElement>(PENDING)) {
      const next = weight(block);
      if (blocks.length > 0 && (total + next) * msPerWeight > SLICE_MS) break;
      blocks.push(block);
      total += next;
    }
    if (blocks.length === 0) {
      hold.release();
      article.dataset['laidOut'] = '';
      return;
    }
    for (const block of blocks) block.dataset['laidOut'] = '';
    // Lay them out now rather than in the next frame, so that the slice knows what they cost.
    article.getBoundingClientRect();
    msPerWeight = Math.max((performance.now() - started) / total, MIN_MS_PER_WEIGHT);
    hold.update(blocks);
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
