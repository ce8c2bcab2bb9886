import type { Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';

// Emergency approvals: a decision of kind emergency_approve keeps its justification and
// incident reference with it, as JSON (null on every other decision). Adding a nullable column
// rewrites no row, so the triggers that refuse changes to signed decisions stay as they are.

export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema.alterTable('decisions').addColumn('emergency', 'text').execute();
}
