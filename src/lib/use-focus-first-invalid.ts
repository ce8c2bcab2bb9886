import { useEffect, type RefObject } from 'react';

/**
 * After a refused submission, takes the reader to the first field to fix: its message is
 * right under it and read with it. `problem` changes with each refusal (the mutation's error).
 */
export function useFocusFirstInvalid(form: RefObject<HTMLFormElement | null>, problem: unknown): void {
  useEffect(() => {
    if (!problem) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, problem]);
}
