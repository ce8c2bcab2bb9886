import { policyEvaluationSchema, policySchema } from '#domain/contracts/policies.ts';
import type { PoliciesStore, StoredPolicyEvaluation, StoredPolicyVersion } from '#api/store/policies.ts';
import type { PoliciesTable, PolicyEvaluationsTable } from '../schema/schema.ts';
import { sql } from 'kysely';
import type { Engine } from '../schema/engine.ts';
import type { Db } from './shared.ts';

// The governance policies part of the Kysely repository.

// A one-key-space advisory lock apart from the package (7418) and throttle (7419) ones.
const policyCatalogueLock = 7_425;

function toVersion(row: PoliciesTable): StoredPolicyVersion {
  return { policy: policySchema.parse(JSON.parse(row.definition)), publishedAt: row.published_at, publishedBy: row.published_by };
}

export function toPolicyEvaluation(r: PolicyEvaluationsTable): StoredPolicyEvaluation {
  return { packageId: r.package_id, version: r.version, evaluation: policyEvaluationSchema.parse(JSON.parse(r.evaluation)), evaluatedAt: r.evaluated_at };
}

/**
 * The evaluations of these packages' versions as they apply now, by package then version: a
 * version's latest re-check against its assessed tier's policy stands in for its check at
 * submission (docs/decisions/0141).
 */
export async function readPolicyEvaluations(db: Db, packageIds: readonly string[]): Promise<StoredPolicyEvaluation[]> {
  const ids = [...packageIds];
  const [checked, rechecked] = await Promise.all([
    db.selectFrom('policy_evaluations').selectAll().where('package_id', 'in', ids).orderBy('package_id').orderBy('version').execute(),
    db.selectFrom('policy_reevaluations').selectAll().where('package_id', 'in', ids).orderBy('seq').execute(),
  ]);
  return effectiveEvaluations(checked, rechecked);
}

/**
 * Each checked version's evaluation as it applies now: its latest re-check (rows in `seq` order),
 * else its check at submission. A version never checked at submission counts once re-checked
 * (a publication for packages in review, 0158; an assessment resolving a policy, 0141).
 * Ordered by package id, then version.
 */
export function effectiveEvaluations(checked: readonly PolicyEvaluationsTable[], rechecked: readonly PolicyEvaluationsTable[]): StoredPolicyEvaluation[] {
  const latest = new Map<string, PolicyEvaluationsTable>();
  for (const r of [...checked, ...rechecked]) latest.set(`${r.package_id}\u0000${r.version}`, r);
  const order = (a: PolicyEvaluationsTable, b: PolicyEvaluationsTable) => (a.package_id < b.package_id ? -1 : a.package_id > b.package_id ? 1 : a.version - b.version);
  return [...latest.values()].sort(order).map(toPolicyEvaluation);
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
    async insertPolicyReevaluation(row) {
      const { count } = await db
        .selectFrom('policy_reevaluations')
        .select((eb) => eb.fn.countAll<number | string | bigint>().as('count'))
        .where('package_id', '=', row.packageId)
        .where('version', '=', row.version)
        .executeTakeFirstOrThrow();
      await db
        .insertInto('policy_reevaluations')
        .values({
          package_id: row.packageId,
          version: row.version,
          seq: Number(count) + 1,
          policy_key: row.evaluation.policy.key,
          policy_version: row.evaluation.policy.version,
          evaluation: JSON.stringify(row.evaluation),
          evaluated_at: row.evaluatedAt,
        })
        .execute();
    },
  };
}
