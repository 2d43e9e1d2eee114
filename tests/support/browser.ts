// One Chromium per test file, a fresh context per test, and a recorder that fails the test on any
// request that leaves the local server (the book must make no third-party requests).
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { CHROMIUM_ARGS } from './chromium.ts';

export const baseUrl = (): string => inject('baseUrl');
/** The same build served cross-origin isolated. */
export const isolatedBaseUrl = (): string => inject('isolatedBaseUrl');

/** Absolute URL of a path relative to the site's base: `url('chapters/introduction/')`. */
export function url(relative = '', { isolated = false }: { isolated?: boolean } = {}): string {
  return new URL(relative.replace(/^\//, ''), isolated ? isolatedBaseUrl() : baseUrl()).href;
}

/** What shows that an element whose script loads near the screen (`whenNear` in src/client/idle.ts) has started. */
const STARTED = {
  'quiz-block': '[data-score]:not([hidden])',
  'py-cell': '[data-controls]:not([hidden])',
} as const;

/**
 * Scrolls the first `element` of the page near the screen, as a reader scrolling down does (its script loads
 * only then), and waits until every one of them has started: each quiz shows its score line, each cell its
 * controls.
 */
export async function startNear(page: Page, element: keyof typeof STARTED): Promise<void> {
  const count = await page.locator(element).count();
  if (count === 0) return;
  await page.locator(element).first().scrollIntoViewIfNeeded();
  await page
    .locator(`${element} ${STARTED[element]}`)
    .nth(count - 1)
    .waitFor();
}

/**
 * Scrolls `element` into view, as a reader does, and waits until the block of the article that holds it is laid
 * out (src/client/lazy-layout.ts): until then its text reads as empty (innerText).
 */
export async function scrollToSee(element: Locator): Promise<void> {
  await element.scrollIntoViewIfNeeded();
  await element.evaluate(
    (el) =>
      new Promise<void>((done) => {
        const check = (): void => {
          if (el.closest('.content > :not([data-laid-out])') === null) done();
          else requestAnimationFrame(check);
        };
        check();
      }),
  );
}

/**
 * Waits until every block of the article has been laid out (src/client/lazy-layout.ts); `options` as for
 * Playwright's `waitForFunction` (its default timeout when not given).
 */
export async function allLaidOut(page: Page, options: { timeout?: number } = {}): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.content > :not([data-laid-out])') === null, null, options);
}

/**
 * Reads the page through, as a reader scrolling down a screen at a time does, and goes back to the top: every
 * block of the article has then been laid out (src/client/lazy-layout.ts), and every quiz and Python cell has
 * started (`startNear`).
 */
export async function readThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = (): Promise<unknown> => new Promise((done) => requestAnimationFrame(done));
    while (window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 1) {
      window.scrollBy({ top: window.innerHeight, behavior: 'instant' });
      await frame();
      await frame();
    }
  });
  await allLaidOut(page);
  await startNear(page, 'quiz-block');
  await startNear(page, 'py-cell');
  await page.evaluate(() => {
    window.scrollTo({ top: 0, behavior: 'instant' });
  });
}

export interface Session {
  page: Page;
  context: BrowserContext;
  /** Requests that did not go to the local server. */
  foreign: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
}

/**
 * Registers hooks that launch Chromium for the file; `open()` gives a fresh page per call.
 * After each test, asserts that no request left the local server and no console error happened.
 */
export function useBrowser(
  options: {
    colorScheme?: 'light' | 'dark';
    reducedMotion?: 'reduce' | 'no-preference';
    /**
     * Whether pages may register the book's service worker. Blocked unless a file tests offline behaviour:
     * otherwise every fresh context would precache the whole book (5.5 MiB) while the test runs.
     */
    serviceWorkers?: 'allow' | 'block';
  } = {},
) {
  let browser: Browser | undefined;
  let shared: Session | undefined;
  const sessions: Session[] = [];
  /** Other local servers a test started itself (e.g. a second deploy of the book). */
  const localOrigins = new Set<string>();

  const newSession = async (viewport: { width: number; height: number }): Promise<Session> => {
    if (browser === undefined) throw new Error('browser not launched');
    const context = await browser.newContext({
      viewport,
      colorScheme: options.colorScheme ?? 'light',
      reducedMotion: options.reducedMotion ?? 'no-preference',
      permissions: ['clipboard-read', 'clipboard-write'],
      serviceWorkers: options.serviceWorkers ?? 'block',
    });
    const page = await context.newPage();
    const origins = [new URL(baseUrl()).origin, new URL(isolatedBaseUrl()).origin];
    const isLocal = (u: string): boolean =>
      origins.some((o) => u.startsWith(o)) || [...localOrigins].some((o) => u.startsWith(o));
    const session: Session = { page, context, foreign: [], errors: [] };
    page.on('request', (req) => {
      const u = req.url();
      if (!isLocal(u) && !u.startsWith('data:') && !u.startsWith('blob:')) session.foreign.push(u);
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error') session.errors.push(`${msg.text()} (${msg.location().url})`);
    });
    page.on('pageerror', (err) => session.errors.push(err.message));
    return session;
  };

  const check = (s: Session): void => {
    const foreign = s.foreign.splice(0);
    const errors = s.errors.splice(0);
    expect(foreign, 'requests outside the local server').toEqual([]);
    expect(errors, 'console errors').toEqual([]);
  };

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: inject('chromiumPath'), args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    const open = sessions.splice(0);
    for (const s of open) await s.context.close();
    for (const s of open) check(s);
    if (shared !== undefined) check(shared);
  });

  return {
    /**
     * A fresh context (empty storage) and page at `path`; with `isolated`, from the server that sends the
     * cross-origin isolation headers.
     */
    async open(
      path = '',
      viewport = { width: 1280, height: 900 },
      { isolated = false }: { isolated?: boolean } = {},
    ): Promise<Session> {
      const session = await newSession(viewport);
      sessions.push(session);
      await session.page.goto(url(path, { isolated }), { waitUntil: 'load' });
      return session;
    },
    /** Counts requests to `origin` (a local server the test started, e.g. `http://localhost:4567`) as local. */
    allowLocalOrigin(origin: string): void {
      localOrigins.add(new URL(origin).origin);
    },
    /** One page reused by every test of the file (for read-only checks over many pages). */
    async visit(path = ''): Promise<Session> {
      shared ??= await newSession({ width: 1280, height: 900 });
      await shared.page.goto(url(path), { waitUntil: 'load' });
      return shared;
    },
  };
}
