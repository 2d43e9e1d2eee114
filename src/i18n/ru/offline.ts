// Russian interface strings: one area of the book (see src/i18n/ru.ts for the whole set).

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
