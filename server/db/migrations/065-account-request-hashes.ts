import type { Kysely } from 'kysely';

// An account request's content bound to a hash (docs/decisions/0198): the SHA-256 of its
// canonical content, written at filing beside the row and into the chained
// `user.change_requested` entry, checked again at approval. Requests filed before have none
// (null): they cannot be shown to be as filed, so approval refuses them (file again; a request
// lapses after 72 hours anyway).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('account_requests').addColumn('content_sha256', 'text').execute();
}
