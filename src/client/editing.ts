// Whether a key belongs to the element it was pressed in, rather than to the page: page-wide shortcuts
// (seminar mode's arrows, lazy layout's End) leave such keys alone.

/**
 * Whether `target` uses keys itself: a text field, a select, the code editor, a slider or a listbox.
 * @example if (isEditing(event.target)) return;
 */
export function isEditing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) ||
    target.closest('.cm-editor, [role="slider"], [role="listbox"]') !== null
  );
}
