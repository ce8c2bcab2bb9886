/** The review page's keyboard shortcuts: one list, read by the handler and by the help dialog. */
export const shortcuts = [
  { key: 'j', action: 'next-section', description: 'Next section' },
  { key: 'k', action: 'previous-section', description: 'Previous section' },
  { key: 'n', action: 'next-thread', description: 'Next thread' },
  { key: 'p', action: 'previous-thread', description: 'Previous thread' },
  { key: 'a', action: 'annotate', description: 'Annotate the current section (the selected passage, if any)' },
  { key: '?', action: 'help', description: 'Show these shortcuts' },
] as const;

export type ShortcutAction = (typeof shortcuts)[number]['action'];

const byKey = new Map<string, ShortcutAction>(shortcuts.map((shortcut) => [shortcut.key, shortcut.action]));

/**
 * The action a key press asks for, or null: never while typing in a field, never with a
 * modifier other than Shift (the browser's and the screen reader's own keys stay theirs).
 */
export function shortcutFor(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target' | 'defaultPrevented'>): ShortcutAction | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return null;
  const target = event.target;
  if (target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select, dialog[open]'))) return null;
  return byKey.get(event.key) ?? null;
}
