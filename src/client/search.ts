// The search dialog's opener, always loaded: «/» or Ctrl+K (⌘K) opens it from anywhere, and so does
// the header button. The results code and Pagefind itself load on first use (search-ui.ts).

const DIALOG = '#search-dialog';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

function openDialog(): void {
  const dialog = document.querySelector<HTMLDialogElement>(DIALOG);
  if (dialog === null || dialog.open) return;
  dialog.showModal();
  const input = dialog.querySelector('input');
  input?.focus();
  input?.select();
  void import('./search-ui.ts').then((ui) => {
    ui.attachDialog(dialog);
  });
}

function closeDialog(): void {
  const dialog = document.querySelector<HTMLDialogElement>(DIALOG);
  if (dialog?.open === true) dialog.close();
}

/** Wires the shortcuts and buttons once; the search page binds itself on every page load. */
export function initSearch(): void {
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && document.querySelector<HTMLDialogElement>(DIALOG)?.open === true) {
      // A search field eats the first Esc (it clears the text); one Esc should close the dialog.
      event.preventDefault();
      closeDialog();
      return;
    }
    const shortcut = (event.ctrlKey || event.metaKey) && !event.altKey && event.code === 'KeyK';
    const slash =
      (event.key === '/' || event.code === 'Slash') &&
      !event.ctrlKey &&
      !event.metaKey &&
      !event.altKey &&
      !isTyping(event.target);
    if (!shortcut && !slash) return;
    event.preventDefault();
    openDialog();
  });
  document.addEventListener('click', (event) => {
    const target = event.target as Element | null;
    if (target?.closest('[data-search-open]')) openDialog();
    else if (target?.closest('[data-search-close]') || target?.matches(DIALOG) === true) closeDialog();
    else if (target?.closest(`${DIALOG} a`)) closeDialog();
  });
  document.addEventListener('astro:page-load', () => {
    const page = document.querySelector<HTMLElement>('[data-search-page]');
    if (page !== null)
      void import('./search-ui.ts').then((ui) => {
        ui.attachPage(page);
      });
  });
}
