// Where the browser and content tests find the built book (`npm run build:test`).
import fs from 'node:fs';
import path from 'node:path';

/**
 * The test build: built with BASE_PATH=/prodml/ so that every test also checks sub-path hosting.
 * TEST_SITE_DIR points the tests at another build (e.g. one made while `test-dist/` is in use).
 */
export const SITE_DIR = path.resolve(process.env['TEST_SITE_DIR'] ?? 'test-dist');
export const BASE = '/prodml/';

/** Every HTML page of the build, as URL paths under BASE (e.g. `/prodml/chapters/introduction/`). */
export function builtPages(): string[] {
  const pages: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) {
        const rel = path.relative(SITE_DIR, full).split(path.sep).join('/');
        pages.push(BASE + rel.replace(/(^|\/)index\.html$/, '$1'));
      }
    }
  };
  walk(SITE_DIR);
  return pages.sort();
}

/** The HTML of a built page given its URL path under BASE. */
export function readPage(urlPath: string): string {
  const rel = decodeURIComponent(urlPath.slice(BASE.length));
  const file = rel === '' || rel.endsWith('/') ? path.join(SITE_DIR, rel, 'index.html') : path.join(SITE_DIR, rel);
  return fs.readFileSync(file, 'utf8');
}

/** URL paths listed in the build's sitemap. */
export function sitemapPaths(): string[] {
  const index = fs.readFileSync(path.join(SITE_DIR, 'sitemap-index.xml'), 'utf8');
  const maps = Array.from(index.matchAll(/<loc>([^<]+)<\/loc>/g), (m) => new URL(m[1] ?? '').pathname);
  return maps.flatMap((mapPath) => {
    const xml = fs.readFileSync(path.join(SITE_DIR, mapPath.slice(BASE.length)), 'utf8');
    return Array.from(xml.matchAll(/<loc>([^<]+)<\/loc>/g), (m) => new URL(m[1] ?? '').pathname);
  });
}
