import type { StoredDecisionDelegation, StoredDelegationRecord, StoreTx } from '#api/store.ts';

// The delegation part of the in-memory store (spread into it by memory-store.ts), keeping
// the database's constraints: unique ids, one revocation per delegation, rows never changed.

export interface DelegationTables {
  delegations: StoredDelegationRecord[];
  revocations: { delegationId: string; revokedAt: string; revokedBy: string }[];
  decisionDelegations: StoredDecisionDelegation[];
}

export const emptyDelegationTables = (): DelegationTables => ({ delegations: [], revocations: [], decisionDelegations: [] });

const copy = <T>(value: T): T => structuredClone(value);

type DelegationQueries = Pick<StoreTx, 'insertDelegation' | 'listDelegations' | 'insertDelegationRevocation' | 'insertDecisionDelegation' | 'listDecisionDelegations'>;

/** `hasDecision` checks the foreign key of decision_delegations against the decisions table. */
export function memoryDelegationQueries(d: DelegationTables, hasDecision: (id: string) => boolean): DelegationQueries {
  return {
    insertDelegation: (delegation) => {
      if (d.delegations.some((x) => x.id === delegation.id)) throw new Error('UNIQUE constraint failed: delegations.id');
      d.delegations.push(copy(delegation));
      return Promise.resolve();
    },
    listDelegations: () =>
      Promise.resolve(
        [...d.delegations]
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
          .map((x) => {
            const revocation = d.revocations.find((r) => r.delegationId === x.id);
            return { ...copy(x), revokedAt: revocation?.revokedAt ?? null, revokedBy: revocation?.revokedBy ?? null };
          }),
      ),
    insertDelegationRevocation: (revocation) => {
      if (!d.delegations.some((x) => x.id === revocation.delegationId)) throw new Error('FOREIGN KEY constraint failed: delegation_revocations.delegation_id');
      if (d.revocations.some((r) => r.delegationId === revocation.delegationId)) return Promise.resolve(false);
      d.revocations.push(copy(revocation));
      return Promise.resolve(true);
    },
    insertDecisionDelegation: (row) => {
      if (d.decisionDelegations.some((x) => x.decisionId === row.decisionId)) throw new Error('UNIQUE constraint failed: decision_delegations.decision_id');
      if (!hasDecision(row.decisionId) || !d.delegations.some((x) => x.id === row.delegationId)) throw new Error('FOREIGN KEY constraint failed: decision_delegations');
      d.decisionDelegations.push(copy(row));
      return Promise.resolve();
    },
    listDecisionDelegations: (ids) => Promise.resolve(copy(d.decisionDelegations.filter((x) => ids.includes(x.decisionId)))),
  };
}
