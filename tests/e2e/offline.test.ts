import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildServiceWorker } from '../../scripts/build-sw.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { url, useBrowser, type Session } from '../support/browser.ts';
import { BASE, SITE_DIR, readPage, sitemapPaths } from '../support/site.ts';

const browser = useBrowser({ serviceWorkers: 'allow' });

/** Waits until the service worker has installed (precache complete) and controls the page. */
async function controlled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Opens the book once online, then cuts the network. */
async function offlineAfterOneVisit(): Promise<Session> {
  const session = await browser.open('');
  await controlled(session.page);
  await session.context.setOffline(true);
  return session;
}

/** Removes the console error Chromium logs for an expected 404 response, so the harness does not fail on it. */
function forgetExpected404(session: Session): void {
  const index = session.errors.findIndex((e) => e.includes('404'));
  if (index >= 0) session.errors.splice(index, 1);
}

describe('offline after one visit', () => {
  it('opens every page of the sitemap with the network off', { timeout: 180_000 }, async () => {
    const { page } = await offlineAfterOneVisit();
    const pages = sitemapPaths();
    expect(pages.length).toBeGreaterThan(20);
    for (const pagePath of pages) {
      const response = await page.goto(new URL(pagePath, url()).href);
      expect(response?.status(), pagePath).toBe(200);
      expect(response?.fromServiceWorker(), pagePath).toBe(true);
      await expect(page.locator('h1').first().textContent(), pagePath).resolves.not.toBe('');
    }
  });

  it('handles every URL form of a page: with and without the trailing slash, and index.html', async () => {
    const { page } = await offlineAfterOneVisit();
    const introduction = url('chapters/introduction/');
    for (const form of ['chapters/introduction', 'chapters/introduction/', 'chapters/introduction/index.html']) {
      const response = await page.goto(url(form));
      expect(response?.status(), form).toBe(200);
      await expect(page.locator('h1').textContent(), form).resolves.toBe('Введение');
    }
    await page.goto(url('chapters/introduction'));
    expect(page.url()).toBe(introduction);
    await page.goto(url('chapters/introduction/?seminar=1#chastye-oshibki'));
    await expect(page.locator('h1').textContent()).resolves.toBe('Введение');
  });

  it('answers an unknown page with the book’s 404 page', async () => {
    const session = await offlineAfterOneVisit();
    const response = await session.page.goto(url('chapters/no-such-chapter/'));
    expect(response?.status()).toBe(404);
    await expect(session.page.locator('h1').textContent()).resolves.toBe('Страница не найдена');
    forgetExpected404(session);
  });

  it('navigates with the sidebar, searches, and shows the offline indicator', async () => {
    const { page } = await offlineAfterOneVisit();
    await page.goto(url('chapters/introduction/'));
    await expect(page.locator('[data-offline-indicator]').isVisible()).resolves.toBe(true);
    await page.locator('#sidebar a', { hasText: 'Глоссарий' }).click();
    await page.waitForURL(url('glossary/'));
    await page.keyboard.press('/');
    await page.locator('#search-dialog-input').fill('моделей');
    await page.waitForFunction(() =>
      document.querySelector('#search-dialog [data-search-status]')?.textContent.startsWith('Найдено'),
    );
    expect(await page.locator('#search-dialog .search-hit').count()).toBeGreaterThan(0);
  });

  it('serves the book cross-origin isolated (COOP, COEP, CORP added by the service worker)', async () => {
    const { page } = await offlineAfterOneVisit();
    const response = await page.goto(url('chapters/introduction/'));
    const headers = response?.headers() ?? {};
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['cross-origin-embedder-policy']).toBe('require-corp');
    expect(headers['cross-origin-resource-policy']).toBe('same-origin');
    await expect(page.evaluate(() => crossOriginIsolated)).resolves.toBe(true);
  });
});

describe('installable web app', () => {
  it('has a manifest with icons that Chromium accepts for installation', async () => {
    const { page, context } = await browser.open('');
    await controlled(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // Playwright's contexts are incognito windows, where Chromium never offers installation.
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
    const { errors } = await cdp.send('Page.getAppManifest');
    expect(errors).toEqual([]);
    const manifest = (await (await page.request.get(url('manifest.webmanifest'))).json()) as {
      start_url: string;
      icons: { src: string; sizes: string }[];
    };
    expect(manifest.start_url).toBe('./');
    for (const icon of manifest.icons) {
      const response = await page.request.get(url(icon.src));
      expect(response.status(), icon.src).toBe(200);
    }
  });
});

/** Bytes of the files the service worker precaches, counted from the build on disk (docs/offline.md). */
function precacheBytesOnDisk(): number {
  const skipped = [
    /^sw\.js$/,
    /^_headers$/,
    /^pyodide\//,
    /^pagefind\/pagefind-(ui|modular-ui|component-ui)\./,
    /^pagefind\/pagefind-highlight\.js$/,
    /^sitemap-.*\.xml$/,
    /\.map$/,
  ];
  let total = 0;
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const rel = path.relative(SITE_DIR, full).split(path.sep).join('/');
      if (entry.isDirectory()) walk(full);
      else if (!skipped.some((r) => r.test(rel))) total += fs.statSync(full).size;
    }
  };
  walk(SITE_DIR);
  return total;
}

function engineBytesOnDisk(): number {
  const dir = path.join(SITE_DIR, 'pyodide');
  if (!fs.existsSync(dir)) return 0;
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + fs.statSync(path.join(e.parentPath, e.name)).size, 0);
}

/** «12,3 МБ» → bytes, and the rounding step of that display. */
function parseSize(text: string): { bytes: number; step: number } {
  const match = /([\d,]+)\s(Б|КБ|МБ|ГБ)/.exec(text);
  if (match === null) throw new Error(`no size in «${text}»`);
  const unit = 1024 ** ['Б', 'КБ', 'МБ', 'ГБ'].indexOf(match[2] ?? 'Б');
  const digits = match[1] ?? '0';
  return { bytes: Number(digits.replace(',', '.')) * unit, step: (digits.includes(',') ? 0.1 : 1) * unit };
}

describe('«Скачать учебник для офлайн»', () => {
  it('shows the total size up front and fetches what is missing with progress', async () => {
    const { page } = await browser.open('chapters/introduction/');
    await controlled(page);
    const panel = page.locator('[data-offline-panel]');
    // Make part of the book missing, as if the install had been interrupted, and reopen the page.
    await page.evaluate(async () => {
      const name = (await caches.keys()).find((n) => n.endsWith(':precache-v1')) ?? '';
      const cache = await caches.open(name);
      const keys = await cache.keys();
      await Promise.all(keys.filter((k) => k.url.includes('/chapters/')).map((k) => cache.delete(k)));
    });
    await page.reload();
    const button = panel.locator('[data-offline-download]');
    await button.waitFor({ state: 'visible' });
    const label = (await button.textContent()) ?? '';
    expect(label).toMatch(/^Скачать учебник для офлайн \(.+\)$/);
    const expected = precacheBytesOnDisk() + engineBytesOnDisk();
    const shown = parseSize(label);
    expect(Math.abs(shown.bytes - expected)).toBeLessThanOrEqual(shown.step / 2);
    await expect(panel.locator('[data-offline-summary]').textContent()).resolves.toMatch(
      /^Для работы без сети сохранено/,
    );
    const progressValues: number[] = [];
    await page.exposeFunction('recordProgress', (v: number) => progressValues.push(v));
    await page.evaluate(() => {
      const progress = document.querySelector('[data-offline-panel] progress');
      if (progress === null) return;
      new MutationObserver(() => {
        (window as unknown as { recordProgress: (v: number) => void }).recordProgress(
          Number(progress.getAttribute('value') ?? 0),
        );
      }).observe(progress, { attributes: true });
    });
    await button.click();
    await page.waitForFunction(() =>
      document.querySelector('[data-offline-summary]')?.textContent.startsWith('Готово: учебник целиком'),
    );
    expect(progressValues.length).toBeGreaterThan(0);
    await expect(button.isVisible()).resolves.toBe(false);
    await page.context().setOffline(true);
    const response = await page.goto(url('chapters/data/'));
    expect(response?.status()).toBe(200);
  });
});

// Runs when the Python engine is part of the build (src/python, `<base>pyodide/`) and the chapter has the cell.
const engineBuilt =
  fs.existsSync('src/python/client.ts') &&
  fs.existsSync(path.join(SITE_DIR, 'pyodide')) &&
  readPage('/prodml/chapters/introduction/').includes('id="cell-eta-handler"');

describe.runIf(engineBuilt)('Python offline', () => {
  it(
    'runs a standard-library cell with the network off after «Скачать учебник для офлайн»',
    { timeout: 180_000 },
    async () => {
      const { page, context } = await browser.open('chapters/introduction/');
      await controlled(page);
      const button = page.locator('[data-offline-download]');
      await button.waitFor({ state: 'visible' });
      await button.click();
      await page.waitForFunction(
        () => document.querySelector('[data-offline-summary]')?.textContent.startsWith('Готово: учебник целиком'),
        undefined,
        { timeout: 60_000 },
      );
      await context.setOffline(true);
      await page.reload();
      await page.locator('#cell-eta-handler').scrollIntoViewIfNeeded();
      await page.locator('#cell-eta-handler [data-action="run"]').click();
      // 7.5 km at the rush-hour speed of 18 km/h is 25 min; rain multiplies by 1.15, which is
      // 1.1499999999999999 in binary floating point, so 28.749999999999996 rounds to 28.7.
      await page.waitForFunction(
        () => document.querySelector('#cell-eta-handler .py-stream')?.textContent.includes("'eta_min': 28.7"),
        undefined,
        { timeout: 90_000 },
      );
    },
  );
});

describe('updates', () => {
  it('offers a new deploy, keeps the old one until «Обновить», then swaps and cleans up', async () => {
    const deploy = fs.mkdtempSync(path.join(os.tmpdir(), 'prodml-deploy-'));
    fs.cpSync(SITE_DIR, deploy, { recursive: true });
    const server = await startServer({ root: deploy, base: BASE, port: 0 });
    browser.allowLocalOrigin(server.url);
    try {
      const { page } = await browser.open(new URL('chapters/introduction/', server.url).href);
      await controlled(page);
      // The student is mid-exercise: page state that a reload would lose, and saved data.
      await page.evaluate(async () => {
        (window as unknown as { midExercise: boolean }).midExercise = true;
        localStorage.setItem('prodml.test-answer', '42');
        // Caches an older deploy would have left: an older cache layout and an older engine.
        await caches.open('prodml:/prodml/:precache-v0');
        await caches.open('prodml:/prodml/:engine-0.0.1-v1');
      });

      // Deploy version 2: a changed chapter and course page, and their service worker.
      const edit = (file: string, from: string, to: string): void => {
        const full = path.join(deploy, file);
        const html = fs.readFileSync(full, 'utf8');
        expect(html).toContain(from);
        fs.writeFileSync(full, html.replace(from, to));
      };
      edit('chapters/introduction/index.html', '>Введение</h1>', '>Введение, версия 2</h1>');
      edit('course/index.html', '<h1>Как устроен курс</h1>', '<h1>Как устроен курс, версия 2</h1>');
      await buildServiceWorker(deploy, BASE);

      await page.evaluate(async () => {
        await (await navigator.serviceWorker.getRegistration())?.update();
      });
      const toast = page.locator('[data-update-toast]');
      await toast.waitFor({ state: 'visible' });
      await expect(toast.locator('[data-update-text]').textContent()).resolves.toMatch(/^Доступна новая версия/);
      await expect(toast.locator('[data-update-action]').textContent()).resolves.toBe('Обновить');

      // Nothing changes under the student until the click, even on navigation.
      await expect(page.evaluate(() => (window as unknown as { midExercise?: boolean }).midExercise)).resolves.toBe(
        true,
      );
      await expect(page.locator('h1').textContent()).resolves.toBe('Введение');
      await page.locator('#sidebar a', { hasText: 'Как устроен курс' }).click();
      await page.waitForURL(new URL('course/', server.url).href);
      await expect(page.locator('h1').textContent()).resolves.toBe('Как устроен курс');
      await expect(toast.isVisible()).resolves.toBe(true);

      await toast.locator('[data-update-action]').click();
      await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Как устроен курс, версия 2');
      await page.goto(new URL('chapters/introduction/', server.url).href);
      await expect(page.locator('h1').textContent()).resolves.toBe('Введение, версия 2');
      await expect(page.evaluate(() => localStorage.getItem('prodml.test-answer'))).resolves.toBe('42');

      // Old caches cleaned: the older layout and engine are gone, and the precache holds exactly one
      // revision of the changed page. (The current engine's cache stays if a cell has loaded Python.)
      const left = await page.evaluate(async () => {
        const names = await caches.keys();
        const cache = await caches.open('prodml:/prodml/:precache-v1');
        const keys = (await cache.keys()).map((r) => new URL(r.url).pathname + new URL(r.url).search);
        return { names, introduction: keys.filter((k) => k.startsWith('/prodml/chapters/introduction/?')) };
      });
      const engineDir = path.join(deploy, 'pyodide');
      const engines = fs.existsSync(engineDir)
        ? fs.readdirSync(engineDir, { withFileTypes: true }).filter((e) => e.isDirectory())
        : [];
      const current = ['prodml:/prodml/:precache-v1', ...engines.map((e) => `prodml:/prodml/:engine-${e.name}-v1`)];
      expect(left.names).toContain('prodml:/prodml/:precache-v1');
      expect(left.names.filter((name) => !current.includes(name))).toEqual([]);
      expect(left.introduction).toHaveLength(1);
    } finally {
      await server.close();
      fs.rmSync(deploy, { recursive: true, force: true });
    }
  });
});
