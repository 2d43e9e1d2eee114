import { describe, expect, it } from 'vitest';
import {
  cachePrefix,
  engineCacheName,
  obsoleteCaches,
  precacheKey,
  precacheName,
} from '../../src/lib/offline/caches.ts';
import { ISOLATION_HEADERS, servedHeaders } from '../../src/lib/offline/headers.ts';
import { runPool } from '../../src/lib/offline/pool.ts';
import { isClientMessage } from '../../src/lib/offline/protocol.ts';
import { routeRequest, servedPath } from '../../src/lib/offline/routes.ts';
import { formatBytes, percentDone } from '../../src/lib/offline/size.ts';

const BASE = '/prodml/';
const PRECACHED = new Set([
  '/prodml/',
  '/prodml/chapters/introduction/',
  '/prodml/404.html',
  '/prodml/pagefind/pagefind.js',
]);
const route = (path: string) => routeRequest(new URL(path, 'http://localhost:4321'), BASE, PRECACHED);

describe('routeRequest: every URL form of a page reaches its precached file', () => {
  it.each([
    ['/prodml/chapters/introduction/', { kind: 'precache', path: '/prodml/chapters/introduction/' }],
    ['/prodml/chapters/introduction/index.html', { kind: 'precache', path: '/prodml/chapters/introduction/' }],
    ['/prodml/chapters/introduction', { kind: 'redirect', location: '/prodml/chapters/introduction/' }],
    [
      '/prodml/chapters/introduction?seminar=1',
      { kind: 'redirect', location: '/prodml/chapters/introduction/?seminar=1' },
    ],
    ['/prodml/chapters/introduction/?seminar=1', { kind: 'precache', path: '/prodml/chapters/introduction/' }],
    ['/prodml', { kind: 'redirect', location: '/prodml/' }],
    ['/prodml/index.html', { kind: 'precache', path: '/prodml/' }],
    ['/prodml/pagefind/pagefind.js?ts=123', { kind: 'precache', path: '/prodml/pagefind/pagefind.js' }],
  ])('%s', (path, expected) => {
    expect(route(path)).toEqual(expected);
  });

  it('sends Python engine files to the cache of their version', () => {
    expect(route('/prodml/pyodide/0.29.0/pyodide.asm.wasm')).toEqual({ kind: 'engine', version: '0.29.0' });
  });

  it('leaves unknown pages to the network and other paths alone', () => {
    expect(route('/prodml/chapters/nope/')).toEqual({ kind: 'network' });
    expect(route('/prodml/sitemap-0.xml')).toEqual({ kind: 'network' });
    expect(route('/other/')).toEqual({ kind: 'outside' });
    expect(route('/prodmlx/')).toEqual({ kind: 'outside' });
  });

  it('works at the root base too', () => {
    const root = routeRequest(new URL('http://h/course'), '/', new Set(['/course/']));
    expect(root).toEqual({ kind: 'redirect', location: '/course/' });
  });
});

describe('servedPath', () => {
  it.each([
    ['index.html', '/prodml/'],
    ['chapters/introduction/index.html', '/prodml/chapters/introduction/'],
    ['404.html', '/prodml/404.html'],
    ['_astro/a b.css', '/prodml/_astro/a%20b.css'],
  ])('%s → %s', (file, expected) => {
    expect(servedPath(BASE, file)).toBe(expected);
  });
});

describe('cache names', () => {
  it('include the base path, so two books on one origin keep separate caches', () => {
    expect(cachePrefix('/a/')).not.toBe(cachePrefix('/b/'));
    expect(precacheName('/prodml/')).toBe('prodml:/prodml/:precache-v1');
    expect(engineCacheName('/prodml/', '0.29.0')).toBe('prodml:/prodml/:engine-0.29.0-v1');
  });

  it('key revisioned files by revision and hashed files by URL', () => {
    expect(precacheKey({ path: '/prodml/', revision: 'a1' })).toBe('/prodml/?__rev=a1');
    expect(precacheKey({ path: '/prodml/_astro/x.1f.js', revision: null })).toBe('/prodml/_astro/x.1f.js');
  });

  it('list as obsolete only this book’s caches that the deploy does not keep', () => {
    const names = [
      'prodml:/prodml/:precache-v1',
      'prodml:/prodml/:engine-0.28.0-v1',
      'prodml:/prodml/:engine-0.29.0-v1',
      'prodml:/prodml/:precache-v0',
      'prodml:/other/:precache-v1',
      'some-other-site',
    ];
    expect(
      obsoleteCaches(names, '/prodml/', ['prodml:/prodml/:precache-v1', 'prodml:/prodml/:engine-0.29.0-v1']),
    ).toEqual(['prodml:/prodml/:engine-0.28.0-v1', 'prodml:/prodml/:precache-v0']);
  });
});

describe('servedHeaders', () => {
  it('adds COOP, COEP and CORP and drops the network transfer headers', () => {
    const headers = servedHeaders(
      new Headers({ 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': '10' }),
    );
    expect(headers.get('content-type')).toBe('text/html');
    expect(headers.get('content-encoding')).toBeNull();
    expect(headers.get('content-length')).toBeNull();
    expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(Object.keys(ISOLATION_HEADERS)).toHaveLength(3);
  });
});

describe('runPool', () => {
  it('runs every item with at most `limit` in flight', async () => {
    let running = 0;
    let peak = 0;
    const seen: number[] = [];
    await runPool([1, 2, 3, 4, 5], 2, async (n) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(n);
      running -= 1;
    });
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
  });

  it('rejects with the first failure and starts nothing after it', async () => {
    const started: number[] = [];
    await expect(
      runPool([1, 2, 3, 4], 1, (n) => {
        started.push(n);
        return n === 2 ? Promise.reject(new Error('boom')) : Promise.resolve();
      }),
    ).rejects.toThrow('boom');
    expect(started).toEqual([1, 2]);
  });

  it('refuses a non-positive limit', async () => {
    await expect(runPool([1], 0, () => Promise.resolve())).rejects.toThrow(RangeError);
  });
});

describe('formatBytes and percentDone', () => {
  it.each([
    [0, '0\u00a0Б'],
    [1023, '1023\u00a0Б'],
    [1536, '1,5\u00a0КБ'], // 1536 / 1024 = 1.5
    [10 * 1024, '10\u00a0КБ'],
    [3.45 * 1024 * 1024, '3,5\u00a0МБ'], // 3.45 rounds to one decimal: 3.5
    [12_900_000, '12\u00a0МБ'], // 12 900 000 / 1 048 576 = 12.30
  ])('%d bytes → %s', (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });

  it.each([
    [0, 1000, 0],
    [999, 1000, 99],
    [1000, 1000, 100],
    [5, 0, 100],
  ])('%d of %d → %d %', (done, total, expected) => {
    expect(percentDone(done, total)).toBe(expected);
  });
});

describe('isClientMessage', () => {
  it('accepts the three page messages and nothing else', () => {
    expect(isClientMessage({ type: 'skip-waiting' })).toBe(true);
    expect(isClientMessage({ type: 'download' })).toBe(true);
    expect(isClientMessage({ type: 'delete-everything' })).toBe(false);
    expect(isClientMessage('status')).toBe(false);
    expect(isClientMessage(null)).toBe(false);
  });
});
