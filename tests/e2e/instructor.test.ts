import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { url, useBrowser } from '../support/browser.ts';
import { readPage } from '../support/site.ts';

const browser = useBrowser();

const position = (page: Page): Promise<string> => page.locator('[data-seminar-position]').innerText();
const visible = (page: Page, selector: string): Promise<boolean> => page.locator(selector).first().isVisible();

describe('seminar mode', () => {
  it('steps section by section with → and ←, keeps the section in the address, and leaves with Esc', async () => {
    const { page } = await browser.open('chapters/introduction/?seminar=1');
    await page.locator('[data-seminar-bar]').waitFor({ state: 'visible' });
    for (const chrome of ['.site-header', '#sidebar', '[data-toc]', '.prev-next', '.site-footer']) {
      await expect(visible(page, chrome), chrome).resolves.toBe(false);
    }
    // The intro has one slide for the title, one for the objectives, then one per «##» section.
    const sections = (readPage('/prodml/chapters/introduction/').match(/class="heading-wrapper level-h2"/g) ?? [])
      .length;
    const slides = 2 + sections;
    await expect(position(page)).resolves.toBe(`1 из ${slides}`);
    const fontSize = await page
      .locator('.content p')
      .nth(2)
      .evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    // The reading view sets body text at 17 px (1.0625rem); seminar mode at 1.55rem = 24.8 px.
    expect(fontSize).toBeGreaterThanOrEqual(24);

    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(position(page)).resolves.toBe(`3 из ${slides}`);
    await expect(page.locator('[data-seminar-title]').innerText()).resolves.toBe('Сквозной пример');
    expect(page.url()).toBe(url('chapters/introduction/?seminar=1#skvoznoy-primer'));
    await expect(visible(page, '#skvoznoy-primer')).resolves.toBe(true);
    await expect(visible(page, '#model-malaya-chast-sistemy')).resolves.toBe(false);
    await expect(visible(page, 'h1')).resolves.toBe(false);

    await page.keyboard.press('ArrowLeft');
    await expect(position(page)).resolves.toBe(`2 из ${slides}`);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(position(page)).resolves.toBe(`1 из ${slides}`);
    await expect(visible(page, 'h1')).resolves.toBe(true);

    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Escape');
    await expect(visible(page, '[data-seminar-bar]')).resolves.toBe(false);
    await expect(visible(page, '.site-header')).resolves.toBe(true);
    await expect(visible(page, '#model-malaya-chast-sistemy')).resolves.toBe(true);
    expect(page.url()).toBe(url('chapters/introduction/#skvoznoy-primer'));
  });

  it('opens at a linked section, keeps cells live, and ignores arrows typed into a field', async () => {
    const { page } = await browser.open('chapters/introduction/?seminar=1#vidy-skrytogo-dolga');
    await page.locator('[data-seminar-bar]').waitFor({ state: 'visible' });
    // «Виды скрытого долга» is a «###» inside «Модель — малая часть системы».
    await expect(page.locator('[data-seminar-title]').innerText()).resolves.toBe('Модель — малая часть системы');
    await expect(visible(page, '#vidy-skrytogo-dolga')).resolves.toBe(true);
    const run = page.locator('#cell-eta-handler [data-action="run"]');
    // The cell is on the slide, so its element starts (cells start when they near the screen).
    await run.waitFor({ state: 'visible', timeout: 10_000 });
    await expect(run.isEnabled()).resolves.toBe(true);

    const before = await position(page);
    await page.keyboard.press('/');
    await page.locator('#search-dialog-input').fill('долг');
    await page.keyboard.press('ArrowRight');
    await expect(position(page)).resolves.toBe(before);
    await page.keyboard.press('Escape');
    await expect(visible(page, '#search-dialog')).resolves.toBe(false);
    await expect(visible(page, '[data-seminar-bar]')).resolves.toBe(true);
  });

  it('starts from the button above the title', async () => {
    const { page } = await browser.open('course/');
    await page.locator('[data-seminar-start]').click();
    await page.locator('[data-seminar-bar]').waitFor({ state: 'visible' });
    expect(new URL(page.url()).searchParams.get('seminar')).toBe('1');
    await page.locator('[data-seminar-next]').click();
    await expect(page.locator('[data-seminar-title]').innerText()).resolves.toBe('Цель и задачи');
  });
});

/** Draws the dialog's QR code SVG on a canvas and decodes it with jsQR. */
async function decodeQr(page: Page): Promise<string | null> {
  const image = await page.locator('#qr-dialog [data-qr-code] svg').evaluate(async (svg) => {
    const size = 400;
    const img = new Image(size, size);
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('no 2d context');
    context.drawImage(img, 0, 0, size, size);
    return { data: Array.from(context.getImageData(0, 0, size, size).data), size };
  });
  return jsQR(Uint8ClampedArray.from(image.data), image.size, image.size)?.data ?? null;
}

describe('QR code of the current section', () => {
  it('encodes the link of the section chosen in «На этой странице», and of any section picked', async () => {
    const { page } = await browser.open('chapters/introduction/');
    await page.locator('[data-toc] a', { hasText: 'Когда ML не нужен' }).click();
    await page.locator('.page-tools [data-qr-open]').click();
    await page.locator('#qr-dialog').waitFor({ state: 'visible' });
    await expect(decodeQr(page)).resolves.toBe(url('chapters/introduction/#kogda-ml-ne-nuzhen'));
    await expect(page.locator('[data-qr-for]').innerText()).resolves.toBe('Ссылка на «Когда ML не нужен»');
    await page.locator('#qr-section').selectOption('itogi');
    await expect(decodeQr(page)).resolves.toBe(url('chapters/introduction/#itogi'));
    await expect(page.locator('[data-qr-link]').getAttribute('href')).resolves.toBe(
      url('chapters/introduction/#itogi'),
    );
  });

  it('in seminar mode, encodes the slide on screen without the seminar parameter', async () => {
    const { page } = await browser.open('chapters/introduction/?seminar=1#kak-rabotayut-ml-inzhenery');
    await page.locator('[data-seminar-bar] [data-qr-open]').click();
    await page.locator('#qr-dialog').waitFor({ state: 'visible' });
    await expect(decodeQr(page)).resolves.toBe(url('chapters/introduction/#kak-rabotayut-ml-inzhenery'));
    // The first Esc closes the dialog, the second leaves seminar mode.
    await page.keyboard.press('Escape');
    await expect(visible(page, '[data-seminar-bar]')).resolves.toBe(true);
  });
});

describe('«Для преподавателя»', () => {
  it('lists the course plan with hours, every chapter with objectives, and working deep links', async () => {
    const { page } = await browser.open('instructor/');
    const totals = page.locator('table tfoot td');
    // Program totals (content/course.yaml): 33 lectures, 34 seminars, 4 control, 94 self-study hours.
    await expect(totals.allInnerTexts()).resolves.toEqual(['33', '34', '4', '94']);
    await expect(page.locator('.instructor-chapter').count()).resolves.toBe(15);
    const introduction = page.locator('.instructor-chapter', { has: page.locator('#chapter-introduction') });
    await expect(introduction.locator('ul').first().locator('li').count()).resolves.toBeGreaterThanOrEqual(3);
    const links = await introduction
      .locator('[data-activities] a')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toContain(url('chapters/introduction/#cell-eta-handler'));
    // Every deep link lands on an element of the chapter.
    const html = readPage('/prodml/chapters/introduction/');
    for (const link of links) expect(html, link).toContain(`id="${new URL(link).hash.slice(1)}"`);
    await introduction.locator('a', { hasText: 'В режиме семинара' }).click();
    await page.locator('[data-seminar-bar]').waitFor({ state: 'visible' });
    await expect(page.locator('h1').innerText()).resolves.toBe('Введение');
  });
});

describe('print', () => {
  it('prints a chapter without the book’s tools, with wrapped code and link targets', async () => {
    const { page } = await browser.open('chapters/introduction/');
    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['.page-tools', '.offline-panel', '.search-button', '.seminar-bar', '.update-toast']) {
      await expect(visible(page, chrome), chrome).resolves.toBe(false);
    }
    await expect(
      page
        .locator('.content pre')
        .first()
        .evaluate((pre) => getComputedStyle(pre).whiteSpace),
    ).resolves.toBe('pre-wrap');
    const internal = page.locator('.content a[href^="/prodml/"]:not(.term)').first();
    const href = (await internal.getAttribute('href')) ?? '';
    await expect(internal.evaluate((a) => getComputedStyle(a, '::after').content)).resolves.toBe(`" (${href})"`);
    await expect(
      page
        .locator('.content a.term')
        .first()
        .evaluate((a) => getComputedStyle(a, '::after').content),
    ).resolves.toBe('none');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(50_000);
  });
});
