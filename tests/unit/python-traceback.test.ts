import { describe, expect, it } from 'vitest';
import { isCellFileName } from '../../src/lib/python/cells.ts';
import { lastErrorLine, trimTraceback } from '../../src/lib/python/traceback.ts';

// Tracebacks as Python 3.14 under Pyodide formats them when the runner (prodml_runtime.py) executes a cell.
const RUNNER = [
  'Traceback (most recent call last):',
  '  File "/home/pyodide/prodml_runtime.py", line 184, in run',
  '    eval(body, scope)',
  '    ~~~~^^^^^^^^^^^^^',
];

describe('trimTraceback', () => {
  it('drops the engine frames before the first frame of a cell, keeping line numbers', () => {
    const text = [
      ...RUNNER,
      '  File "ячейка a", line 3, in <module>',
      '    f()',
      '    ~^^',
      '  File "ячейка a", line 2, in f',
      '    return 1 / 0',
      '           ~~^~~',
      'ZeroDivisionError: division by zero',
      '',
    ].join('\n');
    expect(trimTraceback(text, isCellFileName)).toBe(
      [
        'Traceback (most recent call last):',
        '  File "ячейка a", line 3, in <module>',
        '    f()',
        '    ~^^',
        '  File "ячейка a", line 2, in f',
        '    return 1 / 0',
        '           ~~^~~',
        'ZeroDivisionError: division by zero',
        '',
      ].join('\n'),
    );
  });

  it('keeps library frames the student called into, after their own frame', () => {
    const text = [
      ...RUNNER,
      '  File "ячейка j", line 2, in <module>',
      '    json.loads("{")',
      '  File "/lib/python314.zip/json/__init__.py", line 352, in loads',
      '    return _default_decoder.decode(s)',
      'json.decoder.JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)',
    ].join('\n');
    const trimmed = trimTraceback(text, isCellFileName).split('\n');
    expect(trimmed[1]).toBe('  File "ячейка j", line 2, in <module>');
    expect(trimmed).toContain('  File "/lib/python314.zip/json/__init__.py", line 352, in loads');
    expect(trimmed).not.toContain('  File "/home/pyodide/prodml_runtime.py", line 184, in run');
  });

  it('keeps a syntax error location (a File line without "in")', () => {
    const text = [
      'Traceback (most recent call last):',
      '  File "/home/pyodide/prodml_runtime.py", line 181, in run',
      '    body, expr = _compile(source, filename)',
      '  File "/home/pyodide/prodml_runtime.py", line 80, in _compile',
      '    tree = compile(source, filename, "exec", flags=ast.PyCF_ONLY_AST | _FLAGS)',
      '  File "ячейка s", line 1',
      '    print("a"',
      '         ^',
      "SyntaxError: '(' was never closed",
    ].join('\n');
    expect(trimTraceback(text, isCellFileName)).toBe(
      [
        'Traceback (most recent call last):',
        '  File "ячейка s", line 1',
        '    print("a"',
        '         ^',
        "SyntaxError: '(' was never closed",
      ].join('\n'),
    );
  });

  it('trims every section of a chained exception, and keeps "[Previous line repeated]"', () => {
    const text = [
      ...RUNNER,
      '  File "ячейка r", line 1, in f',
      '    def f(): return f()',
      '  [Previous line repeated 995 more times]',
      'RecursionError: maximum recursion depth exceeded',
      '',
      'During handling of the above exception, another exception occurred:',
      '',
      ...RUNNER,
      '  File "ячейка r", line 5, in <module>',
      'ValueError: again',
    ].join('\n');
    const trimmed = trimTraceback(text, isCellFileName);
    expect(trimmed).not.toContain('prodml_runtime.py');
    expect(trimmed).toContain('  [Previous line repeated 995 more times]');
    expect(trimmed.split('Traceback (most recent call last):')).toHaveLength(3);
  });

  it('leaves a traceback without any cell frame whole', () => {
    const text = [...RUNNER, 'KeyboardInterrupt', ''].join('\n');
    expect(trimTraceback(text, isCellFileName)).toBe(text);
  });
});

describe('lastErrorLine', () => {
  it.each([
    [
      'Traceback (most recent call last):\n  File "ячейка a", line 1\nNameError: name \'x\' is not defined\n',
      "NameError: name 'x' is not defined",
    ],
    ['KeyboardInterrupt\n', 'KeyboardInterrupt'],
  ])('%#', (text, line) => {
    expect(lastErrorLine(text)).toBe(line);
  });
});
