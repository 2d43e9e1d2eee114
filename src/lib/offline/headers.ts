// Runs in the service worker and in unit tests: the headers of responses the service worker serves.

/**
 * Added to every response of the book's own origin, so that pages become cross-origin isolated
 * (`crossOriginIsolated === true`) and Python cells can use SharedArrayBuffer to interrupt a running
 * program. Safe because the book loads nothing from other origins.
 * @see https://web.dev/articles/coop-coep
 */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Headers for a response served from the service worker: the original ones plus the isolation
 * headers, without the transfer headers that described the network body (the Cache API stores the
 * decoded body, so `Content-Encoding` and `Content-Length` no longer match it).
 * @example servedHeaders(new Headers({ 'content-encoding': 'gzip' })).get('content-encoding') // null
 */
export function servedHeaders(original: Headers): Headers {
  const headers = new Headers(original);
  headers.delete('content-encoding');
  headers.delete('content-length');
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  return headers;
}
