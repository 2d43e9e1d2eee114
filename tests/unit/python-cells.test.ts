import { describe, expect, it } from 'vitest';
import {
  cellFileName,
  codeHash,
  extractCells,
  isCellFileName,
  namespaceForPath,
  parseCellOptions,
  splitCodeBlocks,
} from '../../src/lib/python/cells.ts';
import { editKey, emptyEdits, parseEdits, restoreCell, withEdit, withoutEdit } from '../../src/lib/python/edits.ts';
import { megabytes, seconds } from '../../src/lib/python/format.ts';

const FENCE = '```';

describe('parseCellOptions', () => {
  it('reads every option', () => {
    expect(parseCellOptions({ id: 'cace', packages: 'numpy, pandas', timeLimit: 10, setup: true })).toEqual({
      id: 'cace',
      packages: ['numpy', 'pandas'],
      setup: true,
      hidden: false,
      timeLimitSeconds: 10,
    });
  });

  it('makes a hidden cell a setup cell', () => {
    expect(parseCellOptions({ id: 'prep', hidden: true })).toMatchObject({ setup: true, hidden: true });
  });

  it.each([
    [{ id: 'Кириллица' }, /id "Кириллица" is not valid/],
    [{ id: 'a b' }, /not valid/],
    [{}, /id undefined is not valid/],
    [{ id: 'a', timeLimit: 0 }, /timeLimit is seconds/],
    [{ id: 'a', timeLimit: 601 }, /timeLimit/],
    [{ id: 'a', packages: 'numpy; rm' }, /package name "numpy;" is not valid/],
    [{ id: 'a', setup: 'yes' }, /setup is a flag/],
  ])('refuses %j', (raw, message) => {
    expect(() => parseCellOptions(raw)).toThrow(message);
  });
});

describe('extractCells', () => {
  // Everything MDX could mangle: indentation, both quotes, braces, backslashes, a ``` line inside a
  // four-backtick fence, JSX-looking text and a dollar sign.
  const code = [
    'def f(x):',
    '    if x:',
    '        return {"a": \'b\', "path": "C:\\\\temp\\n"}',
    '    return f"{x!r:>{8}}" + r"\\d+" + "$HOME <b>"',
    '',
    'print(f(1))',
    '```',
  ].join('\n');
  const mdx = [
    '---',
    'title: x',
    '---',
    '',
    "import PyCell from '../../src/components/PyCell.astro';",
    '',
    'Текст.',
    '',
    '<PyCell id="tricky" packages="numpy" timeLimit={5}>',
    '',
    `${FENCE}\`python`,
    code,
    `${FENCE}\``,
    '',
    `${FENCE}text`,
    '{\'a\': "b"}',
    FENCE,
    '',
    '</PyCell>',
    '',
    '<PyCell id="second" setup>',
    '',
    `${FENCE}python`,
    'x = 1',
    FENCE,
    '',
    '</PyCell>',
  ].join('\n');

  it('keeps the code exactly as written, with its options, expected output and line', () => {
    const [first, second] = extractCells(mdx);
    expect(first?.code).toBe(code);
    expect(first?.expected).toBe('{\'a\': "b"}');
    expect(first?.options).toMatchObject({ id: 'tricky', packages: ['numpy'], timeLimitSeconds: 5 });
    expect(first?.line).toBe(9);
    expect(second).toMatchObject({ code: 'x = 1', expected: null, options: { id: 'second', setup: true } });
  });

  it('names a cell without a python block', () => {
    expect(() => extractCells('<PyCell id="empty">\n\ntext\n\n</PyCell>')).toThrow(/PyCell "empty" \(line 1\)/);
  });

  it('refuses an expression option it cannot read', () => {
    expect(() => extractCells(`<PyCell id="a" timeLimit={2 * 5}>\n\n${FENCE}python\nx\n${FENCE}\n</PyCell>`)).toThrow(
      /timeLimit=\{2 \* 5\} is not supported/,
    );
  });
});

describe('splitCodeBlocks', () => {
  it('finds the highlighted blocks with their languages, even when the code holds "pre"', () => {
    const html =
      '<pre class="astro-code" data-language="python" tabindex="0"><code><span>x = "&#x3C;/pr" + "e>"</span></code></pre>\n' +
      '<pre class="astro-code" data-language="text"><code>1</code></pre>';
    expect(splitCodeBlocks(html).map((b) => b.language)).toEqual(['python', 'text']);
    expect(splitCodeBlocks(html)[0]?.html).toContain('&#x3C;/pr');
  });
});

describe('cell names', () => {
  it('file names in tracebacks', () => {
    expect(cellFileName('cace')).toBe('ячейка cace');
    expect(isCellFileName('ячейка cace')).toBe(true);
    expect(isCellFileName('/lib/python314.zip/json/__init__.py')).toBe(false);
  });

  it.each([
    ['/prodml/chapters/introduction/', 'introduction'],
    ['/sandbox/', 'sandbox'],
    ['/', 'index'],
  ])('namespace of %s is %s', (path, namespace) => {
    expect(namespaceForPath(path)).toBe(namespace);
  });
});

describe('codeHash', () => {
  it('is stable and tells changed code apart', () => {
    expect(codeHash('print(1)')).toBe(codeHash('print(1)'));
    expect(codeHash('print(1)')).not.toBe(codeHash('print(2)'));
    expect(codeHash('print(1)')).not.toBe(codeHash('print(1) '));
    expect(codeHash('')).toMatch(/^[0-9a-f]+$/);
  });
});

describe('stored edits', () => {
  const key = editKey('introduction', 'cace');

  it('survive a round trip and drop a broken entry without losing the others', () => {
    const record = withEdit(emptyEdits(), key, 'x = 2', 'x = 1', 'h1');
    const text = JSON.stringify({ ...record, cells: { ...record.cells, bad: { code: 3 } } });
    expect(parseEdits(text)).toEqual(record);
  });

  it.each([null, 'not json', '[]', '{"version":2,"cells":{}}', '{"version":1,"cells":7}'])(
    'start empty from %j',
    (text) => {
      expect(parseEdits(text)).toEqual(emptyEdits());
    },
  );

  it('mark an edit of an older book version as stale, and keep it', () => {
    const record = withEdit(emptyEdits(), key, 'x = 2', 'x = 1', 'old');
    expect(restoreCell(record.cells[key], 'x = 10', 'new')).toEqual({ code: 'x = 2', edited: true, stale: true });
    expect(restoreCell(record.cells[key], 'x = 1', 'old')).toEqual({ code: 'x = 2', edited: true, stale: false });
    expect(restoreCell(undefined, 'x = 1', 'old')).toEqual({ code: 'x = 1', edited: false, stale: false });
  });

  it('keep the base an edit started from, and forget an edit equal to the book', () => {
    const first = withEdit(emptyEdits(), key, 'x = 2', 'x = 1', 'old');
    const again = withEdit(first, key, 'x = 3', 'x = 10', 'new');
    expect(again.cells[key]).toEqual({ code: 'x = 3', base: 'old' });
    expect(withEdit(again, key, 'x = 10', 'x = 10', 'new').cells).toEqual({});
    expect(withoutEdit(again, key).cells).toEqual({});
  });
});

describe('status numbers', () => {
  it.each([
    [12_345_678, '12,3'],
    [0, '0,0'],
  ])('%d bytes → %s MB', (bytes, text) => {
    expect(megabytes(bytes)).toBe(text);
  });

  it.each([
    [1234, '1,2'],
    [3, '0,1'],
  ])('%d ms → %s s', (ms, text) => {
    expect(seconds(ms)).toBe(text);
  });
});
