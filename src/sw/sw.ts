// The book's service worker, bundled into `<outDir>/sw.js` by scripts/build-sw.mjs, which bakes in the
// offline manifest (see docs/offline.md). Offline-first: every precached file is answered from the
// cache; the Python engine is cached on first use; a new deploy installs beside the old one and takes
// over only when the reader clicks «Обновить». Student data lives in localStorage, never in these caches.
import {
  engineCacheName,
  obsoleteCaches,
  precacheKey,
  precacheName,
  type EngineFile,
  type OfflineManifest,
  type PrecacheEntry,
} from '../lib/offline/caches.ts';
import { servedHeaders } from '../lib/offline/headers.ts';
import { runPool } from '../lib/offline/pool.ts';
import { isClientMessage, type OfflineStatus, type WorkerReply } from '../lib/offline/protocol.ts';
import { routeRequest } from '../lib/offline/routes.ts';
import type { ServiceWorkerScope } from './worker-types.ts';

declare const __OFFLINE_MANIFEST__: OfflineManifest;

const sw = self as unknown as ServiceWorkerScope;
const manifest = __OFFLINE_MANIFEST__;
const { base } = manifest;
const PRECACHE = precacheName(base);
const entries = new Map(manifest.precache.map((entry) => [entry.path, entry]));
const precachedPaths: ReadonlySet<string> = new Set(entries.keys());
const NOT_FOUND_PAGE = `${base}404.html`;
const PARALLEL_DOWNLOADS = 4;
const MATCH = { ignoreVary: true } as const;

const absolute = (path: string): string => new URL(path, sw.location.origin).href;
const totalSize = (files: readonly { size: number }[]): number => files.reduce((sum, file) => sum + file.size, 0);

/** The response as the page receives it: same body and status, isolation headers added. */
function serve(response: Response, status = response.status): Response {
  if (response.type === 'opaque' || response.type === 'opaqueredirect' || response.status === 0) return response;
  const bodyless = [101, 103, 204, 205, 304].includes(status);
  return new Response(bodyless ? null : response.body, {
    status,
    statusText: status === response.status ? response.statusText : '',
    headers: servedHeaders(response.headers),
  });
}

/** Fetches a file for a cache; revisioned files revalidate with the server, hashed ones may use the HTTP cache. */
async function fetchForCache(path: string, revalidate: boolean): Promise<Response> {
  const response = await fetch(path, { cache: revalidate ? 'no-cache' : 'default', credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response;
}

async function cachedUrls(cacheName: string): Promise<Set<string>> {
  const cache = await caches.open(cacheName);
  return new Set((await cache.keys()).map((request) => request.url));
}

function engineCacheOf(path: string): string | null {
  const route = routeRequest(new URL(absolute(path)), base, precachedPaths);
  return route.kind === 'engine' ? engineCacheName(base, route.version) : null;
}

async function missingPrecache(): Promise<PrecacheEntry[]> {
  const have = await cachedUrls(PRECACHE);
  return manifest.precache.filter((entry) => !have.has(absolute(precacheKey(entry))));
}

async function missingEngine(): Promise<EngineFile[]> {
  const have = new Map<string, Set<string>>();
  for (const version of manifest.engineVersions) {
    const name = engineCacheName(base, version);
    have.set(name, await cachedUrls(name));
  }
  return manifest.engine.filter((file) => {
    const name = engineCacheOf(file.path);
    return name === null || have.get(name)?.has(absolute(file.path)) !== true;
  });
}

async function cachePrecacheEntry(cache: Cache, entry: PrecacheEntry): Promise<void> {
  await cache.put(precacheKey(entry), await fetchForCache(entry.path, entry.revision !== null));
}

async function cacheEngineFile(file: EngineFile): Promise<void> {
  const name = engineCacheOf(file.path);
  if (name === null) return;
  const cache = await caches.open(name);
  await cache.put(file.path, await fetchForCache(file.path, false));
}

async function offlineStatus(): Promise<OfflineStatus> {
  const book = totalSize(manifest.precache);
  const engine = totalSize(manifest.engine);
  return {
    version: manifest.version,
    book: { bytes: book, cached: book - totalSize(await missingPrecache()) },
    engine: { bytes: engine, cached: engine - totalSize(await missingEngine()) },
  };
}

/** Install: fetch what this deploy changed (files whose revision is already cached are kept). */
async function install(): Promise<void> {
  const cache = await caches.open(PRECACHE);
  await runPool(await missingPrecache(), PARALLEL_DOWNLOADS, (entry) => cachePrecacheEntry(cache, entry));
}

/** Activate: drop entries of older deploys and caches of older engines or cache layouts, then take over. */
async function activate(): Promise<void> {
  const cache = await caches.open(PRECACHE);
  const wanted = new Set(manifest.precache.map((entry) => absolute(precacheKey(entry))));
  for (const request of await cache.keys()) if (!wanted.has(request.url)) await cache.delete(request);
  const keep = [PRECACHE, ...manifest.engineVersions.map((version) => engineCacheName(base, version))];
  await Promise.all(obsoleteCaches(await caches.keys(), base, keep).map((name) => caches.delete(name)));
  await sw.clients.claim();
}

/** «Скачать учебник для офлайн»: everything not cached yet, with progress in bytes of the whole book. */
async function download(reply: (message: WorkerReply) => void): Promise<void> {
  const before = await offlineStatus();
  const total = before.book.bytes + before.engine.bytes;
  let done = before.book.cached + before.engine.cached;
  reply({ type: 'progress', done, total });
  const precache = await caches.open(PRECACHE);
  const jobs = [
    ...(await missingPrecache()).map((entry) => ({ size: entry.size, run: () => cachePrecacheEntry(precache, entry) })),
    ...(await missingEngine()).map((file) => ({ size: file.size, run: () => cacheEngineFile(file) })),
  ];
  try {
    await runPool(jobs, PARALLEL_DOWNLOADS, async (job) => {
      await job.run();
      done += job.size;
      reply({ type: 'progress', done, total });
    });
    reply({ type: 'done', status: await offlineStatus() });
  } catch {
    reply({ type: 'failed', done, total });
  }
}

async function fromPrecache(entry: PrecacheEntry, request: Request): Promise<Response> {
  const cached = await caches.match(absolute(precacheKey(entry)), { ...MATCH, cacheName: PRECACHE });
  return serve(cached ?? (await fetch(request)));
}

async function fromEngine(request: Request, version: string): Promise<Response> {
  const path = new URL(request.url).pathname;
  const cache = await caches.open(engineCacheName(base, version));
  const cached = await cache.match(path, MATCH);
  if (cached !== undefined) return serve(cached);
  const response = await fetch(request);
  if (response.ok && response.type === 'basic' && !request.headers.has('range'))
    await cache.put(path, response.clone());
  return serve(response);
}

async function fromNetwork(request: Request): Promise<Response> {
  try {
    return serve(await fetch(request));
  } catch {
    const notFound = entries.get(NOT_FOUND_PAGE);
    if (request.mode !== 'navigate' || notFound === undefined) return Response.error();
    const page = await caches.match(absolute(precacheKey(notFound)), { ...MATCH, cacheName: PRECACHE });
    return page === undefined ? Response.error() : serve(page, 404);
  }
}

sw.addEventListener('install', (event) => {
  event.waitUntil(install());
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(activate());
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== sw.location.origin) return;
  const route = routeRequest(url, base, precachedPaths);
  switch (route.kind) {
    case 'outside':
      return;
    case 'redirect':
      event.respondWith(Response.redirect(absolute(route.location), 301));
      return;
    case 'precache': {
      const entry = entries.get(route.path);
      event.respondWith(entry === undefined ? fromNetwork(request) : fromPrecache(entry, request));
      return;
    }
    case 'engine':
      event.respondWith(fromEngine(request, route.version));
      return;
    case 'network':
      event.respondWith(fromNetwork(request));
  }
});

sw.addEventListener('message', (event) => {
  const message = event.data;
  if (!isClientMessage(message)) return;
  const port = event.ports[0];
  const reply = (answer: WorkerReply): void => {
    port?.postMessage(answer);
  };
  if (message.type === 'skip-waiting') event.waitUntil(sw.skipWaiting());
  else if (message.type === 'status')
    event.waitUntil(
      offlineStatus().then((status) => {
        reply({ type: 'status', status });
      }),
    );
  else event.waitUntil(download(reply));
});
