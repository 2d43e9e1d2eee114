// Runs at build time (content collections) and in unit tests; never shipped to the browser.
import { z } from 'zod';

/** Academic hours of one module, exactly as in the program's «Тематический план». */
export const hoursSchema = z.strictObject({
  /** Lecture hours («Лекции»). */
  lectures: z.number().int().nonnegative(),
  /** Seminar / practical hours («Семинары (практические занятия)»). */
  seminars: z.number().int().nonnegative(),
  /** Control hours («Контроль»); in the program only the final зачёт has them. */
  control: z.number().int().nonnegative(),
  /** Self-study hours («Самостоятельная работа»). */
  selfStudy: z.number().int().nonnegative(),
});

/** One lecture topic of the program; each topic is exactly one chapter of the book. */
export const topicSchema = z.strictObject({
  /** Topic title, verbatim from the program's «Содержание дисциплины». */
  title: z.string().min(1),
  /** Chapter slug: the file `content/chapters/NN-<slug>.mdx` and the URL `/chapters/<slug>/`. */
  chapter: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug: latin lower case and hyphens'),
});

/** One module («раздел») of the program. */
export const moduleSchema = z.strictObject({
  /** Module number, 1-based, as in the program. */
  number: z.number().int().positive(),
  /** Module title, verbatim from the program. */
  title: z.string().min(1),
  /** Hours spent on this module. */
  hours: hoursSchema,
  /** Forms of current control («ТКУ») listed for this module, e.g. «Домашние задания». */
  control: z.array(z.string().min(1)).min(1),
  /** The module's topics in program order. */
  topics: z.array(topicSchema).min(1),
});

/** One row of the 10-point scale table. */
export const gradeBandSchema = z.strictObject({
  /** Lowest 10-point grade in this band (inclusive). */
  min: z.number().int().min(1).max(10),
  /** Highest 10-point grade in this band (inclusive). */
  max: z.number().int().min(1).max(10),
  /** The traditional 5-point grade («Отлично», «Хорошо», …). */
  fivePoint: z.string().min(1),
  /** The pass / fail mark («Зачтено» / «Не зачтено»). */
  pass: z.string().min(1),
  /** True when the band passes the зачёт. */
  passed: z.boolean(),
  /** The program's general description of a result in this band. */
  description: z.string().min(1),
});

/** One graded activity and its weight in the final grade. */
export const gradeComponentSchema = z.strictObject({
  /** Stable id used by code: `homework`, `stressTest` or `project`. */
  id: z.enum(['homework', 'stressTest', 'project']),
  /** Activity name as in the program's weights table. */
  title: z.string().min(1),
  /** Weight in the final grade, 0..1; the weights sum to 1. */
  weight: z.number().min(0).max(1),
  /** The program's description of the activity. */
  description: z.string().min(1),
});

/**
 * Rules the program is silent on. The book states them as its own assumptions,
 * and an instructor changes them here, in one place.
 */
export const gradingAssumptionsSchema = z.strictObject({
  /** How the exact weighted value becomes a whole 10-point grade. */
  rounding: z.enum(['half-up', 'floor', 'ceil']),
  /** How bonus points enter the total: added to the weighted value, then capped. */
  bonus: z.strictObject({
    /** Largest number of bonus points that can count. */
    max: z.number().nonnegative(),
    /** Upper bound of the final grade after the bonus is added. */
    capTotalAt: z.number().positive(),
  }),
  /**
   * Lowest grade the calculator accepts for one piece of work and assumes for an unknown one in its
   * what-if. The program's scale starts at `scale.min` (1); 0 stands for work that was not submitted.
   * A final grade below `scale.min` is shown as `scale.min`.
   */
  inputMin: z.number().nonnegative(),
  /** Minimum grade per component required to pass; empty when the program sets none. */
  minimumPerComponent: z.record(z.string(), z.number()),
  /** Each assumption in plain Russian, shown on the course and calculator pages. */
  statements: z.array(z.string().min(1)).min(1),
});

export const gradingSchema = z.strictObject({
  /** Lowest and highest grade of the scale (the program uses 1..10). */
  scale: z.strictObject({ min: z.number(), max: z.number() }),
  /** The formula as the program writes it, verbatim. */
  formulaText: z.string().min(1),
  /** Weighted components; weights must sum to 1. */
  components: z.array(gradeComponentSchema).length(3),
  /** The 10 → 5-point → зачёт table, from the highest band down. */
  bands: z.array(gradeBandSchema).min(1),
  /** The form of the intermediate attestation («зачёт с оценкой»). */
  attestation: z.string().min(1),
  /** The program's remark on bonus points. */
  bonusNote: z.string().min(1),
  /** What the book assumes where the program is silent. */
  assumptions: gradingAssumptionsSchema,
});

/** One sample homework of the program. */
export const homeworkSchema = z.strictObject({
  /** Homework number (1, 2, 3). */
  number: z.number().int().positive(),
  /** URL slug of its page: `/assignments/<slug>/`. */
  slug: z.string().min(1),
  /** Tasks, verbatim from the program. */
  tasks: z.array(z.string().min(1)).min(1),
  /** Modules whose material the homework practises (the book's reading, not the program's). */
  modules: z.array(z.number().int().positive()),
});

/** A titled list, used for the stress test's and the project's parts. */
export const titledListSchema = z.strictObject({
  title: z.string().min(1),
  items: z.array(z.string().min(1)).min(1),
});

export const stressTestSchema = z.strictObject({
  /** The program's description of the stress test (paragraphs). */
  description: z.array(z.string().min(1)).min(1),
  /** Team size and format, as stated by the program. */
  format: z.string().min(1),
  /** The extreme conditions («"Стресс" заключается в…»). */
  conditions: z.array(titledListSchema).min(1),
  /** The goals («Цели стресс-теста»). */
  goals: z.array(z.string().min(1)).min(1),
  /** Required tools by area («Требуемые инструменты и технологии»). */
  tools: z.array(titledListSchema).min(1),
  /** The five steps, in order, each with its items. */
  steps: z.array(titledListSchema).length(5),
});

export const projectCriterionSchema = z.strictObject({
  /** Stable id used by code (e.g. `data`). */
  id: z.string().min(1),
  /** Criterion name, verbatim. */
  title: z.string().min(1),
  /** Share of the project grade, 0..1; the criteria sum to 1. */
  weight: z.number().min(0).max(1),
  /** What is judged, verbatim. */
  description: z.string().min(1),
});

export const projectSchema = z.strictObject({
  /** Project title from the program. */
  title: z.string().min(1),
  /** The program's description of the task. */
  description: z.string().min(1),
  /** The preparation stages in order, each with its items. */
  stages: z.array(titledListSchema).min(1),
  /** Defence format (duration, demo). */
  defenceFormat: z.string().min(1),
  /** Presentation structure, in order. */
  defenceStructure: z.array(z.string().min(1)).min(1),
  /** The assessment criteria. */
  criteria: z.array(projectCriterionSchema).min(1),
});

export const outcomesSchema = z.strictObject({
  /** «знать». */
  know: z.array(z.string().min(1)).min(1),
  /** «уметь». */
  can: z.array(z.string().min(1)).min(1),
  /** «владеть». */
  master: z.array(z.string().min(1)).min(1),
});

/** The course program as data: the book's ground truth. */
export const courseSchema = z.strictObject({
  /** Course title, as the program names the discipline. */
  title: z.string().min(1),
  /** Short title for the header. */
  shortTitle: z.string().min(1),
  /** Where the program comes from (order, date), for the course page. */
  approval: z.string().min(1),
  /** The program's goal («Цель изучения»). */
  goal: z.string().min(1),
  /** The program's tasks («Задачи изучения»). */
  objectives: z.array(z.string().min(1)).min(1),
  /** Learning outcomes. */
  outcomes: outcomesSchema,
  /** Modules in program order. */
  modules: z.array(moduleSchema).min(1),
  /** Hours of the final зачёт (control) that belong to no module. */
  finalControl: z.strictObject({ title: z.string().min(1), hours: hoursSchema, control: z.string().min(1) }),
  /** Totals as printed in the program; a test checks they equal the sums. */
  totals: z.strictObject({ hours: hoursSchema, overall: z.number().int().positive() }),
  grading: gradingSchema,
  homework: z.array(homeworkSchema).min(1),
  stressTest: stressTestSchema,
  project: projectSchema,
});

export type Course = z.infer<typeof courseSchema>;
export type CourseModule = z.infer<typeof moduleSchema>;
export type Hours = z.infer<typeof hoursSchema>;
export type Grading = z.infer<typeof gradingSchema>;
