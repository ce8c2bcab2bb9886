import { fieldId } from './field-errors.ts';

const controls = 'input, textarea, select, button';

/**
 * Moves focus to what a pointer names, or to the closest thing that contains it (a problem
 * about a whole list lands on the list; one about a section, on its heading button).
 */
export function focusPointer(pointer: string): boolean {
  const segments = pointer.split('/');
  for (let length = segments.length; length > 0; length--) {
    const element = document.getElementById(fieldId(segments.slice(0, length).join('/')));
    if (!element) continue;
    const target = element.matches(controls) || element.tabIndex >= 0 || element.hasAttribute('tabindex') ? element : element.querySelector<HTMLElement>(controls);
    (target ?? element).focus();
    return true;
  }
  return false;
}

/** After adding an item: its first control. */
export function focusFirstControlIn(id: string): void {
  const element = document.getElementById(id);
  (element?.querySelector<HTMLElement>(controls) ?? element)?.focus();
}
