import type { Kysely } from 'kysely';

// A model owner's packages, read by owner (docs/decisions/0200): the first notification poll
// of an owner derives their list from their own packages, and the inbox's model filter lists
// an owner's models. Without an index each of them read every package row.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('packages_owner_idx').on('packages').columns(['owner_id', 'id']).execute();
}
