// The book's only access to localStorage. Every call is safe: storage may be missing or refused (private
// mode, blocked cookies), full (quota) or hold anything at all. It never removes a key, so nothing a
// student produced is wiped by the book.

/** Why a read or a write did not happen. */
export type StorageFailure = 'unavailable' | 'quota';

export type ReadOutcome = { ok: true; value: string | null } | { ok: false; failure: StorageFailure };
export type WriteOutcome = { ok: true } | { ok: false; failure: StorageFailure };

function store(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const isQuotaError = (error: unknown): boolean =>
  error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED');

/** The value under `key` (null when the key is not set). */
export function readItem(key: string): ReadOutcome {
  const storage = store();
  if (storage === null) return { ok: false, failure: 'unavailable' };
  try {
    return { ok: true, value: storage.getItem(key) };
  } catch {
    return { ok: false, failure: 'unavailable' };
  }
}

/** Stores `value` under `key`; tells a full storage apart from a refused one. */
export function writeItem(key: string, value: string): WriteOutcome {
  const storage = store();
  if (storage === null) return { ok: false, failure: 'unavailable' };
  try {
    storage.setItem(key, value);
    return { ok: true };
  } catch (error) {
    return { ok: false, failure: isQuotaError(error) ? 'quota' : 'unavailable' };
  }
}

/** Keys that start with `prefix`, sorted; empty when storage cannot be read. */
export function keysWithPrefix(prefix: string): string[] {
  const storage = store();
  if (storage === null) return [];
  try {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i);
      if (key?.startsWith(prefix) === true) keys.push(key);
    }
    return keys.sort();
  } catch {
    return [];
  }
}

/** Calls `listener` when another tab changes `key`. */
export function onExternalChange(key: string, listener: () => void): void {
  window.addEventListener('storage', (event) => {
    if (event.key === key || event.key === null) listener();
  });
}
