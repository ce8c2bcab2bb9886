import { z } from 'zod';
import { hasVisibleText } from '../text/visible-text.ts';

/** A reason a person must read: trimmed, at least `min` characters long, and some of them visible (0165); one problem when it is not. */
export function visibleReason(message: string, max: number, min = 1) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((text) => text.length >= min && hasVisibleText(text), message);
}
