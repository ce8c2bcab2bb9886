import { categoryAssessmentSchema, tieringMethodSchema } from '#domain/contracts/risk-assessment.ts';
import { roleSchema } from '#domain/contracts/roles.ts';
import type { TierResult } from '#domain/policy/risk-tiering.ts';
import type { RiskAssessmentsStore, StoredTierOverride, StoredTieringMethod } from '#api/store/risk-assessments.ts';
import type { RiskTierOverridesTable, RiskTieringMethodsTable } from '../schema/schema.ts';
import type { Db } from './shared.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// The risk assessments part of the Kysely repository.

function toMethod(row: RiskTieringMethodsTable): StoredTieringMethod {
  return { method: tieringMethodSchema.parse(parseJson(row.definition)), publishedAt: row.published_at };
}

function toOverride(row: RiskTierOverridesTable): StoredTierOverride {
  return {
    packageId: row.package_id,
    number: row.number,
    tier: row.tier,
    reason: row.reason,
    requestedBy: row.requested_by,
    requestedRole: roleSchema.parse(row.requested_role),
    requestedAt: row.requested_at,
    confirmedBy: row.confirmed_by,
    confirmedRole: row.confirmed_role === null ? null : roleSchema.parse(row.confirmed_role),
    confirmedAt: row.confirmed_at,
  };
}

export function riskAssessmentsQueries(db: Db): RiskAssessmentsStore {
  return {
    async currentTieringMethod() {
      // The highest version is the newest: versions are numbered in the order they are published.
      const row = await db.selectFrom('risk_tiering_methods').selectAll().orderBy('version', 'desc').orderBy('published_at', 'desc').executeTakeFirst();
      return row ? toMethod(row) : null;
    },
    async listTieringMethods() {
      const rows = await db.selectFrom('risk_tiering_methods').selectAll().orderBy('version').orderBy('key').execute();
      return rows.map(toMethod);
    },
    async insertTieringMethod({ method, publishedAt }) {
      // Two administrators publishing the same next version: the primary key lets one through.
      const result = await db
        .insertInto('risk_tiering_methods')
        .values({ key: method.key, version: method.version, definition: JSON.stringify(method), published_at: publishedAt })
        .onConflict((oc) => oc.columns(['key', 'version']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },
    async findTieringMethod(key, version) {
      const row = await db.selectFrom('risk_tiering_methods').selectAll().where('key', '=', key).where('version', '=', version).executeTakeFirst();
      return row ? toMethod(row) : null;
    },
    async listRiskAssessments(packageId) {
      const rows = await db.selectFrom('risk_assessments').selectAll().where('package_id', '=', packageId).orderBy('number').execute();
      return rows.map((r) => ({
        packageId: r.package_id,
        number: r.number,
        answers: categoryAssessmentSchema.array().parse(parseJson(r.answers)),
        // Written by this code from computeTier's result; read back as it was written.
        result: parseJson(r.result) as TierResult,
        assessedBy: r.assessed_by,
        assessedAt: r.assessed_at,
      }));
    },
    async insertRiskAssessment(row) {
      await db
        .insertInto('risk_assessments')
        .values({
          package_id: row.packageId,
          number: row.number,
          method_key: row.result.method.key,
          method_version: row.result.method.version,
          answers: JSON.stringify(row.answers),
          result: JSON.stringify(row.result),
          computed_tier: row.result.computedTier,
          assessed_by: row.assessedBy,
          assessed_at: row.assessedAt,
        })
        .execute();
    },
    async listTierFacts(ids) {
      if (ids !== 'all' && ids.length === 0) return { assessments: [], overrides: [] };
      let assessments = db.selectFrom('risk_assessments').select(['package_id', 'number', 'result', 'assessed_by', 'assessed_at']);
      let overrides = db.selectFrom('risk_tier_overrides').selectAll();
      if (ids !== 'all') {
        assessments = assessments.where('package_id', 'in', ids);
        overrides = overrides.where('package_id', 'in', ids);
      }
      const [a, o] = await Promise.all([assessments.orderBy('package_id').orderBy('number').execute(), overrides.orderBy('package_id').orderBy('number').execute()]);
      return {
        // Written by this code from computeTier's result; read back as it was written.
        assessments: a.map((r) => ({ packageId: r.package_id, number: r.number, result: parseJson(r.result) as TierResult, assessedBy: r.assessed_by, assessedAt: r.assessed_at })),
        overrides: o.map(toOverride),
      };
    },
    async listTierOverrides(packageId) {
      const rows = await db.selectFrom('risk_tier_overrides').selectAll().where('package_id', '=', packageId).orderBy('number').execute();
      return rows.map(toOverride);
    },
    async insertTierOverride(row) {
      await db
        .insertInto('risk_tier_overrides')
        .values({
          package_id: row.packageId,
          number: row.number,
          tier: row.tier,
          reason: row.reason,
          requested_by: row.requestedBy,
          requested_role: row.requestedRole,
          requested_at: row.requestedAt,
          confirmed_by: row.confirmedBy,
          confirmed_role: row.confirmedRole,
          confirmed_at: row.confirmedAt,
        })
        .execute();
    },
    async confirmTierOverride(packageId, number, by, role, at) {
      const result = await db
        .updateTable('risk_tier_overrides')
        .set({ confirmed_by: by, confirmed_role: role, confirmed_at: at })
        .where('package_id', '=', packageId)
        .where('number', '=', number)
        .where('confirmed_by', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async setPackageTier(packageId, riskTier, template, at) {
      await db.updateTable('packages').set({ risk_tier: riskTier, template_key: template.key, template_version: template.version, updated_at: at }).where('id', '=', packageId).execute();
    },
  };
}
