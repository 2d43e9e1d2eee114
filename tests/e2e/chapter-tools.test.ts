import { describe, expect, it } from 'vitest';
import { url, useBrowser } from '../support/browser.ts';

const browser = useBrowser();

describe('«На этой странице»', () => {
  it('lists the sections, jumps to one and marks it as current', async () => {
    const { page } = await browser.open('chapters/introduction/');
    const links = page.locator('[data-toc] a');
    expect(await links.count()).toBeGreaterThan(4);
    const target = links.nth(3);
    const hash = (await target.getAttribute('href')) ?? '';
    await target.click();
    await page.waitForFunction((h) => location.hash === h, hash);
    const heading = page.locator(hash);
    await expect(heading.evaluate((el) => el.getBoundingClientRect().top)).resolves.toBeLessThan(200);
    await page.waitForFunction(
      (h) => document.querySelector(`[data-toc] a[href="${h}"]`)?.getAttribute('aria-current') === 'true',
      hash,
    );
  });

  it('keeps the section marked while its text fills the screen and no heading is in view', async () => {
    const { page } = await browser.open('chapters/introduction/');
    // A section whose text runs at least 700 px past its heading, scrolled 100 px past the heading.
    const hash = await page.evaluate(() => {
      const hashes = Array.from(document.querySelectorAll<HTMLAnchorElement>('[data-toc] a'), (a) => a.hash);
      const top = (h: string) =>
        (document.getElementById(decodeURIComponent(h.slice(1)))?.getBoundingClientRect().top ?? 0) + window.scrollY;
      const long = hashes.find((h, i) => i > 0 && i + 1 < hashes.length && top(hashes[i + 1] ?? '') - top(h) > 700);
      if (long === undefined) throw new Error('no long section');
      window.scrollTo(0, top(long) + 100);
      return long;
    });
    await page.waitForFunction(
      (h) =>
        Array.from(document.querySelectorAll('[data-toc] a[aria-current="true"]'), (a) =>
          a.getAttribute('href'),
        ).join() === h,
      hash,
    );
  });
});

describe('copy-link buttons', () => {
  it('copy the absolute URL of the section, including the base path', async () => {
    const { page } = await browser.open('chapters/introduction/');
    const anchor = page.locator('.content .anchor-link').nth(1);
    const id = ((await anchor.getAttribute('href')) ?? '').slice(1);
    expect(id).toMatch(/^[a-z0-9-]+$/);
    expect(await anchor.getAttribute('aria-label')).toMatch(/^Скопировать ссылку на раздел «.+»$/);
    await anchor.click();
    await page.waitForFunction(() => document.getElementById('announcer')?.textContent === 'Ссылка скопирована');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(url(`chapters/introduction/#${id}`));
    expect(page.url()).toBe(copied);
  });

  it('open the section when the copied link is pasted into a new tab', async () => {
    const { page } = await browser.open('chapters/introduction/#chastye-oshibki', { width: 412, height: 823 });
    const top = () => page.locator('#chastye-oshibki').evaluate((el) => el.getBoundingClientRect().top);
    await expect(top()).resolves.toBeLessThan(200);
    // The blocks above it are laid out as they near the screen (src/client/lazy-layout.ts), taking their real
    // height: the section stays where it is.
    await page.waitForTimeout(1000);
    expect(await page.locator('.content > [data-laid-out]').count()).toBeGreaterThan(3);
    await expect(top()).resolves.toBeGreaterThanOrEqual(0);
    await expect(top()).resolves.toBeLessThan(200);
  });
});

describe('theme', () => {
  it('toggles dark mode and keeps the choice across reloads and navigation', async () => {
    const { page } = await browser.open('chapters/introduction/');
    const theme = () => page.evaluate(() => document.documentElement.dataset['theme']);
    await expect(theme()).resolves.toBe('light');
    const toggle = page.locator('.theme-toggle');
    await toggle.click();
    await expect(theme()).resolves.toBe('dark');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(15, 20, 25)');
    await page.reload();
    await expect(theme()).resolves.toBe('dark');
    await page.locator('#sidebar a', { hasText: 'Как устроен курс' }).click();
    await page.waitForURL(url('course/'));
    await expect(theme()).resolves.toBe('dark');
  });
});

describe('print', () => {
  it('prints the chapter alone, with link targets spelled out', async () => {
    const { page } = await browser.open('chapters/introduction/');
    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['.site-header', '#sidebar', '[data-toc]', '.prev-next', '.anchor-link']) {
      expect(await page.locator(chrome).first().isVisible(), chrome).toBe(false);
    }
    const after = await page
      .locator('.sources a[href^="https"]')
      .first()
      .evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain('https://');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
  });
});
