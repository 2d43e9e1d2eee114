// The self-check quiz of «Введение» (content/quizzes/introduction.yaml): every question type answered with
// the keyboard alone, feedback and «Показать ответ», saved answers after a reload and a client-side
// navigation, changed questions flagged, and bad storage that never breaks the page.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startNear, url, useBrowser } from '../support/browser.ts';

const browser = useBrowser();
const CHAPTER = 'chapters/introduction/';

const q = (id: string) => `#q-${id}`;
const announced = (page: Page) => page.locator('#announcer').textContent();
const result = (page: Page, id: string) => page.locator(`${q(id)} [data-result]`).textContent();

/** Presses Tab (or Shift+Tab) until the focused element matches `selector` (fails after 40 presses). */
async function tabTo(page: Page, selector: string, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let i = 0; i < 40; i += 1) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${selector}`);
}

/**
 * Goes to the chapter (unless there already), scrolls to the quiz (its script loads when it nears the
 * screen) and waits until the quiz is enhanced: its score line shows.
 */
async function openQuiz(page: Page): Promise<void> {
  if (page.url() !== url(CHAPTER)) await page.goto(url(CHAPTER));
  await startNear(page, 'quiz-block');
}

/** Waits until the live region says `text` (the announcer is cleared and refilled for every message). */
async function waitForAnnouncement(page: Page, text: string): Promise<void> {
  await page.waitForFunction((t) => document.getElementById('announcer')?.textContent === t, text);
}

/** Starts keyboard work inside a question: focus lands on its first control, as Tab from above would. */
async function enter(page: Page, id: string): Promise<void> {
  await page
    .locator(`${q(id)} :is(input, textarea, button:not([hidden]))`)
    .first()
    .focus();
}

/** Puts the ordering question's steps in the correct order with the ↑ buttons and Enter only. */
async function orderWithKeyboard(page: Page, id: string): Promise<void> {
  const steps = page.locator(`${q(id)} [data-part]`);
  const n = await steps.count();
  for (let target = 0; target < n; target += 1) {
    const parts = await steps.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-part'))));
    let position = parts.indexOf(target);
    if (position === target) continue;
    await page.locator(`${q(id)} [data-part="${target}"] [data-move="up"]`).focus();
    while (position > target) {
      await page.keyboard.press('Enter');
      position -= 1;
      // focus stays on the moved step's button, so the next Enter moves the same step again
      await expect(
        page.evaluate(() => document.activeElement?.closest('[data-part]')?.getAttribute('data-part')),
      ).resolves.toBe(String(target));
    }
  }
}

describe('answering every question type with the keyboard alone', () => {
  it('checks each answer, explains it, announces the result and adds up the score', async () => {
    const { page } = await browser.open(CHAPTER);
    await openQuiz(page);
    const block = page.locator('quiz-block');
    await expect(block.locator('.q').count()).resolves.toBe(8);
    await expect(block.locator('[data-score]').textContent()).resolves.toBe('Тест: 0 из 7 · упражнения: решено 0 из 1');

    // single choice, wrong first: option 2 («Уровень 1») — its explanation shows, the correct one is not given away
    await enter(page, 'intro-google-level');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, `${q('intro-google-level')} [data-action="check"]`);
    await page.keyboard.press('Enter');
    await waitForAnnouncement(page, 'Неверно. Попробуйте ещё раз или откройте ответ.');
    const options = page.locator(`${q('intro-google-level')} [data-part]`);
    await expect(options.nth(1).getAttribute('data-mark')).resolves.toBe('wrong');
    await expect(options.nth(1).locator('[data-feedback]').textContent()).resolves.toContain(
      'непрерывное обучение, CT',
    );
    await expect(options.nth(0).getAttribute('data-mark')).resolves.toBeNull();

    // «Показать ответ» appears after the attempt, opens the answer and marks every option
    await tabTo(page, `${q('intro-google-level')} [data-action="reveal"]`);
    await page.keyboard.press('Enter');
    await expect(page.locator(`${q('intro-google-level')} [data-answer]`).getAttribute('open')).resolves.toBe('');
    await expect(options.nth(0).getAttribute('data-mark')).resolves.toBe('missed');
    await expect(page.evaluate(() => document.activeElement?.closest('[data-answer]') !== null)).resolves.toBe(true);

    // retry, then the right option
    await tabTo(page, `${q('intro-google-level')} [data-action="retry"]`, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(result(page, 'intro-google-level')).resolves.toBe('');
    await enter(page, 'intro-google-level');
    await page.keyboard.press('Space');
    await tabTo(page, `${q('intro-google-level')} [data-action="check"]`);
    await page.keyboard.press('Enter');
    await waitForAnnouncement(page, 'Верно!');
    await expect(options.nth(0).getAttribute('data-mark')).resolves.toBe('correct');

    // multiple choice: two of the three correct options, nothing wrong: 2 / max(2, 3) = 0,67
    await enter(page, 'intro-three-v');
    await page.keyboard.press('Space'); // скорость
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // проверка
    await tabTo(page, `${q('intro-three-v')} [data-action="check"]`);
    await page.keyboard.press('Enter');
    await waitForAnnouncement(page, 'Частично верно: 0,67 из 1 балла.');

    // numeric with a decimal comma and spaces, submitted with Enter
    await enter(page, 'intro-error-budget');
    await page.keyboard.type(' 43,2 ');
    await page.keyboard.press('Enter');
    await waitForAnnouncement(page, 'Верно!');

    // numeric that is not a number: told how to type it, nothing counted
    await enter(page, 'intro-cpu-per-request');
    await page.keyboard.type('две с половиной');
    await page.keyboard.press('Enter');
    await expect(result(page, 'intro-cpu-per-request')).resolves.toContain('Не получилось прочитать число');

    // short text, another case and spaces
    await enter(page, 'intro-cace');
    await page.keyboard.type('  cace ');
    await page.keyboard.press('Enter');
    await waitForAnnouncement(page, 'Верно!');

    // ordering: moved with ↑ and Enter, each move announced
    await orderWithKeyboard(page, 'intro-deployment-stages');
    await expect(announced(page)).resolves.toMatch(/ — место \d из 4$/);
    await tabTo(page, `${q('intro-deployment-stages')} [data-action="check"]`);
    await page.keyboard.press('Enter');
    await waitForAnnouncement(page, 'Верно!');
    await expect(
      page
        .locator(`${q('intro-deployment-stages')} [data-part]`)
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-mark'))),
    ).resolves.toEqual(['correct', 'correct', 'correct', 'correct']);

    // 1 (single) + 2/3 (multiple) + 1 (numeric) + 1 (text) + 1 (ordering) = 4,67 of 7
    await expect(block.locator('[data-score]').textContent()).resolves.toBe(
      'Тест: 4,67 из 7 · упражнения: решено 0 из 1',
    );
  });

  it('moves ordering steps with buttons that say what they move, and never off the list', async () => {
    const { page } = await browser.open(CHAPTER);
    await openQuiz(page);
    const steps = page.locator(`${q('intro-deployment-stages')} [data-part]`);
    const first = steps.first();
    await expect(first.locator('[data-move="up"]').isDisabled()).resolves.toBe(true);
    await expect(steps.last().locator('[data-move="down"]').isDisabled()).resolves.toBe(true);
    const label = await first.locator('[data-move="down"]').getAttribute('aria-label');
    expect(label).toMatch(/^Переместить ниже: (Управление данными|Обучение модели|Проверка модели|Развёртывание)/);
  });
});

describe('loading', () => {
  it('starts the quiz when the reader nears it, not while the chapter opens (after a client-side navigation or a load)', async () => {
    const { page } = await browser.open('course/');
    const quizScripts: string[] = [];
    page.on('request', (r) => {
      if (/\/quiz\.[\w-]+\.js$/.test(r.url())) quizScripts.push(r.url());
    });
    const started = () => page.locator('quiz-block [data-score]').isVisible();

    await page.locator('#sidebar a', { hasText: 'Введение' }).click();
    await page.waitForURL(url(CHAPTER));
    // Long enough for every idle-time start-up task of the page to have run.
    await page.waitForTimeout(2000);
    expect(quizScripts).toEqual([]);
    await expect(started()).resolves.toBe(false);

    await page.locator('quiz-block').scrollIntoViewIfNeeded();
    await expect.poll(started).toBe(true);
    expect(quizScripts).toHaveLength(1);

    const opened = (await browser.open(CHAPTER)).page;
    await opened.waitForTimeout(2000);
    await expect(opened.locator('quiz-block [data-score]').isVisible()).resolves.toBe(false);
    await opened.locator('quiz-block').scrollIntoViewIfNeeded();
    await expect.poll(() => opened.locator('quiz-block [data-score]').isVisible()).toBe(true);
  });
});

describe('saved answers', () => {
  it('come back after a reload and after a client-side navigation', async () => {
    const { page } = await browser.open(CHAPTER);
    await openQuiz(page);
    await page.locator(`${q('intro-five-percent')} input[value="1"]`).check();
    await page.locator(`${q('intro-five-percent')} [data-action="check"]`).click();
    await page.locator(`${q('intro-error-budget')} input`).fill('43');
    await page.locator(`${q('intro-error-budget')} [data-action="check"]`).click();
    await expect(result(page, 'intro-error-budget')).resolves.toBe('Неверно. Попробуйте ещё раз или откройте ответ.');

    const expectRestored = async (): Promise<void> => {
      await page.waitForFunction(() => document.querySelector('[data-score]')?.textContent.startsWith('Тест: 1 из 7'));
      await expect(page.locator(`${q('intro-five-percent')} input[value="1"]`).isChecked()).resolves.toBe(true);
      await expect(result(page, 'intro-five-percent')).resolves.toBe('Верно!');
      await expect(page.locator(`${q('intro-error-budget')} input`).inputValue()).resolves.toBe('43');
      await expect(result(page, 'intro-error-budget')).resolves.toBe('Неверно. Попробуйте ещё раз или откройте ответ.');
    };
    await page.reload();
    await openQuiz(page);
    await expectRestored();

    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7));
    await page.locator('#sidebar a', { hasText: 'Как устроен курс' }).click();
    await page.waitForURL(url('course/'));
    await page.locator('#sidebar a', { hasText: 'Введение' }).click();
    await page.waitForURL(url(CHAPTER));
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(7);
    await expectRestored();
  });

  it('to a question that has changed since are kept, flagged and not counted', async () => {
    const { page } = await browser.open(CHAPTER);
    await openQuiz(page);
    const hash = await page.evaluate(() => {
      const data = JSON.parse(document.querySelector('[data-quiz-data]')?.textContent ?? '{}') as {
        questions: { id: string; hash: string }[];
      };
      return data.questions.find((x) => x.id === 'intro-cace')?.hash ?? '';
    });
    const stale = hash === '00000000' ? '11111111' : '00000000';
    // Stored from another page, so that no script of the chapter page reads or writes the progress meanwhile.
    await page.goto(url(''));
    const record = {
      quiz: 'introduction',
      hash: stale,
      answer: { type: 'text', text: 'CACE' },
      score: 1,
      at: '2025-01-01T00:00:00.000Z',
    };
    await page.evaluate((r) => {
      localStorage.setItem(
        'prodml.progress',
        JSON.stringify({ version: 1, chapters: {}, answers: { 'intro-cace': r }, tools: {} }),
      );
    }, record);
    await page.goto(url(CHAPTER));
    await openQuiz(page);
    await expect(page.locator(`${q('intro-cace')} [data-changed]`).isVisible()).resolves.toBe(true);
    await expect(page.locator(`${q('intro-cace')} input`).inputValue()).resolves.toBe('');
    await expect(page.locator('[data-score]').textContent()).resolves.toMatch(/^Тест: 0 из 7/);
    const kept = await page.evaluate(() => localStorage.getItem('prodml.progress'));
    expect(JSON.parse(kept ?? '{}')).toMatchObject({ answers: { 'intro-cace': record } });
  });
});

describe('the code exercise', () => {
  const id = 'intro-mae-exercise';

  it('runs the hidden checks in Python, shows which passed, and counts the exercise once all pass', async () => {
    const { page } = await browser.open(CHAPTER);
    await openQuiz(page);
    const editor = page.locator(`${q(id)} textarea`);
    const checks = page.locator(`${q(id)} [data-checks] li`);

    // the starter code runs, but every check fails, each with its message
    await editor.focus();
    await tabTo(page, `${q(id)} [data-action="check"]`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.textContent === 'Пройдено проверок: 0 из 5.',
      `${q(id)} [data-result]`,
      { timeout: 90_000 },
    );
    await expect(checks.count()).resolves.toBe(5);
    await expect(checks.first().textContent()).resolves.toContain(
      '✗ не пройдена: mae([10, 20, 30], [12, 18, 33]) равна',
    );
    await expect(checks.nth(3).textContent()).resolves.toContain('для списков разной длины ожидалась ValueError');
    await expect(page.locator('[data-score]').textContent()).resolves.toMatch(/упражнения: решено 0 из 1$/);

    // code that raises: the checks do not run, the error is shown
    await editor.fill('raise RuntimeError("сломалось")');
    await page.locator(`${q(id)} [data-action="check"]`).click();
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.textContent.includes('RuntimeError: сломалось') === true,
      `${q(id)} [data-result]`,
    );
    await expect(checks.count()).resolves.toBe(0);

    // the reference solution passes every check
    const solution = (await page.locator(`${q(id)} [data-answer] pre`).textContent()) ?? '';
    await editor.fill(solution);
    await page.locator(`${q(id)} [data-action="check"]`).click();
    await waitForAnnouncement(page, 'Все проверки пройдены (5 из 5). Упражнение решено!');
    await expect(checks.evaluateAll((els) => els.map((e) => e.getAttribute('data-mark')))).resolves.toEqual(
      Array.from({ length: 5 }, () => 'correct'),
    );
    await expect(page.locator('[data-score]').textContent()).resolves.toMatch(/упражнения: решено 1 из 1$/);
    await page.reload();
    await openQuiz(page);
    await expect(page.locator('[data-score]').textContent()).resolves.toMatch(/упражнения: решено 1 из 1$/);
  }, 180_000);

  it('keeps the code, resets it and shows the solution on request', async () => {
    const { page } = await browser.open(CHAPTER);
    await openQuiz(page);
    const editor = page.locator(`${q(id)} textarea`);
    const starter = await editor.inputValue();
    expect(starter).toContain('def mae(y_true, y_pred):');
    await editor.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n# моя попытка');
    await page.waitForFunction(() => (localStorage.getItem('prodml.progress') ?? '').includes('моя попытка'));

    await page.reload();
    await openQuiz(page);
    await expect(editor.inputValue()).resolves.toBe(`${starter}\n# моя попытка`);
    await page.locator(`${q(id)} [data-action="reset"]`).click();
    await expect(editor.inputValue()).resolves.toBe(starter);

    const solution = page.locator(`${q(id)} [data-answer]`);
    await expect(solution.isVisible()).resolves.toBe(false);
    await page.locator(`${q(id)} [data-action="reveal"]`).click();
    await expect(solution.locator('pre').textContent()).resolves.toContain('from statistics import fmean');
  });
});

describe('bad storage never breaks the quiz', () => {
  it('corrupted progress: a notice, the page works, the raw value is kept aside, nothing else is wiped', async () => {
    // Written on another page, so that no script of the chapter page reads or writes the progress meanwhile.
    const { page } = await browser.open('');
    await page.evaluate(() => {
      localStorage.setItem('prodml.progress', '{"version":1,"answers":');
      localStorage.setItem('prodml.grades.v1', 'grades record');
      localStorage.setItem('someone.else', 'untouched');
    });
    await openQuiz(page);
    const notice = page.locator('quiz-block [data-progress-notice]');
    await expect(notice.textContent()).resolves.toContain('Сохранённый прогресс не удалось прочитать. Он не удалён');
    await page.locator(`${q('intro-five-percent')} input[value="1"]`).check();
    await page.locator(`${q('intro-five-percent')} [data-action="check"]`).click();
    await expect(result(page, 'intro-five-percent')).resolves.toBe('Верно!');
    const stored = await page.evaluate(() =>
      Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])),
    );
    const aside = Object.entries(stored).filter(([k]) => k.startsWith('prodml.progress.aside.'));
    expect(aside.map(([, v]) => v)).toEqual(['{"version":1,"answers":']);
    expect(stored['prodml.grades.v1']).toBe('grades record');
    expect(stored['someone.else']).toBe('untouched');
    expect(JSON.parse(stored['prodml.progress'] ?? '{}')).toMatchObject({
      answers: { 'intro-five-percent': { score: 1 } },
      tools: { grades: { text: 'grades record' } },
    });
  });

  it('storage refused (private mode): a notice, and the quiz still checks answers', async () => {
    const session = await browser.open('');
    await session.context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    const { page } = session;
    await openQuiz(page);
    await expect(page.locator('quiz-block [data-progress-notice]').textContent()).resolves.toContain(
      'Браузер не даёт сохранять данные',
    );
    await page.locator(`${q('intro-cace')} input`).fill('CACE');
    await page.locator(`${q('intro-cace')} [data-action="check"]`).click();
    await expect(result(page, 'intro-cace')).resolves.toBe('Верно!');
  });

  it('storage full: a notice says the last change was not saved', async () => {
    const session = await browser.open('');
    await session.context.addInitScript(() => {
      const setItem = localStorage.setItem.bind(localStorage);
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key === 'prodml.progress' && value.includes('intro-cace'))
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        setItem(key, value);
      };
    });
    const { page } = session;
    await openQuiz(page);
    await page.locator(`${q('intro-cace')} input`).fill('CACE');
    await page.locator(`${q('intro-cace')} [data-action="check"]`).click();
    await expect(page.locator('quiz-block [data-progress-notice]').textContent()).resolves.toContain(
      'Хранилище браузера переполнено',
    );
    await expect(result(page, 'intro-cace')).resolves.toBe('Верно!');
  });
});

describe('accessibility of the answered quiz', () => {
  it('has no axe violations with feedback, revealed answers and an open hint, in both themes', async () => {
    const { page } = await browser.open(CHAPTER);
    await openQuiz(page);
    await page.locator(`${q('intro-google-level')} input[value="1"]`).check();
    await page.locator(`${q('intro-google-level')} [data-action="check"]`).click();
    await page.locator(`${q('intro-google-level')} [data-action="reveal"]`).click();
    await page.locator(`${q('intro-three-v')} input[value="0"]`).check();
    await page.locator(`${q('intro-three-v')} input[value="3"]`).check();
    await page.locator(`${q('intro-three-v')} [data-action="check"]`).click();
    await page.locator(`${q('intro-deployment-stages')} [data-action="check"]`).click();
    await page.locator(`${q('intro-deployment-stages')} [data-action="reveal"]`).click();
    await page.locator(`${q('intro-cpu-per-request')} input`).fill('x');
    await page.locator(`${q('intro-cpu-per-request')} [data-action="check"]`).click();
    await page
      .locator(`${q('intro-cace')} .q-hint summary`)
      .first()
      .click();
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => (document.documentElement.dataset['theme'] = t), theme);
      const result = await new AxeBuilder({ page })
        .include('quiz-block')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        .analyze();
      expect(
        result.violations.map((v) => `${theme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ).toEqual([]);
    }
  }, 240_000);
});

describe('without JavaScript and on paper', () => {
  it('prints the questions without the answers or the buttons', async () => {
    const { page } = await browser.open(CHAPTER);
    await openQuiz(page);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator(`${q('intro-five-percent')} legend`).isVisible()).resolves.toBe(true);
    for (const hidden of ['[data-answer]', '.q-actions', '.q-hints']) {
      await expect(
        page
          .locator(`${q('intro-five-percent')} ${hidden}`)
          .first()
          .isVisible(),
        hidden,
      ).resolves.toBe(false);
    }
  });

  it('reads fine without scripts: answers open under each question', async () => {
    const session = await browser.open('');
    await session.page.route('**/*.js', (route) => route.abort());
    const { page } = session;
    await page.goto(url(CHAPTER));
    await expect(page.locator(`${q('intro-five-percent')} .q-actions`).isVisible()).resolves.toBe(false);
    await page.locator(`${q('intro-five-percent')} [data-answer] summary`).click();
    await expect(page.locator(`${q('intro-five-percent')} [data-answer]`).textContent()).resolves.toContain(
      'иллюстративная оценка',
    );
    session.errors.splice(0);
  });
});
