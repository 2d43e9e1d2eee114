import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { woff2Only } from '../../src/integrations/katex-fonts.ts';

const KATEX_CSS = fs.readFileSync('node_modules/katex/dist/katex.min.css', 'utf8');
const sources = (css: string): string[] => Array.from(css.matchAll(/url\(([^)]+)\)/g), (m) => m[1] ?? '');

describe('woff2Only', () => {
  it('keeps the woff2 source of each of KaTeX’s @font-face rules and drops the woff and truetype ones', () => {
    const result = woff2Only(KATEX_CSS);
    const before = sources(KATEX_CSS);
    expect(before.filter((u) => u.endsWith('.ttf'))).toHaveLength(20);
    expect(sources(result)).toEqual(before.filter((u) => u.endsWith('.woff2')));
    expect(result.match(/@font-face/g)).toHaveLength(20);
    // Everything but the dropped sources is unchanged.
    expect(result.replace(/@font-face\{[^}]*\}/g, '')).toBe(KATEX_CSS.replace(/@font-face\{[^}]*\}/g, ''));
  });

  it('rewrites a hand-written rule with spaces and single quotes', () => {
    expect(woff2Only("@font-face { src: url(a.woff2) format('woff2'), url(a.woff) format('woff') }")).toBe(
      "@font-face { src: url(a.woff2) format('woff2') }",
    );
  });

  it('fails the build when the stylesheet no longer looks like KaTeX’s', () => {
    expect(() => woff2Only('.katex { font: 1.21em KaTeX_Main }')).toThrow(/format has changed/);
    expect(() => woff2Only('@font-face{src:url(a.woff2) format("woff2")}')).toThrow(/format has changed/);
    expect(() =>
      woff2Only('@font-face{src:url(a.woff2) format("woff2"),url(a.woff) format("woff"),url(a.ttf)}'),
    ).toThrow(/still referenced/);
  });
});
