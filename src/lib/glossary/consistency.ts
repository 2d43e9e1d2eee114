// Runs at build time and in unit tests: what the glossary schema cannot check on its own.
import type { Glossary, GlossaryTerm } from './schema.ts';

/**
 * Problems a glossary has beyond its shape: repeated ids or Russian terms, and chapters that the
 * course program does not have. An empty list means the glossary is consistent.
 * @param chapterSlugs every chapter slug of content/course.yaml.
 * @example glossaryProblems({ terms: [a, a] }, ['introduction']) // ['terms[1].id: «a» repeats terms[0]']
 */
export function glossaryProblems(glossary: Glossary, chapterSlugs: readonly string[]): string[] {
  const problems: string[] = [];
  const known = new Set(chapterSlugs);
  const ids = new Map<string, number>();
  const names = new Map<string, number>();
  glossary.terms.forEach((term, i) => {
    const firstId = ids.get(term.id);
    if (firstId === undefined) ids.set(term.id, i);
    else problems.push(`terms[${i}].id: «${term.id}» repeats terms[${firstId}]`);
    const name = term.ru.toLocaleLowerCase('ru');
    const firstName = names.get(name);
    if (firstName === undefined) names.set(name, i);
    else problems.push(`terms[${i}].ru: «${term.ru}» repeats terms[${firstName}]`);
    term.chapters.forEach((slug, j) => {
      if (!known.has(slug)) problems.push(`terms[${i}].chapters[${j}]: no chapter «${slug}» in content/course.yaml`);
    });
  });
  return problems;
}

/**
 * Terms in Russian alphabetical order («ё» sorts with «е»), the order of the glossary page.
 * @example sortTerms([{ ru: 'Задержка' }, { ru: 'Бюджет ошибок' }]) // Бюджет ошибок, Задержка
 */
export function sortTerms<T extends Pick<GlossaryTerm, 'ru'>>(terms: readonly T[]): T[] {
  const collator = new Intl.Collator('ru', { sensitivity: 'base' });
  return [...terms].sort((a, b) => collator.compare(a.ru, b.ru));
}
