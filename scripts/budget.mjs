// Size budget over a built book: gzip bytes of the JS and CSS each page loads before any interaction
// (module scripts and the chunks they import statically, stylesheets, inline scripts and styles).
// Dynamic imports are not counted: they load on demand. Prints a table; exits 1 when over budget.
// Usage: node scripts/budget.mjs [dir=dist]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

/**
 * Budgets in gzip bytes, by kind of page (the first matching pattern wins). A chapter page may load 25 KB of
 * JS before interaction (issue #2); other pages share the same limit, which the grade calculator's page is
 * the closest to. Interface strings live in one module per area (src/i18n/ru/) so that a page's shared
 * chunk carries only the strings every page needs.
 */
export const BUDGETS = [
  { pages: /^chapters\//, label: 'chapter', js: 25 * 1024, css: 30 * 1024 },
  { pages: /.*/, label: 'other', js: 25 * 1024, css: 30 * 1024 },
];

const gzipSize = (text) => zlib.gzipSync(text, { level: 9 }).byteLength;

/**
 * What a page loads up front.
 * @param {string} html
 * @returns {{ scripts: string[], styles: string[], inlineJs: string[], inlineCss: string[] }}
 */
export function pageAssets(html) {
  const attr = (tag, name) => new RegExp(`\\s${name}="([^"]+)"`).exec(tag)?.[1];
  const scripts = [];
  const inlineJs = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = attr(m[1], 'src');
    if (/type="application\/(ld\+)?json"/.test(m[1])) continue;
    if (src) scripts.push(src);
    else if (m[2].trim() !== '') inlineJs.push(m[2]);
  }
  const styles = Array.from(html.matchAll(/<link\b[^>]*>/g), (m) => m[0])
    .filter((tag) => /\srel="stylesheet"/.test(tag))
    .map((tag) => attr(tag, 'href'))
    .filter(Boolean);
  const inlineCss = Array.from(html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g), (m) => m[1]);
  return { scripts, styles, inlineJs, inlineCss };
}

/** Specifiers a module imports statically (`import x from "./a.js"`, `import "./b.js"`, `export * from`). */
export function staticImports(code) {
  const found = new Set();
  for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g))
    found.add(m[1]);
  return [...found];
}

/**
 * Measures every HTML page under `dir`.
 * @returns {{ page: string, js: number, css: number, budget: typeof BUDGETS[number] }[]}
 */
export function measure(dir, base = '/') {
  const root = path.resolve(dir);
  const toFile = (url, fromFile) => {
    if (/^https?:/.test(url)) return null;
    if (url.startsWith('/')) return path.join(root, url.startsWith(base) ? url.slice(base.length) : url.slice(1));
    return path.resolve(path.dirname(fromFile), url);
  };
  const sizeCache = new Map();
  const size = (file) => {
    if (!sizeCache.has(file)) sizeCache.set(file, gzipSize(fs.readFileSync(file)));
    return sizeCache.get(file);
  };
  const moduleGraph = (entry, seen) => {
    if (entry === null || seen.has(entry)) return;
    if (!fs.existsSync(entry))
      throw new Error(`${entry} is referenced but missing: is the base path right (BASE_PATH)?`);
    seen.add(entry);
    for (const spec of staticImports(fs.readFileSync(entry, 'utf8'))) {
      if (spec.startsWith('.') || spec.startsWith('/')) moduleGraph(toFile(spec, entry), seen);
    }
  };
  const rows = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.html')) {
        const rel = path.relative(root, full).split(path.sep).join('/');
        const page = rel.replace(/(^|\/)index\.html$/, '$1');
        const assets = pageAssets(fs.readFileSync(full, 'utf8'));
        const modules = new Set();
        for (const src of assets.scripts) moduleGraph(toFile(src, full), modules);
        const js = [...modules].reduce((s, f) => s + size(f), 0) + assets.inlineJs.reduce((s, c) => s + gzipSize(c), 0);
        const css =
          assets.styles.map((h) => toFile(h, full)).reduce((s, f) => s + (f ? size(f) : 0), 0) +
          assets.inlineCss.reduce((s, c) => s + gzipSize(c), 0);
        rows.push({ page: page === '' ? '/' : page, js, css, budget: BUDGETS.find((b) => b.pages.test(page)) });
      }
    }
  };
  walk(root);
  return rows.sort((a, b) => a.page.localeCompare(b.page));
}

const kb = (n) => (n / 1024).toFixed(1);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'dist';
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    console.error(`✖ ${dir}/index.html not found: build the book first.`);
    process.exit(1);
  }
  const base = process.env.BASE_PATH ?? (path.basename(dir).startsWith('test-dist') ? '/prodml/' : '/');
  const rows = measure(dir, base);
  const over = rows.filter((r) => r.js > r.budget.js || r.css > r.budget.css);
  const w = Math.max(...rows.map((r) => r.page.length), 4);
  console.log(`\nSize budget (gzip, KB) for ${dir}/`);
  console.log(
    `${'page'.padEnd(w)}  ${'JS'.padStart(6)}  ${'/ max'.padStart(6)}  ${'CSS'.padStart(6)}  ${'/ max'.padStart(6)}`,
  );
  for (const r of rows) {
    const flag = over.includes(r) ? '  ✖ over budget' : '';
    console.log(
      `${r.page.padEnd(w)}  ${kb(r.js).padStart(6)}  ${kb(r.budget.js).padStart(6)}  ${kb(r.css).padStart(6)}  ${kb(r.budget.css).padStart(6)}${flag}`,
    );
  }
  if (over.length > 0) {
    console.error(`\n✖ ${over.length} page(s) over budget.`);
    process.exit(1);
  }
  console.log(`\n✓ ${rows.length} pages within budget.`);
}
