/**
 * Heading anchors for a Russian book.
 *
 * Scheme: transliterate Cyrillic to Latin (a simplified GOST 7.79 / BGN-style table below), lower-case,
 * turn every run of other characters into one hyphen, trim hyphens. Repeated slugs on one page get
 * "-2", "-3"… in order of appearance. Latin anchors survive copy-paste into chats and mail without
 * percent-encoding, and stay stable as long as the heading text stays the same.
 */

const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/**
 * Turns a heading text into a Latin URL fragment.
 * @example slugify('Почему ML в продакшене сложен?') // 'pochemu-ml-v-prodakshene-slozhen'
 * @example slugify('CI/CD для ML') // 'ci-cd-dlya-ml'
 * @returns a non-empty slug; 'section' when the text has no letters or digits.
 */
export function slugify(text: string): string {
  const latin = Array.from(text.normalize('NFC').toLowerCase(), (ch) => CYRILLIC_TO_LATIN[ch] ?? ch).join('');
  const slug = latin
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'section' : slug;
}

/** Hands out unique slugs within one page: the second «Итоги» becomes `itogi-2`. */
export class Slugger {
  readonly #seen = new Map<string, number>();

  /** Returns the slug for `text`, suffixed when it was already handed out on this page. */
  slug(text: string): string {
    const base = slugify(text);
    let count = this.#seen.get(base) ?? 0;
    let candidate = base;
    while (this.#seen.has(candidate)) {
      count += 1;
      candidate = `${base}-${count + 1}`;
    }
    this.#seen.set(base, count);
    this.#seen.set(candidate, 0);
    return candidate;
  }
}
