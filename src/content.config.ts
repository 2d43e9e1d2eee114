// Runs at build time: the book's content collections.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { chapterSchema } from './lib/content/chapter-schema.ts';

/** One MDX file per topic of the program: `content/chapters/NN-<slug>.mdx`, id = `<slug>`. */
const chapters = defineCollection({
  loader: glob({
    pattern: '[0-9][0-9]-*.mdx',
    base: './content/chapters',
    generateId: ({ entry }) => entry.replace(/^\d\d-/, '').replace(/\.mdx$/, ''),
  }),
  schema: chapterSchema,
});

/**
 * One quiz per chapter: `content/quizzes/<chapter-slug>.yaml`, id = `<chapter-slug>`. No collection schema
 * on purpose: src/data/quizzes.ts validates with `quizSchema` (src/lib/quiz/schema.ts) and the book's rules,
 * so that a broken quiz stops the build with a message naming the file, the question id and the field.
 */
const quizzes = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/quizzes' }),
});

export const collections = { chapters, quizzes };
