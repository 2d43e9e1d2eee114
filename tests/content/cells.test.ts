// Every Python cell of the book runs under the pinned Pyodide in Node, through the same runtime as the
// browser's worker (src/python/runtime.ts): chapter by chapter, in order, in one namespace per chapter, as a
// student running the cells top to bottom would. A cell fails on an exception or when its output differs
// from the ```text block the book prints under it. The built pages must show each cell's code exactly as
// written in the MDX source.
import fs from 'node:fs';
import path from 'node:path';
import { loadPyodide } from 'pyodide';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellFileName, extractCells, type CellSource } from '../../src/lib/python/cells.ts';
import { PYTHON_ENV } from '../../src/python/env.ts';
import { createRuntime, type CellRuntime } from '../../src/python/runtime.ts';
import type { RunOutcome } from '../../src/python/protocol.ts';
import { BASE, readPage } from '../support/site.ts';

const CHAPTERS = path.resolve('content/chapters');
const chapters = fs
  .readdirSync(CHAPTERS)
  .filter((f) => f.endsWith('.mdx'))
  .sort()
  .map((file) => ({
    file,
    slug: file.replace(/^\d+-/, '').replace(/\.mdx$/, ''),
    cells: extractCells(fs.readFileSync(path.join(CHAPTERS, file), 'utf8')),
  }));
const withCells = chapters.filter((c) => c.cells.length > 0);
const allCells = withCells.flatMap((c) => c.cells);

/** Output as the book prints it: no trailing spaces, no trailing blank lines. */
const normalise = (text: string): string =>
  text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n+$/, '');

/** Text of an HTML fragment: tags dropped, character references decoded. */
function htmlText(html: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return html.replace(/<[^>]+>/g, '').replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (ref, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(Number(body.slice(1)));
    return named[body] ?? ref;
  });
}

/** The code a built page shows for cell `id` (the python block inside its <py-cell>). */
function builtCode(page: string, id: string): string | null {
  const start = page.indexOf(`data-id="${id}"`);
  if (start === -1) return null;
  const pre = /<pre\b[^>]*data-language="python"[^>]*>([\s\S]*?)<\/pre>/.exec(page.slice(start));
  return pre === null ? null : htmlText(pre[1] ?? '');
}

let runtime: CellRuntime;
let ran = 0;

beforeAll(async () => {
  const pyodide = await loadPyodide({ indexURL: `${path.resolve('node_modules/pyodide')}/`, env: { ...PYTHON_ENV } });
  runtime = createRuntime(pyodide, { interruptible: false });
}, 120_000);

afterAll(() => {
  console.log(`Python cells: ran ${ran} of ${allCells.length} in ${withCells.length} chapter(s).`);
});

async function runCell(slug: string, cell: CellSource): Promise<{ outcome: RunOutcome; output: string }> {
  let output = '';
  const outcome = await runtime.run(
    {
      code: cell.code,
      namespace: slug,
      filename: cellFileName(cell.options.id),
      fresh: false,
      copyFrom: null,
      packages: cell.options.packages,
    },
    {
      output: (_stream, text) => (output += text),
      packages: () => undefined,
      flush: () => undefined,
    },
  );
  if (outcome.status === 'ok') {
    for (const d of outcome.displays) if (d.kind === 'text') output += `${d.data}\n`;
  }
  return { outcome, output };
}

describe('the book has Python cells', () => {
  it('at least the three of «Введение», each with the output it must print', () => {
    const intro = chapters.find((c) => c.slug === 'introduction');
    expect(intro?.cells.length ?? 0).toBeGreaterThanOrEqual(3);
    for (const cell of intro?.cells ?? []) expect(cell.expected, cell.options.id).not.toBeNull();
  });

  it('with ids unique within each chapter', () => {
    for (const { file, cells } of chapters) {
      const ids = cells.map((c) => c.options.id);
      expect(new Set(ids).size, file).toBe(ids.length);
    }
  });

  it('whose code reaches the page unchanged: indentation, quotes, braces and backslashes', () => {
    // The book's cells must contain each kind of character MDX could mangle, or this check proves little.
    const source = allCells.map((c) => c.code).join('\n');
    for (const needle of ['\n    ', '"', "'", '{', '}', '\\']) expect(source, JSON.stringify(needle)).toContain(needle);
    for (const { slug, cells } of withCells) {
      const page = readPage(`${BASE}chapters/${slug}/`);
      for (const cell of cells) expect(builtCode(page, cell.options.id), `${slug}#${cell.options.id}`).toBe(cell.code);
    }
  });
});

// Before the book's cells, so that they also show the warm-up changes nothing they print.
describe("the engine's warm-up (src/python/warm_up.py)", () => {
  it('runs to the end and leaves no namespace behind', async () => {
    expect((await runtime.warmUp()).status).toBe('ok');
    let printed = '';
    const code = 'import prodml_runtime\nprint(sorted(prodml_runtime._namespaces))';
    const request = { code, namespace: 'probe', filename: cellFileName('probe'), fresh: true, copyFrom: null };
    await runtime.run(
      { ...request, packages: [] },
      { output: (_stream, text) => (printed += text), packages: () => undefined, flush: () => undefined },
    );
    // Only the namespace of the run asking (the book's cells run after this test).
    expect(printed.trim()).toBe("['probe']");
  });
});

for (const { file, slug, cells } of withCells) {
  describe(`${file}: cells in order, namespace "${slug}"`, () => {
    for (const cell of cells) {
      it(
        `${cell.options.id} (line ${cell.line})`,
        { timeout: (cell.options.timeLimitSeconds ?? 60) * 1000 },
        async () => {
          const { outcome, output } = await runCell(slug, cell);
          ran += 1;
          if (outcome.status === 'error') expect.fail(`${cell.options.id} raised:\n${outcome.traceback}`);
          expect(outcome.status).toBe('ok');
          if (cell.expected !== null) expect(normalise(output)).toBe(normalise(cell.expected));
        },
      );
    }
  });
}
