// A lab's custom element: nothing heavy happens until the lab comes near the viewport; then the lab's
// module (its maths and Chart.js) is imported and mounted. Defined once per browsing session (the client
// router keeps the page alive); each page visit connects a fresh element.

/** What a lab module exports: mount it on its element; the returned function tears it down. */
export interface LabModule {
  mount(element: HTMLElement): () => void;
}

/**
 * Where a closed disclosure's content cannot be shown by CSS (no `::details-content`), opens the labs'
 * data tables for printing and closes them again afterwards, so the numbers print in place of the charts.
 */
let printPrepared = false;

function openTablesForPrint(): void {
  if (printPrepared || CSS.supports('selector(::details-content)')) return;
  printPrepared = true;
  let opened: HTMLDetailsElement[] = [];
  window.addEventListener('beforeprint', () => {
    opened = [...document.querySelectorAll<HTMLDetailsElement>('[data-chart] details:not([open])')];
    for (const details of opened) details.open = true;
  });
  window.addEventListener('afterprint', () => {
    for (const details of opened) details.open = false;
    opened = [];
  });
}

/** Defines `<tag>` (once) so that it mounts the module `load` gives when it scrolls into view. */
export function defineLazyLab(tag: string, load: () => Promise<LabModule>): void {
  if (customElements.get(tag) !== undefined) return;
  openTablesForPrint();
  customElements.define(
    tag,
    class extends HTMLElement {
      #observer: IntersectionObserver | null = null;
      #unmount: (() => void) | null = null;
      #connected = false;

      connectedCallback(): void {
        this.#connected = true;
        this.#observer = new IntersectionObserver(
          (entries) => {
            if (!entries.some((e) => e.isIntersecting)) return;
            this.#observer?.disconnect();
            void load().then((module) => {
              if (this.#connected && this.#unmount === null) this.#unmount = module.mount(this);
            });
          },
          { rootMargin: '200px 0px' },
        );
        this.#observer.observe(this);
      }

      disconnectedCallback(): void {
        this.#connected = false;
        this.#observer?.disconnect();
        this.#unmount?.();
        this.#unmount = null;
      }
    },
  );
}
