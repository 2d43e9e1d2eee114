import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importedModules, snapshotName } from '../../src/integrations/pyodide-snapshot.ts';

describe('importedModules', () => {
  it('lists the top-level modules of plain, dotted, multiple and from-imports, once each, sorted', () => {
    const source = [
      'import sys',
      'import os.path, json',
      'from types import CoroutineType',
      'from email.mime.text import MIMEText',
      'import sys',
      'def show():',
      '    import base64',
      '    return base64',
    ].join('\n');
    expect(importedModules(source)).toEqual(['base64', 'email', 'json', 'os', 'sys', 'types']);
  });

  it('ignores relative imports, aliases’ targets and text that only mentions import', () => {
    const source = ['from . import sibling', 'import numpy as np', 'print("import this")', '# import nothing'].join(
      '\n',
    );
    expect(importedModules(source)).toEqual(['numpy']);
  });

  it('finds what the book’s runtime imports, including its lazy imports', () => {
    const modules = importedModules(fs.readFileSync('src/python/prodml_runtime.py', 'utf8'));
    expect(modules).toEqual(expect.arrayContaining(['ast', 'traceback', 'json', 'base64', 'io']));
    expect(modules).not.toContain('random');
  });
});

describe('snapshotName', () => {
  const modules = ['ast', 'json'];
  it('is stable for the same recipe', () => {
    expect(snapshotName('1.0.0', modules, 'script')).toBe(snapshotName('1.0.0', [...modules], 'script'));
    expect(snapshotName('1.0.0', modules, 'script')).toMatch(/^snapshot-[0-9a-f]{12}\.bin\.gz$/);
  });

  it('changes with the Pyodide version, the modules and the script that makes it', () => {
    const name = snapshotName('1.0.0', modules, 'script');
    expect(snapshotName('1.0.1', modules, 'script')).not.toBe(name);
    expect(snapshotName('1.0.0', ['ast'], 'script')).not.toBe(name);
    expect(snapshotName('1.0.0', modules, 'script 2')).not.toBe(name);
  });
});
