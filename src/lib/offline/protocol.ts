// Runs in the service worker and in the browser: the messages between the page and the service worker.

/** Bytes of one part of the book: in total, and already in the service worker's caches. */
export interface PartSize {
  bytes: number;
  cached: number;
}

/** What «Скачать учебник для офлайн» shows before and after a download. */
export interface OfflineStatus {
  /** The deploy's version (a hash of every precached file's revision). */
  version: string;
  /** Pages, styles, scripts, fonts, images and the search index (precached on install). */
  book: PartSize;
  /** The Python engine (cached on first use, or by the download). */
  engine: PartSize;
}

/** Page → service worker. `status` and `download` answer through the message's port. */
export type ClientMessage = { type: 'skip-waiting' } | { type: 'status' } | { type: 'download' };

/** Service worker → page, through the port of a `status` or `download` message. */
export type WorkerReply =
  | { type: 'status'; status: OfflineStatus }
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; status: OfflineStatus }
  | { type: 'failed'; done: number; total: number };

/**
 * Whether a message event's data is a page message (anything else is ignored).
 * @example isClientMessage({ type: 'status' }) // true
 */
export function isClientMessage(data: unknown): data is ClientMessage {
  if (typeof data !== 'object' || data === null) return false;
  const type = (data as { type?: unknown }).type;
  return type === 'skip-waiting' || type === 'status' || type === 'download';
}
