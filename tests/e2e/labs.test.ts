import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { url, useBrowser } from '../support/browser.ts';

const browser = useBrowser();

/** Scrolls a lab into view and waits until it has computed and drawn. */
async function ready(page: Page, tag: 'drift-lab' | 'latency-lab'): Promise<Locator> {
  const lab = page.locator(tag);
  await lab.scrollIntoViewIfNeeded();
  await page.waitForFunction((t) => document.querySelector<HTMLElement>(t)?.dataset['state'] === 'ready', tag);
  return lab;
}

const text = async (l: Locator) => ((await l.textContent()) ?? '').trim();

/** Numbers as the labs print them: 0,091 · 5 000 · 19,7 (spaces, including no-break ones, group thousands). */
const numbersIn = (s: string) => Array.from(s.matchAll(/\d+(?:[\s\u00a0]\d{3})*(?:,\d+)?/g), (m) => m[0]);

describe('drift lab', () => {
  it('recomputes the metrics and the table when a slider moves by keyboard', async () => {
    const { page } = await browser.open('labs/');
    const lab = await ready(page, 'drift-lab');
    const summary = lab.locator('[data-summary]');
    const psiCell = lab.locator('tr[data-metric="psi"] [data-cell="value"]');
    const before = { summary: await text(summary), psi: await text(psiCell) };
    expect(before.psi).toBe('0,091');

    const shift = lab.locator('input[name="shift"]');
    await shift.focus();
    for (let i = 0; i < 20; i += 1) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (old) => document.querySelector('drift-lab [data-summary]')?.textContent !== old,
      before.summary,
    );

    expect(await shift.inputValue()).toBe('0.5');
    expect(await text(lab.locator('output[data-output="shift"]'))).toBe('0,50 σ');
    expect(await shift.getAttribute('aria-valuetext')).toBe('0,50 σ');
    const psiAfter = await text(psiCell);
    expect(Number(psiAfter.replace(',', '.'))).toBeGreaterThan(Number(before.psi.replace(',', '.')));
    expect(await text(summary)).toContain(`PSI: ${psiAfter}`);
  });

  it('shows every number of the summary in the metrics table, and the chart data as a table', async () => {
    const { page } = await browser.open('labs/');
    const lab = await ready(page, 'drift-lab');
    const summary = await text(lab.locator('[data-summary]'));
    const table = await text(lab.locator('table.lab-metrics'));
    const numbers = numbersIn(summary);
    expect(numbers.length).toBeGreaterThan(4);
    for (const n of numbers) expect(table, n).toContain(n);

    const figure = lab.locator('[data-chart="histogram"]');
    await figure.locator('summary').click();
    const rows = figure.locator('tbody tr');
    expect(await rows.count()).toBe(24);
    const shares = await rows.evaluateAll((trs) =>
      trs.map((tr) => Number((tr.children[1]?.textContent ?? '').replace(',', '.'))),
    );
    // The reference shares of all bars add up to 100 % (each rounded to 0.1)
    expect(Math.abs(shares.reduce((a, b) => a + b, 0) - 100)).toBeLessThan(1.3);
    expect(await figure.locator('canvas').getAttribute('role')).toBe('img');
  });

  it('keeps the scenario in the URL: a fresh browser opens the same values', async () => {
    const first = await browser.open('labs/');
    const lab = await ready(first.page, 'drift-lab');
    await lab.locator('select[name="feature"]').selectOption('bimodal');
    await lab.locator('input[name="bins"]').focus();
    await first.page.keyboard.press('ArrowRight');
    await first.page.waitForFunction(() => location.search.includes('drift.bins=11'));
    const link = first.page.url();
    expect(new URL(link).searchParams.get('drift.feature')).toBe('bimodal');
    const summary = await text(lab.locator('[data-summary]'));

    const second = await browser.open(link.slice(url().length));
    const again = await ready(second.page, 'drift-lab');
    expect(await again.locator('select[name="feature"]').inputValue()).toBe('bimodal');
    expect(await again.locator('input[name="bins"]').inputValue()).toBe('11');
    expect(await text(again.locator('[data-summary]'))).toBe(summary);
  });

  it('ignores values in a link that the controls cannot take', async () => {
    const { page } = await browser.open('labs/?drift.shift=99&drift.feature=uniform&drift.referenceSize=100000');
    const lab = await ready(page, 'drift-lab');
    expect(await lab.locator('input[name="shift"]').inputValue()).toBe('0.3');
    expect(await lab.locator('select[name="feature"]').inputValue()).toBe('normal');
    expect(await text(lab.locator('output[data-output="referenceSize"]'))).toMatch(/^100\s000$/);
  });

  it('is operated by keyboard: a preset from the picker, then reset', async () => {
    const { page } = await browser.open('labs/');
    const lab = await ready(page, 'drift-lab');
    const picker = lab.locator('select[data-preset]');
    await picker.focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('drift.preset') === 'tiny-shift-large-n');
    expect(await text(lab.locator('output[data-output="currentSize"]'))).toMatch(/^100\s000$/);
    await page.waitForFunction(() =>
      document.querySelector('drift-lab tr[data-metric="ks"] [data-cell="verdict"]')?.textContent.includes('дрейф'),
    );

    await page.keyboard.press('Tab');
    const reset = lab.locator('button[data-reset]');
    await expect(reset.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.search === '');
    expect(await picker.inputValue()).toBe('mean-shift');
    await page.waitForFunction(
      () => document.getElementById('announcer')?.textContent === 'Параметры лаборатории сброшены',
    );
  });

  it('the stream panel shows concept drift: no alert, a drop known after the label delay', async () => {
    const { page } = await browser.open('labs/?drift.preset=concept-drift');
    const lab = await ready(page, 'drift-lab');
    const summary = await text(lab.locator('[data-stream-summary]'));
    expect(summary).toContain('PSI не превышал порог тревоги');
    expect(summary).toMatch(/в окне 20, а узнали об этом в окне 25/);
  });
});

describe('latency lab', () => {
  it('re-runs the simulation when the load changes, and the table agrees with the summary', async () => {
    const { page } = await browser.open('labs/');
    const lab = await ready(page, 'latency-lab');
    const summary = lab.locator('[data-summary]');
    const before = await text(summary);
    // 1000 RPS, 0.8 ms, one worker: Erlang C gives W = 0.8/(1 − 0.8) = 4 ms
    expect(await text(lab.locator('tr[data-metric="erlangMean"] [data-cell="value"]'))).toMatch(/\/ 4,00\u00a0мс$/);

    const rps = lab.locator('input[name="rps"]');
    await rps.focus();
    for (let i = 0; i < 10; i += 1) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (old) => document.querySelector('latency-lab [data-summary]')?.textContent !== old,
      before,
    );
    expect(await rps.inputValue()).toBe('1100');
    // 1100 RPS on a 0.8 ms worker is 88 % load: the formula now says 0.8/(1 − 0.88) = 6.67 ms
    expect(await text(lab.locator('tr[data-metric="erlangMean"] [data-cell="value"]'))).toMatch(/\/ 6,67\u00a0мс$/);

    const after = await text(summary);
    const table = await text(lab.locator('table.lab-metrics'));
    for (const n of numbersIn(after)) expect(table, n).toContain(n);
    const requests = await text(lab.locator('tr[data-metric="requests"] [data-cell="value"]'));
    expect(after).toContain(`Запросов ${requests}`);
  });

  it('opens a preset from the link and draws the latency-vs-load curve with its table', async () => {
    const { page } = await browser.open('labs/?latency.preset=retry-storm-jitter');
    const lab = await ready(page, 'latency-lab');
    expect(await lab.locator('select[data-preset]').inputValue()).toBe('retry-storm-jitter');
    expect(await lab.locator('input[name="jitter"]').isChecked()).toBe(true);
    const figure = lab.locator('[data-chart="sweep"]');
    await figure.locator('summary').click();
    await page.waitForFunction(
      () => document.querySelectorAll('latency-lab [data-chart="sweep"] tbody tr').length === 14,
    );
    expect(await figure.locator('tbody tr').first().locator('th').textContent()).toBe('10');
  });

  it('toggles jitter by keyboard and writes it into the URL', async () => {
    const { page } = await browser.open('labs/?latency.preset=retry-storm');
    const lab = await ready(page, 'latency-lab');
    const success = lab.locator('tr[data-metric="clientSuccess"] [data-cell="value"]');
    const without = await text(success);
    await lab.locator('input[name="jitter"]').focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => location.search.includes('latency.jitter=1'));
    await page.waitForFunction((old) => {
      const cell = document.querySelector('latency-lab tr[data-metric="clientSuccess"] [data-cell="value"]');
      return cell?.textContent !== old;
    }, without);
    // Full jitter spreads the synchronised retries: more requests succeed in the end
    const parse = (s: string) => Number(s.replace(/[^\d,]/g, '').replace(',', '.'));
    expect(parse(await text(success))).toBeGreaterThan(parse(without));
  });
});

describe('the labs page', () => {
  it('does not shift the layout while the labs load', async () => {
    const { page } = await browser.open('labs/');
    await page.evaluate(() => {
      const w = window as unknown as { shift: number };
      w.shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!e.hadRecentInput) w.shift += e.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await ready(page, 'drift-lab');
    await ready(page, 'latency-lab');
    await page.waitForTimeout(300);
    const shift = await page.evaluate(() => (window as unknown as { shift: number }).shift);
    expect(shift).toBeLessThan(0.05);
  });

  it.each(['light', 'dark'] as const)('has no axe violations once both labs are drawn (%s theme)', async (theme) => {
    const { page } = await browser.open('labs/');
    if (theme === 'dark') await page.locator('.theme-toggle').click();
    await ready(page, 'drift-lab');
    await ready(page, 'latency-lab');
    const result = await new AxeBuilder({ page })
      .include('drift-lab')
      .include('latency-lab')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});

describe('printing a chapter with labs', () => {
  it('prints the data tables in place of the charts, with numbers, even for a lab never scrolled to', async () => {
    const { page } = await browser.open('chapters/monitoring-2/');
    await page.emulateMedia({ media: 'print' });
    const labs = page.locator('drift-lab');
    expect(await labs.count()).toBe(2);
    for (const lab of await labs.all()) {
      expect(await lab.getAttribute('data-state')).toBeNull();
      await expect.poll(() => lab.locator('.lab-canvas').first().isVisible()).toBe(false);
      expect(await lab.locator('.lab-controls').first().isVisible()).toBe(false);
      for (const chart of ['histogram', 'stream']) {
        const rows = lab.locator(`[data-chart="${chart}"] tbody tr`);
        expect(await rows.count(), chart).toBeGreaterThan(10);
        expect(await rows.first().isVisible(), chart).toBe(true);
        expect(numbersIn(await text(rows.first())).length, chart).toBeGreaterThanOrEqual(2);
      }
      expect(await lab.locator('tr[data-metric="psi"] [data-cell="value"]').isVisible()).toBe(true);
      expect(numbersIn(await text(lab.locator('[data-summary]'))).length).toBeGreaterThan(3);
    }
    // The first lab's starting scenario (a 0.3 σ shift) as the script computes it: PSI 0,091
    expect(await text(labs.first().locator('tr[data-metric="psi"] [data-cell="value"]'))).toBe('0,091');
  });

  it('prints the scenario on screen, not the starting one, after a slider moved', async () => {
    const { page } = await browser.open('chapters/deployment-2/');
    const lab = await ready(page, 'latency-lab');
    const firstRow = lab.locator('[data-chart="load"] tbody tr').first();
    const before = await text(firstRow);
    const summary = await text(lab.locator('[data-summary]'));
    const rps = lab.locator('input[name="rps"]');
    await rps.focus();
    for (let i = 0; i < 10; i += 1) await page.keyboard.press('ArrowRight');
    expect(await rps.inputValue()).toBe('1100');
    await page.waitForFunction(
      (old) => document.querySelector('latency-lab [data-summary]')?.textContent.trim() !== old,
      summary,
    );
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await firstRow.isVisible()).toBe(true);
    expect(await text(firstRow)).not.toBe(before);
  });
});
