/**
 * Whether a key press is for the page's own single-key shortcuts: never while typing in a
 * field or in an open dialog, never with a modifier other than Shift (the browser's and the
 * screen reader's own keys stay theirs).
 */
export function isPageKey(event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'target' | 'defaultPrevented'>): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return false;
  const target = event.target;
  return !(target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select, dialog[open]')));
}
