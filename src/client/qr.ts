// The QR code of a section, drawn locally as SVG (uqr; nothing leaves the page) in a dialog, for students
// to open the link from their phones. It starts at the section on screen — the seminar slide, the section
// in the address (a TOC or copy-link click), or the heading being read — and a list picks another one.
// Loaded on first use by page-tools.ts.
import { encode } from 'uqr';
import { ruInstructor } from '../i18n/ru/instructor.ts';
import { qrPathData } from '../lib/qr/path.ts';

const SVG = 'http://www.w3.org/2000/svg';
const HEADINGS = '.content :is(h2, h3)[id]';

function headings(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>(HEADINGS)).filter(
    (h) => h.closest('[data-pagefind-ignore], dialog') === null,
  );
}

/** The id of the section on screen, or '' for the whole page. */
function currentSection(all: readonly HTMLElement[]): string {
  const root = document.documentElement.dataset;
  if (root['seminar'] === 'true') return root['seminarSection'] ?? '';
  const hash = decodeURIComponent(location.hash.slice(1));
  if (all.some((h) => h.id === hash)) return hash;
  const shown = all.filter((h) => h.getClientRects().length > 0);
  return shown.filter((h) => h.getBoundingClientRect().top < innerHeight * 0.4).at(-1)?.id ?? '';
}

/** The section's shareable address: the page without seminar mode, plus the section's anchor. */
function sectionUrl(id: string): string {
  const url = new URL(location.href);
  url.searchParams.delete('seminar');
  url.hash = id === '' ? '' : `#${id}`;
  return url.href;
}

function qrSvg(text: string): SVGSVGElement {
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', ruInstructor.qrImage(text));
  svg.setAttribute('shape-rendering', 'crispEdges');
  const background = document.createElementNS(SVG, 'rect');
  background.setAttribute('width', String(size));
  background.setAttribute('height', String(size));
  background.setAttribute('fill', '#ffffff');
  const modules = document.createElementNS(SVG, 'path');
  modules.setAttribute('d', qrPathData(data));
  modules.setAttribute('fill', '#000000');
  svg.append(background, modules);
  return svg;
}

function render(dialog: HTMLDialogElement, id: string, title: string): void {
  const code = dialog.querySelector('[data-qr-code]');
  const caption = dialog.querySelector('[data-qr-for]');
  const link = dialog.querySelector<HTMLAnchorElement>('[data-qr-link]');
  if (code === null || caption === null || link === null) return;
  const url = sectionUrl(id);
  code.replaceChildren(qrSvg(url));
  caption.textContent = ruInstructor.qrFor(title);
  link.href = url;
  link.textContent = url;
}

/** Opens the dialog with the QR code of the current section. */
export function openQr(): void {
  const dialog = document.querySelector<HTMLDialogElement>('#qr-dialog');
  const select = dialog?.querySelector<HTMLSelectElement>('[data-qr-section]');
  if (dialog == null || select == null) return;
  const pageTitle = document.querySelector('.content h1')?.textContent.trim() ?? document.title;
  const all = headings();
  const options = [
    new Option(ruInstructor.qrWholePage(pageTitle), ''),
    ...all.map((h) => new Option(`${h.tagName === 'H3' ? '— ' : ''}${h.textContent.trim()}`, h.id)),
  ];
  select.replaceChildren(...options);
  select.value = currentSection(all);
  const update = (): void => {
    const heading = all.find((h) => h.id === select.value);
    render(dialog, select.value, heading?.textContent.trim() ?? pageTitle);
  };
  select.onchange = update;
  update();
  if (!dialog.open) dialog.showModal();
}
