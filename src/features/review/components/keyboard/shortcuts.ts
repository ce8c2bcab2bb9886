import { isPageKey } from '#src/lib/page-key.ts';

/** The review page's keyboard shortcuts: one list, read by the handler and by the help dialog. */
export const shortcuts = [
  { key: 'j', action: 'next-section', description: 'Next section' },
  { key: 'k', action: 'previous-section', description: 'Previous section' },
  { key: 'n', action: 'next-thread', description: 'Next thread' },
  { key: 'p', action: 'previous-thread', description: 'Previous thread' },
  { key: 'r', action: 'review-next', description: 'Mark the current section reviewed and go to the next one to review' },
  { key: 'a', action: 'annotate', description: 'Annotate the current section (the selected passage, if any)' },
  { key: '?', action: 'help', description: 'Show these shortcuts' },
] as const;

export type ShortcutAction = (typeof shortcuts)[number]['action'];

const byKey = new Map<string, ShortcutAction>(shortcuts.map((shortcut) => [shortcut.key, shortcut.action]));

/** The action a key press asks for, or null: only keys meant for the page (see isPageKey). */
export function shortcutFor(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target' | 'defaultPrevented'>): ShortcutAction | null {
  return isPageKey(event) ? (byKey.get(event.key) ?? null) : null;
}
