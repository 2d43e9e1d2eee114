// Runs at build time and in the browser: every interface string of the book, in Russian.
// A second locale is a second file with the same keys (the `Strings` type enforces it).

/** Strings shared by every page (layout, navigation, copy buttons). */
export const ruCore = {
  lang: 'ru',
  skipToContent: 'Перейти к содержанию',
  siteNav: 'Оглавление учебника',
  home: 'Карта курса',
  coursePage: 'Как устроен курс',
  assignments: 'Задания',
  courseGroup: 'Курс',
  homework: (n: number) => `Домашнее задание ${n}`,
  stressTest: 'Стресс-тест',
  project: 'Проект',
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

export const ruSearch = {
  button: 'Поиск',
  buttonLabel: 'Поиск по учебнику (клавиша / или Ctrl+K)',
  title: 'Поиск по учебнику',
  description:
    'Поиск по тексту учебника «Production ML», его глоссарию и страницам курса. Работает без сети, понимает разные формы русских слов и английские термины глоссария.',
  lead: 'Поиск понимает разные формы слов («моделей» найдёт «модель») и английские термины из глоссария («data drift» найдёт «дрейф данных»). Работает и без сети.',
  inputLabel: 'Что найти',
  placeholder: 'Например: дрейф данных',
  submit: 'Найти',
  close: 'Закрыть поиск',
  hint: 'Введите слово или фразу.',
  loading: 'Загружаем поиск…',
  unavailable:
    'Поиск недоступен: не удалось загрузить индекс. В режиме разработки (npm run dev) индекса нет — он создаётся при сборке.',
  found: (n: number) => `Найдено: ${n} ${plural(n, 'страница', 'страницы', 'страниц')}`,
  nothing: (query: string) =>
    `По запросу «${query}» ничего не нашлось. Попробуйте другую форму слова или загляните в глоссарий.`,
  results: 'Результаты поиска',
  allResults: 'Открыть поиск на отдельной странице',
  noScript: 'Поиску нужен JavaScript. Без него помогут оглавление слева и глоссарий.',
  glossary: {
    title: 'Глоссарий',
    description:
      'Термины курса «Production ML» по-русски и по-английски: определения и главы учебника, где они встречаются.',
    lead: 'Термины курса по-русски и по-английски. Поиск находит их на обоих языках: «data drift» найдёт «дрейф данных», и наоборот.',
    english: 'По-английски',
    aliases: 'Другие названия',
    chapters: 'В главах',
    count: (n: number) => `${n} ${plural(n, 'термин', 'термина', 'терминов')}`,
  },
} as const;

export const ruOffline = {
  appName: 'интерактивный учебник',
  appDescription:
    'Учебник к курсу «Production ML (Машинное обучение в продакшене)»: главы, формулы, поиск и ячейки с Python; работает без сети.',
  indicator: 'Офлайн',
  indicatorLabel: 'Нет сети: учебник работает из сохранённой копии',
  wentOffline: 'Нет сети. Учебник продолжает работать из сохранённой копии.',
  backOnline: 'Сеть снова есть.',
  updateAvailable: 'Доступна новая версия учебника.',
  updateNote: 'Ответы и прогресс сохранятся.',
  update: 'Обновить',
  later: 'Позже',
  updatedElsewhere: 'Учебник обновлён в другой вкладке. Перезагрузите страницу, когда будет удобно.',
  reload: 'Перезагрузить',
  panelTitle: 'Учебник без сети',
  preparing: 'Сохраняем учебник для работы без сети…',
  bookSaved: (size: string) => `Страницы, поиск и шрифты сохранены для работы без сети (${size}).`,
  bookPartly: (cached: string, total: string) => `Для работы без сети сохранено ${cached} из ${total}.`,
  engineSaved: (size: string) => `Движок Python для ячеек с кодом тоже сохранён (${size}).`,
  engineMissing: (size: string) => `Движок Python для ячеек с кодом ещё не загружен (${size}).`,
  download: (size: string) => `Скачать учебник для офлайн (${size})`,
  progressLabel: 'Скачивание учебника',
  downloading: (done: string, total: string, percent: number) => `Скачано ${done} из ${total} (${percent} %)`,
  downloaded: (size: string) => `Готово: учебник целиком (${size}) доступен без сети.`,
  downloadFailed:
    'Скачать всё не удалось: похоже, пропала сеть. Нажмите ещё раз, когда она появится, — уже скачанное не пропадёт.',
} as const;

export const ruInstructor = {
  title: 'Для преподавателя',
  description:
    'Всё для занятия по курсу «Production ML»: план с часами, цели и интерактивные части каждой главы, режим семинара, QR-коды и задания.',
  lead: 'План курса с часами, цели каждой главы, ссылки на её ячейки, тесты и лаборатории, режим семинара и QR-коды для проектора.',
  sections: {
    tools: 'Инструменты для занятия',
    plan: 'План курса',
    chapters: 'Главы',
    work: 'Задания курса',
  },
  toolsItems: [
    'Режим семинара: крупный шрифт без меню и оглавления, на экране один раздел. Стрелки → и ← листают разделы, Esc — выход. Ячейки и лаборатории работают. Ссылку на режим (с ?seminar=1) можно отправить заранее.',
    'QR-код раздела: кнопка над заголовком страницы (и в панели семинара) показывает QR-код ссылки на раздел, который сейчас на экране, — студенты открывают его с телефона.',
    'Ссылки на разделы, ячейки, тесты и лаборатории постоянны: кнопка со скрепкой рядом с заголовком копирует ссылку, лаборатории копируют ссылку вместе со своими настройками.',
    'Учебник работает без сети: достаточно один раз открыть его с интернетом или нажать «Скачать учебник для офлайн» внизу любой страницы.',
  ],
  planIntro: 'Часы академические, как в тематическом плане программы.',
  planCaption: 'План курса: модули, главы и часы',
  module: 'Модуль',
  chaptersColumn: 'Главы',
  total: 'Итого',
  draft: 'глава в работе',
  minutes: (n: number) => `${n} мин чтения`,
  objectives: 'Цели главы',
  open: 'Открыть главу',
  seminar: 'В режиме семинара',
  activities: 'Интерактивные части',
  noActivities: 'Ячеек, тестов и лабораторий в главе пока нет.',
  kinds: { cell: 'Ячейка Python', quiz: 'Самопроверка', lab: 'Лаборатория' },
  inSection: (section: string) => `раздел «${section}»`,
  glossary: 'Термины курса — в глоссарии.',
  tools: 'Инструменты для занятия',
  seminarStart: 'Режим семинара',
  seminarStartLabel: 'Открыть страницу в режиме семинара: крупный шрифт, разделы по одному, стрелки → и ← листают',
  qr: 'QR-код раздела',
  qrTitle: 'QR-код раздела',
  qrFor: (title: string) => `Ссылка на «${title}»`,
  qrSection: 'Раздел',
  qrWholePage: (title: string) => `Вся страница «${title}»`,
  qrImage: (link: string) => `QR-код ссылки ${link}`,
  close: 'Закрыть',
  seminarBar: 'Управление режимом семинара',
  previous: 'Назад',
  next: 'Далее',
  exit: 'Выйти из режима семинара',
  position: (i: number, n: number) => `${i} из ${n}`,
  entered: 'Режим семинара: стрелки → и ← листают разделы, Esc — выход.',
  left: 'Режим семинара выключен.',
  slide: (i: number, n: number, title: string) => `Раздел ${i} из ${n}: ${title}`,
} as const;

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

export const ruQuiz = {
  intro: (n: number) =>
    `${n} ${plural(n, 'вопрос', 'вопроса', 'вопросов')} для самопроверки. Они не входят в оценку за курс: ответы проверяются прямо на странице и сохраняются только в вашем браузере.`,
  noScript:
    'Без JavaScript ответы не проверяются автоматически, но правильный ответ и объяснение можно открыть под каждым вопросом.',
  question: (i: number, n: number) => `Вопрос ${i} из ${n}`,
  kinds: {
    single: 'Один ответ',
    multiple: 'Несколько ответов',
    numeric: 'Число',
    text: 'Короткий ответ',
    ordering: 'Порядок шагов',
    code: 'Упражнение с кодом',
  },
  answerLabel: 'Ваш ответ',
  hint: (i: number, n: number) => (n === 1 ? 'Подсказка' : `Подсказка ${i} из ${n}`),
  check: 'Проверить',
  retry: 'Ответить заново',
  showAnswer: 'Показать ответ',
  answerAndExplanation: 'Ответ и объяснение',
  keyCorrect: 'Верно:',
  keyWrong: 'Неверно:',
  numericValue: (value: string, tolerance: string | null) =>
    tolerance === null ? `Ответ: ${value}.` : `Ответ: ${value} (принимается с точностью ± ${tolerance}).`,
  numericRange: (min: string, max: string) => `Принимается любое число от ${min} до ${max}.`,
  textAnswer: 'Ответ:',
  textAlso: (variants: string) => `(принимается также «${variants}»)`,
  moveUp: (step: string) => `Переместить выше: ${step}`,
  moveDown: (step: string) => `Переместить ниже: ${step}`,
  moved: (step: string, position: number, n: number) => `${step} — место ${position} из ${n}`,
  changed: 'Этот вопрос изменился после вашего ответа. Прежний ответ сохранён, но не засчитан: ответьте заново.',
  marks: {
    correct: 'Верно.',
    wrong: 'Неверно.',
    missed: 'Этот вариант тоже верный.',
    neutral: 'Неверный вариант.',
    inPlace: 'На своём месте.',
    notInPlace: 'Не на своём месте.',
    outOfPlace: (position: number) => `Должен стоять на месте ${position}.`,
  },
  verdicts: {
    correct: 'Верно!',
    partial: (points: string) => `Частично верно: ${points} из 1 балла.`,
    wrong: 'Неверно. Попробуйте ещё раз или откройте ответ.',
  },
  invalid: {
    'no-choice': 'Выберите вариант ответа.',
    empty: 'Введите ответ.',
    'not-a-number':
      'Не получилось прочитать число: введите его цифрами, например 7,5 (не больше двух знаков после запятой).',
    'not-run': 'Запустите проверку кода.',
    mismatch: 'Сохранённый ответ не подходит к этому вопросу: ответьте заново.',
  },
  score: (points: string, max: number) => `Тест: ${points} из ${max}`,
  exercises: (solved: number, total: number) => `упражнения: решено ${solved} из ${total}`,
  code: {
    editor: 'Ваш код',
    note: 'Код выполняется прямо в браузере (Python со стандартной библиотекой). Клавиша Tab переводит фокус дальше, отступы набирайте пробелами.',
    run: 'Проверить код',
    stop: 'Остановить',
    reset: 'Вернуть исходный код',
    resetDone: 'Код возвращён к исходному.',
    showSolution: 'Показать решение',
    solution: 'Решение и объяснение',
    checks: 'Проверки',
    output: 'Вывод вашего кода',
    loading: 'Загружаем Python…',
    running: 'Выполняем код и проверки…',
    stopped: 'Выполнение остановлено.',
    passed: (n: number, total: number) => `Пройдено проверок: ${n} из ${total}.`,
    allPassed: (total: number) => `Все проверки пройдены (${total} из ${total}). Упражнение решено!`,
    checkPassed: 'пройдена',
    checkFailed: 'не пройдена',
    codeError: (detail: string) => `Ваш код завершился ошибкой, проверки не запускались: ${detail}`,
    timeout: (seconds: number) => `Код выполнялся дольше ${seconds} с и был остановлен. Нет ли бесконечного цикла?`,
    noReport: 'Проверки не смогли сообщить результат. Запустите ещё раз; если не поможет, перезагрузите страницу.',
    engineFailed: (detail: string) => `Не удалось запустить Python: ${detail}`,
  },
} as const;

export const ruProgress = {
  title: 'Мой прогресс',
  description:
    'Прочитанные главы, результаты самопроверки и решённые упражнения учебника «Production ML»; сохранение прогресса в файл и загрузка из файла.',
  lead: 'Всё, что вы делаете в учебнике, хранится только в этом браузере: отметки о прочитанных главах, ответы на вопросы и код упражнений. Чтобы перенести прогресс на другое устройство или сохранить копию, скачайте файл и загрузите его там.',
  noScript: 'Прогресс хранится в браузере, и чтобы его показать, нужен JavaScript.',
  sections: { continue: 'Продолжить', chapters: 'По главам', transfer: 'Сохранить и перенести' },
  continueAt: (title: string) => `Вы остановились в главе «${title}».`,
  continueLink: 'Продолжить',
  start: (title: string) => `Вы ещё ничего не отметили. Начните с главы «${title}».`,
  startLink: 'Начать',
  totals: (read: number, chapters: number) => `Прочитано глав: ${read} из ${chapters}.`,
  columns: { chapter: 'Глава', read: 'Прочитана', quiz: 'Тест', exercises: 'Упражнения' },
  yes: 'да',
  no: 'нет',
  none: '—',
  draft: 'в работе',
  quizCell: (points: string, max: number, answered: number) => (answered === 0 ? `0 из ${max}` : `${points} из ${max}`),
  exercisesCell: (solved: number, total: number) => `${solved} из ${total}`,
  changed: (n: number) => `${n} ${plural(n, 'ответ', 'ответа', 'ответов')} к изменившимся вопросам не засчитаны`,
  orphans: (n: number) =>
    `Сохранено ${n} ${plural(n, 'ответ', 'ответа', 'ответов')} на вопросы, которых больше нет в учебнике. Они остаются в файле прогресса, но не засчитываются.`,
  aside: (n: number) =>
    `В браузере отложено ${n} ${plural(n, 'копия', 'копии', 'копий')} прогресса, которые не удалось прочитать или которые были заменены при загрузке. Они не удалены и входят в скачанный файл.`,
  markRead: 'Отметить как прочитанное',
  unmarkRead: 'Снять отметку «прочитано»',
  readStatus: 'Глава отмечена как прочитанная.',
  unreadStatus: 'Глава отмечается прочитанной, когда вы дочитаете до конца, или этой кнопкой.',
  markedRead: 'Глава отмечена как прочитанная',
  unmarked: 'Отметка «прочитано» снята',
  exportTitle: 'Сохранить в файл',
  exportText: 'Файл содержит весь прогресс из этого браузера. Его можно загрузить здесь или на другом устройстве.',
  exportButton: 'Скачать файл прогресса',
  exported: 'Файл прогресса сохранён',
  importTitle: 'Загрузить из файла',
  importFile: 'Файл прогресса (.json)',
  importMode: 'Что сделать с прогрессом в этом браузере',
  merge: 'Объединить: из каждой пары ответов остаётся более поздний',
  replace: 'Заменить: взять прогресс из файла целиком (текущий будет отложен, а не удалён)',
  importButton: 'Загрузить',
  chooseFile: 'Выберите файл прогресса.',
  confirmTitle: 'Проверьте перед загрузкой',
  inFile: (answers: number, chapters: number, tools: number) =>
    `В файле: ${answers} ${plural(answers, 'ответ', 'ответа', 'ответов')}, ${chapters} ${plural(chapters, 'отметка', 'отметки', 'отметок')} о главах, ${tools} ${plural(tools, 'запись', 'записи', 'записей')} инструментов.`,
  confirmMerge: 'Прогресс будет объединён с прогрессом в этом браузере.',
  confirmReplace:
    'Прогресс в этом браузере будет заменён содержимым файла; текущий будет отложен и останется в файле прогресса.',
  confirm: 'Подтвердить загрузку',
  cancel: 'Отмена',
  cancelled: 'Загрузка отменена',
  reportTitle: 'Результат загрузки',
  taken: (answers: number, chapters: number, tools: number, settings: number) =>
    `Принято: ответов — ${answers}, отметок о главах — ${chapters}, записей инструментов — ${tools}, прочего (тема, место чтения) — ${settings}.`,
  keptLocal: (n: number) =>
    `Оставлено из этого браузера, потому что там новее: ${n} ${plural(n, 'запись', 'записи', 'записей')}.`,
  rejected: (n: number) => `Не принято, потому что не соответствует формату: ${n}`,
  rejectedNone: 'Отклонённых записей нет.',
  asideInFile: (n: number) =>
    `В файле есть ${n} ${plural(n, 'отложенная копия', 'отложенные копии', 'отложенных копий')}: они не загружаются, но остаются в файле.`,
  importErrors: {
    'not-json': 'Это не файл прогресса: его не удалось прочитать как JSON.',
    'not-export': 'Это не файл прогресса учебника.',
    newer: 'Файл сохранён более новой версией учебника. Обновите страницу и попробуйте снова.',
    'too-big': 'Файл слишком большой для файла прогресса.',
    'not-read': 'Не удалось прочитать файл.',
    'not-kept': 'Не удалось отложить текущий прогресс (хранилище браузера переполнено), поэтому ничего не заменено.',
  },
  notices: {
    unavailable:
      'Браузер не даёт сохранять данные (например, в приватном режиме): ответы и отметки сохранятся только до закрытия страницы.',
    quota:
      'Хранилище браузера переполнено, и последние изменения не сохранились. Скачайте файл прогресса на странице «Мой прогресс».',
    corrupted:
      'Сохранённый прогресс не удалось прочитать. Он не удалён: копия отложена и попадёт в файл прогресса, а учебник продолжает работу с чистого листа.',
    salvaged:
      'Часть сохранённого прогресса не удалось прочитать. Остальное на месте, а исходная копия отложена и попадёт в файл прогресса.',
    newer:
      'Прогресс сохранён более новой версией учебника, поэтому эта страница его не изменяет. Обновите страницу, чтобы открыть новую версию.',
  },
} as const;

export const ruLabs = {
  title: 'Лаборатории',
  common: {
    preset: 'Сценарий',
    reset: 'Сбросить',
    resetDone: 'Параметры лаборатории сброшены',
    copyLink: 'Скопировать ссылку на сценарий',
    linkCopied: 'Ссылка на сценарий скопирована',
    linkCopyFailed: 'Не удалось скопировать: ссылка — в адресной строке',
    newSeed: 'Другая выборка',
    chartLoading: 'График появится, когда лаборатория окажется на экране.',
    chartTable: 'Данные графика таблицей',
    noScript: 'Лаборатории нужен JavaScript.',
    verdicts: { ok: 'норма', warn: 'внимание', drift: 'дрейф' },
  },
  units: {
    sigma: (x: string) => `${x} σ`,
    times: (x: string) => `×${x}`,
    share: (x: string) => `${x}\u00a0%`,
    count: (x: string) => x,
    ms: (x: string) => `${x}\u00a0мс`,
    rps: (x: string) => `${x} запр./с`,
    seconds: (x: string) => `${x}\u00a0с`,
    windows: (x: string, n: number) => `${x} ${plural(n, 'окно', 'окна', 'окон')}`,
  },
  drift: {
    title: 'Дрейф данных',
    presets: {
      'mean-shift': 'Сдвиг среднего на 0,3 σ',
      'tiny-shift-large-n': 'Крошечный сдвиг, огромные выборки',
      'small-samples': 'Тот же сдвиг, маленькие выборки',
      'missing-values': 'Пропуски вместо сдвига',
      categorical: 'Категориальный признак',
      'concept-drift': 'Концептуальный дрейф',
    },
    groups: { data: 'Эталон и текущие данные', metrics: 'Метрики', stream: 'Поток окон' },
    controls: {
      feature: { label: 'Распределение признака', hint: '' },
      shift: { label: 'Сдвиг', hint: 'В σ эталона; для категорий — перекос к редким.' },
      scale: { label: 'Разброс', hint: 'Относительно эталона.' },
      missing: { label: 'Доля пропусков', hint: 'В текущих данных; метрики считаются без них.' },
      noise: { label: 'Шум', hint: 'В σ эталона; для категорий — доля случайных значений.' },
      referenceSize: { label: 'Размер эталона', hint: '' },
      currentSize: { label: 'Размер текущей выборки', hint: '' },
      bins: { label: 'Корзин PSI', hint: 'Квантили эталона.' },
      alpha: { label: 'Уровень значимости α', hint: 'Для KS и χ².' },
      seed: { label: 'Зерно генератора', hint: '' },
      stream: { label: 'Что меняется', hint: '' },
      magnitude: { label: 'Величина изменения', hint: '' },
      delay: { label: 'Задержка меток', hint: '' },
    },
    options: {
      feature: {
        normal: 'нормальное',
        lognormal: 'логнормальное',
        bimodal: 'бимодальное',
        categorical: 'категориальное',
      },
      alpha: { '0.01': '0,01', '0.05': '0,05', '0.1': '0,1' },
      stream: {
        sudden: 'резкий сдвиг признака',
        gradual: 'постепенный сдвиг признака',
        seasonal: 'сезонность признака',
        concept: 'концептуальный дрейф: меняется P(Y|X)',
      },
    },
    chart: {
      label: 'Гистограммы эталона и текущих данных',
      reference: 'Эталон',
      current: 'Текущие',
      axisShare: 'Доля, %',
      axisValue: 'Значение признака',
      axisCategory: 'Категория',
      tableCaption: 'Доли наблюдений по интервалам',
      interval: 'Интервал',
      category: 'Категория',
      referenceShare: 'Эталон, %',
      currentShare: 'Текущие, %',
      categories: ['A', 'B', 'C', 'D', 'E'],
    },
    metrics: {
      caption: 'Метрики дрейфа',
      metric: 'Метрика',
      value: 'Значение',
      rule: 'Порог и его источник',
      verdict: 'Вывод',
      names: {
        psi: 'PSI',
        ks: 'Колмогоров — Смирнов',
        wasserstein: 'Вассерштейн / σ эталона',
        jensenShannon: 'Йенсен — Шеннон (ln)',
        chiSquared: 'χ²',
        missing: 'Доля пропусков',
      },
      ksValue: (d: string, p: string) => `D = ${d}, p ${p.startsWith('<') ? p : `= ${p}`}`,
      chiValue: (statistic: string, dof: number, p: string) =>
        `χ² = ${statistic}, ${dof} ст. св., p ${p.startsWith('<') ? p : `= ${p}`}`,
      rules: {
        psi: '0,1 — внимание, 0,25 — дрейф: правило кредитного скоринга',
        ks: (alpha: string, critical: string) => `p < ${alpha}; при этих n — любой D > ${critical}`,
        wasserstein: '0,1: порог Evidently для выборок больше 1000',
        jensenShannon: '0,1: порог Evidently для выборок больше 1000',
        chiSquared: (alpha: string) => `p < ${alpha}: тест Evidently до 1000 наблюдений`,
        missing: 'метрики выше пропуски не видят',
      },
    },
    tests: {
      ks: 'тест KS',
      chiSquared: 'тест χ²',
      wasserstein: 'расстояние Вассерштейна',
      jensenShannon: 'расстояние Йенсена — Шеннона',
    },
    summary: (parts: string[], missing: string, test: string, verdict: string) =>
      `${parts.join('; ')}. Пропусков: ${missing}. Evidently по умолчанию взял бы ${test}: ${verdict}.`,
    summaryPart: (name: string, value: string, verdict: string) => `${name}: ${value} (${verdict})`,
    whyKs:
      'KS проверяет, одинаковы ли распределения, а не важен ли сдвиг: его порог для D убывает как 1/√n, и на больших выборках он замечает безобидные сдвиги.',
    stream: {
      title: 'Поток окон: дрейф и качество',
      model:
        'Модель обучена один раз: «класс 1, если x > 0». Окна по 1000 наблюдений; точность окна известна, когда придут метки.',
      chartLabel: 'PSI и точность модели по окнам',
      psi: 'PSI',
      threshold: 'Порог тревоги 0,25',
      accuracy: 'Точность',
      referenceAccuracy: 'Точность на эталоне',
      axisWindow: 'Окно',
      axisAccuracy: 'Точность, %',
      tableCaption: 'PSI и точность по окнам',
      alert: 'Тревога',
      labels: 'Метки',
      yes: 'да',
      no: 'нет',
      pending: 'ещё нет',
      firstAlert: (window: number) => `Первая тревога по PSI — в окне ${window}.`,
      noAlert: 'PSI не превышал порог тревоги.',
      drop: (window: number, known: number | null) =>
        known === null
          ? `Точность упала больше чем на 5 п. п. в окне ${window}, но метки ещё не пришли.`
          : `Точность упала больше чем на 5 п. п. в окне ${window}, а узнали об этом в окне ${known}.`,
      noDrop: 'Точность не падала больше чем на 5 п. п.',
    },
  },
  latency: {
    title: 'Задержка под нагрузкой',
    presets: {
      'cpu-1000rps': '1000 RPS на 1 CPU',
      'spike-10x': '10-кратный рост нагрузки',
      'retry-storm': 'Сетевой сбой и ретраи без джиттера',
      'retry-storm-jitter': 'Сетевой сбой и ретраи с джиттером',
      batching: 'Батчинг',
    },
    groups: {
      load: 'Нагрузка',
      service: 'Сервис',
      client: 'Клиент',
      batching: 'Батчинг',
      failures: 'Сбои',
    },
    controls: {
      arrival: { label: 'Поток запросов', hint: '' },
      rps: { label: 'Интенсивность', hint: '' },
      durationS: { label: 'Длительность', hint: '' },
      service: { label: 'Время обработки', hint: '' },
      serviceMs: { label: 'Среднее время обработки', hint: '' },
      workers: { label: 'Воркеров', hint: '' },
      queueLimit: { label: 'Лимит очереди', hint: 'Лишние запросы сразу отклоняются.' },
      timeoutMs: { label: 'Таймаут попытки', hint: '' },
      retries: { label: 'Повторов', hint: '' },
      backoffMs: { label: 'Первая пауза', hint: 'Удваивается с каждым повтором.' },
      jitter: { label: 'Джиттер', hint: 'Пауза — случайная от 0 до задержки.' },
      maxBatch: { label: 'Максимальный батч', hint: '' },
      maxWaitMs: { label: 'Ожидание батча', hint: '' },
      batchCost: { label: 'Цена элемента батча', hint: 'Доля времени одиночного запроса.' },
      errorRate: { label: 'Доля ошибок', hint: '' },
      outageS: { label: 'Сетевой сбой', hint: 'С трети прогона; зависшие запросы рвутся все разом.' },
      seed: { label: 'Зерно генератора', hint: '' },
    },
    options: {
      arrival: {
        poisson: 'пуассоновский',
        bursts: 'всплески ×3 каждые 10 с',
        spike: 'пик ×10 в середине',
      },
      service: {
        exponential: 'экспоненциальное',
        lognormal: 'логнормальное',
        constant: 'постоянное',
      },
    },
    offLabels: {
      queueLimit: 'без лимита',
      timeoutMs: 'без таймаута',
      maxBatch: 'без батчинга',
      outageS: 'без сбоя',
    },
    charts: {
      latencyLabel: 'Перцентили задержки по секундам',
      loadLabel: 'Попытки, успешные ответы, отказы и очередь по секундам',
      sweepLabel: 'Задержка в зависимости от нагрузки',
      axisTime: 'Секунда',
      axisMs: 'мс, лог. шкала',
      axisRate: 'В секунду',
      axisQueue: 'Очередь',
      axisLoad: 'Нагрузка, % пропускной способности',
      second: 'Секунда',
      p50: 'p50',
      p95: 'p95',
      p99: 'p99',
      ms: 'мс',
      timeouts: 'Таймауты, %',
      shed: 'Отклонено, %',
      errors: 'Ошибки, %',
      offered: 'Попыток',
      throughput: 'Успешных',
      queue: 'Очередь',
      timeoutsRate: 'Таймаутов',
      shedRate: 'Отклонено',
      errorsRate: 'Ошибок',
      load: 'Нагрузка, %',
      rps: 'Запр./с',
      mean: 'Среднее',
      erlang: 'Erlang C',
      failed: 'Неуспешно, %',
      current: 'Этот прогон (p99)',
    },
    metrics: {
      caption: 'Итоги прогона',
      metric: 'Показатель',
      value: 'Значение',
      names: {
        requests: 'Запросов',
        attempts: 'Попыток с повторами',
        clientSuccess: 'Успешно для клиента',
        p50: 'p50',
        p95: 'p95',
        p99: 'p99',
        p99Histogram: 'p99 по histogram_quantile',
        timeout: 'Таймауты',
        shed: 'Отклонено',
        error: 'Ошибки',
        utilization: 'Загрузка воркеров',
        maxQueue: 'Наибольшая очередь',
        erlangMean: 'Среднее время ответа: симуляция / Erlang C',
        erlangWait: 'Доля ждавших: симуляция / Erlang C',
      },
      pair: (simulated: string, formula: string) => `${simulated} / ${formula}`,
      notMmc: 'не M/M/c',
      unstable: 'нагрузка ≥ 100 %',
    },
    summary: (
      p: Record<
        | 'requests'
        | 'attempts'
        | 'success'
        | 'p50'
        | 'p95'
        | 'p99'
        | 'histogram'
        | 'timeout'
        | 'shed'
        | 'error'
        | 'utilization',
        string
      >,
    ) =>
      `Запросов ${p.requests}, попыток ${p.attempts}, успешно для клиента ${p.success}. Успешные попытки: p50 ${p.p50}, p95 ${p.p95}, p99 ${p.p99} (histogram_quantile: ${p.histogram}). Таймауты ${p.timeout}, отклонено ${p.shed}, ошибки ${p.error}. Загрузка ${p.utilization}.`,
    summaryErlang: (simulated: string, formula: string) =>
      ` Среднее время ответа ${simulated}, по Erlang C ${formula}.`,
    noSuccess: 'нет',
    percentileNote:
      'Перцентиль — по ближайшему рангу: p99 — ⌈0,99·n⌉-е значение среди успешных попыток по возрастанию. histogram_quantile в Prometheus линейно интерполирует внутри корзины, и при корзинах 5, 10, 25 мс… ошибается.',
    erlangNote:
      'Erlang C сравнивается с симуляцией для очереди M/M/c: пуассоновский поток, экспоненциальное время, без лимита, таймаутов, ошибок, сбоя и батчинга.',
  },
} as const;

export const ruPython = {
  badge: 'Python',
  cellLink: (id: string) => `Скопировать ссылку на ячейку «${id}»`,
  controls: (id: string) => `Управление ячейкой «${id}»`,
  code: (id: string) => `Код ячейки «${id}». Tab — отступ, Esc — выйти из редактора, Shift+Enter — запустить`,
  output: (id: string) => `Вывод ячейки «${id}»`,
  run: 'Запустить',
  stop: 'Остановить',
  runAbove: 'Запустить все выше',
  reset: 'Сбросить',
  restart: 'Перезапустить Python',
  bookResult: 'Результат',
  setupSummary: 'Подготовительный код: выполняется сам перед первой ячейкой страницы',
  state: {
    loading: 'загрузка',
    idle: 'готово',
    running: 'выполняется',
    stopping: 'остановка',
    dead: 'ошибка',
  },
  loadingBytes: (loaded: string, total: string) => `Загрузка Python: ${loaded} из ${total} МБ`,
  loadingPackages: (names: string) => `Загрузка пакетов: ${names}`,
  waiting: 'Ждёт, пока выполнится другая ячейка',
  done: (seconds: string) => `Выполнено за ${seconds} с`,
  error: (message: string) => `Ошибка: ${message}`,
  stopped: 'Выполнение остановлено. Переменные, созданные до остановки, сохранились.',
  stoppedReset:
    'Выполнение остановлено. Для этого Python пришлось перезапустить, и переменные из предыдущих ячеек сброшены: «Запустить все выше» создаст их заново.',
  timeout: (seconds: string) => `Ячейка работала дольше лимита (${seconds} с) и остановлена.`,
  memory:
    'Программе не хватило памяти (Python в браузере ограничен 1 ГБ), поэтому Python перезапущен и переменные из предыдущих ячеек сброшены.',
  crashed:
    'Python аварийно завершился и запущен заново; переменные из предыдущих ячеек сброшены: «Запустить все выше» создаст их заново.',
  loadFailed: (detail: string) =>
    `Не удалось запустить Python (${detail}). Проверьте соединение с интернетом и нажмите «Запустить» ещё раз.`,
  packageUnknown: (names: string) =>
    `Пакета ${names} нет в сборке Python для браузера (Pyodide), поэтому код не запускался.`,
  packageFailed: (names: string, where: string) =>
    `Не удалось загрузить пакет ${names} с ${where}: нет соединения или пакет недоступен. Код не запускался.`,
  restarted: 'Python перезапущен: переменные во всех главах сброшены.',
  showAll: (lines: string) => `Показать всё (ещё ${lines})`,
  lines: (n: number) => `${n} ${plural(n, 'строка', 'строки', 'строк')}`,
  dropped: (chars: string) => `Вывод слишком длинный: ещё ${chars} символов не сохранено.`,
  staleEdit:
    'Ваша правка основана на старой версии ячейки: с тех пор код в книге изменился. «Сбросить» покажет новую версию.',
  restoredBook: 'Восстановлен код из книги',
  storageUnavailable: 'Браузер не даёт сохранять правки: после перезагрузки страницы вернётся код из книги.',
  image: 'Изображение, построенное ячейкой',
  sandbox: {
    title: 'Песочница Python',
    description:
      'Свободная ячейка Python прямо в браузере: проверить идею, посчитать пример из главы, попробовать стандартную библиотеку.',
    lead: 'Здесь можно писать и запускать любой код на Python: он выполняется прямо в браузере, без установки и без сервера. Правки сохраняются в этом браузере.',
    notesTitle: 'Что нужно знать',
    notes: [
      'Работает стандартная библиотека Python: math, statistics, random, json, csv, itertools, datetime и другие.',
      'Переменные песочницы живут, пока открыта вкладка, и не смешиваются с переменными глав.',
      '«Остановить» прерывает долгую программу; если браузер не позволяет прервать ее мягко, Python перезапускается и переменные сбрасываются.',
      'Функция input() здесь не работает: задайте значение прямо в коде.',
      'Python в браузере ограничен 1 ГБ памяти.',
    ],
  },
} as const;

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
