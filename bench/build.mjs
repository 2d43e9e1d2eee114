// Build benchmark: times a full build of the book against a baseline measured in the same run (an
// empty one-page Astro site built with the same toolchain), then runs Lighthouse on a chapter page
// served from the fresh build. Prints a table; writes bench/results/build.json.
// Usage: npm run bench [-- --runs 3]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startServer } from '../scripts/serve.mjs';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
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
    '<html lang="ru"><body><h1>База</h1></body></html>\n',
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

const lighthouseRuns = [];
if (CHROMIUM) {
  const server = await startServer({ root: bookOut, base: '/', port: 0 });
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  try {
    for (const formFactor of ['mobile', 'desktop']) {
      lighthouseRuns.push(await audit(`${server.url}chapters/introduction/`, chrome.port, formFactor));
    }
  } finally {
    chrome.kill();
    await server.close();
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
for (const lh of lighthouseRuns) {
  const f = lh.formFactor;
  console.log(`| Lighthouse performance, chapter page, ${f} | ${lh.performance} | — | — | ≥ 98 |`);
  console.log(`| Lighthouse accessibility, chapter page, ${f} | ${lh.accessibility} | — | — | 100 |`);
  console.log(`| Lighthouse best practices, chapter page, ${f} | ${lh.bestPractices} | — | — | — |`);
  console.log(`| FCP / LCP / TBT, ${f}, ms | ${lh.fcpMs} / ${lh.lcpMs} / ${lh.tbtMs} | — | — | — |`);
  console.log(`| CLS, ${f} | ${lh.cls.toFixed(3)} | — | — | 0 |`);
}
if (lighthouseRuns.length === 0) console.log('| Lighthouse | skipped: no Chromium found (set CHROME_PATH) | | | |');
for (const lh of lighthouseRuns) {
  if (lh.failing.length > 0) console.log(`\nLighthouse (${lh.formFactor}) audits below 0.9: ${lh.failing.join(', ')}`);
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
      lighthouse: lighthouseRuns,
    },
    null,
    2,
  ),
);
const failed = lighthouseRuns.some((lh) => lh.performance < 98 || lh.accessibility < 100);
if (failed) {
  console.error('\n✖ Lighthouse below target.');
  process.exitCode = 1;
}
