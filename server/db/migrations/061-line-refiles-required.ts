import type { Kysely } from 'kysely';

// Packages filed before the list (0168) under a spelling that a business line added later
// matches (decision record 0182). Adding the line does not lift their unlisted-line blocker
// (0176): the owner's next version re-files them, and `refilePackageLine` deletes the row.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('line_refiles_required')
    .addColumn('package_id', 'text', (c) => c.primaryKey().references('packages.id'))
    .addColumn('business_line_key', 'text', (c) => c.notNull())
    .addColumn('since', 'text', (c) => c.notNull())
    .execute();
}
