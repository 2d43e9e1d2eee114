// Build-time memory snapshot of Pyodide (made by ./make-pyodide-snapshot.ts): which modules it holds, its
// file name, and a cache in node_modules/.cache so that a build makes it only when its recipe changes.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PYTHON_ENV } from '../python/env.ts';

const SCRIPT = path.resolve('src', 'integrations', 'make-pyodide-snapshot.ts');
const RUNTIME = path.resolve('src', 'python', 'prodml_runtime.py');
const CACHE = path.resolve('node_modules', '.cache', 'prodml-pyodide');

/**
 * The top-level names a Python source imports (`import a, b.c as x` → a, b; `from d.e import f` → d),
 * sorted, without duplicates; relative imports (`from . import g`) are the source's own, not listed.
 * Imports inside functions count too: the runtime imports `io` and `base64` lazily.
 * @example importedModules('import ast\nfrom types import CoroutineType\n') // ['ast', 'types']
 */
export function importedModules(source: string): string[] {
  const names = new Set<string>();
  for (const [, plain, from] of source.matchAll(/^\s*(?:import\s+([\w.,\s]+?)\s*$|from\s+([\w.]+)\s+import\b)/gm)) {
    const modules = plain !== undefined ? plain.split(',') : [from ?? ''];
    for (const module of modules) {
      const top = module.trim().split(/[\s.]/)[0] ?? '';
      if (/^[A-Za-z_]\w*$/.test(top)) names.add(top);
    }
  }
  return [...names].sort();
}

/**
 * File name of the snapshot for a Pyodide version and a module list: it changes whenever anything that
 * goes into the snapshot changes, so that browsers never restore a stale one from their cache.
 */
export function snapshotName(version: string, modules: readonly string[], recipe: string): string {
  const hash = createHash('sha256')
    .update(JSON.stringify({ version, modules, env: PYTHON_ENV, recipe }))
    .digest('hex')
    .slice(0, 12);
  return `snapshot-${hash}.bin.gz`;
}

/** The snapshot for `version` (made now if the cache lacks it): its file name and its path on disk. */
export function ensureSnapshot(version: string): { name: string; file: string } {
  const modules = importedModules(fs.readFileSync(RUNTIME, 'utf8'));
  const name = snapshotName(version, modules, fs.readFileSync(SCRIPT, 'utf8'));
  const file = path.join(CACHE, name);
  if (!fs.existsSync(file)) {
    execFileSync(process.execPath, [SCRIPT, file, ...modules], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return { name, file };
}
