import { describe, expect, it } from 'vitest';
import { decodeEntities, excerptParts, toSearchHit, type PagefindFragmentLike } from '../../src/lib/search/results.ts';

describe('decodeEntities', () => {
  it.each([
    ['a &lt; b &amp;&#32;c', 'a < b & c'],
    ['&quot;ML&quot; &#x2014; &apos;x&apos;', '"ML" — \'x\''],
    ['&nbsp;', '\u00a0'],
    ['&unknown; &#0;', '&unknown; &#0;'],
  ])('%s → %s', (input, expected) => {
    expect(decodeEntities(input)).toBe(expected);
  });
});

describe('excerptParts', () => {
  it('splits on <mark> and keeps everything else as text', () => {
    expect(excerptParts('обучение <mark>моделей</mark> и <mark>модель</mark>.')).toEqual([
      { text: 'обучение ', marked: false },
      { text: 'моделей', marked: true },
      { text: ' и ', marked: false },
      { text: 'модель', marked: true },
      { text: '.', marked: false },
    ]);
  });

  it('never turns other markup into elements: it stays literal text', () => {
    expect(excerptParts('<img src=x onerror=alert(1)> &lt;b&gt;')).toEqual([
      { text: '<img src=x onerror=alert(1)> <b>', marked: false },
    ]);
  });

  it('merges adjacent marked words into one highlight', () => {
    expect(excerptParts('<mark>дрейф</mark><mark> данных</mark>')).toEqual([{ text: 'дрейф данных', marked: true }]);
  });
});

const fragment = (subs: PagefindFragmentLike['sub_results']): PagefindFragmentLike => ({
  url: '/prodml/glossary/',
  excerpt: 'весь <mark>дрейф</mark>',
  meta: { title: 'Глоссарий' },
  sub_results: subs,
});

describe('toSearchHit', () => {
  it('shows the sections with the most matched words first, at most maxSections', () => {
    const hit = toSearchHit(
      fragment([
        { title: 'Глоссарий', url: '/prodml/glossary/', excerpt: 'a', locations: [1] },
        {
          title: 'Дрейф концепции',
          url: '/prodml/glossary/#concept-drift',
          excerpt: 'b',
          locations: [5, 9],
          anchor: { id: 'concept-drift' },
        },
        {
          title: 'Дрейф данных',
          url: '/prodml/glossary/#data-drift',
          excerpt: 'c',
          locations: [2, 3, 4],
          anchor: { id: 'data-drift' },
        },
      ]),
      2,
    );
    expect(hit.page).toBe('Глоссарий');
    expect(hit.sections.map((s) => s.title)).toEqual(['Дрейф данных', 'Дрейф концепции']);
  });

  it('gives no section title to the text above the first heading', () => {
    const hit = toSearchHit(fragment([{ title: 'Глоссарий', url: '/prodml/glossary/', excerpt: 'x', locations: [1] }]));
    expect(hit.sections).toEqual([{ title: null, url: '/prodml/glossary/', excerpt: [{ text: 'x', marked: false }] }]);
  });

  it('falls back to the page excerpt when Pagefind gives no sections', () => {
    const hit = toSearchHit(fragment([]));
    expect(hit.sections).toEqual([
      {
        title: null,
        url: '/prodml/glossary/',
        excerpt: [
          { text: 'весь ', marked: false },
          { text: 'дрейф', marked: true },
        ],
      },
    ]);
  });
});
