import { obligationReviewSchema, recordedEvidenceSchema, obligationScopeSchema, obligationStatusSchema } from '#domain/contracts/obligations.ts';
import { roleSchema } from '#domain/contracts/roles.ts';
import type { ObligationsStore, StoredObligation } from '#api/store/obligations.ts';
import type { ObligationsTable } from '../schema/schema.ts';
import { withIds, type Db } from './shared.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// The obligations part of the Kysely repository (migration 033).

function toObligation(r: ObligationsTable): StoredObligation {
  return {
    id: r.id,
    packageId: r.package_id,
    decisionId: r.decision_id,
    versionNumber: r.version_number,
    stepKey: r.step_key,
    role: roleSchema.parse(r.role),
    position: r.position,
    text: r.text,
    ownerId: r.owner_id,
    dueOn: r.due_on,
    scope: r.scope === null ? null : obligationScopeSchema.parse(parseJson(r.scope)),
    status: obligationStatusSchema.parse(r.status),
    evidence: r.evidence === null ? null : recordedEvidenceSchema.parse(parseJson(r.evidence)),
    review: r.review === null ? null : obligationReviewSchema.parse(parseJson(r.review)),
    lapsedAt: r.lapsed_at,
    revision: r.revision,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const mutable = (o: StoredObligation) => ({
  status: o.status,
  evidence: o.evidence ? JSON.stringify(o.evidence) : null,
  review: o.review ? JSON.stringify(o.review) : null,
  lapsed_at: o.lapsedAt,
  revision: o.revision,
  updated_at: o.updatedAt,
});

export function obligationsQueries(db: Db): ObligationsStore {
  return {
    listObligations(ids) {
      return withIds(ids, async (only) => {
        let q = db.selectFrom('obligations').selectAll();
        if (only) q = q.where('package_id', 'in', only);
        return (await q.orderBy('created_at').orderBy('decision_id').orderBy('position').execute()).map(toObligation);
      });
    },
    async findObligation(id) {
      const row = await db.selectFrom('obligations').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toObligation(row) : null;
    },
    async insertObligation(o) {
      await db
        .insertInto('obligations')
        .values({
          id: o.id,
          package_id: o.packageId,
          decision_id: o.decisionId,
          version_number: o.versionNumber,
          step_key: o.stepKey,
          role: o.role,
          position: o.position,
          text: o.text,
          owner_id: o.ownerId,
          due_on: o.dueOn,
          scope: o.scope ? JSON.stringify(o.scope) : null,
          created_at: o.createdAt,
          ...mutable(o),
        })
        .execute();
    },
    async updateObligation(o) {
      const result = await db.updateTable('obligations').set(mutable(o)).where('id', '=', o.id).where('revision', '=', o.revision - 1).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
