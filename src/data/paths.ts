// Runs at build time: every in-site link goes through here so the base path is respected.
import { joinBase } from '../lib/url.ts';

/** An in-site URL under the configured base path. */
export function href(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}

export const paths = {
  home: () => href('/'),
  course: () => href('/course/'),
  chapter: (slug: string) => href(`/chapters/${slug}/`),
  assignment: (slug: string) => href(`/assignments/${slug}/`),
} as const;
