import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { parseCourse } from '../../src/data/course.ts';
import { BASE, SITE_DIR, builtPages, readPage, sitemapPaths } from '../support/site.ts';

const course = parseCourse(fs.readFileSync('content/course.yaml', 'utf8'));
const pages = builtPages();
const sitemap = sitemapPaths();

const ids = (html: string): Set<string> => new Set(Array.from(html.matchAll(/\sid="([^"]+)"/g), (m) => m[1] ?? ''));
const hrefs = (html: string): string[] =>
  Array.from(html.matchAll(/<a\b[^>]*\shref="([^"]+)"/g), (m) => (m[1] ?? '').replaceAll('&amp;', '&'));

describe('the built book', () => {
  it('has a page for every chapter, the course page and every assignment', () => {
    const expected = [
      BASE,
      `${BASE}course/`,
      ...course.modules.flatMap((m) => m.topics.map((t) => `${BASE}chapters/${t.chapter}/`)),
      ...course.homework.map((h) => `${BASE}assignments/${h.slug}/`),
      `${BASE}assignments/stress-test/`,
      `${BASE}assignments/project/`,
    ];
    for (const page of expected) expect(pages).toContain(page);
    for (const page of expected) expect(sitemap).toContain(page);
    expect([...sitemap].sort()).toEqual(pages.filter((p) => !p.endsWith('404.html')).sort());
  });

  it.each(pages)('every internal link and anchor on %s resolves', (page) => {
    const html = readPage(page);
    const broken: string[] = [];
    for (const href of hrefs(html)) {
      if (/^(https?:|mailto:)/.test(href)) continue;
      const target = new URL(href, `http://x${page}`);
      if (!target.pathname.startsWith(BASE)) {
        broken.push(`${href} (outside ${BASE})`);
        continue;
      }
      if (!target.pathname.endsWith('/') && !/\.[a-z0-9]+$/.test(target.pathname))
        broken.push(`${href} (no trailing slash)`);
      const isPage = pages.includes(target.pathname);
      if (!isPage && !fs.existsSync(path.join(SITE_DIR, target.pathname.slice(BASE.length)))) {
        broken.push(`${href} (no such page)`);
        continue;
      }
      const hash = decodeURIComponent(target.hash.slice(1));
      if (hash !== '' && isPage && !ids(readPage(target.pathname)).has(hash)) broken.push(`${href} (no #${hash})`);
    }
    expect(broken).toEqual([]);
  });

  it('gives every heading of every page a unique id', () => {
    for (const page of pages) {
      const html = readPage(page);
      const all = Array.from(html.matchAll(/<h[1-6][^>]*\sid="([^"]+)"/g), (m) => m[1]);
      expect(new Set(all).size, page).toBe(all.length);
    }
  });

  it('references no third-party host for scripts, styles, fonts or images', () => {
    for (const page of pages) {
      const html = readPage(page);
      const external = Array.from(
        html.matchAll(/<(?:script|link|img|source|iframe)\b[^>]*\s(?:src|href)="(https?:[^"]+)"/g),
        (m) => m[1],
      );
      expect(
        external.filter((u) => !u?.startsWith('http://localhost')),
        page,
      ).toEqual([]);
    }
  });

  it('serves KaTeX fonts as woff2 files only', () => {
    const html = readPage(`${BASE}chapters/introduction/`);
    const rules = Array.from(html.matchAll(/@font-face\{([^}]*)\}/g), (m) => m[1] ?? '');
    const katex = rules.filter((r) => r.includes('font-family:KaTeX_'));
    // KaTeX has 20 fonts (KaTeX_AMS-Regular … KaTeX_Typewriter-Regular), one woff2 file each: none is inlined
    // into the page as a data URL, which every page would then carry.
    expect(katex).toHaveLength(20);
    const files = fs.readdirSync(path.join(SITE_DIR, '_astro'));
    for (const rule of katex) {
      const urls = Array.from(rule.matchAll(/url\(([^)]+)\)/g), (m) => m[1] ?? '');
      expect(urls, rule).toHaveLength(1);
      expect(urls[0], rule).toMatch(/^\/prodml\/_astro\/KaTeX_[\w-]+\.[\w-]+\.woff2$/);
      expect(files, rule).toContain(path.basename(urls[0] ?? ''));
    }
    expect(files.filter((f) => /\.(woff|ttf|otf|eot)$/.test(f))).toEqual([]);
  });
});
