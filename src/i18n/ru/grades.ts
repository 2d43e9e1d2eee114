// Russian interface strings: one area of the book (see src/i18n/ru.ts for the whole set).
import { plural } from '../plural.ts';

export const ruGrades = {
  title: 'Калькулятор оценки',
  description:
    'Калькулятор итоговой оценки курса «Production ML» по формуле программы: домашние задания, стресс-тест, проект по критериям, бонусы и «что если».',
  lead: 'Сколько нужно за проект, чтобы получить «отлично»? Введите известные оценки — калькулятор посчитает итог по формуле программы, а для пустых полей найдёт, сколько за них нужно.',
  sections: {
    formula: 'Формула',
    calculator: 'Расчёт',
    results: 'Результат',
    scale: 'Шкала оценок',
    assumptions: 'Допущения',
  },
  formulaIntro: 'Формула из программы курса; все оценки ставятся по десятибалльной шкале:',
  formulaReading: 'Так её читает калькулятор:',
  formulaTotal: 'итог',
  formulaTerms: {
    homework: 'среднее за домашние задания',
    stressTest: 'стресс-тест',
    project: 'зачёт с оценкой (проект)',
  },
  scaleCaption: 'Соответствие десятибалльной, пятибалльной оценки и зачёта',
  scaleColumns: { ten: '10 баллов', five: '5 баллов', pass: 'Зачёт', meaning: 'Что это значит' },
  assumptionsIntro:
    'Программа не говорит, как округлять итог, как учитываются бонусные баллы и есть ли минимум по отдельным видам работы. Калькулятор исходит из допущений учебника; если преподаватель объявил другие правила, действуют его правила.',
  whatIfAssumption:
    '«Что если» — допущение калькулятора: все пустые поля получают одну и ту же оценку, и калькулятор ищет самую низкую такую оценку с точностью до сотых.',
  noScript: 'Калькулятору нужен JavaScript. Без него итог можно посчитать вручную по формуле выше и шкале ниже.',
  homework: {
    legend: (percent: string) => `Домашние задания — ${percent}`,
    hint: (rows: number) =>
      `В итог идёт среднее арифметическое. По умолчанию ${rows} ${plural(rows, 'строка', 'строки', 'строк')} — по одной на модуль, в котором программа называет домашние задания.`,
    label: (n: number) => `Домашнее задание ${n}`,
    add: 'Добавить домашнее задание',
    remove: 'Удалить',
    removeLabel: (n: number) => `Удалить домашнее задание ${n}`,
    added: (n: number) => `Добавлено домашнее задание ${n}`,
    removed: (n: number) => `Домашнее задание ${n} удалено`,
  },
  stressTest: { legend: (percent: string) => `Стресс-тест — ${percent}`, label: 'Оценка за стресс-тест' },
  project: {
    legend: (percent: string) => `Зачёт с оценкой (проект) — ${percent}`,
    mode: 'Как ввести оценку за проект',
    single: 'Одной оценкой',
    criteria: 'По критериям',
    label: 'Оценка за проект',
    criteriaHint: 'Оценка за проект — взвешенная сумма оценок по критериям программы.',
    criterionLabel: (title: string, percent: string) => `${title} (${percent})`,
  },
  bonus: {
    legend: 'Бонусные баллы',
    label: 'Бонус',
    hint: (max: string, cap: string) =>
      `Пустое поле — 0. Засчитывается не больше ${max}, итог не выше ${cap} (допущения ниже).`,
  },
  whatIf: {
    legend: 'Что если',
    label: 'Цель',
    none: 'Без цели — только итог',
    option: (fivePoint: string, min: number, max: number) => `${fivePoint} (${min}–${max})`,
    hint: 'Оставьте пустыми поля, оценки за которые ещё неизвестны, и выберите цель: калькулятор найдёт, сколько нужно получить за каждое из них.',
  },
  calculate: 'Рассчитать',
  share: 'Поделиться',
  shareLink: 'Ссылка на этот расчёт',
  shareCopied: 'Ссылка на расчёт скопирована',
  shareCopyFailed: 'Не удалось скопировать: скопируйте ссылку из поля',
  errors: {
    required: (min: string, max: string) => `Введите оценку от ${min} до ${max}`,
    notANumber: 'Введите число, например 7,5',
    tooManyDecimals: 'Не больше двух знаков после запятой',
    outOfRange: (min: string, max: string) => `Нужно число от ${min} до ${max}`,
  },
  notices: {
    fromLink: 'Поля заполнены по ссылке. Если вы их измените, изменения сохранятся в этом браузере вместо прежних.',
    storageUnavailable: 'Браузер не даёт сохранять данные: после перезагрузки оценки придётся ввести заново.',
    storageCorrupted: 'Сохранённые оценки не удалось прочитать, поэтому калькулятор начат заново.',
  },
  status: {
    start: 'Введите оценки, чтобы увидеть итог.',
    fix: (fields: string) => `Исправьте ошибки в полях: ${fields}.`,
    missing: (fields: string) =>
      `Итог появится, когда будут заполнены все оценки. Пустые поля: ${fields}. Чтобы узнать, сколько за них нужно, выберите цель в разделе «Что если».`,
    needed: (value: string, target: string, fields: string) =>
      `Чтобы получить «${target}», нужно не меньше ${value} за каждое пустое поле: ${fields}.`,
    neededCheck: (exact: string, grade: number) =>
      `С такими оценками точное значение — ${exact}, итоговая оценка — ${grade}.`,
    unreachable: (target: string, max: string) =>
      `«${target}» недостижимо: даже с ${max} за каждое пустое поле итог ниже.`,
    guaranteed: (target: string, min: string) =>
      `«${target}» уже гарантировано: даже с ${min} за каждое пустое поле итог не ниже.`,
    reached: (target: string) => `Цель «${target}» достигнута.`,
    notReached: (target: string) => `Цель «${target}» не достигнута.`,
  },
  summary: {
    exact: 'Точное значение',
    grade: 'Итоговая оценка',
    five: 'Пятибалльная оценка',
    pass: 'Зачёт',
    outOf: (grade: number, max: number) => `${grade} из ${max}`,
    capped: (cap: string) => `ограничено ${cap}`,
    belowMinimum: (fail: string, components: string) => `${fail}: ниже минимума — ${components}`,
  },
  breakdown: {
    caption: 'Вклад каждого вида работы в итог',
    component: 'Вид работы',
    grade: 'Оценка',
    weight: 'Вес',
    contribution: 'Вклад',
    names: { homework: 'Домашние задания (среднее)', stressTest: 'Стресс-тест', project: 'Проект' },
    bonus: 'Бонус',
    total: 'Итого',
  },
} as const;
