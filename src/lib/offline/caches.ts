// Runs in the service worker and in unit tests: names of the caches and which of them are obsolete.

/** A precached file: URL path, content revision (null when the file name carries a hash) and size. */
export interface PrecacheEntry {
  path: string;
  revision: string | null;
  size: number;
}

/** A Python engine file: cached on first use, or by «Скачать учебник для офлайн». */
export interface EngineFile {
  path: string;
  size: number;
}

/** Bump when the layout of the caches changes; old layouts are then deleted on activation. */
export const CACHE_SCHEMA = 1;

/**
 * Every cache of this book starts with this prefix, which includes the base path, so two books on
 * one origin (e.g. GitHub Pages) never touch each other's caches.
 * @example cachePrefix('/prodml/') // 'prodml:/prodml/:'
 */
export function cachePrefix(base: string): string {
  return `prodml:${base}:`;
}

/**
 * The cache holding the precached files of every deploy (entries are keyed by revision, so a new
 * deploy downloads only what changed).
 * @example precacheName('/prodml/') // 'prodml:/prodml/:precache-v1'
 */
export function precacheName(base: string): string {
  return `${cachePrefix(base)}precache-v${CACHE_SCHEMA}`;
}

/**
 * The cache of one Python engine version (its files never change under the same version).
 * @example engineCacheName('/prodml/', '0.29.0') // 'prodml:/prodml/:engine-0.29.0-v1'
 */
export function engineCacheName(base: string, version: string): string {
  return `${cachePrefix(base)}engine-${version}-v${CACHE_SCHEMA}`;
}

/**
 * The cache key of a precached file: its URL path plus its revision, so two deploys with different
 * contents of one URL never share an entry.
 * @example precacheKey({ path: '/prodml/', revision: 'a1', size: 9 }) // '/prodml/?__rev=a1'
 * @example precacheKey({ path: '/prodml/_astro/x.1f.js', revision: null, size: 9 }) // '/prodml/_astro/x.1f.js'
 */
export function precacheKey(entry: Pick<PrecacheEntry, 'path' | 'revision'>): string {
  return entry.revision === null ? entry.path : `${entry.path}?__rev=${encodeURIComponent(entry.revision)}`;
}

/**
 * Caches of this book that the current deploy does not use (older schemas, older engine versions).
 * Caches of other books or sites on the origin are never listed.
 * @example obsoleteCaches(['prodml:/b/:engine-1-v1', 'prodml:/b/:precache-v1', 'other'], '/b/', ['prodml:/b/:precache-v1'])
 *   // ['prodml:/b/:engine-1-v1']
 */
export function obsoleteCaches(names: readonly string[], base: string, keep: readonly string[]): string[] {
  const prefix = cachePrefix(base);
  return names.filter((name) => name.startsWith(prefix) && !keep.includes(name));
}

/** What scripts/build-sw.mjs bakes into the service worker. */
export interface OfflineManifest {
  /** The site's base path with both slashes. */
  base: string;
  /** Hash of every precached file's revision and every engine file: changes with each deploy that changes something. */
  version: string;
  precache: PrecacheEntry[];
  /** Every file under `<base>pyodide/`, empty when the build has no Python engine. */
  engine: EngineFile[];
  /** Engine versions present in this build (directory names under `pyodide/`). */
  engineVersions: string[];
}
