// The teaching tools' entry points, always loaded (small): shows the tools above the title, opens seminar
// mode from its button or from the address (`?seminar=1`, `#seminar`), and the QR dialog. The work is
// done by seminar.ts and qr.ts (with the QR encoder), loaded on first use.
import { isSeminarUrl } from '../lib/seminar/slides.ts';

function startSeminar(): void {
  void import('./seminar.ts').then((seminar) => {
    seminar.enterSeminar();
  });
}

export function initPageTools(): void {
  document.addEventListener('click', (event) => {
    const target = event.target as Element | null;
    if (target?.closest('[data-seminar-start]')) startSeminar();
    else if (target?.closest('[data-qr-open]'))
      void import('./qr.ts').then((qr) => {
        qr.openQr();
      });
  });
  document.addEventListener('astro:page-load', () => {
    const tools = document.querySelector<HTMLElement>('[data-page-tools]');
    if (tools !== null) tools.hidden = false;
    if (isSeminarUrl(new URL(location.href))) startSeminar();
  });
}
