// The theme toggle. The choice persists in localStorage under THEME_KEY (read before paint by the
// inline script in Base.astro); without a saved choice the page follows prefers-color-scheme.

export const THEME_KEY = 'prodml.theme';
type Theme = 'light' | 'dark';

function savedTheme(): Theme | null {
  try {
    const value = localStorage.getItem(THEME_KEY);
    return value === 'dark' || value === 'light' ? value : null;
  } catch {
    return null;
  }
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
    try {
      localStorage.setItem(THEME_KEY, next);
    } catch {
      // Storage unavailable (private mode): the theme still applies for this page view.
    }
  });
}
