// Runs at build time and in unit tests: the shape of content/glossary.yaml.
import { z } from 'zod';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One glossary entry: a term of the course in Russian and in English, with its definition. */
export const glossaryTermSchema = z.strictObject({
  /**
   * Stable Latin id: the anchor on the glossary page (`/glossary/#data-drift`) and the `id` of
   * `<Term id="data-drift">` in chapters. Lower case, digits and hyphens; never change it once published.
   */
  id: z.string().regex(SLUG, 'id: latin lower case, digits and hyphens, e.g. data-drift'),
  /** The Russian term as the book uses it, in the nominative case: «дрейф данных». */
  ru: z.string().trim().min(1),
  /** The English term as the sources use it: «data drift». Searching it finds the Russian entry. */
  en: z.string().trim().min(1),
  /** What the term means, in Russian, in the book's own words: one to three sentences. */
  definition: z.string().trim().min(20, 'definition: write at least one full sentence'),
  /** Chapters that link the term with `<Term>`, in book order: slugs from content/course.yaml. */
  chapters: z.array(z.string().regex(SLUG, 'chapter slug: latin lower case and hyphens')).min(1),
  /** Other names of the term in either language (abbreviations, synonyms); searchable and shown on the page. */
  aliases: z.array(z.string().trim().min(1)).optional(),
});

/** The whole file: a list of terms (any order; the page sorts them by the Russian term). */
export const glossarySchema = z.strictObject({
  /** Every term of the glossary. */
  terms: z.array(glossaryTermSchema).min(1),
});

export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;
export type Glossary = z.infer<typeof glossarySchema>;
