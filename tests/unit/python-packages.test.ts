import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  normalizePackageName,
  officialPackageBaseUrl,
  packagesForImports,
  packageUrl,
  resolvePackages,
  type Lockfile,
  type LockPackage,
} from '../../src/lib/python/packages.ts';
import { mirrorPlan, MirrorError } from '../../scripts/pyodide-mirror.ts';

const pkg = (name: string, depends: string[] = [], imports: string[] = [name]): LockPackage => ({
  name,
  version: '1.0',
  file_name: `${name}-1.0-py3-none-any.whl`,
  sha256: '0'.repeat(64),
  imports,
  depends,
});

// A small lock file: d ← b ← a, d ← c ← a (a diamond), e alone; "Scikit-Learn"-style names normalised.
const LOCK: Lockfile = {
  info: { python: '3.14.2' },
  packages: {
    a: pkg('a', ['b', 'c']),
    b: pkg('b', ['d']),
    c: pkg('c', ['D']),
    d: pkg('d'),
    e: pkg('e'),
    'scikit-learn': pkg('scikit-learn', ['d'], ['sklearn']),
  },
};

describe('normalizePackageName (PEP 503)', () => {
  it.each([
    ['Scikit_Learn', 'scikit-learn'],
    ['python.dateutil', 'python-dateutil'],
    ['  NumPy ', 'numpy'],
    ['a__-.b', 'a-b'],
  ])('%s → %s', (name, normal) => {
    expect(normalizePackageName(name)).toBe(normal);
  });
});

describe('resolvePackages', () => {
  it('gives each package after its dependencies, once, for a diamond', () => {
    expect(resolvePackages(LOCK, ['a']).packages.map((p) => p.name)).toEqual(['d', 'b', 'c', 'a']);
  });

  it('accepts any spelling and reports unknown names without failing the others', () => {
    const { packages, unknown } = resolvePackages(LOCK, ['E', 'nope', 'Scikit_Learn']);
    expect(packages.map((p) => p.name)).toEqual(['e', 'd', 'scikit-learn']);
    expect(unknown).toEqual(['nope']);
  });

  it('refuses a lock file that names a dependency it lacks', () => {
    const broken: Lockfile = { info: LOCK.info, packages: { x: pkg('x', ['missing']) } };
    expect(() => resolvePackages(broken, ['x'])).toThrow('x depends on missing');
  });

  it('resolves pandas from the pinned pyodide-lock.json', () => {
    const lock = JSON.parse(fs.readFileSync('node_modules/pyodide/pyodide-lock.json', 'utf8')) as Lockfile;
    // pandas depends on numpy, python-dateutil and pytz; python-dateutil depends on six (read off the lock file).
    expect(resolvePackages(lock, ['pandas']).packages.map((p) => p.name)).toEqual([
      'numpy',
      'six',
      'python-dateutil',
      'pytz',
      'pandas',
    ]);
  });
});

describe('packagesForImports', () => {
  it('maps import names to packages and skips the standard library', () => {
    expect(packagesForImports(LOCK, ['sklearn.linear_model', 'json', 'e'])).toEqual(['scikit-learn', 'e']);
  });
});

describe('package URLs', () => {
  it('resolves a file name against the base and keeps absolute ones', () => {
    expect(packageUrl('https://cdn.example/full/', { file_name: 'a.whl' })).toBe('https://cdn.example/full/a.whl');
    expect(packageUrl('https://cdn.example/full/', { file_name: 'https://other.example/b.whl' })).toBe(
      'https://other.example/b.whl',
    );
  });

  it('points at the official distribution of the pinned version', () => {
    expect(officialPackageBaseUrl('314.0.7')).toBe('https://cdn.jsdelivr.net/pyodide/v314.0.7/full/');
  });
});

describe('npm run pyodide:mirror: what to download', () => {
  it('takes the packages the chapters declare plus extra names, with their dependencies', () => {
    const plan = mirrorPlan(LOCK, ['a'], ['e'], 'https://cdn.example/full/');
    expect(plan.map((f) => f.url)).toEqual(
      ['d', 'b', 'c', 'a', 'e'].map((n) => `https://cdn.example/full/${n}-1.0-py3-none-any.whl`),
    );
  });

  it('names a package the lock file does not have', () => {
    expect(() => mirrorPlan(LOCK, ['a', 'tensorflow'], [], 'https://cdn.example/full/')).toThrow(MirrorError);
    expect(() => mirrorPlan(LOCK, ['tensorflow'], [], 'https://cdn.example/full/')).toThrow(/tensorflow/);
  });
});
