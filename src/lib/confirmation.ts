import { useSyncExternalStore } from 'react';

// The confirmation of a completed action (a signature, a submission), said where the user is
// looking: one at a time, the newest replacing the one before, until dismissed or the user
// goes to another page. Not server state, so not in the query cache: what the page shows next.

export interface Confirmation {
  id: number;
  message: string;
}

let current: Confirmation | null = null;
let lastId = 0;
const listeners = new Set<() => void>();

function publish(next: Confirmation | null): void {
  current = next;
  for (const listener of listeners) listener();
}

/** Shows `message` as the confirmation of what just happened. */
export function confirmDone(message: string): void {
  lastId += 1;
  publish({ id: lastId, message });
}

export function dismissConfirmation(): void {
  if (current) publish(null);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useConfirmation(): Confirmation | null {
  return useSyncExternalStore(subscribe, () => current);
}
