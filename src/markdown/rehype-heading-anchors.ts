// Runs at build time only: a rehype plugin used by the Markdown/MDX pipeline (astro.config.mjs).
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';
import { t } from '../i18n/ru.ts';
import { Slugger } from '../lib/slug.ts';

const LINKED_LEVELS = new Set(['h2', 'h3', 'h4']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const linkIcon: Element = {
  type: 'element',
  tagName: 'svg',
  properties: { viewBox: '0 0 24 24', width: 18, height: 18, ariaHidden: 'true', focusable: 'false' },
  children: [
    {
      type: 'element',
      tagName: 'path',
      properties: {
        fill: 'none',
        stroke: 'currentColor',
        strokeWidth: '2',
        strokeLinecap: 'round',
        d: 'M10 14a5 5 0 0 0 7 0l3-3a5 5 0 0 0-7-7l-1 1M14 10a5 5 0 0 0-7 0l-3 3a5 5 0 0 0 7 7l1-1',
      },
      children: [],
    },
  ],
};

/**
 * Gives every heading a stable Latin id (see src/lib/slug.ts) and puts a copy-link anchor after
 * h2–h4. Without JavaScript the anchor is an ordinary link to the section; with it, a click copies
 * the full URL (src/client/copy-link.ts). Headings that already carry an id keep it.
 */
export function rehypeHeadingAnchors() {
  return (tree: Root): void => {
    const slugger = new Slugger();
    visit(tree, 'element', (node, index, parent) => {
      if (!HEADINGS.has(node.tagName)) return;
      const text = toString(node).trim();
      const existing = node.properties['id'];
      const id = typeof existing === 'string' && existing !== '' ? existing : slugger.slug(text);
      node.properties['id'] = id;
      if (!LINKED_LEVELS.has(node.tagName) || parent === undefined || index === undefined) return SKIP;
      const anchor: Element = {
        type: 'element',
        tagName: 'a',
        properties: {
          className: ['anchor-link'],
          href: `#${id}`,
          dataCopyLink: '',
          ariaLabel: t.copyLink(text),
        },
        children: [structuredClone(linkIcon)],
      };
      const wrapper: ElementContent = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['heading-wrapper', `level-${node.tagName}`] },
        children: [node, anchor],
      };
      parent.children[index] = wrapper;
      return SKIP;
    });
  };
}
