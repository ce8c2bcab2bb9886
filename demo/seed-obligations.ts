import type { AuditAppend, StoredObligation, StoredUser, StoreTx } from '#api/store/store.ts';
import type { ObligationScope, SignedObligation } from '#domain/contracts/obligations.ts';
import type { Role } from '#domain/contracts/roles.ts';

// Demo obligations (docs/decisions/0111): the conditions of a demo approval, as the signing
// transaction would have opened them, and a fulfilment recorded and confirmed where scripted.

export interface ScriptedObligation {
  text: string;
  /** Days from today (the seed's `now`) to the due date. */
  dueInDays: number;
  scope: ObligationScope | null;
  /** Recorded by the owner and confirmed by the approver, so many days ago. */
  fulfilled?: { evidence: string; link: string | null; recordedDaysAgo: number; confirmedDaysAgo: number };
}

/** The obligations as the payload signs them. */
export function signedObligations(scripted: readonly ScriptedObligation[], ownerId: string, now: Date): SignedObligation[] {
  return scripted.map((o) => ({ text: o.text, ownerId, dueOn: new Date(now.getTime() + o.dueInDays * 86_400_000).toISOString().slice(0, 10), scope: o.scope }));
}

interface Input {
  packageId: string;
  decisionId: string;
  versionNumber: number;
  stepKey: string;
  role: Role;
  approver: StoredUser;
  owner: StoredUser;
  signed: readonly SignedObligation[];
  scripted: readonly ScriptedObligation[];
  decidedAt: string;
  at: (daysAgo: number, hour?: number) => string;
  audit: AuditAppend[];
  randomToken: () => string;
}

export async function seedObligations(tx: StoreTx, input: Input): Promise<void> {
  const { packageId, decisionId, audit, at } = input;
  const actor = (u: StoredUser) => ({ id: u.id, displayName: u.displayName, title: u.title });
  for (const [position, signed] of input.signed.entries()) {
    const id = `obl_${input.randomToken().slice(0, 16)}`;
    const base: StoredObligation = { id, packageId, decisionId, versionNumber: input.versionNumber, stepKey: input.stepKey, role: input.role, position, ...signed, status: 'open', evidence: null, review: null, lapsedAt: null, revision: 0, createdAt: input.decidedAt, updatedAt: input.decidedAt };
    await tx.insertObligation(base);
    audit.push({ event: { action: 'obligation.opened', subject: packageId, before: null, after: { obligation: id, decision: decisionId, position, owner: signed.ownerId, dueOn: signed.dueOn, scope: signed.scope } }, actorId: input.approver.id, at: input.decidedAt });
    const done = input.scripted[position]?.fulfilled;
    if (!done) continue;
    const recordedAt = at(done.recordedDaysAgo, 11);
    const confirmedAt = at(done.confirmedDaysAgo, 16);
    const evidence = { text: done.evidence, link: done.link };
    const recorded: StoredObligation = { ...base, status: 'fulfilment_recorded', evidence: { ...evidence, by: actor(input.owner), at: recordedAt }, revision: 1, updatedAt: recordedAt };
    const confirmed: StoredObligation = { ...recorded, status: 'confirmed', review: { outcome: 'confirmed', note: 'Checked against the scoring service configuration.', by: actor(input.approver), at: confirmedAt }, revision: 2, updatedAt: confirmedAt };
    if (!(await tx.updateObligation(recorded)) || !(await tx.updateObligation(confirmed))) throw new Error(`Demo obligation ${id} could not move`);
    audit.push({ event: { action: 'obligation.transitioned', subject: packageId, before: { obligation: id, status: 'open', revision: 0 }, after: { obligation: id, status: 'fulfilment_recorded', revision: 1, role: 'model_owner', note: done.evidence, evidence } }, actorId: input.owner.id, at: recordedAt });
    audit.push({ event: { action: 'obligation.transitioned', subject: packageId, before: { obligation: id, status: 'fulfilment_recorded', revision: 1 }, after: { obligation: id, status: 'confirmed', revision: 2, role: input.role, note: confirmed.review?.note ?? '' } }, actorId: input.approver.id, at: confirmedAt });
  }
}
