// The glossary page says in which chapters each term appears («в главах»); this keeps that true.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { load as loadYaml } from 'js-yaml';
import { parseCourse } from '../../src/data/course.ts';
import { parseGlossary } from '../../src/data/glossary.ts';
import { chapterSchema } from '../../src/lib/content/chapter-schema.ts';

const course = parseCourse(fs.readFileSync('content/course.yaml', 'utf8'));
const bookOrder = course.modules.flatMap((m) => m.topics.map((topic) => topic.chapter));
const glossary = parseGlossary(fs.readFileSync('content/glossary.yaml', 'utf8'), bookOrder);
const known = new Set(glossary.terms.map((term) => term.id));

/** Every finished (non-draft) chapter with the term ids its prose links, fenced code left out. */
const finished = fs
  .readdirSync('content/chapters')
  .filter((file) => file.endsWith('.mdx'))
  .sort()
  .flatMap((file) => {
    const text = fs.readFileSync(`content/chapters/${file}`, 'utf8');
    const front = chapterSchema.parse(loadYaml(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? ''));
    if (front.draft) return [];
    const prose = text.replace(/^(\s*)(`{3,}|~{3,})[\s\S]*?^\s*\2\s*$/gm, '');
    const ids = [...prose.matchAll(/<Term\s+id="([^"]+)"/g)].map((match) => match[1] ?? '');
    return [{ file, slug: file.replace(/^\d+-|\.mdx$/g, ''), ids }];
  });

describe('glossary links from the chapters', () => {
  it('has at least 120 terms', () => {
    expect(glossary.terms.length).toBeGreaterThanOrEqual(120);
  });

  it.each(finished)('$file links only terms that the glossary has', ({ ids }) => {
    expect(ids.filter((id) => !known.has(id))).toEqual([]);
  });

  it('lists for every term exactly the finished chapters that link it, in book order', () => {
    const mismatches = glossary.terms.flatMap((term) => {
      const linking = finished.filter((chapter) => chapter.ids.includes(term.id)).map((chapter) => chapter.slug);
      const linked = bookOrder.filter((slug) => linking.includes(slug));
      return linked.join() === term.chapters.join()
        ? []
        : [`${term.id}: glossary says [${term.chapters.join(', ')}], chapters link it in [${linked.join(', ')}]`];
    });
    expect(mismatches).toEqual([]);
  });
});
