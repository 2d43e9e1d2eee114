// Runs at build time (an Astro integration): serves Pyodide from the site itself. The core files are
// copied from node_modules/pyodide into the build under a versioned folder (`<base>pyodide/<version>/`),
// and served from there by the dev server; packages mirrored by `npm run pyodide:mirror` go next to them.
// A memory snapshot of the started interpreter (./pyodide-snapshot.ts) goes next to them: the worker restores
// it instead of starting Python from scratch. The engine's settings reach the browser code as the
// `__PRODML_PYODIDE__` constant (src/python/client.ts).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { officialPackageBaseUrl } from '../lib/python/packages.ts';
import { ensureSnapshot } from './pyodide-snapshot.ts';

/** The files Pyodide needs to start, all from the npm package. */
export const CORE_FILES = [
  'pyodide.mjs',
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
];
/** The core files `loadPyodide` downloads with fetch (the rest are imported as modules). */
const FETCHED_FILES = ['pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'];

const TYPES: Record<string, string> = {
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.json': 'application/json; charset=utf-8',
  '.whl': 'application/zip',
  '.gz': 'application/gzip',
};

/** node_modules/pyodide of the project. */
export const pyodideDir = (): string => path.resolve('node_modules', 'pyodide');

/** The pinned Pyodide version (the npm package's). */
export function pyodideVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(pyodideDir(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Where `npm run pyodide:mirror` puts the packages of a version. */
export const mirrorDir = (version: string): string => path.resolve('pyodide-mirror', version);

/** Package files mirrored for a version (none when the mirror was never run). */
export function mirroredFiles(version: string): string[] {
  const dir = mirrorDir(version);
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((name) => /\.(whl|zip|tar)$/.test(name));
}

/** The file served for `name` in the versioned folder, or null. */
function sourceOf(version: string, name: string, snapshot: Snapshot | null): string | null {
  if (CORE_FILES.includes(name)) return path.join(pyodideDir(), name);
  if (snapshot !== null && name === snapshot.name) return snapshot.file;
  if (mirroredFiles(version).includes(name)) return path.join(mirrorDir(version), name);
  return null;
}

type Snapshot = ReturnType<typeof ensureSnapshot>;

export default function pyodide(): AstroIntegration {
  const version = pyodideVersion();
  let folder = '';
  let snapshot: Snapshot | null = null;
  return {
    name: 'prodml-pyodide',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        const base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        folder = `${base}pyodide/${version}/`;
        const mirrored = mirroredFiles(version).length > 0;
        const packageBaseUrl =
          process.env['PYODIDE_PACKAGE_BASE_URL'] ?? (mirrored ? folder : officialPackageBaseUrl(version));
        // Only a build or the dev server serves the engine; `astro check` and `astro sync` need no snapshot.
        snapshot = command === 'build' || command === 'dev' ? ensureSnapshot(version) : null;
        const downloadBytes =
          FETCHED_FILES.reduce((sum, name) => sum + fs.statSync(path.join(pyodideDir(), name)).size, 0) +
          (snapshot === null ? 0 : fs.statSync(snapshot.file).size);
        const snapshotPath = snapshot === null ? null : `${folder}${snapshot.name}`;
        updateConfig({
          vite: {
            define: {
              __PRODML_PYODIDE__: JSON.stringify({
                indexPath: folder,
                snapshotPath,
                packageBaseUrl,
                downloadBytes,
                version,
              }),
            },
            worker: { format: 'es' },
          },
        });
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
          const file = pathname.startsWith(folder) ? sourceOf(version, pathname.slice(folder.length), snapshot) : null;
          if (file === null) {
            next();
            return;
          }
          res.setHeader('content-type', TYPES[path.extname(file)] ?? 'application/octet-stream');
          fs.createReadStream(file).pipe(res);
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const target = path.join(fileURLToPath(dir), 'pyodide', version);
        fs.mkdirSync(target, { recursive: true });
        const mirrored = mirroredFiles(version);
        for (const name of CORE_FILES) fs.copyFileSync(path.join(pyodideDir(), name), path.join(target, name));
        for (const name of mirrored) fs.copyFileSync(path.join(mirrorDir(version), name), path.join(target, name));
        if (snapshot !== null) fs.copyFileSync(snapshot.file, path.join(target, snapshot.name));
        logger.info(
          `Pyodide ${version}: ${CORE_FILES.length} core files, ${snapshot === null ? 'no' : 'a'} memory snapshot and ${mirrored.length} mirrored packages`,
        );
      },
    },
  };
}
