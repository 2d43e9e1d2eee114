// Build benchmark: times a full build of the book against a baseline measured in the same run (an
// empty one-page Astro site built with the same toolchain), then runs Lighthouse several times on a chapter
// page served from the fresh build and, interleaved, on the baseline's page: on this noisy machine one
// Lighthouse run says little, and the baseline shows what the machine itself scores at that moment.
// Prints a table (medians, with the range); writes bench/results/build.json.
// Usage: npm run bench [-- --runs 3 --lighthouse-runs 5]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import * as chromeLauncher from 'chrome-launcher';
import { startServer } from '../scripts/serve.mjs';
import { CHROMIUM_ARGS } from '../tests/support/chromium.ts';

/** The number after `flag` on the command line, or `fallback`. */
function option(flag, fallback) {
  const at = process.argv.indexOf(flag);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}
const RUNS = option('--runs', 3);
const LIGHTHOUSE_RUNS = option('--lighthouse-runs', 5);
const ROOT = path.resolve(import.meta.dirname, '..');
// Run Astro's CLI with this very Node (the pinned one), whatever `node` is first on PATH.
const ASTRO = path.join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BASE_PATH: '/' };
const CHROMIUM =
  process.env.CHROME_PATH ??
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => fs.existsSync(p));

function baselineProject() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-baseline-'));
  fs.mkdirSync(path.join(dir, 'src', 'pages'), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  fs.writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
  fs.writeFileSync(path.join(dir, 'astro.config.mjs'), 'export default {};\n');
  fs.writeFileSync(
    path.join(dir, 'src', 'pages', 'index.astro'),
    '<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">' +
      '<link rel="icon" href="data:,">' +
      '<title>База</title></head><body><main><h1>База</h1><p>Пустая страница для сравнения.</p></main></body></html>\n',
  );
  return dir;
}

function timeBuild(cwd, outDir) {
  const start = performance.now();
  execFileSync(process.execPath, [ASTRO, 'build', '--outDir', outDir], {
    cwd,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return (performance.now() - start) / 1000;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const baselineDir = baselineProject();
const bookOut = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-book-'));
const base = [];
const book = [];
for (let i = 0; i < RUNS; i += 1) {
  base.push(timeBuild(baselineDir, path.join(baselineDir, 'dist')));
  book.push(timeBuild(ROOT, bookOut));
}
const pages = execFileSync('find', [bookOut, '-name', '*.html']).toString().trim().split('\n').length;
// What `npm run build` adds after Astro (not timed): the search index and the service worker, so that
// Lighthouse audits the site as it is deployed (without them the page logs a failed worker registration).
for (const script of [path.join('node_modules', '.bin', 'pagefind'), path.join('scripts', 'build-sw.mjs')]) {
  const args = script.endsWith('pagefind') ? ['--site', bookOut] : [bookOut];
  execFileSync(process.execPath, [path.join(ROOT, script), ...args], { cwd: ROOT, env, stdio: 'ignore' });
}

/** Lighthouse scores of one page, for one form factor (mobile: Lighthouse's default simulated phone). */
async function audit(url, port, formFactor) {
  const desktop = formFactor === 'desktop';
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
    formFactor,
    screenEmulation: desktop
      ? { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false }
      : { mobile: true, width: 412, height: 823, deviceScaleFactor: 1.75, disabled: false },
    ...(desktop ? { throttling: { rttMs: 40, throughputKbps: 10240, cpuSlowdownMultiplier: 1 } } : {}),
  });
  const c = result?.lhr.categories ?? {};
  const a = result?.lhr.audits ?? {};
  return {
    formFactor,
    performance: Math.round((c.performance?.score ?? 0) * 100),
    accessibility: Math.round((c.accessibility?.score ?? 0) * 100),
    bestPractices: Math.round((c['best-practices']?.score ?? 0) * 100),
    fcpMs: Math.round(a['first-contentful-paint']?.numericValue ?? 0),
    lcpMs: Math.round(a['largest-contentful-paint']?.numericValue ?? 0),
    tbtMs: Math.round(a['total-blocking-time']?.numericValue ?? 0),
    cls: a['cumulative-layout-shift']?.numericValue ?? 0,
    failing: Object.values(c)
      .flatMap((cat) => cat.auditRefs.filter((r) => r.weight > 0).map((r) => a[r.id]))
      .filter((x) => x && x.score !== null && x.score < 0.9)
      .map((x) => {
        const items = x.details?.items ?? [];
        const nodes = items.flatMap((it) => (it.node?.snippet ? [it.node.snippet.slice(0, 80)] : [])).slice(0, 3);
        return `${x.id} (${x.displayValue ?? x.score})${nodes.length ? `: ${nodes.join(' | ')}` : ''}`;
      }),
  };
}

/**
 * The page's main-thread work after its first paint, from the CPU time of each task (the trace's thread
 * time, which a busy machine does not inflate as it does wall-clock time, the time Lighthouse uses):
 * `blockingMs` is Total Blocking Time as a phone 4× slower would have it (the part over 50 ms of each task
 * × 4), `cpuMs` the work in all, `longTasks` how many tasks pass 50 ms at 4×. Loads `url` once, in a phone-
 * sized page, and follows it for 4 s.
 */
async function mainThread(browser, url) {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
    hasTouch: true,
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'loading'],
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(4000);
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  await context.close();
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url);
  const fcp = events.find((e) => e.name === 'firstContentfulPaint' && e.pid === parse.pid);
  const tasks = events.filter(
    (e) => e.pid === parse.pid && e.tid === parse.tid && e.name === 'RunTask' && e.ph === 'X' && e.ts >= fcp.ts,
  );
  const cpu = tasks.map((e) => (e.tdur ?? e.dur) / 1000);
  return {
    blockingMs: cpu.reduce((sum, ms) => sum + Math.max(0, 4 * ms - 50), 0),
    cpuMs: cpu.reduce((sum, ms) => sum + ms, 0),
    longTasks: cpu.filter((ms) => 4 * ms > 50).length,
  };
}

/** Per form factor: the chapter's and the baseline page's audits, in the order they ran. */
const lighthouseRuns = { mobile: { book: [], baseline: [] }, desktop: { book: [], baseline: [] } };
/** The chapter's and the baseline page's main-thread work (`mainThread`), in the order they ran. */
const cpuRuns = { book: [], baseline: [] };
if (CHROMIUM) {
  const server = await startServer({ root: bookOut, base: '/', port: 0 });
  const baselineServer = await startServer({ root: path.join(baselineDir, 'dist'), base: '/', port: 0 });
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      for (let i = 0; i < LIGHTHOUSE_RUNS; i += 1) {
        cpuRuns.book.push(await mainThread(browser, `${server.url}chapters/introduction/`));
        cpuRuns.baseline.push(await mainThread(browser, baselineServer.url));
      }
    } finally {
      await browser.close();
    }
    const chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM,
      chromeFlags: CHROMIUM_ARGS,
    });
    try {
      for (let i = 0; i < LIGHTHOUSE_RUNS; i += 1) {
        for (const formFactor of ['mobile', 'desktop']) {
          const runs = lighthouseRuns[formFactor];
          runs.book.push(await audit(`${server.url}chapters/introduction/`, chrome.port, formFactor));
          runs.baseline.push(await audit(baselineServer.url, chrome.port, formFactor));
        }
      }
    } finally {
      chrome.kill();
    }
  } finally {
    await server.close();
    await baselineServer.close();
  }
}

fs.rmSync(baselineDir, { recursive: true, force: true });
fs.rmSync(bookOut, { recursive: true, force: true });

const b = median(base);
const k = median(book);
console.log(`\nBuild benchmark (${RUNS} runs each, median; Node ${process.versions.node}, ${os.cpus().length} CPUs)\n`);
console.log('| measure | value | baseline | ratio | target |');
console.log('|---|---|---|---|---|');
console.log(
  `| full build of the book (${pages} pages), s | ${k.toFixed(2)} | ${b.toFixed(2)} (empty 1-page Astro site) | ${(k / b).toFixed(2)}× | — |`,
);
/** The median of `key` over `runs`, with the range when the runs differ: `94 (80–96)`. */
function spread(runs, key, digits = 0) {
  const xs = runs.map((r) => r[key]);
  const f = (x) => x.toFixed(digits);
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return lo === hi ? f(lo) : `${f(median(xs))} (${f(lo)}–${f(hi)})`;
}
const audited = Object.entries(lighthouseRuns).filter(([, runs]) => runs.book.length > 0);
for (const [f, { book: bk, baseline: bl }] of audited) {
  const row = (label, key, target, digits) =>
    console.log(`| ${label}, ${f} | ${spread(bk, key, digits)} | ${spread(bl, key, digits)} | — | ${target} |`);
  row('Lighthouse performance', 'performance', '≥ 98');
  row('Lighthouse accessibility', 'accessibility', '100');
  row('Lighthouse best practices', 'bestPractices', '—');
  row('First Contentful Paint, ms', 'fcpMs', '—');
  row('Largest Contentful Paint, ms', 'lcpMs', '—');
  row('Total Blocking Time, ms', 'tbtMs', '—');
  row('Cumulative Layout Shift', 'cls', '0', 3);
}
if (cpuRuns.book.length > 0) {
  const row = (label, key) =>
    console.log(`| ${label} | ${spread(cpuRuns.book, key)} | ${spread(cpuRuns.baseline, key)} | — | — |`);
  row('main-thread CPU after first paint, phone size, ms', 'cpuMs');
  row('blocking time from CPU time at 4× (TBT without the noise), ms', 'blockingMs');
  row('tasks over 50 ms at 4×', 'longTasks');
}
if (audited.length === 0) console.log('| Lighthouse | skipped: no Chromium found (set CHROME_PATH) | | | |');
else console.log(`\nLighthouse: «Введение» against the baseline's page, ${LIGHTHOUSE_RUNS} runs each, interleaved.`);
for (const [f, { book: bk }] of audited) {
  const failing = [...new Set(bk.flatMap((lh) => lh.failing))];
  if (failing.length > 0) console.log(`\nLighthouse (${f}) audits below 0.9 in some run: ${failing.join(', ')}`);
}
fs.mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
fs.writeFileSync(
  path.join(ROOT, 'bench', 'results', 'build.json'),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      runs: RUNS,
      baselineSeconds: base,
      bookSeconds: book,
      pages,
      lighthouseRuns: LIGHTHOUSE_RUNS,
      lighthouse: lighthouseRuns,
      mainThread: cpuRuns,
    },
    null,
    2,
  ),
);
const failed = audited.some(
  ([, { book: bk }]) => median(bk.map((lh) => lh.performance)) < 98 || bk.some((lh) => lh.accessibility < 100),
);
if (failed) {
  console.error('\n✖ Lighthouse below target.');
  process.exitCode = 1;
}
