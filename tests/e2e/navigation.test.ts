import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { url, useBrowser } from '../support/browser.ts';

const browser = useBrowser();
const UI = { timeout: 10_000 };

describe('reading the book', () => {
  it('goes from the course map to a chapter and on, without reloading the page', async () => {
    const { page } = await browser.open('');
    await expect(page.locator('h1').textContent()).resolves.toBe('Production ML (Машинное обучение в продакшене)');
    expect(await page.locator('.module-card').count()).toBe(7);
    expect(await page.locator('.module-card li a').count()).toBe(15);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));

    await page.locator('#sidebar a', { hasText: 'Введение' }).click();
    await page.waitForURL(url('chapters/introduction/'));
    await expect(page.locator('h1').textContent()).resolves.toBe('Введение');
    expect(await page.locator('#sidebar a[aria-current="page"]').textContent()).toContain('Введение');
    expect(await page.locator('.breadcrumbs a').allTextContents()).toEqual([
      'Карта курса',
      'Модуль 1. ML в индустрии. Базовые инструменты ML инженера',
    ]);

    await page.locator('.prev-next a[rel="next"]').click();
    await page.waitForURL(url('chapters/dev-tools-1/'));
    await expect(page.locator('h1').textContent()).resolves.toBe('Инструменты разработки. Часть 1');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  });

  it('lays out all of a long chapter soon after it opens, also after a client-side navigation', async () => {
    // Until src/client/layout-slices.ts reaches them, off-screen blocks are not laid out and their text
    // reads as empty (innerText): the sources at the very end are the last block it reaches.
    const sourcesText = (page: Page) => page.locator('.content > .sources').innerText();
    const { page } = await browser.open('chapters/introduction/');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await sourcesText(page)).toMatch(/^Источники/);
    await page.locator('.prev-next a[rel="next"]').click();
    await page.waitForURL(url('chapters/dev-tools-1/'));
    await page.waitForFunction(() => document.querySelector('.content[data-laid-out]') !== null, null, UI);
    expect(await sourcesText(page)).toMatch(/^Источники/);
  });

  it('keeps the page height steady while the chapter is laid out, and lets it go when done', async () => {
    const { page } = await browser.open('', { width: 412, height: 823 });
    // Records the document's height at every frame from the start of the next page load.
    await page.addInitScript(() => {
      const heights: number[] = [];
      (window as unknown as { heights: number[] }).heights = heights;
      const sample = (): void => {
        heights.push(document.documentElement.scrollHeight);
        if (document.querySelector('.content[data-laid-out]') === null) requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    });
    await page.goto(url('chapters/introduction/'));
    await page.waitForFunction(() => document.querySelector('.content[data-laid-out]') !== null, null, UI);
    const heights = await page.evaluate(() => (window as unknown as { heights: number[] }).heights);
    const changes = heights.filter((h, i) => i > 0 && h !== heights[i - 1]).length;
    // Without the hold it changed at every other frame (32 times in 58 frames here); with it, 9 times.
    expect(changes).toBeLessThan(15);
    await expect(page.locator('.content').evaluate((el) => (el as HTMLElement).style.minHeight)).resolves.toBe('');
  });

  it('starts keyboard navigation with a skip link to the content', async () => {
    const { page } = await browser.open('chapters/introduction/');
    await page.keyboard.press('Tab');
    const skip = page.locator('.skip-link');
    await expect(skip.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => location.hash)).resolves.toBe('#content');
  });

  it('shows reading time, formulas and highlighted code on the finished chapter', async () => {
    const { page } = await browser.open('chapters/introduction/');
    await expect(page.locator('.meta').first().textContent()).resolves.toMatch(/\d+ мин чтения/);
    expect(await page.locator('.katex').count()).toBeGreaterThan(0);
    expect(await page.locator('pre.astro-code').count()).toBeGreaterThan(1);
    // The copy buttons are added when the browser is idle after the first paint.
    const plainCode = await page.locator('.content pre.astro-code:not(py-cell pre)').count();
    expect(plainCode).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.code-block .code-copy').count()).toBe(plainCode);
    const fontsOk = await page.evaluate(async () => {
      await document.fonts.ready;
      return Array.from(document.fonts).filter((f) => f.family.includes('KaTeX') && f.status === 'loaded').length;
    });
    expect(fontsOk).toBeGreaterThan(0);
  });
});

describe('on a phone', () => {
  it('opens the sidebar from the menu button and has no horizontal scroll', async () => {
    const { page } = await browser.open('chapters/introduction/', { width: 390, height: 844 });
    expect(await page.locator('#sidebar').isVisible()).toBe(false);
    await page.locator('.menu-button').click();
    expect(await page.locator('#sidebar').isVisible()).toBe(true);
    expect(await page.locator('.menu-button').getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await page.locator('#sidebar').isVisible()).toBe(false);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
