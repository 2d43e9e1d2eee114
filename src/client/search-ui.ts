// Search results for the dialog and the search page, loaded on first use. Pagefind's own script and
// index come from `<base>pagefind/` (written after the Astro build; precached by the service worker,
// so search works offline). Results are built with text nodes only: excerpts are never parsed as HTML.
import { ruSearch } from '../i18n/ru/search.ts';
import { toSearchHit, type PagefindFragmentLike, type SearchHit } from '../lib/search/results.ts';
import { joinBase } from '../lib/url.ts';

interface PagefindResult {
  data: () => Promise<PagefindFragmentLike>;
}

/** The part of Pagefind's browser API (pagefind.js) used here. */
interface Pagefind {
  options: (options: { baseUrl?: string; excerptLength?: number }) => Promise<void>;
  init: () => Promise<void>;
  debouncedSearch: (
    query: string,
    options?: object,
    debounceMs?: number,
  ) => Promise<{ results: PagefindResult[] } | null>;
}

const MAX_PAGES = { dialog: 8, page: 30 } as const;
const BASE = import.meta.env.BASE_URL;

let pagefind: Promise<Pagefind> | undefined;

/** Loads Pagefind once per browsing session; a failed load is retried on the next query. */
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const module = (await import(/* @vite-ignore */ joinBase(BASE, 'pagefind/pagefind.js'))) as Pagefind;
    await module.options({ baseUrl: BASE, excerptLength: 26 });
    await module.init();
    return module;
  })();
  pagefind.catch(() => {
    pagefind = undefined;
  });
  return pagefind;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}

function renderHit(hit: SearchHit): HTMLLIElement {
  const item = element('li', 'search-hit');
  const page = element('a', 'search-hit-page');
  page.href = hit.url;
  page.textContent = hit.page;
  const sections = element('ul', 'search-hit-sections');
  for (const section of hit.sections) {
    const link = element('a', 'search-hit-link');
    link.href = section.url;
    if (section.title !== null) {
      const title = element('span', 'search-hit-section');
      title.textContent = section.title;
      link.append(title);
    }
    const excerpt = element('span', 'search-hit-excerpt');
    for (const part of section.excerpt) {
      if (part.marked) {
        const mark = document.createElement('mark');
        mark.textContent = part.text;
        excerpt.append(mark);
      } else excerpt.append(part.text);
    }
    link.append(excerpt);
    const li = document.createElement('li');
    li.append(link);
    sections.append(li);
  }
  item.append(page, sections);
  return item;
}

interface SearchView {
  input: HTMLInputElement;
  status: HTMLElement;
  list: HTMLElement;
  maxPages: number;
  onQuery?: (query: string) => void;
}

/** Runs a search on every input (debounced by Pagefind); a newer query always wins over an older one. */
function bind(view: SearchView): void {
  if (view.input.dataset['searchBound'] === 'true') return;
  view.input.dataset['searchBound'] = 'true';
  let latest = 0;
  const run = async (): Promise<void> => {
    const query = view.input.value.trim();
    const ticket = ++latest;
    view.onQuery?.(query);
    if (query === '') {
      view.list.replaceChildren();
      view.status.textContent = ruSearch.hint;
      return;
    }
    let engine: Pagefind;
    try {
      if (pagefind === undefined) view.status.textContent = ruSearch.loading;
      engine = await loadPagefind();
    } catch {
      if (ticket === latest) view.status.textContent = ruSearch.unavailable;
      return;
    }
    const found = await engine.debouncedSearch(query, {}, 150);
    if (found === null || ticket !== latest) return;
    const hits = await Promise.all(found.results.slice(0, view.maxPages).map(async (r) => toSearchHit(await r.data())));
    if (ticket !== latest) return;
    view.list.replaceChildren(...hits.map(renderHit));
    view.status.textContent = hits.length > 0 ? ruSearch.found(found.results.length) : ruSearch.nothing(query);
  };
  view.input.addEventListener('input', () => void run());
  void run();
}

function parts(root: HTMLElement): { input: HTMLInputElement; status: HTMLElement; list: HTMLElement } | null {
  const input = root.querySelector<HTMLInputElement>('input[type="search"]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const list = root.querySelector<HTMLElement>('[data-search-results]');
  return input && status && list ? { input, status, list } : null;
}

/** The header dialog: results as you type; Enter opens the first result. */
export function attachDialog(dialog: HTMLDialogElement): void {
  const found = parts(dialog);
  if (found === null) return;
  const form = dialog.querySelector('form');
  const all = dialog.querySelector<HTMLAnchorElement>('[data-search-all]');
  if (form !== null && form.dataset['searchBound'] !== 'true') {
    form.dataset['searchBound'] = 'true';
    form.addEventListener('submit', (event) => {
      const first = found.list.querySelector<HTMLAnchorElement>('a');
      if (first === null) return;
      event.preventDefault();
      first.click();
    });
  }
  bind({
    ...found,
    maxPages: MAX_PAGES.dialog,
    onQuery: (query) => {
      if (all === null) return;
      const target = new URL(all.href);
      target.search = query === '' ? '' : `?q=${encodeURIComponent(query)}`;
      all.href = target.href;
    },
  });
}

/** The search page: the query comes from and goes to `?q=`, so a search can be linked. */
export function attachPage(root: HTMLElement): void {
  const found = parts(root);
  if (found === null) return;
  const initial = new URLSearchParams(location.search).get('q');
  if (initial !== null && found.input.dataset['searchBound'] !== 'true') found.input.value = initial;
  root.querySelector('form')?.addEventListener('submit', (event) => {
    event.preventDefault();
  });
  bind({
    ...found,
    maxPages: MAX_PAGES.page,
    onQuery: (query) => {
      const target = new URL(location.href);
      if (query === '') target.searchParams.delete('q');
      else target.searchParams.set('q', query);
      history.replaceState(history.state, '', target.href);
    },
  });
}
