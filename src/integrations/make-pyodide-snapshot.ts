// Makes a memory snapshot of a started Pyodide: the interpreter's whole heap just after start-up, with the
// standard-library modules the book's runtime needs already imported. The Python worker restores it instead
// of starting Python from scratch (several times faster, see docs/python.md). Run by the Pyodide integration
// (./pyodide-snapshot.ts) in its own process, so the build's process never holds a Pyodide.
// Usage: node src/integrations/make-pyodide-snapshot.ts <out.bin.gz> <module> [<module> …]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { loadPyodide } from 'pyodide';
import { PYTHON_ENV } from '../python/env.ts';

const [out, ...modules] = process.argv.slice(2);
if (out === undefined) {
  console.error('usage: node src/integrations/make-pyodide-snapshot.ts <out.bin.gz> <module> [<module> …]');
  process.exit(2);
}
const indexURL = `${path.resolve('node_modules', 'pyodide')}/`;
// `_makeSnapshot` and `makeMemorySnapshot` are Pyodide's snapshot API (underscored: not yet public); the
// pinned version is the one tested, and the worker falls back to a normal start if restoring ever fails.
const pyodide = await loadPyodide({ indexURL, env: { ...PYTHON_ENV }, _makeSnapshot: true });
pyodide.runPython(modules.map((name) => `import ${name}`).join('\n'));
const snapshot = pyodide.makeMemorySnapshot();
fs.mkdirSync(path.dirname(out), { recursive: true });
const temporary = `${out}.${process.pid}.tmp`;
fs.writeFileSync(temporary, zlib.gzipSync(snapshot, { level: 9 }));
fs.renameSync(temporary, out);
