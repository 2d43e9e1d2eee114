import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { BUDGETS, measure, pageAssets, staticImports } from '../../scripts/budget.mjs';

describe('pageAssets', () => {
  it('finds module scripts, stylesheets and inline code, not JSON data', () => {
    const html = `<link rel="stylesheet" href="/_astro/a.css"><link rel="icon" href="/f.svg">
      <script type="module" src="/_astro/m.js"></script><script>let x = 1;</script>
      <script type="application/json">{"a":1}</script><style>p{color:red}</style>`;
    expect(pageAssets(html)).toEqual({
      scripts: ['/_astro/m.js'],
      styles: ['/_astro/a.css'],
      inlineJs: ['let x = 1;'],
      inlineCss: ['p{color:red}'],
    });
  });
});

describe('staticImports', () => {
  it('follows static imports but not dynamic ones', () => {
    const code =
      'import{a as b}from"./chunk.js";import"./side.js";export*from"./re.js";const l=()=>import("./lazy.js");';
    expect(staticImports(code).sort()).toEqual(['./chunk.js', './re.js', './side.js']);
  });
});

describe('measure', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-'));
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("counts a page's static module graph and flags pages over budget", () => {
    const random = (n: number) => Array.from({ length: n }, (_, i) => ((i * 7919) % 104729).toString(36)).join(';');
    fs.mkdirSync(path.join(dir, '_astro'));
    fs.mkdirSync(path.join(dir, 'chapters', 'big'), { recursive: true });
    fs.writeFileSync(path.join(dir, '_astro', 'entry.js'), 'import"./dep.js";const l=()=>import("./lazy.js");');
    fs.writeFileSync(path.join(dir, '_astro', 'dep.js'), 'export const d=1;');
    fs.writeFileSync(path.join(dir, '_astro', 'lazy.js'), random(50_000));
    fs.writeFileSync(path.join(dir, '_astro', 'huge.js'), random(50_000));
    fs.writeFileSync(path.join(dir, 'index.html'), '<script type="module" src="/_astro/entry.js"></script>');
    fs.writeFileSync(
      path.join(dir, 'chapters', 'big', 'index.html'),
      '<script type="module" src="/_astro/huge.js"></script>',
    );

    const rows = measure(dir);
    const gz = (f: string) => zlib.gzipSync(fs.readFileSync(path.join(dir, '_astro', f)), { level: 9 }).byteLength;
    const home = rows.find((r) => r.page === '/');
    const big = rows.find((r) => r.page === 'chapters/big/');
    expect(home?.js).toBe(gz('entry.js') + gz('dep.js'));
    expect(big?.js).toBe(gz('huge.js'));
    expect(big?.budget.label).toBe('chapter');
    expect((big?.js ?? 0) > (BUDGETS[0]?.js ?? 0)).toBe(true);
  });
});
