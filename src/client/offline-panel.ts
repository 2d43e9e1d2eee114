// «Учебник без сети» at the foot of every page (loaded when the browser is idle): what is already saved,
// the total size up front, and «Скачать учебник для офлайн», which asks the service worker to fetch
// everything still missing — the Python engine included — with progress in bytes.
import { ruOffline } from '../i18n/ru/offline.ts';
import type { ClientMessage, OfflineStatus, WorkerReply } from '../lib/offline/protocol.ts';
import { formatBytes, percentDone } from '../lib/offline/size.ts';
import { announce } from './announce.ts';

/** Sends a message to the active service worker and feeds its replies to `onReply` until it returns true. */
async function ask(message: ClientMessage, onReply: (reply: WorkerReply) => boolean): Promise<void> {
  const registration = await navigator.serviceWorker.ready;
  const worker = registration.active;
  if (worker === null) return;
  await new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<WorkerReply>) => {
      if (!onReply(event.data)) return;
      channel.port1.close();
      resolve();
    };
    worker.postMessage(message, [channel.port2]);
  });
}

interface PanelParts {
  summary: HTMLElement;
  button: HTMLButtonElement;
  progress: HTMLProgressElement;
  progressText: HTMLElement;
}

function total(status: OfflineStatus): number {
  return status.book.bytes + status.engine.bytes;
}

function summary(status: OfflineStatus): string {
  const { book, engine } = status;
  const parts = [
    book.cached >= book.bytes
      ? ruOffline.bookSaved(formatBytes(book.bytes))
      : ruOffline.bookPartly(formatBytes(book.cached), formatBytes(book.bytes)),
  ];
  if (engine.bytes > 0) {
    parts.push(
      engine.cached >= engine.bytes
        ? ruOffline.engineSaved(formatBytes(engine.bytes))
        : ruOffline.engineMissing(formatBytes(engine.bytes - engine.cached)),
    );
  }
  return parts.join(' ');
}

function showStatus(parts: PanelParts, status: OfflineStatus): void {
  const all = total(status);
  const complete = status.book.cached + status.engine.cached >= all;
  parts.summary.textContent = complete ? ruOffline.downloaded(formatBytes(all)) : summary(status);
  parts.button.textContent = ruOffline.download(formatBytes(all));
  parts.button.hidden = complete;
}

function showProgress(parts: PanelParts, done: number, all: number): void {
  const percent = percentDone(done, all);
  parts.progress.hidden = false;
  parts.progress.value = percent;
  parts.progressText.textContent = ruOffline.downloading(formatBytes(done), formatBytes(all), percent);
}

async function download(parts: PanelParts): Promise<void> {
  parts.button.disabled = true;
  let started = false;
  await ask({ type: 'download' }, (reply) => {
    if (reply.type === 'progress') {
      if (!started) announce(parts.button.textContent);
      started = true;
      showProgress(parts, reply.done, reply.total);
      return false;
    }
    if (reply.type === 'done') {
      showStatus(parts, reply.status);
      parts.progressText.textContent = '';
      parts.progress.hidden = true;
      announce(ruOffline.downloaded(formatBytes(total(reply.status))));
    } else if (reply.type === 'failed') {
      parts.progressText.textContent = ruOffline.downloadFailed;
      announce(ruOffline.downloadFailed);
    }
    return true;
  });
  parts.button.disabled = false;
}

/** Shows the panel once the service worker answers; safe to call again for the same (persisted) panel. */
export function attachPanel(panel: HTMLElement): void {
  if (panel.dataset['attached'] === 'true') return;
  const summaryEl = panel.querySelector<HTMLElement>('[data-offline-summary]');
  const button = panel.querySelector<HTMLButtonElement>('[data-offline-download]');
  const progress = panel.querySelector<HTMLProgressElement>('progress');
  const progressText = panel.querySelector<HTMLElement>('[data-offline-progress]');
  if (summaryEl === null || button === null || progress === null || progressText === null) return;
  panel.dataset['attached'] = 'true';
  const parts = { summary: summaryEl, button, progress, progressText };
  parts.summary.textContent = ruOffline.preparing;
  panel.hidden = false;
  button.addEventListener('click', () => void download(parts));
  void ask({ type: 'status' }, (reply) => {
    if (reply.type === 'status') showStatus(parts, reply.status);
    return true;
  });
}
