// Runs in the browser, in the worker and in tests: trims a Python traceback to the student's own code.

/** A `File "…", line N[, in name]` line of a formatted traceback (two spaces of indent). */
const FRAME = /^ {2}File "(.+)", line (\d+)(?:, in .+)?$/;
const HEADER = 'Traceback (most recent call last):';

/**
 * A traceback as the student should see it: in every `Traceback (most recent call last):` section, the
 * frames of the engine that ran the cell (everything before the first frame of a file the student wrote)
 * are removed, with their source lines. Frames after the student's first frame (a library their code
 * called) stay, so the chain of calls still reads as Python prints it. Line numbers are not changed: the
 * engine runs a cell's code as it is, so they already count from the cell's first line. A section with no
 * frame of the student's code (the engine itself failed) is kept whole.
 * Format reference: `traceback.format_exception` in the Python standard library.
 * @param isUserFile whether a frame's file name is one of the cells (e.g. `(f) => f.startsWith('ячейка')`).
 * @example
 * trimTraceback(
 *   'Traceback (most recent call last):\n  File "/lib/runner.py", line 9, in run\n    exec(code)\n' +
 *     '  File "ячейка a", line 2, in <module>\nZeroDivisionError: division by zero\n',
 *   (f) => f.startsWith('ячейка'),
 * ) // 'Traceback (most recent call last):\n  File "ячейка a", line 2, in <module>\nZeroDivisionError: division by zero\n'
 */
export function trimTraceback(text: string, isUserFile: (file: string) => boolean): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line !== HEADER) {
      out.push(line);
      i += 1;
      continue;
    }
    // A section: the header, then frames (a File line and its indented source lines), then the rest.
    let end = i + 1;
    const frames: { start: number; file: string }[] = [];
    while (end < lines.length) {
      const current = lines[end] ?? '';
      const frame = FRAME.exec(current);
      if (frame !== null) frames.push({ start: end, file: frame[1] ?? '' });
      else if (!current.startsWith('    ') && !/^ {2}\[Previous line repeated/.test(current)) break;
      end += 1;
    }
    const firstUser = frames.find((f) => isUserFile(f.file));
    const keepFrom = firstUser?.start ?? i + 1;
    out.push(HEADER, ...lines.slice(keepFrom, end));
    i = end;
  }
  return out.join('\n');
}

/**
 * The last line of a traceback that names the exception (`ZeroDivisionError: division by zero`), for a
 * short status message; the whole text when no such line is found.
 * @example lastErrorLine('Traceback (most recent call last):\n  File "a", line 1\nKeyError: 1\n') // 'KeyError: 1'
 */
export function lastErrorLine(traceback: string): string {
  const lines = traceback.split('\n').filter((l) => l.trim() !== '');
  return lines.at(-1)?.trim() ?? traceback;
}
