import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, url, useBrowser } from '../support/browser.ts';

const browser = useBrowser();
const STORAGE_KEY = 'prodml.grades.v1';

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const homework = (page: Page) => page.locator('[data-field="hw"]');
const status = (page: Page) => page.locator('[data-status]');
const whatIf = (page: Page) => page.locator('[data-whatif]');
const out = (page: Page, name: string) => page.locator(`[data-out="${name}"]`);

/** Types like a student: character by character into a field, replacing what was there. */
async function type(page: Page, label: string, text: string): Promise<void> {
  const input = field(page, label);
  await input.fill('');
  await input.pressSequentially(text);
}

/** Fills every homework row with the same grade. */
async function fillHomework(page: Page, text: string): Promise<void> {
  const rows = homework(page);
  for (let i = 0; i < (await rows.count()); i++) await rows.nth(i).fill(text);
}

async function expectNoNaN(page: Page): Promise<void> {
  expect(await page.locator('body').innerText()).not.toMatch(/NaN|undefined|Infinity/);
}

/** Presses Tab until the focused element reads `text`, as a keyboard user walks the page. */
async function tabTo(page: Page, text: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.textContent.trim())) === text) return;
  }
  throw new Error(`focus never reached «${text}»`);
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('grade calculator', () => {
  it('computes the exact value, the rounded grade and the band as the student types «7,5»', async () => {
    const { page } = await browser.open('grades/');
    await expect(homework(page).count()).resolves.toBe(7);
    await expect(status(page).textContent()).resolves.toBe('Введите оценки, чтобы увидеть итог.');
    await fillHomework(page, '7,5');
    await type(page, 'Оценка за стресс-тест', '7,5');
    await type(page, 'Оценка за проект', '7.5');
    // 0.6·7.5 + 0.1·7.5 + 0.3·7.5 = 7.5 → 8
    await expect(out(page, 'exact').textContent()).resolves.toBe('7,5');
    await expect(out(page, 'grade').textContent()).resolves.toBe('8 из 10');
    await expect(out(page, 'five').textContent()).resolves.toBe('Отлично');
    await expect(out(page, 'pass').textContent()).resolves.toBe('Зачтено');
    const contributions = page.locator('[data-cell="contribution"]');
    await expect(contributions.allTextContents()).resolves.toEqual(['4,5', '0,75', '2,25', '0']);

    // 0.6·7.5 + 0.1·7.5 + 0.3·7.45 = 4.5 + 0.75 + 2.235 = 7.485 → 7
    await type(page, 'Оценка за проект', '7,45');
    await expect(out(page, 'exact').textContent()).resolves.toBe('7,485');
    await expect(out(page, 'grade').textContent()).resolves.toBe('7 из 10');
    await expect(out(page, 'five').textContent()).resolves.toBe('Хорошо');
    // bonus 0.5 → 7.985 → 8
    await type(page, 'Бонус', '0,5');
    await expect(out(page, 'grade').textContent()).resolves.toBe('8 из 10');
    expect(await page.locator('[data-live]').getAttribute('aria-live')).toBe('polite');
    await expectNoNaN(page);
  });

  it('grades the project by its five criteria, offline', async () => {
    const { page, context } = await browser.open('grades/');
    await page.waitForLoadState('networkidle');
    await context.setOffline(true);
    await fillHomework(page, '8');
    await type(page, 'Оценка за стресс-тест', '6');
    await page.getByRole('radio', { name: 'По критериям' }).check();
    await expect(field(page, 'Оценка за проект').isVisible()).resolves.toBe(false);
    for (const [label, grade] of [
      ['Качество данных (20 %)', '8'],
      ['Анализ и визуализация (20 %)', '7'],
      ['Постановка экспериментов (20 %)', '6'],
      ['Подготовка моделей (20 %)', '9'],
      ['Автоматизация процессов (20 %)', '5'],
    ] as const) {
      await type(page, label, grade);
    }
    // project 0.2·35 = 7; 4.8 + 0.6 + 2.1 = 7.5 → 8
    await expect(page.locator('[data-row-of="project"] [data-cell="value"]').textContent()).resolves.toBe('7');
    await expect(out(page, 'exact').textContent()).resolves.toBe('7,5');
    await expect(out(page, 'grade').textContent()).resolves.toBe('8 из 10');
  });

  it('shows an error next to the field for «abc», «11» and a cleared field, and never NaN', async () => {
    const { page } = await browser.open('grades/');
    await type(page, 'Домашнее задание 1', 'abc');
    await type(page, 'Оценка за стресс-тест', '11');
    const hw1 = field(page, 'Домашнее задание 1');
    await expect(hw1.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#gc-hw-1-error').textContent()).resolves.toBe('Введите число, например 7,5');
    await expect(hw1.getAttribute('aria-describedby')).resolves.toBe('gc-hw-1-error');
    await expect(page.locator('#gc-st-error').textContent()).resolves.toBe('Нужно число от 0 до 10');
    await expect(status(page).textContent()).resolves.toBe(
      'Исправьте ошибки в полях: Домашнее задание 1, Оценка за стресс-тест.',
    );
    await expectNoNaN(page);

    await type(page, 'Домашнее задание 1', '9');
    await expect(hw1.getAttribute('aria-invalid')).resolves.toBe('false');
    await expect(page.locator('#gc-hw-1-error').textContent()).resolves.toBe('');
    await field(page, 'Оценка за стресс-тест').fill('');
    await expect(page.locator('#gc-st-error').textContent()).resolves.toBe('Введите оценку от 0 до 10');

    // «Рассчитать» flags every missing grade and moves focus to the first one
    await page.getByRole('button', { name: 'Рассчитать' }).click();
    await expect(page.locator('#gc-hw-2-error').textContent()).resolves.toBe('Введите оценку от 0 до 10');
    await expect(focusedId(page)).resolves.toBe('gc-hw-2');
    await expectNoNaN(page);
  });

  it('adds and removes homework rows with the keyboard alone', async () => {
    const { page } = await browser.open('grades/');
    await tabTo(page, 'Добавить домашнее задание');
    await page.keyboard.press('Enter');
    await expect(homework(page).count()).resolves.toBe(8);
    await expect(focusedId(page)).resolves.toBe('gc-hw-8');
    await page.keyboard.type('9,5');
    await expect(field(page, 'Домашнее задание 8').inputValue()).resolves.toBe('9,5');

    // remove the third row: focus goes to the row that takes its place, labels are renumbered
    await type(page, 'Домашнее задание 3', '3');
    await type(page, 'Домашнее задание 4', '4');
    await field(page, 'Домашнее задание 3').focus();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe(
      'Удалить домашнее задание 3',
    );
    await page.keyboard.press('Space');
    await expect(homework(page).count()).resolves.toBe(7);
    await expect(focusedId(page)).resolves.toBe('gc-hw-3');
    await expect(field(page, 'Домашнее задание 3').inputValue()).resolves.toBe('4');
    await expect(field(page, 'Домашнее задание 7').inputValue()).resolves.toBe('9,5');
    await page.waitForFunction(
      () => document.getElementById('announcer')?.textContent === 'Домашнее задание 3 удалено',
    );

    // removing the last row moves focus to the new last row
    await field(page, 'Домашнее задание 7').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(focusedId(page)).resolves.toBe('gc-hw-6');
    const names = await page
      .locator('[data-remove]')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
    expect(names).toEqual([1, 2, 3, 4, 5, 6].map((n) => `Удалить домашнее задание ${n}`));
  });

  it('answers «what if»: the project grade needed for «Отлично», or that it is out of reach', async () => {
    const { page } = await browser.open('grades/');
    await fillHomework(page, '8');
    await type(page, 'Оценка за стресс-тест', '6');
    await expect(status(page).textContent()).resolves.toContain('Пустые поля: Оценка за проект.');
    await field(page, 'Цель').selectOption({ label: 'Отлично (8–10)' });
    // 4.8 + 0.6 + 0.3x ≥ 7.5 ⇔ x ≥ 7
    await expect(status(page).textContent()).resolves.toBe(
      'Чтобы получить «Отлично», нужно не меньше 7 за каждое пустое поле: Оценка за проект.',
    );
    await expect(whatIf(page).textContent()).resolves.toBe(
      'С такими оценками точное значение — 7,5, итоговая оценка — 8.',
    );
    // 0.6·2 + 0.6 + 0.3x ≥ 7.5 ⇔ x ≥ 19: out of reach
    await fillHomework(page, '2');
    await expect(status(page).textContent()).resolves.toBe(
      '«Отлично» недостижимо: даже с 10 за каждое пустое поле итог ниже.',
    );
    // «Удовлетворительно» needs 3.5: 1.2 + 0.6 + 0.3x ≥ 3.5 ⇔ x ≥ 5.67 (1.7/0.3 = 5.666…)
    await field(page, 'Цель').selectOption({ label: 'Удовлетворительно (4–5)' });
    await expect(status(page).textContent()).resolves.toContain('нужно не меньше 5,67 за каждое пустое поле');
    await expectNoNaN(page);
  });

  it('keeps the inputs across a reload', async () => {
    const { page } = await browser.open('grades/');
    await page.getByRole('button', { name: 'Добавить домашнее задание' }).click();
    await type(page, 'Домашнее задание 8', '7,5');
    await type(page, 'Оценка за стресс-тест', 'abc');
    await field(page, 'Цель').selectOption('6');
    await page.reload();
    await expect(homework(page).count()).resolves.toBe(8);
    await expect(field(page, 'Домашнее задание 8').inputValue()).resolves.toBe('7,5');
    await expect(field(page, 'Оценка за стресс-тест').inputValue()).resolves.toBe('abc');
    await expect(field(page, 'Цель').inputValue()).resolves.toBe('6');
    await expect(page.locator('[data-notice]').isVisible()).resolves.toBe(false);
  });

  it('shares the inputs in a link that restores them in a fresh browser', async () => {
    const { page } = await browser.open('grades/');
    await type(page, 'Домашнее задание 1', '7,5');
    await type(page, 'Домашнее задание 2', '9');
    await type(page, 'Оценка за стресс-тест', '6');
    await page.getByRole('radio', { name: 'По критериям' }).check();
    await type(page, 'Качество данных (20 %)', '8,25');
    await type(page, 'Бонус', '0,5');
    await field(page, 'Цель').selectOption('8');
    await page.getByRole('button', { name: 'Поделиться' }).click();
    await page.waitForFunction(
      () => document.getElementById('announcer')?.textContent === 'Ссылка на расчёт скопирована',
    );
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`${baseUrl()}grades/?hw=7,5&hw=9&hw=&hw=&hw=&hw=&hw=&st=6&pc=8,25&pc=&pc=&pc=&pc=&b=0,5&t=8`);
    await expect(field(page, 'Ссылка на этот расчёт').inputValue()).resolves.toBe(link);
    expect(page.url()).toBe(link);

    const fresh = await browser.open(link.slice(baseUrl().length));
    const p = fresh.page;
    await expect(homework(p).count()).resolves.toBe(7);
    await expect(field(p, 'Домашнее задание 1').inputValue()).resolves.toBe('7,5');
    await expect(field(p, 'Домашнее задание 2').inputValue()).resolves.toBe('9');
    await expect(field(p, 'Оценка за стресс-тест').inputValue()).resolves.toBe('6');
    await expect(p.getByRole('radio', { name: 'По критериям' }).isChecked()).resolves.toBe(true);
    await expect(field(p, 'Качество данных (20 %)').inputValue()).resolves.toBe('8,25');
    await expect(field(p, 'Бонус').inputValue()).resolves.toBe('0,5');
    await expect(field(p, 'Цель').inputValue()).resolves.toBe('8');
    await expect(p.locator('[data-notice]').textContent()).resolves.toContain('Поля заполнены по ссылке');
    await expect(status(p).textContent()).resolves.toContain('Чтобы получить «Отлично», нужно не меньше');
    // nothing is stored until the visitor edits; then the link's query leaves the address bar
    await expect(p.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).resolves.toBeNull();
    await type(p, 'Домашнее задание 3', '8');
    expect(new URL(p.url()).search).toBe('');
    await expect(p.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).resolves.toContain('"8,25"');
  });

  it('starts afresh with a notice when the stored record is corrupted', async () => {
    const { page } = await browser.open('grades/');
    await page.evaluate((key) => {
      localStorage.setItem(key, '{oops');
    }, STORAGE_KEY);
    await page.reload();
    await expect(page.locator('[data-notice]').textContent()).resolves.toBe(
      'Сохранённые оценки не удалось прочитать, поэтому калькулятор начат заново.',
    );
    await expect(homework(page).count()).resolves.toBe(7);
    await fillHomework(page, '10');
    await type(page, 'Оценка за стресс-тест', '10');
    await type(page, 'Оценка за проект', '10');
    await expect(out(page, 'grade').textContent()).resolves.toBe('10 из 10');
    const stored = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
    expect(JSON.parse(stored ?? '')).toMatchObject({ v: 1, st: '10', p: '10' });
  });

  it('keeps working with a notice when storage is unavailable', async () => {
    const { page, context } = await browser.open('grades/');
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    await page.reload();
    await expect(page.locator('[data-notice]').textContent()).resolves.toBe(
      'Браузер не даёт сохранять данные: после перезагрузки оценки придётся ввести заново.',
    );
    await fillHomework(page, '5');
    await type(page, 'Оценка за стресс-тест', '5');
    await type(page, 'Оценка за проект', '5');
    await expect(out(page, 'five').textContent()).resolves.toBe('Удовлетворительно');
  });

  it('works after client-side navigation, away and back, from the sidebar', async () => {
    const { page } = await browser.open('course/');
    await page.getByRole('link', { name: 'калькулятор оценки', exact: true }).click();
    await page.waitForURL(url('grades/'));
    // the router runs the page's new script after the swap
    await page.waitForFunction(() => customElements.get('grade-calculator') !== undefined);
    await fillHomework(page, '9');
    await type(page, 'Оценка за стресс-тест', '9');
    await type(page, 'Оценка за проект', '9');
    await expect(out(page, 'grade').textContent()).resolves.toBe('9 из 10');
    await page.locator('#sidebar a', { hasText: 'Как устроен курс' }).click();
    await page.waitForURL(url('course/'));
    await page.locator('#sidebar a', { hasText: 'Калькулятор оценки' }).click();
    await page.waitForURL(url('grades/'));
    await expect(field(page, 'Оценка за проект').inputValue()).resolves.toBe('9');
    await type(page, 'Оценка за проект', '10');
    // 0.6·9 + 0.1·9 + 0.3·10 = 9.3 → 9
    await expect(out(page, 'exact').textContent()).resolves.toBe('9,3');
  });

  it('fits a 390 px phone without horizontal scrolling', async () => {
    const { page } = await browser.open('grades/', { width: 390, height: 844 });
    await fillHomework(page, '7,77');
    await type(page, 'Оценка за стресс-тест', '6,66');
    await type(page, 'Оценка за проект', '9,99');
    await type(page, 'Бонус', '0,75');
    await expect(page.locator('[data-breakdown]').isVisible()).resolves.toBe(true);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const table = page.locator('.gc-table');
    await expect(table.evaluate((el) => el.scrollWidth - el.clientWidth)).resolves.toBeLessThanOrEqual(0);
  });
});

// The site-wide axe pass sees the empty form only; this one checks the states the script creates.
describe.each(['light', 'dark'] as const)('axe-core on the filled calculator, %s theme', (colorScheme) => {
  const themed = useBrowser({ colorScheme });
  const violations = async (page: Page): Promise<string[]> => {
    const builder = new AxeBuilder({ page }).include('grade-calculator');
    const result = await (
      colorScheme === 'dark'
        ? builder.withRules(['color-contrast'])
        : builder.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    ).analyze();
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  };

  it('has no violations with errors shown, then with the full result and the shared link', async () => {
    const { page } = await themed.open('grades/');
    await type(page, 'Домашнее задание 1', 'abc');
    await page.getByRole('button', { name: 'Рассчитать' }).click();
    await expect(violations(page)).resolves.toEqual([]);

    await fillHomework(page, '8');
    await field(page, 'Цель').selectOption('8');
    await page.getByRole('button', { name: 'Поделиться' }).click();
    await type(page, 'Оценка за стресс-тест', '6');
    await page.getByRole('radio', { name: 'По критериям' }).check();
    for (const input of await page.locator('[data-field="pc"]').all()) await input.fill('7');
    await type(page, 'Бонус', '1');
    await expect(page.locator('[data-breakdown]').isVisible()).resolves.toBe(true);
    await expect(violations(page)).resolves.toEqual([]);
  });
});
