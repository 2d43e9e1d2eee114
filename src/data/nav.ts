// Runs at build time: the sidebar and the previous / next order of the whole book.
import { getBook } from './book.ts';
import { getCourse } from './course.ts';
import { href, paths } from './paths.ts';
import { t } from '../i18n/ru.ts';

export interface NavLink {
  label: string;
  href: string;
  draft?: boolean;
}

export interface NavGroup {
  label: string;
  links: NavLink[];
}

/** Titles of the assignment pages, in the order they appear in the program. */
export function assignmentLinks(): NavLink[] {
  const course = getCourse();
  return [
    ...course.homework.map((hw) => ({ label: t.homework(hw.number), href: paths.assignment(hw.slug) })),
    { label: t.stressTest, href: paths.assignment('stress-test') },
    { label: t.project, href: paths.assignment('project') },
  ];
}

/** Sidebar groups: the course, each module with its chapters, the assignments. */
export async function navGroups(): Promise<NavGroup[]> {
  const book = await getBook();
  return [
    {
      label: t.courseGroup,
      links: [
        { label: t.home, href: paths.home() },
        { label: t.coursePage, href: paths.course() },
        { label: t.python.sandbox.title, href: href('/sandbox/') },
        { label: t.grades.title, href: href('/grades/') },
        { label: t.labs.title, href: href('/labs/') },
        { label: t.progress.title, href: href('/progress/') },
        { label: t.search.glossary.title, href: href('/glossary/') },
        { label: t.search.button, href: href('/search/') },
        { label: t.instructor.title, href: href('/instructor/') },
      ],
    },
    ...book.map(({ module, chapters }) => ({
      label: `${t.module(module.number)}. ${module.title}`,
      links: chapters.map((c) => ({ label: c.entry.data.title, href: paths.chapter(c.slug), draft: c.draft })),
    })),
    { label: t.assignments, links: assignmentLinks() },
  ];
}

/** Every page of the sidebar in reading order, for previous / next links. */
export async function readingOrder(): Promise<NavLink[]> {
  return (await navGroups()).flatMap((g) => g.links);
}
