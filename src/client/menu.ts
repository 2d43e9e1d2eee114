// The sidebar on narrow screens: a disclosure button, closed by Esc and by navigation.
function setOpen(open: boolean): void {
  const button = document.querySelector<HTMLButtonElement>('.menu-button');
  button?.setAttribute('aria-expanded', String(open));
  document.body.classList.toggle('menu-open', open);
}

export function initMenu(): void {
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest('.menu-button');
    if (button === null || button === undefined) return;
    const open = button.getAttribute('aria-expanded') !== 'true';
    setOpen(open);
    if (open) document.querySelector<HTMLElement>('#sidebar a')?.focus();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && document.body.classList.contains('menu-open')) {
      setOpen(false);
      document.querySelector<HTMLElement>('.menu-button')?.focus();
    }
  });
  document.addEventListener('astro:after-swap', () => {
    setOpen(false);
  });
}
