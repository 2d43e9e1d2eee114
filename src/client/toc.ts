// Scroll-spy for «На этой странице»: marks the section being read with aria-current="true".
import { whenIdle } from './idle.ts';

let observer: IntersectionObserver | undefined;
let onScroll: (() => void) | undefined;

function spy(): void {
  observer?.disconnect();
  if (onScroll !== undefined) window.removeEventListener('scroll', onScroll);
  const toc = document.querySelector('[data-toc]');
  if (toc === null) return;
  const links = new Map<string, HTMLAnchorElement>();
  for (const a of toc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]'))
    links.set(decodeURIComponent(a.hash.slice(1)), a);
  const headings = Array.from(links.keys(), (id) => document.getElementById(id)).filter(
    (h): h is HTMLElement => h !== null,
  );
  const visible = new Set<string>();
  const mark = (): void => {
    const currentId = headings.find((h) => visible.has(h.id))?.id ?? lastAbove(headings)?.id;
    for (const [id, a] of links) {
      if (id === currentId) a.setAttribute('aria-current', 'true');
      else a.removeAttribute('aria-current');
    }
  };
  observer = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (e.isIntersecting) visible.add(e.target.id);
        else visible.delete(e.target.id);
      }
      mark();
    },
    { rootMargin: '-56px 0px -55% 0px' },
  );
  for (const h of headings) observer.observe(h);
  // A jump that carries every heading past the band at once (a link into the middle of a section, End, a
  // restored position) changes no heading's intersection, so the mark is also checked once a frame while
  // the page scrolls.
  let queued = false;
  onScroll = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      mark();
    });
  };
  window.addEventListener('scroll', onScroll, { passive: true });
}

/**
 * The last heading above the spied band. Each heading is measured by the article block it sits in: measuring
 * an element inside a block the browser skips for now (content-visibility, src/client/lazy-layout.ts)
 * would make it lay that block out on the spot.
 */
function lastAbove(headings: HTMLElement[]): HTMLElement | undefined {
  return headings.filter((h) => (h.closest('.content > *') ?? h).getBoundingClientRect().top < 80).at(-1);
}

export function initToc(): void {
  document.addEventListener('astro:page-load', () => {
    whenIdle(spy);
  });
}
