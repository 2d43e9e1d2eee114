import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { allLaidOut, url, useBrowser } from '../support/browser.ts';

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

  it('lays out a long chapter as the reader gets to it, also after a client-side navigation', async () => {
    // Off-screen blocks are not laid out until they near the screen or, once the reader has started reading,
    // the browser is idle (src/client/lazy-layout.ts); until then their text reads as empty (innerText).
    // The sources are the last block of a chapter.
    const sources = (page: Page) => page.locator('.content > .sources');
    const { page } = await browser.open('chapters/introduction/', { width: 412, height: 823 });
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // Left alone, the page lays out only its first screens.
    await page.waitForTimeout(1000);
    expect(await page.locator('.content > :not([data-laid-out])').count()).toBeGreaterThan(50);
    expect(await sources(page).innerText()).toBe('');
    // End lays out the rest at once and reaches the end of the chapter, not the end of stand-ins.
    await page.keyboard.press('End');
    await allLaidOut(page, UI);
    await page.waitForFunction(
      () => (document.querySelector('.content > .sources')?.getBoundingClientRect().bottom ?? Infinity) <= innerHeight,
      null,
      UI,
    );
    expect(await sources(page).innerText()).toMatch(/^Источники/);

    // A chapter reached by a link in the book: its reader is already reading, so it is laid out at once. Its
    // header is laid out from the start: its title reads right after the swap, before the first frame.
    await page.evaluate(() => {
      document.addEventListener(
        'astro:after-swap',
        () => (document.documentElement.dataset['titleAtSwap'] = document.querySelector('h1')?.innerText),
        { once: true },
      );
    });
    await page.locator('.prev-next a[rel="next"]').click();
    await page.waitForURL(url('chapters/dev-tools-1/'));
    await expect(page.locator('html').getAttribute('data-title-at-swap')).resolves.toBe(
      'Инструменты разработки. Часть 1',
    );
    await allLaidOut(page, UI);
    expect(await sources(page).innerText()).toMatch(/^Источники/);
  });

  it('returns to the text being read on going back to a chapter and on reloading it', async () => {
    const { page } = await browser.open('chapters/introduction/', { width: 412, height: 823 });
    // Read down, a screen at a time, until a heading far down the chapter is near the top of the screen.
    const heading = page.locator('.content h2').nth(5);
    const id = await heading.getAttribute('id');
    const headingTop = () =>
      page.evaluate((hid) => Math.round(document.getElementById(hid ?? '')?.getBoundingClientRect().top ?? NaN), id);
    await page.evaluate(async (hid) => {
      const h = document.getElementById(hid ?? '');
      while (h !== null && h.getBoundingClientRect().top > 300) {
        window.scrollBy({ top: window.innerHeight * 0.8, behavior: 'instant' });
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      }
    }, id);
    await page.waitForTimeout(300);
    const before = await headingTop();
    expect(before).toBeLessThan(400);

    // A link in the text (clicked where it is, without scrolling to it first).
    await page.evaluate(() => document.querySelector<HTMLElement>('.content a[href*="/glossary/"]')?.click());
    await page.waitForURL(/\/glossary\//);
    await page.goBack();
    await page.waitForURL(url('chapters/introduction/'));
    await page.waitForFunction(
      (top) => {
        const h = document.querySelectorAll('.content h2')[5];
        return h !== undefined && Math.abs(h.getBoundingClientRect().top - top) <= 2;
      },
      before,
      UI,
    );
    // Laying out the blocks around the restored position moves nothing on screen.
    await page.waitForTimeout(500);
    expect(Math.abs((await headingTop()) - before)).toBeLessThanOrEqual(2);

    await page.reload();
    await page.waitForFunction(() => document.querySelector('.content') !== null);
    await page.waitForTimeout(500);
    expect(Math.abs((await headingTop()) - before)).toBeLessThanOrEqual(2);
  });

  it('returns to the section being read on going back from a jump within the chapter', async () => {
    // Opened by a deep link: the blocks above the section are still stand-ins when the reader jumps away, and
    // are laid out before they come back.
    const { page } = await browser.open('chapters/introduction/#kak-rabotayut-ml-inzhenery', {
      width: 1280,
      height: 800,
    });
    const headingTop = () =>
      page.evaluate(() =>
        Math.round(document.getElementById('kak-rabotayut-ml-inzhenery')?.getBoundingClientRect().top ?? NaN),
      );
    await page.waitForTimeout(500);
    const before = await headingTop();
    expect(before).toBeLessThan(100);
    await page.locator('.toc a[href="#istochniki"]').click();
    await page.waitForURL(url('chapters/introduction/#istochniki'));
    await allLaidOut(page, UI);
    await page.goBack();
    await page.waitForURL(url('chapters/introduction/#kak-rabotayut-ml-inzhenery'));
    await page.waitForTimeout(500);
    expect(Math.abs((await headingTop()) - before)).toBeLessThanOrEqual(2);
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

  it('opens a chapter without moving its title or text once shown', async () => {
    const { page } = await browser.open('chapters/introduction/', { width: 412, height: 823 });
    await page.waitForTimeout(1000);
    // Every layout shift since the page started, as Chromium reports it (the input behind CLS).
    const shifts = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          new PerformanceObserver((list) => {
            resolve(
              list
                .getEntries()
                .flatMap((entry) =>
                  (entry as unknown as { sources: { node: Node | null }[] }).sources.map(
                    (s) => s.node?.nodeName ?? '?',
                  ),
                ),
            );
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => {
            resolve([]);
          }, 500);
        }),
    );
    expect(shifts).toEqual([]);
  });
});
