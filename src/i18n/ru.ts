// Runs at build time and in the browser: every interface string of the book, in Russian.
// A second locale is a second file with the same keys (the `Strings` type enforces it).
import { ruCore } from './ru/core.ts';
import { ruSearch } from './ru/search.ts';
import { ruOffline } from './ru/offline.ts';
import { ruInstructor } from './ru/instructor.ts';
import { ruGrades } from './ru/grades.ts';
import { ruQuiz } from './ru/quiz.ts';
import { ruProgress } from './ru/progress.ts';
import { ruLabs } from './ru/labs.ts';
import { ruPython } from './ru/python.ts';

export { ruCore, ruSearch, ruOffline, ruInstructor, ruGrades, ruQuiz, ruProgress, ruLabs, ruPython };
export { plural } from './plural.ts';

/**
 * All strings, for build-time code. Browser code imports only the parts it uses (`ruCore`, `ruQuiz`…)
 * so that a page ships only its own strings.
 */
export const ru = {
  ...ruCore,
  search: ruSearch,
  offline: ruOffline,
  instructor: ruInstructor,
  grades: ruGrades,
  quiz: ruQuiz,
  progress: ruProgress,
  labs: ruLabs,
  python: ruPython,
} as const;

export type Strings = typeof ru;
export const t: Strings = ru;
