import { describe, expect, it } from 'vitest';
import { policiesQueries } from '#server/db/queries/policies.ts';
import type { StoredPolicyEvaluation } from '#api/store/policies.ts';
import { policyEvaluationSchema } from '#domain/contracts/policies.ts';
import { cleanUpAfterEach } from '../support/cleanups.ts';
import { seededDatabase } from '../support/seeded-database.ts';

// Re-checks of one version are numbered 1, 2, 3… (docs/decisions/0142, 0162) by the insert
// itself, not by the package lock its callers hold: writers racing without any lock, each on
// its own connection where the engine has several, get distinct consecutive numbers and no
// re-check is lost.

const defer = cleanUpAfterEach();
const writers = 12;

describe.each(['sqlite', 'postgres'] as const)('re-check numbering on %s', (engine) => {
  const racing = async (inTransactions: boolean) => {
    const { db } = await seededDatabase(engine, defer, { connections: writers });
    // A version of the demo checked at submission: its policy exists (the foreign key).
    const checked = await db.selectFrom('policy_evaluations').selectAll().orderBy('package_id').orderBy('version').executeTakeFirstOrThrow();
    const evaluation = policyEvaluationSchema.parse(JSON.parse(checked.evaluation));
    const rows: StoredPolicyEvaluation[] = Array.from({ length: writers }, (_, i) => ({ packageId: checked.package_id, version: checked.version, evaluation, evaluatedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString() }));
    const results = await Promise.allSettled(
      rows.map((row) => (inTransactions ? db.transaction().execute((trx) => policiesQueries(trx, engine).insertPolicyReevaluation(row)) : policiesQueries(db, engine).insertPolicyReevaluation(row))),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const stored = await db.selectFrom('policy_reevaluations').select(['seq', 'evaluated_at']).where('package_id', '=', checked.package_id).where('version', '=', checked.version).orderBy('seq').execute();
    expect(stored.map((r) => r.seq)).toEqual(Array.from({ length: writers }, (_, i) => i + 1));
    expect(stored.map((r) => r.evaluated_at).sort()).toEqual(rows.map((r) => r.evaluatedAt));
    // The next version's numbering is its own.
    const other = { ...rows[0], version: checked.version + 100 } as StoredPolicyEvaluation;
    await policiesQueries(db, engine).insertPolicyReevaluation(other);
    expect(await db.selectFrom('policy_reevaluations').select('seq').where('package_id', '=', checked.package_id).where('version', '=', other.version).execute()).toEqual([{ seq: 1 }]);
  };

  it('numbers concurrent re-checks of one version 1 to n, every one stored, with no lock held', () => racing(false));

  // SQLite runs one transaction at a time on its one connection: only PostgreSQL's can interleave.
  if (engine === 'postgres') it('numbers them so when each is inserted in a transaction of its own', () => racing(true));
});
