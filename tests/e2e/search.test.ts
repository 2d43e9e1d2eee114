import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { url, useBrowser } from '../support/browser.ts';

const browser = useBrowser();

/** Types a query into the open search dialog and waits for the results to settle. */
async function search(page: Page, query: string): Promise<void> {
  const input = page.locator('#search-dialog input[type="search"]');
  await input.fill(query);
  await page.waitForFunction(() =>
    /^(Найдено|По запросу)/.test(document.querySelector('#search-dialog [data-search-status]')?.textContent ?? ''),
  );
}

/** Highlighted words of every result, lower-cased. */
async function marks(page: Page): Promise<string[]> {
  const all = await page.locator('#search-dialog .search-results mark').allTextContents();
  return all.map((m) => m.toLowerCase());
}

describe('search dialog', () => {
  it('opens with «/» and with Ctrl+K, closes with Esc and returns focus', async () => {
    const { page } = await browser.open('chapters/introduction/');
    const dialog = page.locator('#search-dialog');
    await page.keyboard.press('/');
    await expect(dialog.isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-dialog-input');
    await page.keyboard.press('Escape');
    await expect(dialog.isVisible()).resolves.toBe(false);
    await page.keyboard.press('Control+KeyK');
    await expect(dialog.isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await page.locator('.search-button').click();
    await expect(dialog.isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect(page.evaluate(() => document.activeElement?.classList.contains('search-button'))).resolves.toBe(true);
  });

  it('finds inflected Russian forms: «моделей» highlights «модель»', async () => {
    const { page } = await browser.open('');
    await page.keyboard.press('/');
    await search(page, 'моделей');
    const words = await marks(page);
    // The Russian Snowball stemmer reduces «моделей», «модель», «модели» to the stem «модел».
    expect(words).toContain('модель');
    expect(words.some((w) => w !== 'моделей' && w.startsWith('модел'))).toBe(true);
  });

  it('shows the chapter and the section of a hit, and opens the section', async () => {
    const { page } = await browser.open('');
    await page.keyboard.press('/');
    await search(page, 'Зинкевича');
    const hit = page.locator('#search-dialog .search-hit', { hasText: 'Введение' }).first();
    await expect(hit.locator('.search-hit-page').textContent()).resolves.toBe('Введение');
    const section = hit.locator('.search-hit-link', { hasText: 'Когда ML не нужен' }).first();
    await expect(section.locator('mark').first().textContent()).resolves.toMatch(/^Зинкевич/);
    await section.click();
    await page.waitForURL(url('chapters/introduction/#kogda-ml-ne-nuzhen'));
    await expect(page.locator('#search-dialog').isVisible()).resolves.toBe(false);
  });

  it('does not index navigation chrome or cell controls', async () => {
    const { page } = await browser.open('');
    // The indexed text of a chapter with Python cells has the code but not the cells' controls, whose
    // labels stand side by side only in the button group: «Запустить Остановить Запустить все выше…».
    // A string, so that the test runner does not rewrite the browser's dynamic import.
    const content = await page.evaluate<string>(`(async () => {
      const pagefind = await import('${new URL(url()).pathname}pagefind/pagefind.js');
      const found = await pagefind.search('build_features');
      const pages = await Promise.all(found.results.map((r) => r.data()));
      return pages.find((p) => p.url.endsWith('/chapters/introduction/'))?.content ?? '';
    })()`);
    expect(content).toContain('def build_features(order: Order)');
    expect(content).not.toContain('Остановить');
    // Chrome on every page: the skip link and the footer.
    expect(content).not.toContain('Перейти к содержанию');
    expect(content).not.toContain('Учебник к курсу');
    expect(content).not.toMatch(/#eta-handler/);
  });
});

describe('search across languages via the glossary', () => {
  it('«data drift» finds «Дрейф данных»', async () => {
    const { page } = await browser.open('');
    await page.keyboard.press('/');
    await search(page, 'data drift');
    const glossary = page.locator('#search-dialog .search-hit', { hasText: 'Глоссарий' });
    await expect(glossary.locator('.search-hit-section').allTextContents()).resolves.toContain(
      'Дрейф данных (data drift)',
    );
    // The chapter that links the term is found too: <Term> indexes the English term with the link.
    await expect(
      page.locator('#search-dialog .search-hit-page', { hasText: 'Введение' }).count(),
    ).resolves.toBeGreaterThan(0);
  });

  it('«дрейф данных» finds the entry with its English term, and the link opens it', async () => {
    const { page } = await browser.open('');
    await page.keyboard.press('/');
    await search(page, 'дрейф данных');
    const entry = page.locator('#search-dialog .search-hit-link', { hasText: 'data drift' }).first();
    await expect(entry.locator('mark').allTextContents()).resolves.toEqual(expect.arrayContaining(['Дрейф', 'данных']));
    await entry.click();
    await page.waitForURL(url('glossary/#data-drift'));
  });
});

describe('search page', () => {
  it('runs the query from ?q= and keeps the address in step with the input', async () => {
    const { page } = await browser.open(`search/?q=${encodeURIComponent('технический долг')}`);
    await page.waitForFunction(() =>
      document.querySelector('[data-search-page] [data-search-status]')?.textContent.startsWith('Найдено'),
    );
    expect(await page.locator('[data-search-page] .search-hit').count()).toBeGreaterThan(0);
    await page.locator('#search-page-input').fill('зрелость');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'зрелость');
  });
});
