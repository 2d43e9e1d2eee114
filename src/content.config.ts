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

export const collections = { chapters };
