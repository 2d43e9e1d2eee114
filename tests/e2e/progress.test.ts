// «Мой прогресс» and the «read» mark: chapters marked on reaching the end or with the button, the per-chapter
// table, «Продолжить», export → clear → import (merge and replace, confirmed first, with a report), the
// keys the book used before absorbed without being removed.
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startNear, url, useBrowser } from '../support/browser.ts';

const browser = useBrowser();
const CHAPTER = 'chapters/introduction/';
const PROGRESS = 'progress/';

/** Goes to the progress page and waits until it has been filled in. */
async function openProgress(page: Page): Promise<void> {
  if (page.url() !== url(PROGRESS)) await page.goto(url(PROGRESS));
  await page.waitForSelector('progress-page [data-export]:not([disabled])');
}

const row = (page: Page, slug: string) => page.locator(`tr[data-chapter="${slug}"]`);
const cells = (page: Page, slug: string) =>
  row(page, slug)
    .locator('td')
    .allTextContents()
    .then((texts) => texts.map((x) => x.trim()));

/** Answers two quiz questions of «Введение»: one right (1 point), one wrong (0). */
async function answerTwo(page: Page): Promise<void> {
  await page.goto(url(CHAPTER));
  await startNear(page, 'quiz-block');
  await page.locator('#q-intro-five-percent input[value="1"]').check();
  await page.locator('#q-intro-five-percent [data-action="check"]').click();
  await page.locator('#q-intro-cace input').fill('entanglement');
  await page.locator('#q-intro-cace [data-action="check"]').click();
  await page.waitForFunction(() => document.querySelector('#q-intro-cace [data-result]')?.textContent !== '');
}

/** Everything in localStorage, as key → value. */
const storage = (page: Page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k) ?? ''])));

describe('the «read» mark', () => {
  it('is set on reaching the end of the chapter, and the button takes it off for good', async () => {
    const { page } = await browser.open(CHAPTER);
    const mark = page.locator('chapter-progress');
    // The mark starts once the reader does something on the page (or nears the end).
    await page.waitForTimeout(500);
    await expect(mark.locator('[data-status]').textContent()).resolves.toBe('');
    await page.mouse.wheel(0, 200);
    await page.waitForSelector('chapter-progress [data-status]:not(:empty)');
    await expect(mark.locator('[data-status]').textContent()).resolves.toContain('когда вы дочитаете до конца');
    await page.locator('.sources').scrollIntoViewIfNeeded();
    await page.waitForFunction(
      () => document.querySelector('chapter-progress [data-status]')?.textContent === 'Глава отмечена как прочитанная.',
    );
    await expect(mark.locator('button').textContent()).resolves.toBe('Снять отметку «прочитано»');

    await mark.locator('button').focus();
    await page.keyboard.press('Enter');
    await expect(mark.locator('button').textContent()).resolves.toBe('Отметить как прочитанное');
    await page.reload();
    await page.mouse.wheel(0, 200);
    await page.waitForSelector('chapter-progress [data-status]:not(:empty)');
    await page.locator('.sources').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await expect(mark.locator('button').textContent()).resolves.toBe('Отметить как прочитанное');

    await mark.locator('button').click();
    await openProgress(page);
    await expect(cells(page, 'introduction')).resolves.toEqual(['да', '0 из 7', '0 из 1']);
    expect((await cells(page, 'data'))[0]).toBe('нет');
    await expect(page.locator('[data-totals]').textContent()).resolves.toBe('Прочитано глав: 1 из 15.');
  });
});

describe('«Мой прогресс»', () => {
  it('is linked from the sidebar and shows the quiz score and where to continue', async () => {
    const { page } = await browser.open('');
    await page.locator('#sidebar a', { hasText: 'Мой прогресс' }).click();
    await page.waitForURL(url(PROGRESS));
    await page.waitForSelector('progress-page [data-export]:not([disabled])');
    const link = page.locator('[data-continue-link]');
    await expect(link.textContent()).resolves.toBe('Начать');
    await expect(link.getAttribute('href')).resolves.toBe('/prodml/chapters/introduction/');

    await answerTwo(page);
    await page.locator('#sidebar a', { hasText: 'Мой прогресс' }).click();
    await page.waitForURL(url(PROGRESS));
    await page.waitForFunction(() => document.querySelector('[data-continue-link]')?.textContent === 'Продолжить');
    // one right answer of seven quiz questions; the exercise is not solved
    await expect(cells(page, 'introduction')).resolves.toEqual(['нет', '1 из 7', '0 из 1']);
    await expect(page.locator('[data-continue-text]').textContent()).resolves.toBe(
      'Вы остановились в главе «Введение».',
    );
    await expect(link.getAttribute('href')).resolves.toMatch(/^\/prodml\/chapters\/introduction\/(#[\w-]+)?$/);
  });
});

describe('export and import', () => {
  it('round-trips the progress: export → clear → import (merge), confirmed first, with a report', async () => {
    const { page } = await browser.open('');
    await answerTwo(page);
    await openProgress(page);
    const download = page.waitForEvent('download');
    await page.locator('[data-export]').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^prodml-progress-\d{4}-\d{2}-\d{2}\.json$/);
    const path = await file.path();
    const text = fs.readFileSync(path, 'utf8');
    expect(JSON.parse(text)).toMatchObject({
      format: 'prodml-progress',
      progress: { version: 1, answers: { 'intro-five-percent': { score: 1 }, 'intro-cace': { score: 0 } } },
    });

    await page.evaluate(() => {
      localStorage.clear();
    });
    await page.reload();
    await openProgress(page);
    await expect(cells(page, 'introduction')).resolves.toEqual(['нет', '0 из 7', '0 из 1']);

    await page.locator('[data-file]').setInputFiles(path);
    await page.locator('[data-import-button]').click();
    const confirm = page.locator('[data-confirm]');
    await page.waitForSelector('[data-confirm]:not([hidden])');
    await expect(confirm.textContent()).resolves.toContain(
      'В файле: 2 ответа, 0 отметок о главах, 0 записей инструментов.',
    );
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('pp-confirm-title');
    // nothing is applied before the confirmation
    await expect(cells(page, 'introduction')).resolves.toEqual(['нет', '0 из 7', '0 из 1']);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-report]:not([hidden])');
    await expect(page.locator('[data-report-list] li').allTextContents()).resolves.toEqual([
      'Принято: ответов — 2, отметок о главах — 0, записей инструментов — 0, прочего (тема, место чтения) — 1.',
      'Отклонённых записей нет.',
    ]);
    await expect(cells(page, 'introduction')).resolves.toEqual(['нет', '1 из 7', '0 из 1']);
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => (document.documentElement.dataset['theme'] = t), theme);
      const axe = await new AxeBuilder({ page })
        .include('progress-page')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        .analyze();
      expect(
        axe.violations.map((v) => `${theme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ).toEqual([]);
    }

    await page.goto(url(CHAPTER));
    await startNear(page, 'quiz-block');
    await expect(page.locator('#q-intro-five-percent input[value="1"]').isChecked()).resolves.toBe(true);
    await expect(page.locator('#q-intro-cace input').inputValue()).resolves.toBe('entanglement');
  });

  it('replace keeps the previous progress aside; a file with bad entries is reported, a wrong file refused', async () => {
    const { page } = await browser.open('');
    await answerTwo(page);
    await openProgress(page);
    const file = {
      format: 'prodml-progress',
      exportedAt: '2025-03-01T10:00:00.000Z',
      progress: {
        version: 1,
        chapters: { data: { read: true, at: '2025-03-01T10:00:00.000Z', by: 'button' } },
        answers: {
          'intro-cace': {
            quiz: 'introduction',
            hash: 'zzzz',
            answer: { type: 'text', text: 'CACE' },
            score: 1,
            at: '2025-03-01T10:00:00.000Z',
          },
        },
        tools: {},
      },
      aside: [],
    };
    await page.locator('[data-file]').setInputFiles({
      name: 'progress.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await page.locator('input[name="mode"][value="replace"]').check();
    await page.locator('[data-import-button]').click();
    await page.waitForSelector('[data-confirm]:not([hidden])');
    await expect(page.locator('[data-confirm]').textContent()).resolves.toContain(
      'Не принято, потому что не соответствует формату: 1: answers.intro-cace.',
    );
    await page.locator('[data-confirm-yes]').click();
    await page.waitForSelector('[data-report]:not([hidden])');
    await expect(page.locator('[data-report-list] li').allTextContents()).resolves.toEqual([
      'Принято: ответов — 0, отметок о главах — 1, записей инструментов — 0, прочего (тема, место чтения) — 0.',
      'Не принято, потому что не соответствует формату: 1: answers.intro-cace.',
    ]);
    await expect(cells(page, 'introduction')).resolves.toEqual(['нет', '0 из 7', '0 из 1']);
    expect((await cells(page, 'data'))[0]).toBe('да');
    await expect(page.locator('[data-aside]').textContent()).resolves.toContain('отложено 1 копия прогресса');
    const kept = Object.entries(await storage(page)).filter(([k]) => k.startsWith('prodml.progress.aside.'));
    expect(kept).toHaveLength(1);
    expect(JSON.parse(kept[0]?.[1] ?? '{}')).toMatchObject({ answers: { 'intro-five-percent': { score: 1 } } });

    await page.locator('[data-file]').setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"something-else"}'),
    });
    await page.locator('[data-import-button]').click();
    await page.waitForFunction(() => document.querySelector('[data-import-error]')?.textContent !== '');
    await expect(page.locator('[data-import-error]').textContent()).resolves.toBe('Это не файл прогресса учебника.');
    await expect(page.locator('[data-confirm]').isHidden()).resolves.toBe(true);
  });
});

describe('the keys the book used before', () => {
  it('are absorbed into the progress, exported, and left in place', async () => {
    const { page } = await browser.open('');
    const grades = '{"v":1,"hw":["7,5"],"st":"","pm":"single","p":"","pc":["","","","",""],"b":"","t":null}';
    await page.evaluate((g) => {
      localStorage.setItem('prodml.theme', 'dark');
      localStorage.setItem('prodml.grades.v1', g);
    }, grades);
    await openProgress(page);
    const stored = await storage(page);
    expect(stored['prodml.theme']).toBe('dark');
    expect(stored['prodml.grades.v1']).toBe(grades);
    expect(JSON.parse(stored['prodml.progress'] ?? '{}')).toMatchObject({
      version: 1,
      theme: 'dark',
      tools: { grades: { text: grades } },
    });
    await expect(page.evaluate(() => document.documentElement.dataset['theme'])).resolves.toBe('dark');
  });

  it('the theme toggle keeps the theme in the progress and in its key for the first paint', async () => {
    const { page } = await browser.open(PROGRESS);
    await page.locator('.theme-toggle').click();
    await page.waitForFunction(() => (localStorage.getItem('prodml.progress') ?? '').includes('"theme":"dark"'));
    const stored = await storage(page);
    expect(stored['prodml.theme']).toBe('dark');
  });
});
