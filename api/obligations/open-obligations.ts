import type { FieldProblem } from '#domain/contracts/problem.ts';
import type { SigningPayload } from '#domain/contracts/signatures.ts';
import { dayOf } from '#domain/findings/lifecycle.ts';
import { signedObligationProblems } from '#domain/obligations/lifecycle.ts';
import type { Role } from '#domain/contracts/roles.ts';
import type { ApiDeps } from '../kernel/context.ts';
import { newId } from '../kernel/new-id.ts';
import { ownerTeamOf } from '../package-access/package-access.ts';
import type { StoredPackage, StoreTx } from '../store/store.ts';

// The conditions of an approval become obligations in its signing transaction (0111): checked
// against the package's owner team and the calendar first (the schema checked their shape and
// scope), then written with one audit entry each, so they exist exactly when the decision does.

/** The problems of the payload's obligations, pointed below `/payload`; none when there are none. */
export async function obligationPayloadProblems(tx: StoreTx, pkg: StoredPackage, payload: SigningPayload, now: Date): Promise<FieldProblem[]> {
  if (!payload.obligations) return [];
  const found = signedObligationProblems(payload.obligations, await ownerTeamOf(tx, pkg), dayOf(now));
  return found.map((p) => ({ pointer: `/payload${p.pointer}`, message: p.message }));
}

interface Opening {
  pkg: StoredPackage;
  payload: SigningPayload;
  decisionId: string;
  stepKey: string;
  role: Role;
  at: string;
  actorId: string;
}

export async function openObligations(tx: StoreTx, deps: ApiDeps, o: Opening): Promise<void> {
  for (const [position, signed] of (o.payload.obligations ?? []).entries()) {
    const id = newId(deps, 'obl');
    await tx.insertObligation({
      id,
      packageId: o.pkg.id,
      decisionId: o.decisionId,
      versionNumber: o.payload.versionNumber,
      stepKey: o.stepKey,
      role: o.role,
      position,
      text: signed.text,
      ownerId: signed.ownerId,
      dueOn: signed.dueOn,
      scope: signed.scope,
      status: 'open',
      evidence: null,
      review: null,
      lapsedAt: null,
      revision: 0,
      createdAt: o.at,
      updatedAt: o.at,
    });
    await tx.appendAudit({ event: { action: 'obligation.opened', subject: o.pkg.id, before: null, after: { obligation: id, decision: o.decisionId, position, owner: signed.ownerId, dueOn: signed.dueOn, scope: signed.scope } }, actorId: o.actorId, at: o.at });
  }
}
