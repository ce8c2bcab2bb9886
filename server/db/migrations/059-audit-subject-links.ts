import type { Kysely } from 'kysely';

// Each new audit entry names the previous entry about the same subject (docs/decisions/0180),
// so a record that carries a package's entries shows when one between them was left out. Rows
// written before keep no link (null) and their hash keeps its old preimage. The append path
// finds the previous entry through audit_log_subject_idx (subject, seq), under the append lock.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('subject_prev', 'text').execute();
}
