import { useSyncExternalStore } from 'react';

// The confirmation of a completed action (a signature, a submission), said where the user is
// looking: one at a time, the newest replacing the one before, until dismissed or the user
// goes to another page. Not server state, so not in the query cache: what the page shows next.

export interface Confirmation {
  id: number;
  message: string;
  /** The page (pathname) it belongs to: shown there, dismissed once the user leaves it. */
  path: string;
}

let current: Confirmation | null = null;
let lastId = 0;
/** The newest confirmation that has been on screen: leaving its page then dismisses it. */
let shownId = 0;
const listeners = new Set<() => void>();

function publish(next: Confirmation | null): void {
  current = next;
  for (const listener of listeners) listener();
}

/** Shows `message` as the confirmation of what just happened, on `path` (this page, or the one being opened). */
export function confirmDone(message: string, path: string = window.location.pathname): void {
  lastId += 1;
  publish({ id: lastId, message, path });
}

export function noteShown(id: number): void {
  shownId = Math.max(shownId, id);
}

export function wasShown(id: number): boolean {
  return shownId >= id;
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
