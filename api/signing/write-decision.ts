import { canonicalize } from '#domain/json/canonicalize.ts';
import type { CountersignedRecord, DecisionSignature, SignatureMaterial, SignedDecision, SigningPayload } from '#domain/contracts/signatures.ts';
import type { Decision } from '#domain/contracts/decisions.ts';
import type { PackageStatus } from '#domain/contracts/packages.ts';
import { countersign } from '#domain/signing/countersign.ts';
import { decisionEvents } from '#domain/package/events.ts';
import type { ApiDeps } from '../kernel/context.ts';
import { newId } from '../kernel/new-id.ts';
import { loadWorkflowFacts, signedDecisions, workflowStateOf } from '../package-access/views.ts';
import { publishPackageEvents } from '../events/publish.ts';
import { scheduleRevalidation } from '../re-review/revalidation-schedule.ts';
import type { StoredPackage, StoreTx } from '../store/store.ts';
import type { currentServerKey } from './server-key.ts';
import type { DecidingCapacity } from './deciding-capacity.ts';

// Writes an accepted decision, inside the signing transaction: the record, the signature
// material with the server's countersignature, the delegation it was made under, the audit
// entry, and the package events it publishes. All of it lands, or none of it does.

interface AcceptedDecision {
  decisionId: string;
  decidedAt: string;
  now: Date;
  pkg: StoredPackage;
  payload: SigningPayload;
  material: SignatureMaterial;
  decided: DecidingCapacity;
  contentHash: string;
  statusBefore: PackageStatus;
  /** The signer's user id: the audit entry's actor. */
  actorId: string;
  serverKey: Awaited<ReturnType<typeof currentServerKey>>;
}

const approvedStatuses = new Set<PackageStatus>(['approved', 'approved_with_conditions']);

export async function writeDecision(tx: StoreTx, deps: ApiDeps, accepted: AcceptedDecision): Promise<SignedDecision | undefined> {
  const { decisionId, decidedAt, now, pkg, payload, material, decided, contentHash, serverKey } = accepted;
  const { key, privateKey } = serverKey;
  const { delegation } = decided;
  const record: Decision = { id: decisionId, packageId: pkg.id, versionNumber: payload.versionNumber, stepKey: decided.key, role: decided.role, decision: payload.decision, meaning: payload.meaning, reason: payload.reason, conditions: payload.conditions, concerns: payload.concerns, actor: payload.signer, contentHash, decidedAt, ...(payload.emergency ? { emergency: payload.emergency } : {}), ...(payload.override ? { override: payload.override } : {}) };
  const countersigned: CountersignedRecord = { type: 'model-approval-countersignature/1', decisionId, decidedAt, payload, signature: material };
  const signature: DecisionSignature = { payload, signature: material, countersignature: await countersign(privateKey, key.keyId, countersigned) };
  await tx.insertDecision(record);
  await tx.insertDecisionSignature(decisionId, canonicalize(signature));
  if (delegation) await tx.insertDecisionDelegation({ decisionId, delegationId: delegation.id, delegatorId: delegation.delegatorId });
  const onBehalfOf = delegation ? { onBehalfOf: { delegation: delegation.id, delegator: delegation.delegatorId } } : {};
  await tx.appendAudit({ event: { action: 'decision.signed', subject: pkg.id, before: null, after: { decision: decisionId, step: decided.key, role: decided.role, kind: payload.decision, version: payload.versionNumber, contentHash, method: material.method, countersignedWith: key.keyId, ...onBehalfOf, ...(payload.emergency ? { emergency: { incidentRef: payload.emergency.incidentRef } } : {}), ...(payload.override ? { override: payload.override } : {}) } }, actorId: accepted.actorId, at: decidedAt });
  await tx.touchPackage(pkg.id, decidedAt);
  // Queued with the decision, in its transaction.
  const [after] = await loadWorkflowFacts(tx, [pkg]);
  const statusAfter = after ? workflowStateOf(after, now).state.status : accepted.statusBefore;
  // The approval that completes the chain starts the revalidation period (decision record 0114).
  if (approvedStatuses.has(statusAfter) && !approvedStatuses.has(accepted.statusBefore)) {
    const scheduled = await scheduleRevalidation(tx, pkg, { decisionId, versionNumber: payload.versionNumber, decidedAt });
    if (scheduled) await tx.appendAudit(scheduled);
  }
  const eventData = { packageId: pkg.id, modelKey: pkg.modelKey, version: payload.versionNumber, versionLabel: pkg.versionLabel, step: payload.emergency ? null : decided.key, decision: payload.decision, actor: payload.signer };
  await publishPackageEvents(tx, decisionEvents(payload.decision, statusAfter, eventData), { at: decidedAt, newId: () => newId(deps) });
  const [signed] = await signedDecisions(tx, [record]);
  return signed;
}
