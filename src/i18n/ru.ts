// Runs at build time and in the browser: every interface string of the book, in Russian.
// A second locale is a second file with the same keys (the `Strings` type enforces it).

export const ru = {
  lang: 'ru',
  skipToContent: 'Перейти к содержанию',
  siteNav: 'Оглавление учебника',
  home: 'Карта курса',
  coursePage: 'Как устроен курс',
  assignments: 'Задания',
  module: (n: number) => `Модуль ${n}`,
  breadcrumbs: 'Навигация по разделам',
  onThisPage: 'На этой странице',
  draftBadge: 'в работе',
  draftNotice:
    'Текст этой главы ещё пишется. Ниже — о чём она будет и чему научит; полный текст появится в следующих версиях учебника.',
  summary: 'О чём глава',
  objectives: 'После главы вы сможете',
  sources: 'Источники',
  readingTime: (minutes: number) => `${minutes} мин чтения`,
  previous: 'Назад',
  next: 'Далее',
  pagination: 'Соседние главы',
  search: 'Поиск',
  searchPlaceholder: 'Поиск появится в следующей версии',
  themeToggle: 'Тёмная тема',
  themeToggleLabel: 'Переключить тёмную тему',
  menu: 'Меню',
  menuLabel: 'Открыть оглавление',
  copyLink: (heading: string) => `Скопировать ссылку на раздел «${heading}»`,
  linkCopied: 'Ссылка скопирована',
  linkCopyFailed: 'Не удалось скопировать: ссылка в адресной строке',
  copyCode: 'Копировать код',
  codeCopied: 'Код скопирован',
  hours: 'Часы',
  lectures: 'Лекции',
  seminars: 'Семинары',
  control: 'Контроль',
  selfStudy: 'Самостоятельная работа',
  total: 'Итого',
  overall: 'Объём дисциплины, ак. ч.',
  currentControl: 'Текущий контроль',
  chapterCount: (n: number) => `${n} ${plural(n, 'глава', 'главы', 'глав')}`,
  notFoundTitle: 'Страница не найдена',
  notFoundText: 'Такой страницы в учебнике нет. Возможно, ссылка устарела.',
  footer: 'Учебник к курсу «Production ML». Программа курса — источник фактов о часах, заданиях и оценивании.',
} as const;

/** Russian plural form for an integer: 1 глава, 2 главы, 5 глав. */
export function plural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

export type Strings = typeof ru;
export const t: Strings = ru;
