// Copy-link buttons next to headings (added at build time by rehype-heading-anchors): a click copies
// the section's absolute URL and updates the address bar; without clipboard access the link still
// navigates, so the URL is in the address bar to copy by hand.
import { ruCore } from '../i18n/ru/core.ts';
import { announce } from './announce.ts';

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function initCopyLink(): void {
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-copy-link]');
    if (link === null || link === undefined) return;
    event.preventDefault();
    const url = new URL(link.getAttribute('href') ?? '', location.href).href;
    history.replaceState(history.state, '', url);
    void copy(url).then((ok) => {
      link.dataset['copied'] = ok ? 'true' : 'false';
      announce(ok ? ruCore.linkCopied : ruCore.linkCopyFailed);
      window.setTimeout(() => delete link.dataset['copied'], 2000);
    });
  });
}
