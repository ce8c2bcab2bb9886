import { auditEntryHashSync } from '#domain/audit/entry-hash-sync.ts';
import type { AuditEntryView } from '#domain/contracts/audit.ts';

export interface EntryHashCheck {
  /** The hash recomputed here from what the entry says; null if it cannot be computed. */
  recomputed: string | null;
  matches: boolean;
}

/** Recomputes an entry's hash in the browser: a row changed in the database no longer matches its stored hash. */
export function checkEntryHash(entry: AuditEntryView): EntryHashCheck {
  try {
    const recomputed = auditEntryHashSync(entry);
    return { recomputed, matches: recomputed === entry.entryHash };
  } catch {
    return { recomputed: null, matches: false };
  }
}
