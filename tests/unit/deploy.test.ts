// The hosting files an instructor copies: the GitHub Actions workflows, public/_headers (Netlify, Cloudflare
// Pages) and the nginx example. Each is parsed and resolved the way its host would, for the URLs of the book.
import fs from 'node:fs';
import { load as loadYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { pyodideVersion } from '../../src/integrations/pyodide.ts';

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  'runs-on': string;
  environment?: { name: string; url?: string };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  jobs: Record<string, Job>;
}

const workflow = (file: string): Workflow => loadYaml(fs.readFileSync(file, 'utf8')) as Workflow;
const steps = (w: Workflow): Step[] => Object.values(w.jobs).flatMap((j) => j.steps);
const using = (w: Workflow, action: string): Step | undefined =>
  steps(w).find((s) => s.uses?.startsWith(`${action}@`) === true);

describe('.github/workflows/deploy.yml', () => {
  const deploy = workflow('.github/workflows/deploy.yml');

  it('runs on every push to main and on demand', () => {
    expect(deploy.on['push']).toEqual({ branches: ['main'] });
    expect('workflow_dispatch' in deploy.on).toBe(true);
  });

  it('asks only for the permissions Pages needs', () => {
    expect(deploy.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
  });

  it('never runs two deployments at once and never cancels one midway', () => {
    expect(deploy.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
  });

  it('builds with the Node version of .nvmrc, which is the pinned node devDependency', () => {
    expect(using(deploy, 'actions/setup-node')?.with?.['node-version-file']).toBe('.nvmrc');
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> };
    const pinnedMajor = /\d+/.exec(pkg.devDependencies['node'] ?? '')?.[0];
    expect(fs.readFileSync('.nvmrc', 'utf8').trim()).toBe(pinnedMajor);
  });

  it('installs with npm ci and builds under the repository name, with the Pages origin as the site', () => {
    const commands = steps(deploy).flatMap((s) => (s.run === undefined ? [] : [s.run]));
    expect(commands.findIndex((c) => c.startsWith('npm ci'))).toBeLessThan(commands.indexOf('npm run build'));
    const build = steps(deploy).find((s) => s.run === 'npm run build');
    expect(build?.env?.['BASE_PATH']).toMatch(/format\('\/\{0\}\/', github\.event\.repository\.name\)/);
    const pagesStep = using(deploy, 'actions/configure-pages')?.id ?? '';
    expect(build?.env?.['SITE_URL']).toBe(`\${{ steps.${pagesStep}.outputs.origin }}`);
  });

  it('uploads dist/ and deploys it after the build, to the github-pages environment', () => {
    expect(using(deploy, 'actions/upload-pages-artifact')?.with?.['path']).toBe('dist');
    const job = Object.values(deploy.jobs).find((j) =>
      j.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@')),
    );
    expect(job?.needs).toBe('build');
    expect(job?.environment?.name).toBe('github-pages');
  });
});

describe('.github/workflows/test.yml', () => {
  const test = workflow('.github/workflows/test.yml');

  it('runs on pull requests with read-only access', () => {
    expect('pull_request' in test.on).toBe(true);
    expect(test.permissions).toEqual({ contents: 'read' });
  });

  it('finds a browser, installs and runs the whole suite, like .ci/run', () => {
    const run = steps(test)
      .flatMap((s) => (s.run === undefined ? [] : [s.run]))
      .join('\n');
    expect(run).toContain('CHROME_PATH=');
    expect(run).toMatch(/apt-get install [^\n]*chromium/);
    expect(run.indexOf('npm ci')).toBeLessThan(run.indexOf('npm test'));
    expect(using(test, 'actions/setup-node')?.with?.['node-version-file']).toBe('.nvmrc');
  });
});

describe('both workflows', () => {
  it.each(['deploy', 'test'])('%s.yml pins every action to a major version', (name) => {
    const actions = steps(workflow(`.github/workflows/${name}.yml`)).flatMap((s) => s.uses ?? []);
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) expect(action).toMatch(/^actions\/[a-z-]+@v\d+$/);
  });
});

/** One block of a `_headers` file: a URL pattern and its headers, in file order. */
interface HeaderRule {
  pattern: string;
  headers: Array<[string, string]>;
}

/** Parses the `_headers` syntax: a path line, then indented `Name: value` lines; `#` starts a comment. */
function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (!/^\s/.test(raw)) {
      if (!line.startsWith('/')) throw new Error(`line ${index + 1}: a path must start with "/": ${line}`);
      rules.push({ pattern: line, headers: [] });
      return;
    }
    const m = /^([A-Za-z0-9-]+):\s*(\S.*)$/.exec(line);
    const rule = rules.at(-1);
    if (m === null || rule === undefined) throw new Error(`line ${index + 1}: expected "Name: value" under a path`);
    rule.headers.push([m[1] ?? '', m[2] ?? '']);
  });
  return rules;
}

const escape = (s: string): string => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** Cloudflare Pages: `*` matches anything, `:name` one segment, the rest literally; a header set by several matching rules gets their values joined with ", ". */
function cloudflareHeaders(rules: readonly HeaderRule[], url: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const { pattern, headers } of rules) {
    const source = pattern
      .split(/(\*|:[a-z]+)/)
      .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : escape(part)))
      .join('');
    if (!new RegExp(`^${source}$`).test(url)) continue;
    for (const [name, value] of headers) {
      const key = name.toLowerCase();
      const before = result.get(key);
      result.set(key, before === undefined ? value : `${before}, ${value}`);
    }
  }
  return result;
}

/** Netlify: matches per path segment with an optional trailing slash; a later matching rule replaces a header. */
function netlifyHeaders(rules: readonly HeaderRule[], url: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const { pattern, headers } of rules) {
    const parts = pattern
      .split('/')
      .filter(Boolean)
      .map((part) => (part.startsWith(':') ? '([^/]+)' : part === '*' ? '?(.*)' : escape(part)));
    if (!new RegExp(`^/${parts.join('/')}/?$`, 'iu').test(url)) continue;
    for (const [name, value] of headers) result.set(name.toLowerCase(), value);
  }
  return result;
}

const version = pyodideVersion();
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** URLs of the book (at the site root) and the Cache-Control each must get. */
const CACHE: Array<[string, string]> = [
  ['/', 'no-cache'],
  ['/course/', 'no-cache'],
  ['/chapters/introduction/', 'no-cache'],
  ['/404.html', 'no-cache'],
  ['/sw.js', 'no-cache'],
  ['/pagefind/pagefind.js', 'no-cache'],
  ['/pagefind/pagefind-entry.json', 'no-cache'],
  ['/_astro/book.D3adB33f.js', IMMUTABLE],
  ['/_astro/katex.Ab12Cd34.woff2', IMMUTABLE],
  [`/pyodide/${version}/pyodide.asm.wasm`, IMMUTABLE],
  [`/pyodide/${version}/python_stdlib.zip`, IMMUTABLE],
  [`/pyodide/${version}/numpy-2.2.5-cp313-cp313-pyodide_2025_0_wasm32.whl`, IMMUTABLE],
];
const TYPES: Array<[string, string]> = [
  [`/pyodide/${version}/pyodide.asm.wasm`, 'application/wasm'],
  [`/pyodide/${version}/pyodide.mjs`, 'text/javascript; charset=utf-8'],
  [`/pyodide/${version}/pyodide.asm.mjs`, 'text/javascript; charset=utf-8'],
  ['/manifest.webmanifest', 'application/manifest+json'],
];
const ISOLATION = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
  'cross-origin-resource-policy': 'same-origin',
};

describe('public/_headers', () => {
  const rules = parseHeadersFile(fs.readFileSync('public/_headers', 'utf8'));

  it('parses: every rule has a path and at least one header', () => {
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(rule.headers.length, rule.pattern).toBeGreaterThan(0);
  });

  describe.each([
    ['Cloudflare Pages', cloudflareHeaders],
    ['Netlify', netlifyHeaders],
  ])('as %s applies it', (_host, resolve) => {
    it.each(CACHE)('%s: cross-origin isolated, Cache-Control %s', (url, cache) => {
      const headers = resolve(rules, url);
      expect(Object.fromEntries(Object.keys(ISOLATION).map((k) => [k, headers.get(k)]))).toEqual(ISOLATION);
      expect(headers.get('cache-control')).toBe(cache);
    });

    it.each(TYPES)('%s is served as %s', (url, type) => {
      expect(resolve(rules, url).get('content-type')).toBe(type);
    });
  });

  it('uses the isolation values of the local server', async () => {
    const { ISOLATION_HEADERS } = (await import('../../scripts/serve.mjs')) as {
      ISOLATION_HEADERS: Record<string, string>;
    };
    expect(ISOLATION_HEADERS).toEqual(ISOLATION);
  });
});

describe('docs/examples/nginx.conf', () => {
  const conf = fs.readFileSync('docs/examples/nginx.conf', 'utf8').replace(/#.*$/gm, '');
  const base = '/production-ml';

  /** Each `add_header` with the nesting depth of braces it sits at (1 = server block). */
  const addHeaders = Array.from(conf.matchAll(/add_header\s+(\S+)\s+("[^"]*"|\S+)\s+always;/g), (m) => {
    const before = conf.slice(0, m.index);
    const depth = (before.match(/\{/g)?.length ?? 0) - (before.match(/\}/g)?.length ?? 0);
    return { name: (m[1] ?? '').toLowerCase(), value: (m[2] ?? '').replace(/^"|"$/g, ''), depth };
  });

  it('sets every header at the server level only (a location with its own add_header would drop them)', () => {
    expect(addHeaders.length).toBeGreaterThan(0);
    expect(addHeaders.filter((h) => h.depth !== 1)).toEqual([]);
  });

  it('makes every response cross-origin isolated', () => {
    const values = Object.fromEntries(addHeaders.map((h) => [h.name, h.value]));
    expect(Object.fromEntries(Object.keys(ISOLATION).map((k) => [k, values[k]]))).toEqual(ISOLATION);
  });

  it.each(CACHE)('%s gets Cache-Control %s', (url, cache) => {
    const variable = addHeaders.find((h) => h.name === 'cache-control')?.value ?? '';
    const map = new RegExp(`map\\s+\\$uri\\s+\\${variable}\\s*\\{([^}]*)\\}`).exec(conf)?.[1] ?? '';
    const entries = Array.from(map.matchAll(/^\s*(\S+)\s+"([^"]*)";/gm), (m) => [m[1] ?? '', m[2] ?? ''] as const);
    const matched = entries.find(([key]) => key.startsWith('~') && new RegExp(key.slice(1)).test(base + url));
    expect(matched?.[1] ?? entries.find(([key]) => key === 'default')?.[1]).toBe(cache);
  });

  it.each(TYPES)('%s is served as %s', (url, type) => {
    const locations = conf.split(/\blocation\b/).flatMap((block) => {
      const head = /^\s+(=|~)\s+(\S+)\s*\{/.exec(block);
      const defaultType = /default_type\s+("[^"]*"|[^;\s]+);/.exec(block)?.[1];
      if (head === null || defaultType === undefined) return [];
      return [{ exact: head[1] === '=', path: head[2] ?? '', type: defaultType.replace(/^"|"$/g, '') }];
    });
    const uri = base + url;
    const found = locations.find((l) => (l.exact ? l.path === uri : new RegExp(l.path).test(uri)));
    expect(found?.type).toBe(type);
  });
});
