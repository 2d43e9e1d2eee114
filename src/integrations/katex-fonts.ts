// Runs at build time (a Vite plugin): KaTeX's stylesheet offers each of its 20 fonts as woff2, woff and
// truetype, and the bundler then emits all three. Every browser that runs the book's service worker reads
// woff2, so the woff and truetype files would only be precached for offline reading (876 KB) and never used.
// This plugin keeps the woff2 source of every @font-face rule, so only the woff2 files are emitted.
import type { Plugin } from 'vite';

/** The stylesheet imported by the chapter page (`katex/dist/katex.min.css`). */
const KATEX_CSS = /[\\/]katex[\\/]dist[\\/]katex(\.min)?\.css$/;

/** A woff or truetype source after the woff2 one in an @font-face `src` list. */
const LEGACY_SOURCE = /,\s*url\([^)]*\.(?:woff|ttf)\)\s*format\(["'](?:woff|truetype)["']\)/g;

/**
 * Keeps only the woff2 source in every @font-face rule of KaTeX's stylesheet.
 * @throws {Error} if the stylesheet has no @font-face rule with a woff2 source followed by others, so that a
 * KaTeX release that changes the format fails the build instead of shipping the old fonts again.
 * @example woff2Only('src:url(a.woff2) format("woff2"),url(a.woff) format("woff")') // 'src:url(a.woff2) format("woff2")'
 */
export function woff2Only(css: string): string {
  const fontFaces = css.match(/@font-face\s*\{/g)?.length ?? 0;
  const legacy = css.match(LEGACY_SOURCE)?.length ?? 0;
  if (fontFaces === 0 || legacy === 0) {
    throw new Error(
      `katex-fonts: found ${fontFaces} @font-face rules and ${legacy} woff/truetype sources in KaTeX's stylesheet; ` +
        'its format has changed: update LEGACY_SOURCE in src/integrations/katex-fonts.ts.',
    );
  }
  const result = css.replace(LEGACY_SOURCE, '');
  if (/\.(?:woff|ttf)\)/.test(result)) {
    throw new Error('katex-fonts: a woff or truetype font is still referenced after the woff2-only rewrite.');
  }
  return result;
}

/** The Vite plugin: applies {@link woff2Only} to KaTeX's stylesheet. */
export function katexWoff2Only(): Plugin {
  return {
    name: 'prodml:katex-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!KATEX_CSS.test(id.split('?')[0] ?? id)) return null;
      return { code: woff2Only(code), map: null };
    },
  };
}
