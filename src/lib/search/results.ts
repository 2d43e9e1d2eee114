// Runs in the browser and in unit tests: turns Pagefind results into what the search UI shows.

/** One piece of an excerpt: plain text, highlighted when it matched the query. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/** The fields of a Pagefind sub-result the UI uses (a section of a page, from a heading with an id). */
export interface PagefindSubResultLike {
  title: string;
  url: string;
  excerpt: string;
  locations: readonly number[];
  /** Missing for the text before the first heading with an id. */
  anchor?: { id: string } | undefined;
}

/** The fields of a Pagefind result fragment (`await result.data()`) the UI uses. */
export interface PagefindFragmentLike {
  url: string;
  excerpt: string;
  meta: Readonly<Record<string, string | undefined>>;
  sub_results: readonly PagefindSubResultLike[];
}

/** A section of a page that matched: its heading (none for the text above the first heading). */
export interface SearchSection {
  title: string | null;
  url: string;
  excerpt: ExcerptPart[];
}

/** One page that matched, as the results list shows it. */
export interface SearchHit {
  /** Page title (for a chapter, the chapter's title). */
  page: string;
  url: string;
  sections: SearchSection[];
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Decodes the character references Pagefind leaves in excerpts (named basics and numeric ones);
 * unknown names stay as written.
 * @example decodeEntities('a &lt; b &amp;&#32;c') // 'a < b & c'
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

/**
 * Splits an excerpt with `<mark>` around matched words into text parts, so the UI can build it with
 * text nodes and never parses the excerpt as HTML. Any other markup is kept as literal text.
 * @example excerptParts('обучение <mark>моделей</mark> и') //
 *   [{ text: 'обучение ', marked: false }, { text: 'моделей', marked: true }, { text: ' и', marked: false }]
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const piece of excerpt.split(/(<\/?mark>)/i)) {
    const tag = piece.toLowerCase();
    if (tag === '<mark>' || tag === '</mark>') {
      marked = tag === '<mark>';
      continue;
    }
    if (piece === '') continue;
    const text = decodeEntities(piece);
    const last = parts.at(-1);
    if (last !== undefined && last.marked === marked) last.text += text;
    else parts.push({ text, marked });
  }
  return parts;
}

/**
 * A page result for display: the page title, and its best-matching sections (most matched words
 * first, ties in page order), each with its heading and excerpt.
 * @param maxSections how many sections to show per page.
 * @example toSearchHit(fragment, 2).sections.map((s) => s.title) // ['Дрейф данных', null]
 */
export function toSearchHit(fragment: PagefindFragmentLike, maxSections = 3): SearchHit {
  const page = fragment.meta['title'] ?? fragment.url;
  const ranked = fragment.sub_results
    .map((sub, order) => ({ sub, order }))
    .sort((a, b) => b.sub.locations.length - a.sub.locations.length || a.order - b.order)
    .slice(0, maxSections)
    .map(({ sub }) => ({
      title: sub.anchor === undefined || sub.title === page ? null : sub.title,
      url: sub.url,
      excerpt: excerptParts(sub.excerpt),
    }));
  const sections =
    ranked.length > 0 ? ranked : [{ title: null, url: fragment.url, excerpt: excerptParts(fragment.excerpt) }];
  return { page, url: fragment.url, sections };
}
