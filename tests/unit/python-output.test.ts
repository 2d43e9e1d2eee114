import { describe, expect, it } from 'vitest';
import { createBatcher, OutputLog, type Segment } from '../../src/lib/python/output.ts';

describe('createBatcher', () => {
  const setup = (maxChars = 1000) => {
    let time = 0;
    const sent: Segment[][] = [];
    const batcher = createBatcher({ emit: (s) => sent.push(s), now: () => time, intervalMs: 40, maxChars });
    return { batcher, sent, advance: (ms: number) => (time += ms) };
  };

  it('sends the first write at once, then joins writes until the interval or the flush', () => {
    const { batcher, sent } = setup();
    batcher.write('stdout', 'a\n');
    expect(sent).toEqual([[{ stream: 'stdout', text: 'a\n' }]]);
    batcher.write('stdout', 'b\n');
    batcher.write('stdout', 'c\n');
    batcher.write('stderr', 'oops\n');
    expect(sent).toHaveLength(1);
    batcher.flush();
    expect(sent[1]).toEqual([
      { stream: 'stdout', text: 'b\nc\n' },
      { stream: 'stderr', text: 'oops\n' },
    ]);
  });

  it('sends at the first write after the interval, and when enough characters wait', () => {
    const { batcher, sent, advance } = setup(10);
    batcher.write('stdout', '0\n'); // sent at once (nothing was sent before)
    batcher.write('stdout', '1\n');
    advance(41);
    batcher.write('stdout', '2\n'); // 41 ms ≥ 40 ms since the last batch: sent with what waited
    expect(sent).toEqual([[{ stream: 'stdout', text: '0\n' }], [{ stream: 'stdout', text: '1\n2\n' }]]);
    batcher.write('stdout', '0123456789'); // 10 characters ≥ maxChars
    expect(sent).toHaveLength(3);
  });

  it('sends nothing on a flush with nothing waiting', () => {
    const { batcher, sent } = setup();
    batcher.flush();
    batcher.write('stdout', '');
    expect(sent).toEqual([]);
  });

  it('turns a million lines into a few messages', () => {
    const { batcher, sent } = setup(64 * 1024);
    for (let i = 0; i < 1_000_000; i += 1) batcher.write('stdout', `${i}\n`);
    batcher.flush();
    // 0…999999 with newlines: 10 + 90·2 + 900·3 + 9000·4 + 90000·5 + 900000·6 + 1e6 newlines = 6 888 890 chars,
    // the first line alone, then batches of at least 65 536 characters: at most 1 + ⌈6 888 890 / 65 536⌉ = 107.
    expect(sent.length).toBeLessThanOrEqual(107);
    expect(sent.flat().reduce((n, s) => n + s.text.length, 0)).toBe(6_888_890);
  });
});

describe('OutputLog', () => {
  it('shows the first lines and counts the hidden ones', () => {
    const log = new OutputLog({ shownLines: 2, keptChars: 100 });
    log.append('stdout', '1\n2\n');
    log.append('stderr', '3\n');
    log.append('stdout', '4');
    expect(log.totalLines).toBe(4); // three newlines and a last line without one
    expect(log.view(false)).toEqual({
      segments: [{ stream: 'stdout', text: '1\n2\n' }],
      hiddenLines: 2,
      droppedChars: 0,
      totalLines: 4,
    });
    expect(log.view(true).segments).toEqual([
      { stream: 'stdout', text: '1\n2\n' },
      { stream: 'stderr', text: '3\n' },
      { stream: 'stdout', text: '4' },
    ]);
  });

  it('cuts the shown part inside a segment of another stream', () => {
    const log = new OutputLog({ shownLines: 2, keptChars: 100 });
    log.append('stdout', 'a\n');
    log.append('stderr', 'b\nc\n');
    expect(log.view(false).segments).toEqual([
      { stream: 'stdout', text: 'a\n' },
      { stream: 'stderr', text: 'b\n' },
    ]);
  });

  it('keeps at most keptChars characters and counts the rest', () => {
    const log = new OutputLog({ shownLines: 10, keptChars: 5 });
    log.append('stdout', 'abc\n');
    log.append('stdout', 'defgh\n');
    expect(log.text()).toBe('abc\nd');
    expect(log.view(true).droppedChars).toBe(5); // 10 characters arrived, 5 kept
    expect(log.totalLines).toBe(2);
  });

  it('is empty before any output', () => {
    const log = new OutputLog({ shownLines: 1, keptChars: 1 });
    expect(log.isEmpty).toBe(true);
    expect(log.view(false)).toEqual({ segments: [], hiddenLines: 0, droppedChars: 0, totalLines: 0 });
  });
});
