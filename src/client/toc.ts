// Scroll-spy for «На этой странице»: marks the section being read with aria-current="true".
import { whenIdle } from './idle.ts';

let observer: IntersectionObserver | undefined;

function spy(): void {
  observer?.disconnect();
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
}

function lastAbove(headings: HTMLElement[]): HTMLElement | undefined {
  return headings.filter((h) => h.getBoundingClientRect().top < 80).at(-1);
}

export function initToc(): void {
  document.addEventListener('astro:page-load', () => {
    whenIdle(spy);
  });
}
