// Runs at build time, in the worker, in scripts and tests: which files a set of Python packages needs,
// read from Pyodide's pyodide-lock.json.

/** The part of a pyodide-lock.json package entry the book uses (schema: the `pyodide-lock` project). */
export interface LockPackage {
  name: string;
  version: string;
  /** A wheel or zip file name relative to the package base URL, or an absolute URL. */
  file_name: string;
  sha256: string;
  imports: string[];
  depends: string[];
  package_type?: string;
}

/** The part of pyodide-lock.json the book uses. */
export interface Lockfile {
  info: { python: string; abi_version?: string };
  packages: Record<string, LockPackage>;
}

/**
 * The canonical form of a distribution name (PEP 503): lower case, runs of `-`, `_` and `.` become `-`.
 * The lock file's keys use this form.
 * @example normalizePackageName('Scikit_Learn') // 'scikit-learn'
 * @see https://peps.python.org/pep-0503/#normalized-names
 */
export function normalizePackageName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[-_.]+/g, '-');
}

/** Packages to load, in an order where every package comes after its dependencies. */
export interface Resolution {
  packages: LockPackage[];
  /** Requested names the lock file does not know. */
  unknown: string[];
}

/**
 * The dependency closure of `requested` (distribution names, any spelling), each package after its
 * dependencies (a depth-first post-order, so the order is stable for a given lock file).
 * @example resolvePackages(lock, ['pandas']).packages.map((p) => p.name) // ['numpy', 'six', 'python-dateutil', 'pytz', 'pandas']
 * @throws Error when the lock file names a dependency it does not contain (a broken lock file).
 */
export function resolvePackages(lock: Lockfile, requested: readonly string[]): Resolution {
  const ordered: LockPackage[] = [];
  const done = new Set<string>();
  const unknown: string[] = [];
  const visit = (key: string, requiredBy: string | null): void => {
    if (done.has(key)) return;
    const entry = lock.packages[key];
    if (entry === undefined) {
      if (requiredBy !== null) throw new Error(`pyodide-lock.json: ${requiredBy} depends on ${key}, which it lacks`);
      unknown.push(key);
      return;
    }
    done.add(key);
    for (const dep of entry.depends) visit(normalizePackageName(dep), entry.name);
    ordered.push(entry);
  };
  for (const name of requested) {
    const key = normalizePackageName(name);
    if (key !== '' && !unknown.includes(key)) visit(key, null);
  }
  return { packages: ordered, unknown };
}

/**
 * The lock file's packages that provide the given top-level import names (`sklearn` → `scikit-learn`).
 * Names no package provides (the standard library, or not available) are left out.
 * @example packagesForImports(lock, ['numpy', 'json', 'sklearn']) // ['numpy', 'scikit-learn']
 */
export function packagesForImports(lock: Lockfile, imports: readonly string[]): string[] {
  const byImport = new Map<string, string>();
  for (const [key, entry] of Object.entries(lock.packages)) {
    for (const name of entry.imports) if (!byImport.has(name)) byImport.set(name, key);
  }
  const found = new Set<string>();
  for (const name of imports) {
    const key = byImport.get(name.split('.')[0] ?? name);
    if (key !== undefined) found.add(key);
  }
  return [...found];
}

/**
 * Where a package's file is downloaded from: its `file_name` resolved against `baseUrl` (which should
 * end with `/`); an absolute `file_name` stays as it is.
 * @example packageUrl('https://cdn.example/pyodide/v1/full/', { file_name: 'numpy-2.whl' }) // 'https://cdn.example/pyodide/v1/full/numpy-2.whl'
 */
export function packageUrl(baseUrl: string, entry: Pick<LockPackage, 'file_name'>): string {
  return new URL(entry.file_name, baseUrl).href;
}

/**
 * The official Pyodide distribution of a version, the default place packages come from.
 * @example officialPackageBaseUrl('314.0.7') // 'https://cdn.jsdelivr.net/pyodide/v314.0.7/full/'
 * @see https://pyodide.org/en/stable/usage/downloading-and-deploying.html
 */
export function officialPackageBaseUrl(version: string): string {
  return `https://cdn.jsdelivr.net/pyodide/v${version}/full/`;
}
