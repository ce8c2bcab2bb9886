import type { PackageEvent } from '#domain/contracts/package-events.ts';
import type { StoreTx } from '../store/store.ts';
import { packageEventSubscribers } from './subscribers.ts';

// Publishing a package event: every subscriber queues its own work in the transaction of the
// change itself, so that work exists exactly when the change commits (an outbox). The
// capability that publishes names no subscriber; the list is in subscribers.ts.

export interface PublishOptions {
  /** When the change happened; queued work is due from then. */
  at: string;
  newId: () => string;
}

export type PackageEventSubscriber = (tx: StoreTx, events: readonly PackageEvent[], options: PublishOptions) => Promise<void>;

export async function publishPackageEvents(tx: StoreTx, events: readonly PackageEvent[], options: PublishOptions): Promise<void> {
  if (events.length === 0) return;
  for (const subscriber of packageEventSubscribers) await subscriber(tx, events, options);
}
