// Runs in the service worker, at build time and in unit tests: which cache answers a request.

/** How the service worker answers a same-origin GET request. */
export type Route =
  /** A precached file: `path` is its URL path in the precache manifest. */
  | { kind: 'precache'; path: string }
  /** A page URL without its trailing slash (or the bare base): redirect to the canonical form. */
  | { kind: 'redirect'; location: string }
  /** A Python engine file under `<base>pyodide/<version>/`: cache-first in that version's cache. */
  | { kind: 'engine'; version: string }
  /** Ours but not precached (e.g. an unknown page): network, with offline fallbacks. */
  | { kind: 'network' }
  /** Outside the book's base path: not the service worker's business. */
  | { kind: 'outside' };

const INDEX = 'index.html';

/**
 * Routes a request URL. Every URL form of a page reaches the same precached file:
 * `/prodml/chapters/x/`, `/prodml/chapters/x/index.html` (served as is) and `/prodml/chapters/x`
 * (redirected to the slash form, as static hosts do). Query strings are ignored for precached files
 * (`?seminar=1`, Pagefind's `?ts=`), since the book is static.
 * @param base the site's base path with both slashes, e.g. `/prodml/`.
 * @param precached URL paths of the precache manifest (pages end with `/`).
 * @example routeRequest(new URL('https://h/prodml/chapters/x'), '/prodml/', new Set(['/prodml/chapters/x/']))
 *   // { kind: 'redirect', location: '/prodml/chapters/x/' }
 */
export function routeRequest(url: URL, base: string, precached: ReadonlySet<string>): Route {
  const path = url.pathname;
  if (path === base.slice(0, -1)) return { kind: 'redirect', location: `${base}${url.search}` };
  if (!path.startsWith(base)) return { kind: 'outside' };
  const engine = /^pyodide\/([^/]+)\//.exec(path.slice(base.length));
  if (engine?.[1] !== undefined) return { kind: 'engine', version: engine[1] };
  const page = path.endsWith(`/${INDEX}`) ? path.slice(0, -INDEX.length) : path;
  if (precached.has(page)) return { kind: 'precache', path: page };
  if (!page.endsWith('/') && precached.has(`${page}/`)) return { kind: 'redirect', location: `${page}/${url.search}` };
  return { kind: 'network' };
}

/**
 * The URL path a built file is served at: `index.html` files by their directory.
 * @param base the site's base path with both slashes.
 * @param file the file's path relative to the build directory, with `/` separators.
 * @example servedPath('/prodml/', 'chapters/introduction/index.html') // '/prodml/chapters/introduction/'
 * @example servedPath('/prodml/', 'index.html') // '/prodml/'
 */
export function servedPath(base: string, file: string): string {
  const path = file === INDEX || file.endsWith(`/${INDEX}`) ? file.slice(0, -INDEX.length) : file;
  return `${base}${path.split('/').map(encodeURIComponent).join('/')}`;
}
