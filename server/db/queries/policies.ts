import { policyEvaluationSchema, policySchema } from '#domain/contracts/policies.ts';
import type { PoliciesStore, StoredPolicyCheck, StoredPolicyEvaluation, StoredPolicyVersion } from '#api/store/policies.ts';
import type { PoliciesTable, PolicyEvaluationsTable } from '../schema/schema.ts';
import { sql } from 'kysely';
import type { Engine } from '../schema/engine.ts';
import type { Db } from './shared.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// The governance policies part of the Kysely repository.

// A one-key-space advisory lock apart from the package (7418) and throttle (7419) ones.
const policyCatalogueLock = 7_425;

/** Each lost race means another re-check of the version was committed: many writers at once still end. */
const maxNumberingAttempts = 50;

function toVersion(row: PoliciesTable): StoredPolicyVersion {
  return { policy: policySchema.parse(parseJson(row.definition)), publishedAt: row.published_at, publishedBy: row.published_by };
}

export function toPolicyEvaluation(r: PolicyEvaluationsTable): StoredPolicyEvaluation {
  return { packageId: r.package_id, version: r.version, evaluation: policyEvaluationSchema.parse(parseJson(r.evaluation)), evaluatedAt: r.evaluated_at };
}

/**
 * The evaluations of these packages' versions as they apply now, by package then version: a
 * version's latest re-check stands in for its check at submission (docs/decisions/0141), by
 * the one definition of migration 049's view (decision record 0152).
 */
export async function readPolicyEvaluations(db: Db, packageIds: readonly string[]): Promise<StoredPolicyEvaluation[]> {
  const rows = await db.selectFrom('effective_policy_evaluations').selectAll().where('package_id', 'in', [...packageIds]).orderBy('package_id').orderBy('version').execute();
  return rows.map(toPolicyEvaluation);
}

export function policiesQueries(db: Db, engine: Engine): PoliciesStore {
  return {
    async lockPolicyCatalogue() {
      // Two administrators publishing overlapping scopes at once must not both pass the overlap
      // check. SQLite runs one transaction at a time already.
      if (engine === 'postgres') await sql`select pg_advisory_xact_lock(${policyCatalogueLock}::int, 0)`.execute(db);
    },
    async lockPolicyCatalogueShared() {
      if (engine === 'postgres') await sql`select pg_advisory_xact_lock_shared(${policyCatalogueLock}::int, 0)`.execute(db);
    },
    async findPolicyVersion(key, version) {
      const row = await db.selectFrom('policies').selectAll().where('key', '=', key).where('version', '=', version).executeTakeFirst();
      return row ? toVersion(row) : null;
    },
    async listPolicyVersions() {
      const rows = await db.selectFrom('policies').selectAll().orderBy('key').orderBy('version').execute();
      return rows.map(toVersion);
    },
    async insertPolicyVersion({ policy, publishedAt, publishedBy }) {
      await db
        .insertInto('policies')
        .values({ key: policy.key, version: policy.version, definition: JSON.stringify(policy), published_at: publishedAt, published_by: publishedBy })
        .execute();
    },
    async insertPolicyEvaluation(row) {
      await db
        .insertInto('policy_evaluations')
        .values({
          package_id: row.packageId,
          version: row.version,
          policy_key: row.evaluation.policy.key,
          policy_version: row.evaluation.policy.version,
          evaluation: JSON.stringify(row.evaluation),
          evaluated_at: row.evaluatedAt,
        })
        .execute();
    },
    async listPolicyEvaluations(packageIds) {
      if (packageIds.length === 0) return [];
      return readPolicyEvaluations(db, packageIds);
    },
    async listPolicyChecks(packageId) {
      const [submitted, rechecked] = await Promise.all([
        db.selectFrom('policy_evaluations').selectAll().where('package_id', '=', packageId).execute(),
        db.selectFrom('policy_reevaluations').selectAll().where('package_id', '=', packageId).execute(),
      ]);
      const checks: StoredPolicyCheck[] = [...submitted.map((r) => ({ ...toPolicyEvaluation(r), seq: 0 })), ...rechecked.map((r) => ({ ...toPolicyEvaluation(r), seq: r.seq }))];
      return checks.sort((a, b) => a.version - b.version || a.seq - b.seq);
    },
    async insertPolicyReevaluation(row) {
      // Numbered in the statement that inserts (decision record 0162): the version's greatest
      // number plus one, read and written at once, so numbering does not rest on the caller's
      // package lock. Two writers can still pick the same number on PostgreSQL (neither sees
      // the other's uncommitted row); the primary key (package, version, seq) refuses the
      // second, which waits for the first to end, inserts nothing (no error, so its transaction
      // goes on) and numbers again after the row that won.
      for (let attempt = 1; attempt <= maxNumberingAttempts; attempt += 1) {
        const inserted = await db
          .insertInto('policy_reevaluations')
          .values({
            package_id: row.packageId,
            version: row.version,
            seq: (eb) =>
              eb
                .selectFrom('policy_reevaluations')
                .select(sql<number>`coalesce(max(seq), 0) + 1`.as('next'))
                .where('package_id', '=', row.packageId)
                .where('version', '=', row.version),
            policy_key: row.evaluation.policy.key,
            policy_version: row.evaluation.policy.version,
            evaluation: JSON.stringify(row.evaluation),
            evaluated_at: row.evaluatedAt,
          })
          .onConflict((oc) => oc.columns(['package_id', 'version', 'seq']).doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return;
      }
      throw new Error(`No free re-check number for version ${row.version} of ${row.packageId} after ${maxNumberingAttempts} attempts`);
    },
  };
}
