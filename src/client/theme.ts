// The theme toggle. The choice is kept in the progress document (src/client/progress.ts, loaded on the
// first click) and mirrored under THEME_KEY, which the inline script in Base.astro reads before first
// paint; without a saved choice the page follows prefers-color-scheme.
import { THEME_KEY } from '../lib/progress/keys.ts';
import { readItem, writeItem } from './storage.ts';

type Theme = 'light' | 'dark';

function savedTheme(): Theme | null {
  const saved = readItem(THEME_KEY);
  const value = saved.ok ? saved.value : null;
  return value === 'dark' || value === 'light' ? value : null;
}

function preferredTheme(): Theme {
  return savedTheme() ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
}

function apply(theme: Theme): void {
  document.documentElement.dataset['theme'] = theme;
  for (const button of document.querySelectorAll<HTMLButtonElement>('.theme-toggle')) {
    button.setAttribute('aria-pressed', String(theme === 'dark'));
  }
}

/** Wires the toggle once; re-applies the theme after every client-side navigation. */
export function initTheme(): void {
  apply(preferredTheme());
  const reapply = (): void => {
    apply(preferredTheme());
  };
  document.addEventListener('astro:after-swap', reapply);
  document.addEventListener('astro:page-load', reapply);
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest('.theme-toggle');
    if (button === null || button === undefined) return;
    const next: Theme = document.documentElement.dataset['theme'] === 'dark' ? 'light' : 'dark';
    apply(next);
    // The mirror first, synchronously, so that a page loaded right away paints in the new theme; storage
    // may be unavailable (private mode), and the theme still applies for this page view.
    writeItem(THEME_KEY, next);
    void import('./progress.ts').then(({ progress }) => {
      progress().setTheme(next);
    });
  });
}
