// Runs at build time only: the book's structure, joined from the course program and the chapters.
import { getCollection, type CollectionEntry } from 'astro:content';
import { getCourse } from './course.ts';
import { ContentError } from '../lib/content/errors.ts';
import { finishedChapterProblems, readingMinutes } from '../lib/content/chapter-rules.ts';
import { countWords } from '../lib/content/stats.ts';
import type { CourseModule } from '../lib/course/schema.ts';

export interface BookChapter {
  slug: string;
  entry: CollectionEntry<'chapters'>;
  module: CourseModule;
  /** 1-based position in the whole program. */
  order: number;
  words: number;
  minutes: number;
  draft: boolean;
}

export interface BookModule {
  module: CourseModule;
  chapters: BookChapter[];
}

let cached: Promise<BookModule[]> | undefined;

async function load(): Promise<BookModule[]> {
  const course = getCourse();
  const entries = new Map((await getCollection('chapters')).map((e) => [e.id, e]));
  const problems: string[] = [];
  let order = 0;
  const modules = course.modules.map((module) => ({
    module,
    chapters: module.topics.flatMap((topic): BookChapter[] => {
      order += 1;
      const entry = entries.get(topic.chapter);
      const expectedFile = `content/chapters/${String(order).padStart(2, '0')}-${topic.chapter}.mdx`;
      if (entry === undefined) {
        problems.push(`${expectedFile}: missing (topic «${topic.title}» of module ${module.number})`);
        return [];
      }
      entries.delete(topic.chapter);
      const file = entry.filePath ?? expectedFile;
      const { data } = entry;
      if (file !== expectedFile) problems.push(`${file}: should be named ${expectedFile}`);
      if (data.title !== topic.title)
        problems.push(`${file} → title: «${data.title}», the program says «${topic.title}»`);
      if (data.module !== module.number)
        problems.push(`${file} → module: ${data.module}, the program says ${module.number}`);
      if (data.order !== order) problems.push(`${file} → order: ${data.order}, the program says ${order}`);
      const body = entry.body ?? '';
      if (!data.draft) {
        for (const p of finishedChapterProblems(data, body)) problems.push(`${file} → ${p} (or set draft: true)`);
      }
      const words = countWords(body);
      return [{ slug: topic.chapter, entry, module, order, words, minutes: readingMinutes(words), draft: data.draft }];
    }),
  }));
  for (const extra of entries.values()) {
    problems.push(`${extra.filePath ?? extra.id}: no topic of content/course.yaml points to chapter "${extra.id}"`);
  }
  if (problems.length > 0) {
    throw new ContentError(
      `The book's chapters do not match the course program:\n${problems.map((p) => `  • ${p}`).join('\n')}`,
    );
  }
  return modules;
}

/** Modules with their chapters in program order; validated once per build. */
export function getBook(): Promise<BookModule[]> {
  cached ??= load();
  return cached;
}

/** All chapters in program order. */
export async function getChapters(): Promise<BookChapter[]> {
  return (await getBook()).flatMap((m) => m.chapters);
}
