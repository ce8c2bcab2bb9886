import { filingEntries, type FilingEntry } from './filing-entries.ts';
import type { StoreTx } from '../store/store.ts';

// A row filed for a second administrator (an account request, a catalogue proposal) lives in an
// ordinary table, outside the audit log's chain; it is believed only as far as the chained entries
// bind it (0192, fourth amendment; 0198, amended 2026-12-06): exactly one filing entry names it,
// whose actor, time and recorded columns equal the row's, and it is undecided only while no
// decision entry names it. One rule for both kinds of filing, so that neither drifts from it.

/** The audit entries that bind filings: their filing entries and any decision entries, by filing id. */
export interface FilingBinding {
  filings: ReadonlyMap<string, readonly FilingEntry[]>;
  decisions: ReadonlyMap<string, readonly FilingEntry[]>;
}

/** Which entries bind a kind of filing, and the key in their `after` naming it. */
export interface BindingActions {
  filed: string;
  decided: readonly string[];
  idKey: string;
}

type Filed = { id: string; requestedAt: string };

/**
 * One read per action since the oldest of `rows`, for a whole list or one approval. Not narrowed
 * by subject: a row's subject may itself have been edited, and an entry appended under another
 * subject must still be counted.
 */
export async function bindingEntries(store: Pick<StoreTx, 'listAuditEntries'>, actions: BindingActions, rows: readonly Filed[]): Promise<FilingBinding> {
  const read = (action: string) => filingEntries(store, action, actions.idKey, rows);
  const [filings, decided] = await Promise.all([read(actions.filed), Promise.all(actions.decided.map(read))]);
  const decisions = new Map<string, FilingEntry[]>();
  for (const found of decided) for (const [id, entries] of found) decisions.set(id, [...(decisions.get(id) ?? []), ...entries]);
  return { filings, decisions };
}

/** The filing entry naming `id`, when exactly one does; two are as bad as none (one was appended later). */
export function onlyFiling(binding: Pick<FilingBinding, 'filings'>, id: string): FilingEntry | undefined {
  const filed = binding.filings.get(id) ?? [];
  return filed.length === 1 ? filed[0] : undefined;
}

/** A column the filing entry recorded: its name, the value recorded, the value in the row. */
export type BoundColumn = [column: string, recorded: unknown, stored: unknown];

type Row = Filed & { requestedBy: string; decision: string | null };

/**
 * What differs between the row and the entries binding it, as column names: `filing` when not
 * exactly one filing entry names it, `decision` when it is undecided while a decision entry names
 * it (or decided while none does). The filer and the filing time are the entry's actor and `at`;
 * `recorded` lists the kind's other columns from the one entry.
 */
export function bindingMismatches(row: Row, binding: FilingBinding, recorded: (only: FilingEntry) => readonly BoundColumn[]): string[] {
  const decided = (binding.decisions.get(row.id) ?? []).length > 0;
  const decision = decided === (row.decision !== null) ? [] : ['decision'];
  const only = onlyFiling(binding, row.id);
  if (!only) return ['filing', ...decision];
  const columns: BoundColumn[] = [['requested_by', only.entry.actorId, row.requestedBy], ['requested_at', only.entry.at, row.requestedAt], ...recorded(only)];
  return [...columns.filter(([, filed, stored]) => filed !== stored).map(([column]) => column), ...decision];
}
