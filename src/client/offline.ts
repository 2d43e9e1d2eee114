// The page side of offline-first (always loaded, small): registers the service worker, offers a new
// deploy («Доступна новая версия» → «Обновить») and swaps only on that click, shows the offline
// indicator, and loads the «Скачать учебник для офлайн» panel when the browser is idle.
import { ruOffline } from '../i18n/ru/offline.ts';
import { joinBase } from '../lib/url.ts';
import type { ClientMessage } from '../lib/offline/protocol.ts';
import { announce } from './announce.ts';
import { whenIdle } from './idle.ts';

const BASE = import.meta.env.BASE_URL;
const UPDATE_CHECK_MS = 30 * 60 * 1000;

type ToastKind = 'update' | 'updated-elsewhere';

let registration: ServiceWorkerRegistration | undefined;
let toast: ToastKind | null = null;
let reloadOnSwap = false;
let lastCheck = 0;

function post(worker: ServiceWorker | null | undefined, message: ClientMessage): void {
  worker?.postMessage(message);
}

function renderToast(): void {
  const box = document.querySelector<HTMLElement>('[data-update-toast]');
  if (box === null) return;
  const text = box.querySelector('[data-update-text]');
  const action = box.querySelector<HTMLButtonElement>('[data-update-action]');
  if (toast === null || text === null || action === null) {
    box.hidden = true;
    return;
  }
  const wasHidden = box.hidden;
  text.textContent =
    toast === 'update' ? `${ruOffline.updateAvailable} ${ruOffline.updateNote}` : ruOffline.updatedElsewhere;
  action.textContent = toast === 'update' ? ruOffline.update : ruOffline.reload;
  box.hidden = false;
  if (wasHidden) announce(text.textContent);
}

function showToast(kind: ToastKind | null): void {
  toast = kind;
  renderToast();
}

/** A new service worker finished installing while an older one controls the page: offer it. */
function watch(reg: ServiceWorkerRegistration): void {
  if (reg.waiting !== null && navigator.serviceWorker.controller !== null) showToast('update');
  reg.addEventListener('updatefound', () => {
    const worker = reg.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller !== null) showToast('update');
    });
  });
}

function checkForUpdate(): void {
  if (registration === undefined || !navigator.onLine || Date.now() - lastCheck < UPDATE_CHECK_MS) return;
  lastCheck = Date.now();
  registration.update().catch(() => undefined);
}

function renderIndicator(): void {
  const indicator = document.querySelector<HTMLElement>('[data-offline-indicator]');
  if (indicator !== null) indicator.hidden = navigator.onLine;
}

function loadPanel(): void {
  const panel = document.querySelector<HTMLElement>('[data-offline-panel]');
  if (panel === null || registration === undefined) return;
  const start = (): void => {
    void import('./offline-panel.ts').then((module) => {
      module.attachPanel(panel);
    });
  };
  whenIdle(start, 3000);
}

async function register(): Promise<void> {
  const hadController = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloadOnSwap) location.reload();
    else if (hadController) showToast('updated-elsewhere');
  });
  registration = await navigator.serviceWorker.register(joinBase(BASE, 'sw.js'), {
    scope: BASE,
    updateViaCache: 'none',
  });
  lastCheck = Date.now();
  watch(registration);
  loadPanel();
}

/** Wires everything once per browsing session; the header and footer are re-rendered on navigation. */
export function initOffline(): void {
  window.addEventListener('online', () => {
    renderIndicator();
    announce(ruOffline.backOnline);
    checkForUpdate();
  });
  window.addEventListener('offline', () => {
    renderIndicator();
    announce(ruOffline.wentOffline);
  });
  document.addEventListener('click', (event) => {
    const target = event.target as Element | null;
    if (target?.closest('[data-update-action]')) {
      if (toast === 'update' && registration?.waiting) {
        reloadOnSwap = true;
        post(registration.waiting, { type: 'skip-waiting' });
      } else location.reload();
    } else if (target?.closest('[data-update-dismiss]')) showToast(null);
  });
  document.addEventListener('astro:page-load', () => {
    renderIndicator();
    renderToast();
    if (registration !== undefined) {
      loadPanel();
      checkForUpdate();
    }
  });
  if (import.meta.env.PROD && 'serviceWorker' in navigator) {
    // Registering starts the precache downloads: not while the first page is still being shown.
    whenIdle(() => {
      register().catch((error: unknown) => {
        console.warn('Service worker registration failed; the book works online only.', error);
      });
    }, 3000);
  }
}
