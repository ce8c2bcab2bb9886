import type { Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';

// Approval overrides: an approval signed over open blockers (an unanswered clarification
// request) keeps the signed override, the blockers and the reason, as JSON (null on every
// other decision). A nullable column rewrites no row, so the triggers that refuse changes to
// signed decisions stay as they are.

export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema.alterTable('decisions').addColumn('override', 'text').execute();
}
