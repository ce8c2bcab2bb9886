import { roleSchema } from '#domain/contracts/roles.ts';
import type { DelegationsStore, StoredDelegation } from '#api/store/delegations.ts';
import type { Db } from './shared.ts';

// The delegation part of the Kysely repository: a delegation joined with its acceptance and
// its revocation, if any, and the link from a decision signed by a delegate to the delegation
// it was signed under.

export function delegationsQueries(db: Db): DelegationsStore {
  return {
    async insertDelegation(d) {
      await db
        .insertInto('delegations')
        .values({ id: d.id, role: d.role, delegator_id: d.delegatorId, delegate_id: d.delegateId, starts_at: d.startsAt, ends_at: d.endsAt, reason: d.reason, created_by: d.createdBy, created_at: d.createdAt })
        .execute();
    },
    async listDelegations() {
      const rows = await db
        .selectFrom('delegations as d')
        .leftJoin('delegation_revocations as r', 'r.delegation_id', 'd.id')
        .leftJoin('delegation_acceptances as a', 'a.delegation_id', 'd.id')
        .select(['d.id', 'd.role', 'd.delegator_id', 'd.delegate_id', 'd.starts_at', 'd.ends_at', 'd.reason', 'd.created_by', 'd.created_at', 'r.revoked_at', 'r.revoked_by', 'a.accepted_at'])
        .orderBy('d.created_at')
        .orderBy('d.id')
        .execute();
      return rows.map(
        (r): StoredDelegation => ({
          id: r.id,
          role: roleSchema.parse(r.role),
          delegatorId: r.delegator_id,
          delegateId: r.delegate_id,
          startsAt: r.starts_at,
          endsAt: r.ends_at,
          reason: r.reason,
          createdBy: r.created_by,
          createdAt: r.created_at,
          revokedAt: r.revoked_at,
          revokedBy: r.revoked_by,
          acceptedAt: r.accepted_at,
        }),
      );
    },
    async insertDelegationRevocation(r) {
      const result = await db
        .insertInto('delegation_revocations')
        .values({ delegation_id: r.delegationId, revoked_at: r.revokedAt, revoked_by: r.revokedBy })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
    },
    async insertDelegationAcceptance(a) {
      const result = await db
        .insertInto('delegation_acceptances')
        .values({ delegation_id: a.delegationId, accepted_at: a.acceptedAt, accepted_by: a.acceptedBy })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
    },
    async insertDecisionDelegation(row) {
      await db.insertInto('decision_delegations').values({ decision_id: row.decisionId, delegation_id: row.delegationId, delegator_id: row.delegatorId }).execute();
    },
    async listDecisionDelegations(decisionIds) {
      if (decisionIds.length === 0) return [];
      const rows = await db.selectFrom('decision_delegations').selectAll().where('decision_id', 'in', decisionIds).execute();
      return rows.map((r) => ({ decisionId: r.decision_id, delegationId: r.delegation_id, delegatorId: r.delegator_id }));
    },
  };
}
