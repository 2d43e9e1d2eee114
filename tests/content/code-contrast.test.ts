// Highlighted code is checked here rather than in the browser's axe pass, which leaves code blocks out (their
// thousands of token spans cost more time than the rest of a page). Every colour Shiki actually wrote into the
// built book, light and dark, is measured against the background of the block it is in: WCAG 2.1 contrast
// (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio), at least 4.5:1 for normal-size text.
import { describe, expect, it } from 'vitest';
import { builtPages, readPage } from '../support/site.ts';

/** Relative luminance of an sRGB colour written #rgb or #rrggbb. */
function luminance(hex: string): number {
  const digits = hex.length === 4 ? hex.slice(1).replace(/./g, '$&$&') : hex.slice(1, 7);
  const channel = (i: number): number => {
    const c = Number.parseInt(digits.slice(2 * i, 2 * i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG contrast ratio of two colours, 1 … 21. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const HEX = '#[0-9a-fA-F]{3,6}';

/** Each highlighted block's light and dark backgrounds with the token colours inside it. */
function codeColours(html: string): { light: string; dark: string; tokens: { light: string; dark: string }[] }[] {
  const blocks = html.matchAll(/<pre class="astro-code[^"]*" style="([^"]*)"[^>]*>([\s\S]*?)<\/pre>/g);
  return Array.from(blocks, ([, style = '', body = '']) => {
    const light = new RegExp(`background-color:(${HEX})`).exec(style)?.[1] ?? '';
    const dark = new RegExp(`--shiki-dark-bg:(${HEX})`).exec(style)?.[1] ?? '';
    const fallback = {
      light: new RegExp(`(?:^|;)color:(${HEX})`).exec(style)?.[1] ?? '',
      dark: new RegExp(`--shiki-dark:(${HEX})`).exec(style)?.[1] ?? '',
    };
    const tokens = Array.from(body.matchAll(/<span style="([^"]*)"/g), ([, s = '']) => ({
      light: new RegExp(`(?:^|;)color:(${HEX})`).exec(s)?.[1] ?? fallback.light,
      dark: new RegExp(`--shiki-dark:(${HEX})`).exec(s)?.[1] ?? fallback.dark,
    }));
    return { light, dark, tokens: [fallback, ...tokens] };
  });
}

describe('contrast', () => {
  it('matches the WCAG extremes and a known pair', () => {
    expect(contrast('#000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#fff')).toBeCloseTo(4.48, 2); // the classic «#777 just fails AA» pair
  });
});

describe('highlighted code in the built book', () => {
  const pages = builtPages().map((page) => ({ page, blocks: codeColours(readPage(page)) }));

  it('is found (the check below is not vacuous)', () => {
    expect(pages.reduce((n, p) => n + p.blocks.length, 0)).toBeGreaterThan(100);
  });

  it('has at least 4.5:1 contrast for every token, in both themes', () => {
    const low = new Set<string>();
    for (const { page, blocks } of pages) {
      for (const { light, dark, tokens } of blocks) {
        expect(light, page).toMatch(new RegExp(`^${HEX}$`));
        expect(dark, page).toMatch(new RegExp(`^${HEX}$`));
        for (const t of tokens) {
          if (contrast(t.light, light) < 4.5) low.add(`light ${t.light} on ${light} (${page})`);
          if (contrast(t.dark, dark) < 4.5) low.add(`dark ${t.dark} on ${dark} (${page})`);
        }
      }
    }
    expect([...low]).toEqual([]);
  });
});
