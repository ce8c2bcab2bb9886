import type { Decision } from '#domain/contracts/decisions.ts';
import type { DecidedBy } from '#domain/workflow/segregation-of-duties.ts';
import type { StoreTx } from '../store/store.ts';

/**
 * Decisions as segregation of duties reads them: who signed each, and for whom when a delegate
 * signed. One read of the given decisions' delegations; the returned function maps any of them.
 */
export async function decidedByReader(reader: Pick<StoreTx, 'listDecisionDelegations'>, decisions: readonly Decision[]): Promise<(decision: Decision) => DecidedBy> {
  const delegators = new Map((await reader.listDecisionDelegations(decisions.map((d) => d.id))).map((row) => [row.decisionId, row.delegatorId]));
  return (d) => ({ stepKey: d.stepKey, versionNumber: d.versionNumber, decision: d.decision, actorId: d.actor.id, delegatorId: delegators.get(d.id) ?? null });
}
