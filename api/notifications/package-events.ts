import type { LoggedEvent } from '#domain/notifications/derive-notifications.ts';
import type { StoreTx } from '../store/store.ts';

// Each package's source entries, parsed, kept per store (so per process) with the log size up
// to which they are all there. A poll after an entry about a package derived it from every
// source entry of that package, read and parsed again each time: the cost grew with the
// package's history (a thread of 1,500 replies: 13 ms a poll on PostgreSQL, against 5 ms at a
// few), where only the new entries are new. The log is append-only and an entry at or below
// its size is committed and never changes, so what is kept of a package stays true; a poll
// adds the entries its page brought (decision record 0241). A row that a poll found tampered
// afterwards still says what it said when it was kept: notifications are not the audit
// check, which reads the log itself.

export interface KeptPackageEvents {
  /** Every source entry of the package with seq at or below this is among `events`. */
  through: number;
  /** Oldest first. */
  events: readonly LoggedEvent[];
}

/** Packages whose entries a process keeps; the least recently used is dropped first. */
const keptPackages = 1_000;

const stores = new WeakMap<StoreTx, Map<string, KeptPackageEvents>>();

function keptOf(store: StoreTx): Map<string, KeptPackageEvents> {
  let kept = stores.get(store);
  if (!kept) stores.set(store, (kept = new Map<string, KeptPackageEvents>()));
  return kept;
}

/** The kept entries of `packageId`, if any (now the most recently used). */
export function keptPackageEvents(store: StoreTx, packageId: string): KeptPackageEvents | undefined {
  const kept = keptOf(store);
  const found = kept.get(packageId);
  if (found) {
    kept.delete(packageId);
    kept.set(packageId, found);
  }
  return found;
}

/** Keeps `events` as every source entry of `packageId` up to `through`, unless what is kept already goes further. */
export function keepPackageEvents(store: StoreTx, packageId: string, through: number, events: readonly LoggedEvent[]): void {
  const kept = keptOf(store);
  const held = kept.get(packageId);
  if (held && held.through >= through) return;
  kept.delete(packageId);
  kept.set(packageId, { through, events: Object.freeze(events.filter((e) => e.seq <= through)) });
  for (const oldest of kept.keys()) {
    if (kept.size <= keptPackages) break;
    kept.delete(oldest);
  }
}
