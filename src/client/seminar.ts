// Seminar mode (loaded on first use): a distraction-free, large-type view of the page that shows one
// section at a time. → / ← (and PageDown / PageUp, as presentation clickers send) step, Esc leaves. The
// address carries the mode and the section (`?seminar=1#section`), so a slide can be linked; cells and
// labs stay live because sections are only hidden, never removed.
import { ruInstructor } from '../i18n/ru/instructor.ts';
import { slideNumbers, stepSlide } from '../lib/seminar/slides.ts';
import { announce } from './announce.ts';
import { isEditing } from './editing.ts';

interface Slide {
  blocks: HTMLElement[];
  heading: HTMLElement | null;
}

interface State {
  slides: Slide[];
  current: number;
}

const OFF = 'seminar-off';
const SECTION_START = 'h2, .heading-wrapper.level-h2';

let state: State | null = null;

function startsSection(block: HTMLElement): boolean {
  if (block.matches(SECTION_START)) return true;
  return block.matches('section') && block.firstElementChild?.matches(SECTION_START) === true;
}

function collectSlides(article: HTMLElement): Slide[] {
  const blocks = Array.from(article.children).filter((el): el is HTMLElement => el instanceof HTMLElement);
  const numbers = slideNumbers(blocks.map(startsSection));
  const slides: Slide[] = [];
  blocks.forEach((block, i) => {
    const n = numbers[i] ?? 0;
    const slide = (slides[n] ??= { blocks: [], heading: null });
    slide.blocks.push(block);
  });
  for (const slide of slides) {
    slide.heading =
      slide.blocks
        .map((b) => (b.matches('h1, h2') ? b : b.querySelector<HTMLElement>('h1, h2')))
        .find((h) => h !== null) ?? null;
  }
  return slides;
}

function title(slide: Slide | undefined): string {
  return slide?.heading?.textContent.trim() ?? document.title;
}

function setAddress(mode: boolean, sectionId: string | null): void {
  const url = new URL(location.href);
  if (mode) url.searchParams.set('seminar', '1');
  else url.searchParams.delete('seminar');
  url.hash = sectionId === null ? '' : `#${sectionId}`;
  history.replaceState(history.state, '', url.href);
}

function show(index: number, focus: boolean): void {
  if (state === null) return;
  const { slides } = state;
  state.current = index;
  slides.forEach((slide, i) => {
    for (const block of slide.blocks) block.classList.toggle(OFF, i !== index);
  });
  const slide = slides[index];
  const heading = slide?.heading ?? null;
  const id = index === 0 || heading === null || heading.id === '' ? null : heading.id;
  document.documentElement.dataset['seminarSection'] = id ?? '';
  setAddress(true, id);
  const bar = document.querySelector<HTMLElement>('[data-seminar-bar]');
  const position = bar?.querySelector('[data-seminar-position]');
  const name = bar?.querySelector('[data-seminar-title]');
  if (position != null) position.textContent = ruInstructor.position(index + 1, slides.length);
  if (name != null) name.textContent = title(slide);
  const prev = bar?.querySelector<HTMLButtonElement>('[data-seminar-prev]');
  const next = bar?.querySelector<HTMLButtonElement>('[data-seminar-next]');
  if (prev != null) prev.disabled = index === 0;
  if (next != null) next.disabled = index === slides.length - 1;
  window.scrollTo({ top: 0 });
  if (!focus) return;
  if (heading !== null) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
  announce(ruInstructor.slide(index + 1, slides.length, title(slide)));
}

function step(delta: number): void {
  if (state === null) return;
  const next = stepSlide(state.current, delta, state.slides.length);
  if (next !== state.current) show(next, true);
}

function onKey(event: KeyboardEvent): void {
  if (state === null || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
  if (isEditing(event.target) || document.querySelector('dialog[open]') !== null) return;
  if (event.key === 'ArrowRight' || event.key === 'PageDown') step(1);
  else if (event.key === 'ArrowLeft' || event.key === 'PageUp') step(-1);
  else if (event.key === 'Escape') exitSeminar();
  else return;
  event.preventDefault();
}

function onClick(event: MouseEvent): void {
  const target = event.target as Element | null;
  if (state === null || target === null) return;
  if (target.closest('[data-seminar-prev]')) step(-1);
  else if (target.closest('[data-seminar-next]')) step(1);
  else if (target.closest('[data-seminar-exit]')) exitSeminar();
}

/** Leaves seminar mode without touching the address (the page is being replaced). */
function reset(): void {
  if (state === null) return;
  for (const slide of state.slides) for (const block of slide.blocks) block.classList.remove(OFF);
  state = null;
  delete document.documentElement.dataset['seminar'];
  delete document.documentElement.dataset['seminarSection'];
  const bar = document.querySelector<HTMLElement>('[data-seminar-bar]');
  if (bar !== null) bar.hidden = true;
}

/** Leaves seminar mode and returns to the same section in the normal view. */
export function exitSeminar(): void {
  if (state === null) return;
  const heading = state.slides[state.current]?.heading ?? null;
  const id = state.current === 0 || heading === null || heading.id === '' ? null : heading.id;
  reset();
  setAddress(false, id);
  if (heading !== null && id !== null) heading.scrollIntoView();
  document.querySelector<HTMLElement>('[data-seminar-start]')?.focus();
  announce(ruInstructor.left);
}

/** Enters seminar mode at the section in the address (or the first one); nothing happens twice. */
export function enterSeminar(): void {
  const article = document.querySelector<HTMLElement>('article.content');
  if (state !== null || article === null) return;
  const slides = collectSlides(article);
  if (slides.length === 0) return;
  const hash = decodeURIComponent(location.hash.slice(1));
  const target = hash === '' || hash === 'seminar' ? null : document.getElementById(hash);
  const start =
    target === null
      ? 0
      : Math.max(
          0,
          slides.findIndex((s) => s.blocks.some((b) => b.contains(target))),
        );
  state = { slides, current: start };
  document.documentElement.dataset['seminar'] = 'true';
  const bar = document.querySelector<HTMLElement>('[data-seminar-bar]');
  if (bar !== null) bar.hidden = false;
  show(start, false);
  announce(`${ruInstructor.entered} ${ruInstructor.slide(start + 1, slides.length, title(slides[start]))}`);
}

document.addEventListener('keydown', onKey);
document.addEventListener('click', onClick);
document.addEventListener('astro:after-swap', reset);
