import { describe, expect, it } from 'vitest';
import { chapterActivities, parseProps } from '../../src/lib/instructor/activities.ts';
import { qrPathData } from '../../src/lib/qr/path.ts';
import { isSeminarUrl, slideNumbers, stepSlide } from '../../src/lib/seminar/slides.ts';

describe('parseProps', () => {
  it.each([
    [' id="cace"', { id: 'cace' }],
    [` id='a' timeLimit={10} setup`, { id: 'a', timeLimit: '10', setup: '' }],
    [` preset={'retry-storm'} id={"x"}`, { preset: 'retry-storm', id: 'x' }],
    ['', {}],
  ])('%s', (source, expected) => {
    expect(parseProps(source)).toEqual(expected);
  });
});

const CHAPTER = `import PyCell from '../../src/components/PyCell.astro';

Вступление.

<PyCell id="setup" setup hidden>

\`\`\`python
x = 1
\`\`\`

</PyCell>

## Код модели

<PyCell id="eta-handler" timeLimit={10}>

\`\`\`python
print("<PyCell id=\\"not-a-cell\\">")
\`\`\`

</PyCell>

### Подраздел

<LatencyLab preset="retry-storm" />

## Код модели

<DriftLab id="drift2" />

## Проверьте себя

<Quiz id="introduction" />
`;

describe('chapterActivities', () => {
  const found = chapterActivities(CHAPTER);

  it('lists cells, labs and quizzes in order, skipping hidden cells and code that only mentions a tag', () => {
    expect(found.map((a) => [a.kind, a.anchor])).toEqual([
      ['cell', 'cell-eta-handler'],
      ['lab', 'latency-title'],
      ['lab', 'drift2-samples'],
      ['quiz', 'quiz-introduction'],
    ]);
  });

  it('names the section of each, with the book’s heading ids (repeats numbered)', () => {
    // «Код модели» → kod-modeli; its second use on the page → kod-modeli-2 (src/lib/slug.ts).
    expect(found.map((a) => a.section?.id)).toEqual(['kod-modeli', 'podrazdel', 'kod-modeli-2', 'proverte-sebya']);
    expect(found[0]?.props).toEqual({ id: 'eta-handler', timeLimit: '10' });
  });

  it('links a component without its own anchor to its section', () => {
    const [lab] = chapterActivities('## Задержка\n\n<Widget />', { Widget: { kind: 'lab', anchor: () => null } });
    expect(lab?.anchor).toBe('zaderzhka');
  });
});

describe('qrPathData', () => {
  it('draws one rectangle per horizontal run of dark modules', () => {
    expect(
      qrPathData([
        [true, true, false],
        [false, true, true],
        [false, false, false],
      ]),
    ).toBe('M0 0h2v1h-2zM1 1h2v1h-2z');
  });

  it('covers exactly the dark modules', () => {
    const matrix = [
      [true, false, true, true],
      [false, false, false, true],
    ];
    const area = Array.from(qrPathData(matrix).matchAll(/h(\d+)v1/g), (m) => Number(m[1])).reduce((a, b) => a + b, 0);
    expect(area).toBe(4); // 1 + 2 + 1 dark modules
  });
});

describe('seminar slides', () => {
  it('puts everything before the first section on slide 0', () => {
    expect(slideNumbers([false, false, true, false, true])).toEqual([0, 0, 1, 1, 2]);
    expect(slideNumbers([true, false, true])).toEqual([0, 0, 1]);
    expect(slideNumbers([])).toEqual([]);
  });

  it('recognises seminar addresses', () => {
    expect(isSeminarUrl(new URL('https://h/prodml/chapters/x/?seminar=1#itogi'))).toBe(true);
    expect(isSeminarUrl(new URL('https://h/prodml/chapters/x/#seminar'))).toBe(true);
    expect(isSeminarUrl(new URL('https://h/prodml/chapters/x/?seminar=0'))).toBe(false);
    expect(isSeminarUrl(new URL('https://h/prodml/chapters/x/#itogi'))).toBe(false);
  });

  it('steps within the page', () => {
    expect(stepSlide(0, -1, 5)).toBe(0);
    expect(stepSlide(3, 1, 5)).toBe(4);
    expect(stepSlide(4, 1, 5)).toBe(4);
    expect(stepSlide(0, 1, 0)).toBe(0);
  });
});
