import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { load as loadYaml } from 'js-yaml';
import { parseCourse } from '../../src/data/course.ts';
import { chapterSchema } from '../../src/lib/content/chapter-schema.ts';
import { computedTotals } from '../../src/lib/course/totals.ts';

const course = parseCourse(fs.readFileSync('content/course.yaml', 'utf8'));

describe('content/course.yaml against the course program', () => {
  it("has the program's 7 modules and 15 topics, in order", () => {
    expect(course.modules.map((m) => m.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(course.modules.map((m) => m.topics.length)).toEqual([3, 2, 2, 4, 2, 1, 1]);
  });

  it('adds up to the totals printed in the program: 33 / 34 / 4 / 94, 165 overall', () => {
    const { hours, overall } = computedTotals(course);
    expect(hours).toEqual({ lectures: 33, seminars: 34, control: 4, selfStudy: 94 });
    expect(overall).toBe(165);
    expect(course.totals).toEqual({ hours, overall });
  });

  it('weighs homework 0.6, the stress test 0.1 and the project 0.3', () => {
    expect(Object.fromEntries(course.grading.components.map((c) => [c.id, c.weight]))).toEqual({
      homework: 0.6,
      stressTest: 0.1,
      project: 0.3,
    });
  });

  it('maps every 10-point grade to exactly one band, 8–10 отлично … 1–3 не зачтено', () => {
    for (let g = 1; g <= 10; g += 1) {
      expect(course.grading.bands.filter((b) => b.min <= g && g <= b.max)).toHaveLength(1);
    }
    expect(course.grading.bands.map((b) => [b.min, b.max, b.fivePoint, b.passed])).toEqual([
      [8, 10, 'Отлично', true],
      [6, 7, 'Хорошо', true],
      [4, 5, 'Удовлетворительно', true],
      [1, 3, 'Не сдан', false],
    ]);
  });

  it('has five project criteria of 20 % each and five stress-test steps', () => {
    expect(course.project.criteria.map((c) => c.weight)).toEqual([0.2, 0.2, 0.2, 0.2, 0.2]);
    expect(course.stressTest.steps).toHaveLength(5);
    expect(course.homework.map((h) => h.tasks.length)).toEqual([5, 5, 5]);
  });
});

describe('content/chapters', () => {
  const files = fs
    .readdirSync('content/chapters')
    .filter((f) => f.endsWith('.mdx'))
    .sort();
  const topics = course.modules.flatMap((m) => m.topics.map((t) => ({ ...t, module: m.number })));

  it('has one file per topic, named NN-<slug>.mdx in program order', () => {
    expect(files).toEqual(topics.map((t, i) => `${String(i + 1).padStart(2, '0')}-${t.chapter}.mdx`));
  });

  it.each(files)('%s has valid frontmatter matching its topic', (file) => {
    const text = fs.readFileSync(`content/chapters/${file}`, 'utf8');
    const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1];
    const data = chapterSchema.parse(loadYaml(front ?? ''));
    const topic = topics[data.order - 1];
    expect([data.title, data.module]).toEqual([topic?.title, topic?.module]);
    if (data.draft) expect(text.replace(/^---\n[\s\S]*?\n---\s*/, '').trim(), 'a draft has no filler text').toBe('');
  });
});
