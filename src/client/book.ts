// The book's only always-loaded script: small, framework-free, and safe to run once per browsing
// session (the client router keeps it alive; per-page work runs on `astro:page-load`).
import { initCodeCopy } from './code-copy.ts';
import { initCopyLink } from './copy-link.ts';
import { initLazyLayout } from './lazy-layout.ts';
import { initMenu } from './menu.ts';
import { initReadingPosition } from './reading-position.ts';
import { initTheme } from './theme.ts';
import { initToc } from './toc.ts';

initTheme();
initLazyLayout();
initReadingPosition();
initCopyLink();
initCodeCopy();
initToc();
initMenu();
