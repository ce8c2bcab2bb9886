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

/**
 * What a process keeps: at most this many packages and this many entries in all (a package may
 * have thousands); the least recently used package is dropped first.
 */
const keptPackages = 1_000;
const keptEntries = 100_000;

interface Kept {
  packages: Map<string, KeptPackageEvents>;
  entries: number;
}

const stores = new WeakMap<StoreTx, Kept>();

function keptOf(store: StoreTx): Kept {
  let kept = stores.get(store);
  if (!kept) stores.set(store, (kept = { packages: new Map<string, KeptPackageEvents>(), entries: 0 }));
  return kept;
}

/** The kept entries of `packageId`, if any (now the most recently used). */
export function keptPackageEvents(store: StoreTx, packageId: string): KeptPackageEvents | undefined {
  const { packages } = keptOf(store);
  const found = packages.get(packageId);
  if (found) {
    packages.delete(packageId);
    packages.set(packageId, found);
  }
  return found;
}

/** Keeps `events` as every source entry of `packageId` up to `through`, unless what is kept already goes further. */
export function keepPackageEvents(store: StoreTx, packageId: string, through: number, events: readonly LoggedEvent[]): void {
  const kept = keptOf(store);
  const { packages } = kept;
  const held = packages.get(packageId);
  if (held && held.through >= through) return;
  // Oldest first: a copy only when some go past `through`.
  const upTo = (events.at(-1)?.seq ?? 0) <= through ? events : events.filter((e) => e.seq <= through);
  if (held) kept.entries -= held.events.length;
  packages.delete(packageId);
  packages.set(packageId, { through, events: Object.freeze(upTo) });
  kept.entries += upTo.length;
  for (const [oldest, { events: dropped }] of packages) {
    if (packages.size <= keptPackages && kept.entries <= keptEntries) break;
    packages.delete(oldest);
    kept.entries -= dropped.length;
  }
}
