// Shows the progress store's notices (storage refused, full, corrupted…) in a page's notice paragraph.
import { ruProgress } from '../i18n/ru/progress.ts';
import type { Notice } from './progress.ts';

/** Fills `target` with one sentence per notice; hides it when there is nothing to say. */
export function renderNotices(target: HTMLElement, notices: readonly Notice[]): void {
  const text = notices.map((n) => ruProgress.notices[n]).join(' ');
  if (target.textContent !== text) target.textContent = text;
  target.hidden = text === '';
  if (text === '') delete target.dataset['kind'];
  else target.dataset['kind'] = 'problem';
}
