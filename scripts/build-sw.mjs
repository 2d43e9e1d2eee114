// Post-build step (after `astro build` and `pagefind --site <dir>`): writes `<dir>/sw.js`, the book's
// service worker (src/sw/sw.ts bundled with esbuild), with the offline manifest baked in:
//   • precache: every file of the build except the Python engine, the service worker itself and
//     unused Pagefind UI bundles, with a revision (content hash) and size per file (workbox-build);
//   • engine: every file under `pyodide/`, cached on first use or by «Скачать учебник для офлайн».
// Prints the sizes. Usage: BASE_PATH=/sub/ node scripts/build-sw.mjs <dir>   (BASE_PATH as for the build)
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { getManifest } from 'workbox-build';
import { servedPath } from '../src/lib/offline/routes.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENGINE_DIR = 'pyodide';
/**
 * Files the book never requests: Pagefind's ready-made UIs (the book has its own), the sitemaps, and the
 * host's header rules (`_headers`, which Netlify and Cloudflare Pages read but do not serve).
 */
const NOT_PRECACHED = [
  'sw.js',
  '_headers',
  `${ENGINE_DIR}/**`,
  'pagefind/pagefind-ui.*',
  'pagefind/pagefind-modular-ui.*',
  'pagefind/pagefind-component-ui.*',
  'pagefind/pagefind-highlight.js',
  'sitemap-*.xml',
  '**/*.map',
];

/** `/sub/` from BASE_PATH (`sub`, `/sub`, `/sub/` all work), `/` when unset. */
export function normalizeBase(value = '/') {
  const trimmed = value.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

function walk(dir, rel = '') {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
    return entry.isDirectory() ? walk(path.join(dir, entry.name), childRel) : [childRel];
  });
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;

/**
 * Builds the offline manifest of a built book and writes its service worker.
 * @param {string} outDir the build directory.
 * @param {string} base the base path the book was built with.
 */
export async function buildServiceWorker(outDir, base) {
  const dir = path.resolve(outDir);
  const index = path.join(dir, 'index.html');
  if (!fs.existsSync(index)) throw new Error(`${outDir}/index.html not found: run astro build first.`);
  if (!fs.readFileSync(index, 'utf8').includes(`href="${base}manifest.webmanifest"`)) {
    throw new Error(
      `${outDir} was not built with base ${base}: set BASE_PATH to the value used for astro build (e.g. BASE_PATH=/prodml/).`,
    );
  }
  if (!fs.existsSync(path.join(dir, 'pagefind', 'pagefind.js'))) {
    throw new Error(`${outDir}/pagefind/ not found: run \`pagefind --site ${outDir}\` before this script.`);
  }
  const { manifestEntries, warnings } = await getManifest({
    globDirectory: dir,
    globPatterns: ['**/*'],
    globIgnores: NOT_PRECACHED,
    dontCacheBustURLsMatching: /^_astro\//,
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
  });
  if (warnings.length > 0) throw new Error(`workbox-build: ${warnings.join('\n')}`);
  const precache = manifestEntries
    .map((entry) => ({
      path: servedPath(base, entry.url),
      revision: entry.revision,
      size: fs.statSync(path.join(dir, entry.url)).size,
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
  const engineDir = path.join(dir, ENGINE_DIR);
  const engine = walk(engineDir)
    .sort()
    .map((file) => ({
      path: servedPath(base, `${ENGINE_DIR}/${file}`),
      size: fs.statSync(path.join(engineDir, file)).size,
    }));
  const engineVersions = fs.existsSync(engineDir)
    ? fs
        .readdirSync(engineDir, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort()
    : [];
  const version = crypto
    .createHash('sha256')
    .update(JSON.stringify([precache.map((e) => [e.path, e.revision]), engine.map((e) => [e.path, e.size])]))
    .digest('hex')
    .slice(0, 16);
  const manifest = { base, version, precache, engine, engineVersions };
  await build({
    entryPoints: [path.join(ROOT, 'src/sw/sw.ts')],
    outfile: path.join(dir, 'sw.js'),
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    define: { __OFFLINE_MANIFEST__: JSON.stringify(manifest) },
    logLevel: 'warning',
  });
  const bookBytes = precache.reduce((sum, e) => sum + e.size, 0);
  const engineBytes = engine.reduce((sum, e) => sum + e.size, 0);
  return {
    version,
    precache: { files: precache.length, bytes: bookBytes },
    engine: { files: engine.length, bytes: engineBytes, versions: engineVersions },
    swBytes: fs.statSync(path.join(dir, 'sw.js')).size,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2];
  if (outDir === undefined) {
    console.error('Usage: BASE_PATH=/sub/ node scripts/build-sw.mjs <dir>');
    process.exit(1);
  }
  buildServiceWorker(outDir, normalizeBase(process.env.BASE_PATH)).then(
    (r) => {
      console.log(`Service worker ${outDir}/sw.js (${(r.swBytes / 1024).toFixed(1)} KiB), version ${r.version}`);
      console.log(`  precache: ${r.precache.files} files, ${mb(r.precache.bytes)}`);
      console.log(
        `  engine:   ${r.engine.files} files, ${mb(r.engine.bytes)}` +
          (r.engine.versions.length > 0
            ? ` (pyodide ${r.engine.versions.join(', ')})`
            : ' (no pyodide/ in this build)'),
      );
      console.log(`  «Скачать учебник для офлайн» total: ${mb(r.precache.bytes + r.engine.bytes)}`);
    },
    (error) => {
      console.error(`✖ ${error.message}`);
      process.exit(1);
    },
  );
}
