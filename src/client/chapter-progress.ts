// <chapter-progress>: the «read» mark at the end of a chapter (ChapterProgress.astro). Reaching the end
// (the sources, or this element when a chapter has none) marks the chapter read once; the button sets or
// takes off the mark. It also remembers the chapter and the section being read, for «Продолжить».
// Loaded on demand; the element is defined once per browsing session.
import { ruProgress } from '../i18n/ru/progress.ts';
import { announce } from './announce.ts';
import { renderNotices } from './progress-notices.ts';
import { progress } from './progress.ts';

const s = ruProgress;

/** The section «На этой странице» marks as being read, as an element id. */
function currentSection(): string | undefined {
  const link = document.querySelector<HTMLAnchorElement>('[data-toc] a[aria-current="true"]');
  const id = link === null ? '' : decodeURIComponent(link.hash.slice(1));
  return id === '' ? undefined : id;
}

class ChapterProgress extends HTMLElement {
  #observer: IntersectionObserver | undefined;
  #unsubscribe: (() => void) | undefined;
  readonly #remember = (): void => {
    const anchor = currentSection();
    progress().visit(anchor === undefined ? { chapter: this.#chapter } : { chapter: this.#chapter, anchor });
  };

  get #chapter(): string {
    return this.dataset['chapter'] ?? '';
  }

  connectedCallback(): void {
    const store = progress();
    store.visit({ chapter: this.#chapter });
    for (const el of this.querySelectorAll<HTMLElement>('[data-enhanced]')) el.hidden = false;
    this.#button().addEventListener('click', this.#toggle);
    this.#unsubscribe = store.subscribe(() => {
      this.#render();
    });
    this.#render();
    const end = document.querySelector('.sources') ?? this;
    this.#observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      this.#observer?.disconnect();
      if (store.doc.chapters[this.#chapter] === undefined) {
        store.markChapter(this.#chapter, true, 'end');
        announce(s.markedRead);
      }
    });
    this.#observer.observe(end);
    document.addEventListener('astro:before-preparation', this.#remember);
    window.addEventListener('pagehide', this.#remember);
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
    this.#unsubscribe?.();
    this.#button().removeEventListener('click', this.#toggle);
    document.removeEventListener('astro:before-preparation', this.#remember);
    window.removeEventListener('pagehide', this.#remember);
  }

  readonly #toggle = (): void => {
    const read = progress().doc.chapters[this.#chapter]?.read === true;
    progress().markChapter(this.#chapter, !read, 'button');
    announce(read ? s.unmarked : s.markedRead);
  };

  #button(): HTMLButtonElement {
    const button = this.querySelector<HTMLButtonElement>('[data-toggle]');
    if (button === null) throw new Error('chapter-progress: [data-toggle] is missing');
    return button;
  }

  #render(): void {
    const store = progress();
    const read = store.doc.chapters[this.#chapter]?.read === true;
    const status = this.querySelector<HTMLElement>('[data-status]');
    if (status !== null) {
      status.textContent = read ? s.readStatus : s.unreadStatus;
      status.dataset['read'] = String(read);
    }
    this.#button().textContent = read ? s.unmarkRead : s.markRead;
    // A quiz on the page shows the same notices next to the answers they concern.
    const notice = this.querySelector<HTMLElement>('[data-progress-notice]');
    if (notice !== null) renderNotices(notice, document.querySelector('quiz-block') === null ? store.notices() : []);
  }
}

if (customElements.get('chapter-progress') === undefined) customElements.define('chapter-progress', ChapterProgress);
