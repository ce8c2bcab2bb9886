import type { Kysely } from 'kysely';

// Governance metrics (docs/decisions/0117): "the models" are the newest package of each model,
// found by a NOT EXISTS on a newer package of the same model key. This index makes that probe
// one index seek per package, so the dashboard's counts stay one pass over the packages.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('packages_model_created_idx').on('packages').columns(['model_key', 'created_at', 'id']).execute();
}
