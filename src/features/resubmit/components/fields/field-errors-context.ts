import { createContext, use } from 'react';
import type { FieldErrors } from '../../field-errors.ts';

/** The problems of the last check or submission, by pointer, for every field to find its own. */
export const FieldErrorsContext = createContext<FieldErrors>({});

export function useFieldError(pointer: string): string | undefined {
  return use(FieldErrorsContext)[pointer];
}
