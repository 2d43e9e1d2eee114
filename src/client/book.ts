// The book's only always-loaded script: small, framework-free, and safe to run once per browsing
// session (the client router keeps it alive; per-page work runs on `astro:page-load`).
import { initCodeCopy } from './code-copy.ts';
import { initCopyLink } from './copy-link.ts';
import { initLayoutSlices } from './layout-slices.ts';
import { initMenu } from './menu.ts';
import { initTheme } from './theme.ts';
import { initToc } from './toc.ts';

initTheme();
initLayoutSlices();
initCopyLink();
initCodeCopy();
initToc();
initMenu();
