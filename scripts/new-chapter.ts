// `npm run new:chapter -- <topic-slug>`: scaffolds the chapter of a topic that content/course.yaml lists but
// that has no chapter file yet. Writes content/chapters/NN-<slug>.mdx as a draft (frontmatter only: a
// draft's body stays empty) and content/quizzes/<slug>.yaml with one placeholder question, renames later
// chapters whose number moved because the topic was inserted before them, and prints the section skeleton
// to paste into the body when the text is written. Every file it writes passes the build's own checks.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHAPTER_DIR, CHAPTER_FILE, QUIZ_DIR, readChapters, readQuiz } from './book-files.ts';
import { COURSE_FILE, parseCourse } from '../src/data/course.ts';
import { COMMON_MISTAKES_HEADING } from '../src/lib/content/chapter-rules.ts';

/** Bad input: the message says what to do instead. */
export class ScaffoldError extends Error {
  override readonly name = 'ScaffoldError';
}

/** A topic of the program with the place its chapter takes. */
export interface PlannedTopic {
  title: string;
  slug: string;
  module: number;
  order: number;
  /** `content/chapters/NN-<slug>.mdx` for this topic's position. */
  file: string;
}

export interface ScaffoldResult {
  chapter: PlannedTopic;
  /** The quiz file, or null when one already existed and was kept. */
  quizFile: string | null;
  /** Chapters renamed (and renumbered) because the new topic comes before them. */
  renamed: Array<{ from: string; to: string }>;
  /** What to paste into the chapter's body when its text is written. */
  skeleton: string;
}

const chapterFile = (order: number, slug: string): string =>
  `${CHAPTER_DIR}/${String(order).padStart(2, '0')}-${slug}.mdx`;

/** The program's topics in order, with their module and chapter file. */
export function programTopics(root: string): PlannedTopic[] {
  const course = parseCourse(fs.readFileSync(path.join(root, COURSE_FILE), 'utf8'));
  let order = 0;
  return course.modules.flatMap((m) =>
    m.topics.map((t) => {
      order += 1;
      return { title: t.title, slug: t.chapter, module: m.number, order, file: chapterFile(order, t.chapter) };
    }),
  );
}

/** Existing chapter files by slug. */
function chapterFilesBySlug(root: string): Map<string, string> {
  const names = fs.readdirSync(path.join(root, CHAPTER_DIR)).filter((n) => CHAPTER_FILE.test(n));
  return new Map(names.map((n) => [n.replace(CHAPTER_FILE, '$2'), `${CHAPTER_DIR}/${n}`]));
}

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
const quoted = (text: string): string => JSON.stringify(text);

/** The frontmatter of a new draft chapter: valid against chapterSchema, to be filled in by the author. */
export function draftChapter(topic: PlannedTopic): string {
  return [
    '---',
    `title: ${quoted(topic.title)}`,
    `module: ${topic.module}`,
    `order: ${topic.order}`,
    `summary: ${quoted(`Черновик главы «${topic.title}»: замените эту фразу двумя-тремя фразами о том, что разбирает глава и зачем.`)}`,
    'objectives:',
    `  - ${quoted('Замените этот пункт: что студент сможет сделать после главы (нужно не меньше трёх целей).')}`,
    'sources: []',
    'draft: true',
    '---',
    '',
  ].join('\n');
}

/** The id of the placeholder question of a new quiz. */
export const placeholderQuestionId = (slug: string): string => `${slug}-placeholder`;

/** A quiz with one valid placeholder question, for `content/quizzes/<slug>.yaml`. */
export function draftQuiz(topic: PlannedTopic): string {
  return [
    `# Self-check of «${topic.title}» (content/chapters/${path.basename(topic.file)}); format: docs/quizzes.md.`,
    '# Replace the placeholder with real questions; ids are unique across the book and never reused.',
    'questions:',
    `  - id: ${placeholderQuestionId(topic.slug)}`,
    '    type: single',
    `    prompt: ${quoted(`Заготовка вопроса к главе «${topic.title}». Какой вариант верный?`)}`,
    '    options:',
    `      - text: ${quoted('Этот')}`,
    '        correct: true',
    `        explanation: ${quoted('Замените вопрос, варианты и пояснения настоящими.')}`,
    `      - text: ${quoted('Не этот')}`,
    `        explanation: ${quoted('У каждого варианта должно быть своё пояснение.')}`,
    '',
  ].join('\n');
}

/** The body a finished chapter starts from: three sections including the required one, then the quiz. */
export function chapterSkeleton(slug: string): string {
  return [
    "import Quiz from '../../src/components/Quiz.astro';",
    '',
    '## Зачем это нужно',
    '',
    '## Как это устроено',
    '',
    `## ${COMMON_MISTAKES_HEADING}`,
    '',
    '## Проверьте себя',
    '',
    `<Quiz id="${slug}" />`,
    '',
  ].join('\n');
}

/** Sets the `order:` and `module:` lines of a chapter's frontmatter. */
function renumbered(text: string, topic: PlannedTopic): string {
  const end = text.indexOf('\n---', 3);
  const front = text
    .slice(0, end)
    .replace(/^order:.*$/m, `order: ${topic.order}`)
    .replace(/^module:.*$/m, `module: ${topic.module}`);
  return front + text.slice(end);
}

function freeTopicsList(topics: readonly PlannedTopic[], existing: ReadonlyMap<string, string>): string {
  const free = topics.filter((t) => !existing.has(t.slug));
  if (free.length === 0) {
    return [
      `Every topic of ${COURSE_FILE} already has a chapter. Add the topic to its module first, e.g.`,
      '',
      '      - title: Название темы из программы',
      '        chapter: my-topic',
      '',
      'then run `npm run new:chapter -- my-topic`.',
    ].join('\n');
  }
  return `Topics of ${COURSE_FILE} without a chapter:\n${free.map((t) => `  • ${t.slug} — «${t.title}» (module ${t.module})`).join('\n')}`;
}

/**
 * Creates the draft chapter and quiz of topic `slug` in the book at `root`.
 * @throws ScaffoldError when the slug is missing, unknown or already has a chapter.
 */
export function scaffoldChapter(root: string, slug: string | undefined): ScaffoldResult {
  const topics = programTopics(root);
  const existing = chapterFilesBySlug(root);
  if (slug === undefined || slug === '') {
    throw new ScaffoldError(
      `Name the topic: npm run new:chapter -- <topic-slug>\n\n${freeTopicsList(topics, existing)}`,
    );
  }
  const topic = topics.find((t) => t.slug === slug);
  if (topic === undefined) {
    throw new ScaffoldError(
      `No topic of ${COURSE_FILE} has \`chapter: ${slug}\`.\n\n${freeTopicsList(topics, existing)}`,
    );
  }
  const current = existing.get(slug);
  if (current !== undefined) {
    throw new ScaffoldError(`${current} already exists: edit it instead (set draft: false when its text is written).`);
  }
  const quizFile = `${QUIZ_DIR}/${slug}.yaml`;
  const keepQuiz = fs.existsSync(path.join(root, quizFile));
  const questionId = placeholderQuestionId(slug);
  if (!keepQuiz) {
    const owner = readChapters(root).find((c) => readQuiz(root, c.slug)?.questions.some((q) => q.id === questionId));
    if (owner !== undefined) {
      throw new ScaffoldError(
        `${QUIZ_DIR}/${owner.slug}.yaml already uses the question id "${questionId}"; question ids are unique across the book.`,
      );
    }
  }

  const renamed: Array<{ from: string; to: string }> = [];
  for (const other of topics) {
    const from = existing.get(other.slug);
    if (from === undefined) continue;
    const text = fs.readFileSync(path.join(root, from), 'utf8');
    const updated = renumbered(text, other);
    if (from === other.file && updated === text) continue;
    fs.writeFileSync(path.join(root, from), updated);
    if (from !== other.file) {
      fs.renameSync(path.join(root, from), path.join(root, other.file));
      renamed.push({ from, to: other.file });
    }
  }
  fs.writeFileSync(path.join(root, topic.file), draftChapter(topic), { flag: 'wx' });
  if (!keepQuiz) fs.writeFileSync(path.join(root, quizFile), draftQuiz(topic), { flag: 'wx' });
  return { chapter: topic, quizFile: keepQuiz ? null : quizFile, renamed, skeleton: chapterSkeleton(slug) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  try {
    const { chapter, quizFile, renamed, skeleton } = scaffoldChapter(root, process.argv[2]);
    for (const r of renamed) console.log(`renamed ${r.from} → ${r.to} (order updated)`);
    console.log(`created ${chapter.file} (draft: true, module ${chapter.module}, order ${chapter.order})`);
    console.log(
      quizFile === null
        ? `kept the existing ${QUIZ_DIR}/${chapter.slug}.yaml`
        : `created ${quizFile} (one placeholder question)`,
    );
    console.log(
      [
        '',
        'Next: fill in summary, objectives and sources. While draft: true the body stays empty; when you',
        'write the text, paste this skeleton under the frontmatter, then set draft: false',
        '(the build then checks the finished-chapter rules, see docs/authoring.md):',
        '',
        skeleton.replace(/^/gm, '    ').trimEnd(),
      ].join('\n'),
    );
  } catch (error) {
    console.error(`✖ ${(error as Error).message}`);
    process.exit(1);
  }
}
