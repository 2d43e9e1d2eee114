// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { rehypeHeadingAnchors } from './src/markdown/rehype-heading-anchors.ts';
import pyodide from './src/integrations/pyodide.ts';
import { katexWoff2Only } from './src/integrations/katex-fonts.ts';

/**
 * BASE_PATH serves the book under a sub-path (e.g. "/production-ml/" on GitHub Pages);
 * SITE_URL is the public origin used for the sitemap and absolute links.
 */
const base = process.env.BASE_PATH ?? '/';
const site = process.env.SITE_URL ?? 'http://localhost:4321';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  integrations: [mdx(), sitemap(), pyodide()],
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [[rehypeKatex, { throwOnError: true, strict: 'error' }], rehypeHeadingAnchors],
      smartypants: false,
    }),
    shikiConfig: {
      themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
      wrap: false,
    },
  },
  server: { port: 4321, host: '127.0.0.1' },
  devToolbar: { enabled: false },
  prefetch: false,
  vite: {
    plugins: [katexWoff2Only()],
    // A font small enough for Vite to inline (KaTeX_Size3, 3.6 KB) would be re-sent as base64 inside every
    // chapter's inlined stylesheet; as a file it is fetched once, when a formula needs it, and cached.
    build: { assetsInlineLimit: (file) => (/\.woff2?$/.test(file) ? false : undefined) },
  },
});
