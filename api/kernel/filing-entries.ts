import type { StoredAuditEntry, StoreTx } from '../store/store.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// The chained audit entry written with a filing (`user.change_requested`, `catalogue.change_proposed`),
// found by the filing's id in its `after`, not by the row's other columns: those are in an
// ordinary table that someone with the database can edit (0192, fourth amendment).

/** An entry that names a filing, with its `after` read as an object (unparsed values stay as they are). */
export interface FilingEntry {
  entry: StoredAuditEntry;
  after: Readonly<Record<string, unknown>>;
}

type Filing = { id: string };

/**
 * Every `action` entry naming each filing (`idKey` in its `after`), by filing id, oldest first, in
 * one read of that action's entries (its index). No bound in time either way: the row's
 * `requested_at` is as editable as the rest of it, and a search starting there would miss the
 * real filing entry of a row moved later beside a forged one (0198, amended 2026-12-06), and an
 * entry appended later for the same id is found too, so that a caller can refuse a filing named twice.
 */
export async function filingEntries(store: Pick<StoreTx, 'listAuditEntries'>, action: string, idKey: string, filings: readonly Filing[], subject?: string): Promise<ReadonlyMap<string, readonly FilingEntry[]>> {
  if (filings.length === 0) return new Map();
  const entries = await store.listAuditEntries({ action, ...(subject === undefined ? {} : { subject }) }, 0, 100_000);
  const wanted = new Set(filings.map((f) => f.id));
  const found = new Map<string, FilingEntry[]>();
  for (const entry of entries) {
    const after = parsedObject(entry.afterJson);
    const id = after?.[idKey];
    if (after && typeof id === 'string' && wanted.has(id)) found.set(id, [...(found.get(id) ?? []), { entry, after }]);
  }
  return found;
}

function parsedObject(json: string): Record<string, unknown> | null {
  try {
    const value: unknown = parseJson(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
