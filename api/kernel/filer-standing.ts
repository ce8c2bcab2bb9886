import type { StoredAuditEntry, StoreTx } from '../store/store.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// What happened to a filer after they filed, read by audit sequence (0192, fourth amendment).
// Entries carry the wall clock of the instance that wrote them; two instances' clocks may
// disagree, so "disabled at or after filing" compared by `at` could miss a disable written by an
// instance behind, or void a filing over a disable made before it by one ahead. The log's seq is
// one order for every instance: what has a higher seq than the filing entry happened after it.

/** A filing as the audit log holds it: who filed, and the seq of the entry written with it (0: none found, so every later change counts). */
export interface FiledEntry {
  requestedBy: string;
  filedSeq: number;
}

/** Why a filing is void although its filer is an enabled administrator now; null when it is not. */
export type VoidedSince = 'disabled_since_filing' | 'role_lost_since_filing' | null;

/** Enabling and granting need no second administrator (0175), so a filer disabled or demoted after filing never revives the filing. */
const changes: readonly { action: string; voids: (entry: StoredAuditEntry) => boolean }[] = [
  { action: 'user.disabled', voids: () => true },
  { action: 'user.roles_changed', voids: lostAdministrator },
  // A single sign-on login writes the roles its provider sends (0048): losing the role there counts as well.
  { action: 'user.sso_profile_updated', voids: lostAdministrator },
];

function lostAdministrator(entry: StoredAuditEntry): boolean {
  try {
    const after: unknown = parseJson(entry.afterJson);
    const roles = typeof after === 'object' && after !== null ? (after as { roles?: unknown }).roles : undefined;
    return !(Array.isArray(roles) && roles.includes('admin'));
  } catch {
    // Unreadable: read as the role lost, so a filing is never kept on an entry nobody can read.
    return true;
  }
}

/**
 * For each filing, whether its filer was disabled or lost the administrator role after it, in one
 * read per kind of change since the oldest filing's entry (however many filings). `subject`
 * narrows the reads to one filer (an approval).
 */
export async function voidedSinceFiling(store: Pick<StoreTx, 'listAuditEntries'>, filings: readonly FiledEntry[], subject?: string): Promise<(filing: FiledEntry) => VoidedSince> {
  if (filings.length === 0) return () => null;
  const oldest = Math.min(...filings.map((f) => f.filedSeq));
  const read = async (action: string, voids: (entry: StoredAuditEntry) => boolean) => (await store.listAuditEntries({ action, ...(subject === undefined ? {} : { subject }) }, oldest, 100_000)).filter(voids);
  const [disabled, demoted, demotedBySignOn] = await Promise.all(changes.map(({ action, voids }) => read(action, voids)));
  const after = (entries: readonly StoredAuditEntry[], filing: FiledEntry) => entries.some((e) => e.subject === filing.requestedBy && e.seq > filing.filedSeq);
  return (filing) => (after(disabled ?? [], filing) ? 'disabled_since_filing' : after([...(demoted ?? []), ...(demotedBySignOn ?? [])], filing) ? 'role_lost_since_filing' : null);
}
