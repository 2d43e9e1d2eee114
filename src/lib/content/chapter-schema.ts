// Runs at build time (content collections) and in unit tests; never shipped to the browser.
import { z } from 'zod';

/** A source cited at the end of a chapter. */
export const sourceSchema = z.strictObject({
  /** Title of the work or page, in its own language. */
  title: z.string().min(1),
  /** Authors or the publishing organisation, e.g. «Sculley D. et al.» or «Google Cloud». */
  author: z.string().min(1).optional(),
  /** Year of publication, or of the version of the docs that was read. */
  year: z.number().int().min(1900).max(2100).optional(),
  /** Where it was published: a venue, a journal or a documentation site. */
  publisher: z.string().min(1).optional(),
  /** A stable public URL (https). */
  url: z.url({ protocol: /^https$/ }),
  /** A one-line note on what the chapter takes from it, in Russian. */
  note: z.string().min(1).optional(),
});

/** Frontmatter of a chapter MDX file in `content/chapters/`. */
export const chapterSchema = z.strictObject({
  /** Chapter title: the topic title from the course program. */
  title: z.string().min(1),
  /** Module number (1-based) this topic belongs to in the program. */
  module: z.number().int().positive(),
  /** Position of the topic in the whole program, 1-based; also the file-name prefix. */
  order: z.number().int().positive(),
  /** Two or three sentences on what the chapter covers and why it matters. Shown on the map. */
  summary: z.string().min(1),
  /** What a student can do after the chapter («Вы сможете…»), one line each. */
  objectives: z.array(z.string().min(1)).min(1),
  /** Sources listed at the end of the chapter; primary sources first. */
  sources: z.array(sourceSchema).default([]),
  /**
   * True while the text is not written yet: the map shows «в работе» and the page shows
   * only the summary and objectives. A finished chapter (false) must pass the finished-chapter rules.
   */
  draft: z.boolean().default(false),
});

export type ChapterData = z.infer<typeof chapterSchema>;
export type Source = z.infer<typeof sourceSchema>;
