import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { parseCourse } from '../../src/data/course.ts';
import { computedTotals, courseConsistencyProblems, hoursSum } from '../../src/lib/course/totals.ts';
import { formatPath } from '../../src/lib/content/errors.ts';

const text = fs.readFileSync('content/course.yaml', 'utf8');

describe('parseCourse', () => {
  it('names the file and the field of a malformed value', () => {
    const broken = text.replace(/lectures: 5/, 'lectures: пять');
    expect(() => parseCourse(broken)).toThrow(
      /content\/course\.yaml is not valid:\n {2}• modules\[\d\]\.hours\.lectures: /,
    );
  });

  it('reports YAML syntax errors with the file name', () => {
    expect(() => parseCourse('title: [unclosed')).toThrow(/^content\/course\.yaml is not valid YAML/);
  });

  it('reports totals that do not add up', () => {
    const broken = text.replace(/overall: 165/, 'overall: 166');
    expect(() => parseCourse(broken)).toThrow('totals.overall: printed 166, hours add up to 165');
  });
});

describe('courseConsistencyProblems', () => {
  const course = parseCourse(text);

  it('finds weights that do not sum to 1', () => {
    const [first, ...rest] = course.grading.components;
    if (first === undefined) throw new Error('no components');
    const skewed = { ...course, grading: { ...course.grading, components: [{ ...first, weight: 0.5 }, ...rest] } };
    expect(courseConsistencyProblems(skewed)).toEqual(['grading.components: weights sum to 0.9, not 1']);
  });

  it('finds a chapter slug used twice', () => {
    const modules = course.modules.map((m) => ({ ...m, topics: [...m.topics] }));
    const [first, second] = modules;
    const topic = first?.topics[0];
    if (second === undefined || topic === undefined) throw new Error('course has too few modules');
    second.topics.push(topic);
    expect(courseConsistencyProblems({ ...course, modules })).toContain(
      `modules: chapter slug "${topic.chapter}" is used by two topics`,
    );
  });

  it('sums hours per field', () => {
    const { hours, overall } = computedTotals(course);
    expect(overall).toBe(hoursSum(hours));
  });
});

describe('formatPath', () => {
  it('writes array indices in brackets', () => {
    expect(formatPath(['modules', 2, 'hours', 'lectures'])).toBe('modules[2].hours.lectures');
    expect(formatPath([])).toBe('');
  });
});
