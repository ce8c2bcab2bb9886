import { sql, type Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';

// The committee dashboard shows the first page of each of its package lists, not the whole list
// (decision record 0159). Each list's condition is one partial index, ordered as the list is
// (domain/workflow/committee-dashboard.ts: pending oldest submission first, overdue the longest
// past due first, lapsed conditions by id; ties by id), so the page is the index's first rows
// and costs the same at 10 packages as at 10,000. The statuses are `pendingStatuses`, written
// out: a partial index is used only when the query repeats its condition as written (the query
// sends them as literals). On PostgreSQL the order is the binary one ("C"), which is SQLite's
// and the comparators', whatever the database's own collation; a missing due time sorts first
// there too (SQLite sorts NULL first). The governance figure "changes this month" gets a
// covering index too (below).

const pending = sql`summary is not null and status in ('in_review', 'clarification_requested', 'emergency_approved')`;

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const c = engine === 'postgres' ? sql` collate "C"` : sql``;
  const nullsFirst = engine === 'postgres' ? sql` nulls first` : sql``;
  await sql`create index package_summaries_pending_first on package_summaries (submitted_at${c}, package_id${c}) where ${pending}`.execute(db);
  await sql`create index package_summaries_overdue_first on package_summaries (step_due_at${c}${nullsFirst}, package_id${c}) where ${pending} and step_overdue = 1`.execute(db);
  // Replaces 045's index of the lapsed list: its order is now the binary one on both engines, and
  // `summary is not null` in its condition lets the list be counted from the index alone.
  await sql`drop index package_summaries_conditions_lapsed`.execute(db);
  await sql`create index package_summaries_conditions_lapsed on package_summaries (package_id${c}) where summary is not null and conditions_lapsed = 1`.execute(db);
  // "Changes this month" (0156) reads the packages with a version submitted since the 1st, and
  // its trend counts them per month: 035's index on `submitted_at` alone sent each match (or,
  // for the DISTINCT, every version) to the version row, 4 to 12 KB of content beside it; with
  // `package_id` in the index both read the index alone. It replaces 035's.
  await sql`create index package_versions_submitted_packages on package_versions (submitted_at, package_id)`.execute(db);
  await sql`drop index package_versions_submitted_idx`.execute(db);
}
