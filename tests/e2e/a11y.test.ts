import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { sitemapPaths, BASE } from '../support/site.ts';
import { readThrough, useBrowser } from '../support/browser.ts';

const pages = sitemapPaths().map((p) => p.slice(BASE.length));
/** Shiki's highlighted blocks (see the note on the dark pass). */
const CODE = 'pre.astro-code';

/** WCAG 2.2 AA adds target size, which Lighthouse's accessibility audit checks too. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const violations = (result: Awaited<ReturnType<AxeBuilder['analyze']>>): string[] =>
  result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

describe('axe-core (WCAG 2.2 A/AA and best practices), light theme', () => {
  const browser = useBrowser({ colorScheme: 'light' });
  it.each(pages)('/%s has no violations', async (path) => {
    const { page } = await browser.visit(path);
    await readThrough(page);
    const result = await new AxeBuilder({ page }).exclude(CODE).withTags(TAGS).analyze();
    expect(violations(result)).toEqual([]);
  });
});

// Only colours change with the theme, so the dark pass checks contrast alone. Highlighted code is left out of
// both passes: its colours come from the Shiki themes whatever the page, and tests/content/code-contrast.test.ts
// checks every one of them (axe would spend most of a chapter's time on the token spans).
describe('axe-core colour contrast, dark theme', () => {
  const browser = useBrowser({ colorScheme: 'dark' });
  it.each(pages)('/%s has enough contrast', async (path) => {
    const { page } = await browser.visit(path);
    await readThrough(page);
    await expect(page.evaluate(() => document.documentElement.dataset['theme'])).resolves.toBe('dark');
    const result = await new AxeBuilder({ page }).exclude(CODE).withRules(['color-contrast']).analyze();
    expect(violations(result)).toEqual([]);
  });
});

// As a chapter opens, most of its blocks are not laid out yet (src/client/lazy-layout.ts); checkers that read
// geometry, such as Lighthouse's accessibility audit, see the page in that state.
describe('axe-core on a long chapter as it opens on a phone', () => {
  const browser = useBrowser({ colorScheme: 'light' });
  it('has no violations before the reader scrolls', async () => {
    const { page } = await browser.open('chapters/introduction/', { width: 412, height: 823 });
    expect(await page.locator('.content > :not([data-laid-out])').count()).toBeGreaterThan(50);
    const result = await new AxeBuilder({ page }).exclude(CODE).withTags(TAGS).analyze();
    expect(violations(result)).toEqual([]);
  });
});
