// Runs at build time, in the browser, in scripts and tests: what a Python cell is — its options, how it is
// written in a chapter's MDX, its file name in tracebacks and the hash that tells a changed book cell.

/** A cell's options, checked. */
export interface CellOptions {
  /** Stable id: the deep link is `#cell-<id>`, edits are stored under it. */
  id: string;
  /** Pyodide packages (distribution names) the cell needs beyond the standard library. */
  packages: string[];
  /** Runs automatically before the first cell of its page that the student runs; shown folded. */
  setup: boolean;
  /** A setup cell that is not shown at all. */
  hidden: boolean;
  /** Time limit of one run in seconds; null for none. */
  timeLimitSeconds: number | null;
}

/** Options as written on `<PyCell>`: strings, booleans or numbers, unchecked. */
export type RawCellOptions = Partial<Record<'id' | 'packages' | 'setup' | 'hidden' | 'timeLimit', unknown>>;

const ID = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const PACKAGE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const MAX_TIME_LIMIT_SECONDS = 600;

const flag = (value: unknown, name: string, id: string): boolean => {
  if (value === undefined || value === false) return false;
  if (value === true) return true;
  throw new Error(`PyCell "${id}": ${name} is a flag, write it without a value`);
};

/**
 * Checks the options written on a `<PyCell>`.
 * @example parseCellOptions({ id: 'cace', packages: 'numpy pandas', timeLimit: 10 })
 * // { id: 'cace', packages: ['numpy', 'pandas'], setup: false, hidden: false, timeLimitSeconds: 10 }
 * @throws Error naming the cell and the option when an option is not valid.
 */
export function parseCellOptions(raw: RawCellOptions): CellOptions {
  const id = raw.id;
  if (typeof id !== 'string' || !ID.test(id)) {
    throw new Error(
      `PyCell: id ${JSON.stringify(id)} is not valid: use 1–64 lower-case Latin letters, digits and hyphens (e.g. "cace-demo")`,
    );
  }
  let packages: string[] = [];
  if (raw.packages !== undefined) {
    if (typeof raw.packages !== 'string') throw new Error(`PyCell "${id}": packages is a string, e.g. "numpy pandas"`);
    packages = raw.packages.split(/[\s,]+/).filter((p) => p !== '');
    const bad = packages.find((p) => !PACKAGE.test(p));
    if (bad !== undefined) throw new Error(`PyCell "${id}": package name ${JSON.stringify(bad)} is not valid`);
  }
  let timeLimitSeconds: number | null = null;
  if (raw.timeLimit !== undefined) {
    const n = typeof raw.timeLimit === 'string' ? Number(raw.timeLimit) : raw.timeLimit;
    if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0 || n > MAX_TIME_LIMIT_SECONDS) {
      throw new Error(`PyCell "${id}": timeLimit is seconds, a number from 0 to ${MAX_TIME_LIMIT_SECONDS}`);
    }
    timeLimitSeconds = n;
  }
  const hidden = flag(raw.hidden, 'hidden', id);
  const setup = flag(raw.setup, 'setup', id) || hidden;
  return { id, packages, setup, hidden, timeLimitSeconds };
}

/** A cell as written in a chapter's source. */
export interface CellSource {
  options: CellOptions;
  code: string;
  /** The output the cell must print (the ```text block after the code), or null when not declared. */
  expected: string | null;
  /** 1-based line of `<PyCell` in the source. */
  line: number;
}

const CELL = /<PyCell\b([^>]*)>([\s\S]*?)<\/PyCell>/g;
const ATTRIBUTE = /([A-Za-z]+)(?:=(?:"([^"]*)"|\{([^}]*)\}))?/g;
const FENCE = /^(`{3,}|~{3,})[ \t]*([\w-]*)[^\n]*\n([\s\S]*?)^\1[`~]*[ \t]*$/gm;

const expressionValue = (text: string, name: string): unknown => {
  const trimmed = text.trim();
  if (trimmed === 'true') return true;
  if (trimmed === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  throw new Error(`PyCell: ${name}={${text}} is not supported; write a number, true or false, or a "string"`);
};

/** The attributes of an opening `<PyCell …>` tag. */
function attributes(text: string): RawCellOptions {
  const raw: Record<string, unknown> = {};
  for (const m of text.matchAll(ATTRIBUTE)) {
    const name = m[1] ?? '';
    if (m[2] !== undefined) raw[name] = m[2];
    else if (m[3] !== undefined) raw[name] = expressionValue(m[3], name);
    else raw[name] = true;
  }
  return raw;
}

/**
 * Every `<PyCell>` of an MDX source, in order. A cell holds a fenced ```python block (its code) and may
 * hold a fenced ```text block (the output it must print). Fenced code survives MDX as written:
 * indentation, quotes, braces and backslashes need no escaping.
 * @example extractCells('<PyCell id="a">\n\n```python\nprint(1)\n```\n\n```text\n1\n```\n\n</PyCell>')
 * // [{ options: { id: 'a', … }, code: 'print(1)', expected: '1', line: 1 }]
 * @throws Error naming the cell when it has no python block, or options that are not valid.
 */
export function extractCells(source: string): CellSource[] {
  const cells: CellSource[] = [];
  for (const m of source.matchAll(CELL)) {
    const line = source.slice(0, m.index).split('\n').length;
    const options = parseCellOptions(attributes(m[1] ?? ''));
    let code: string | null = null;
    let expected: string | null = null;
    for (const fence of (m[2] ?? '').matchAll(FENCE)) {
      const body = (fence[3] ?? '').replace(/\n$/, '');
      if (fence[2] === 'python' && code === null) code = body;
      else if (fence[2] === 'text' && code !== null && expected === null) expected = body;
    }
    if (code === null) throw new Error(`PyCell "${options.id}" (line ${line}): no \`\`\`python block inside`);
    cells.push({ options, code, expected, line });
  }
  return cells;
}

/**
 * The file name of a cell's code in tracebacks: `File "ячейка cace", line 3`.
 * @example cellFileName('cace') // 'ячейка cace'
 */
export function cellFileName(id: string): string {
  return id === '' ? 'ячейка' : `ячейка ${id}`;
}

/** Whether a traceback file name is a cell's (see `cellFileName`). */
export function isCellFileName(file: string): boolean {
  return file === 'ячейка' || file.startsWith('ячейка ');
}

/**
 * The namespace a page's cells share: the last segment of its path (a chapter's slug), so that chapters
 * do not see each other's variables.
 * @example namespaceForPath('/prodml/chapters/introduction/') // 'introduction'
 */
export function namespaceForPath(pathname: string): string {
  return (
    pathname
      .split('/')
      .filter((s) => s !== '')
      .at(-1) ?? 'index'
  );
}

/**
 * A short hash of a cell's code (cyrb53, 53 bits, hex): tells whether the book's version of a cell
 * changed since the student edited it. Not cryptographic.
 * @example codeHash('print(1)') === codeHash('print(1)') // true
 * @see https://github.com/bryc/code/blob/master/jshash/experimental/cyrb53.js (public domain)
 */
export function codeHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

/** A highlighted code block of rendered HTML. */
export interface CodeBlock {
  /** Its `data-language` (Shiki writes the fence's language there). */
  language: string;
  html: string;
}

const PRE = /<pre\b[^>]*?\bdata-language="([^"]*)"[^>]*>[\s\S]*?<\/pre>/g;

/**
 * The highlighted `<pre>` blocks in the HTML a `<PyCell>` receives from MDX, in order. Inside a block
 * every `<` of the code is escaped, so a block ends at its first `</pre>`.
 * @example splitCodeBlocks('<pre class="astro-code" data-language="python"><code>x</code></pre>')
 * // [{ language: 'python', html: '<pre class="astro-code" data-language="python"><code>x</code></pre>' }]
 */
export function splitCodeBlocks(html: string): CodeBlock[] {
  return Array.from(html.matchAll(PRE), (m) => ({ language: m[1] ?? '', html: m[0] }));
}
