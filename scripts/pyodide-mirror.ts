// `npm run pyodide:mirror [-- extra packages…]`: downloads the Pyodide packages the book's cells declare
// (`<PyCell packages="…">`), plus any named on the command line, with all their dependencies (resolved from
// the pinned pyodide-lock.json), into pyodide-mirror/<version>/. The next build copies them next to
// Pyodide's core files and loads packages from the site itself: a fully offline book.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mirrorDir, pyodideDir, pyodideVersion } from '../src/integrations/pyodide.ts';
import { extractCells } from '../src/lib/python/cells.ts';
import { officialPackageBaseUrl, packageUrl, resolvePackages, type Lockfile } from '../src/lib/python/packages.ts';

export class MirrorError extends Error {}

/** One file to download. */
export interface MirrorFile {
  name: string;
  url: string;
  sha256: string;
}

/**
 * The files to download for `declared` (from the chapters) and `extra` (from the command line) packages,
 * each after its dependencies.
 * @throws MirrorError naming the packages pyodide-lock.json does not have.
 */
export function mirrorPlan(
  lock: Lockfile,
  declared: readonly string[],
  extra: readonly string[],
  baseUrl: string,
): MirrorFile[] {
  const { packages, unknown } = resolvePackages(lock, [...declared, ...extra]);
  if (unknown.length > 0) {
    throw new MirrorError(
      `pyodide-lock.json of this Pyodide has no package ${unknown.join(', ')}: check the name on https://pyodide.org/en/stable/usage/packages-in-pyodide.html`,
    );
  }
  return packages.map((p) => ({
    name: path.posix.basename(p.file_name),
    url: packageUrl(baseUrl, p),
    sha256: p.sha256,
  }));
}

/** Packages declared by the cells of every chapter. */
function declaredPackages(chaptersDir: string): string[] {
  const names = new Set<string>();
  for (const file of fs.readdirSync(chaptersDir).filter((f) => f.endsWith('.mdx'))) {
    for (const cell of extractCells(fs.readFileSync(path.join(chaptersDir, file), 'utf8'))) {
      for (const name of cell.options.packages) names.add(name);
    }
  }
  return [...names];
}

async function download(file: MirrorFile, target: string): Promise<'downloaded' | 'present'> {
  const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
  if (fs.existsSync(target) && sha(fs.readFileSync(target)) === file.sha256) return 'present';
  let response: Response;
  try {
    response = await fetch(file.url, { signal: AbortSignal.timeout(60_000) });
  } catch (error) {
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : '';
    throw new MirrorError(
      `cannot reach ${new URL(file.url).origin} (${reason}). The mirror needs network access to the Pyodide ` +
        'distribution; set PYODIDE_PACKAGE_BASE_URL to another copy of it, or run this where the network is open.',
    );
  }
  if (!response.ok) throw new MirrorError(`${file.url}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (sha(bytes) !== file.sha256) throw new MirrorError(`${file.url}: sha256 does not match pyodide-lock.json`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, bytes);
  return 'downloaded';
}

async function main(): Promise<void> {
  const version = pyodideVersion();
  const lock = JSON.parse(fs.readFileSync(path.join(pyodideDir(), 'pyodide-lock.json'), 'utf8')) as Lockfile;
  const baseUrl = process.env['PYODIDE_PACKAGE_BASE_URL'] ?? officialPackageBaseUrl(version);
  const declared = declaredPackages(path.resolve('content/chapters'));
  const plan = mirrorPlan(lock, declared, process.argv.slice(2), baseUrl);
  if (plan.length === 0) {
    console.log('No cell declares packages and none were named: nothing to mirror.');
    return;
  }
  const dir = mirrorDir(version);
  console.log(`Mirroring ${plan.length} file(s) from ${baseUrl} into ${path.relative('.', dir)}/`);
  for (const file of plan) {
    const state = await download(file, path.join(dir, file.name));
    console.log(`  ${state === 'present' ? '=' : '↓'} ${file.name}`);
  }
  console.log('Done: the next build serves these packages from the site (rebuild to use them).');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`✖ pyodide:mirror: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
