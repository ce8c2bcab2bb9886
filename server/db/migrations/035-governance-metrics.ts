import type { Kysely } from 'kysely';

// Governance metrics (docs/decisions/0117): "the models" are the newest package of each model,
// found by a NOT EXISTS on a newer package of the same model key. This index makes that probe
// one index seek per package, so the dashboard's counts stay one pass over the packages. The
// 12-month trends read by time: these indexes let them skip older history, so their cost
// follows the last year's activity, not the database's age.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('packages_model_created_idx').on('packages').columns(['model_key', 'created_at', 'id']).execute();
  await db.schema.createIndex('packages_created_idx').on('packages').column('created_at').execute();
  await db.schema.createIndex('package_versions_submitted_idx').on('package_versions').column('submitted_at').execute();
  await db.schema.createIndex('policy_evaluations_evaluated_idx').on('policy_evaluations').column('evaluated_at').execute();
  await db.schema.createIndex('risk_assessments_assessed_idx').on('risk_assessments').column('assessed_at').execute();
  await db.schema.createIndex('decisions_decided_idx').on('decisions').column('decided_at').execute();
}
