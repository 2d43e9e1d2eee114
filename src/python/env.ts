// The interpreter's environment, shared by the browser worker, the Node content test and the build-time
// memory snapshot (src/integrations/pyodide-snapshot.ts): a snapshot keeps `os.environ` as it was made.

/**
 * Environment of the interpreter, the same in the browser and in the content test: a fixed hash seed, so
 * that iterating a set of strings gives the same order everywhere (and the book's printed output holds).
 */
export const PYTHON_ENV: Readonly<Record<string, string>> = {
  HOME: '/home/pyodide',
  PYTHONHASHSEED: '0',
  MPLBACKEND: 'agg',
};
