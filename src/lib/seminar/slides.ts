// Runs in the browser and in unit tests: how seminar mode cuts a page into sections.

/**
 * Slide number of each top-level block of a page, given which blocks start a new section (a `##`
 * heading): everything before the first such block is slide 0 (title, lead, objectives).
 * @example slideNumbers([false, false, true, false, true]) // [0, 0, 1, 1, 2]
 */
export function slideNumbers(startsSection: readonly boolean[]): number[] {
  let slide = 0;
  return startsSection.map((starts, i) => {
    if (starts && i > 0) slide += 1;
    return slide;
  });
}

/**
 * Whether a page address asks for seminar mode: `?seminar=1` (any value but `0`) or `#seminar`.
 * @example isSeminarUrl(new URL('https://h/prodml/chapters/x/?seminar=1#itogi')) // true
 * @example isSeminarUrl(new URL('https://h/prodml/chapters/x/?seminar=0')) // false
 */
export function isSeminarUrl(url: URL): boolean {
  const value = url.searchParams.get('seminar');
  return (value !== null && value !== '0') || url.hash === '#seminar';
}

/**
 * The next slide for a step, kept within the page.
 * @example stepSlide(0, -1, 5) // 0
 * @example stepSlide(3, 1, 5) // 4
 */
export function stepSlide(current: number, step: number, count: number): number {
  return Math.min(Math.max(current + step, 0), Math.max(count - 1, 0));
}
