import { obligationRefusal } from '#domain/obligations/lifecycle.ts';
import { problems } from '../kernel/problems.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import type { StoredObligation, StoreTx } from '../store/store.ts';
import { moverOf } from '../delegations/acting-roles.ts';
import { actorOf, ownerTeamOf, seePackage, signedIn } from '../package-access/package-access.ts';
import { usersById } from '../package-access/views.ts';
import { deniedNotFound, DeniedError } from '../denials/denials.ts';
import { obligationView } from './views.ts';
import { obligationsRoutes as routes } from './routes.ts';

// Obligations (decision record 0111): the owner team records fulfilment with evidence; a
// reviewer of the approving step's role confirms it or sends it back. Every write takes the
// package lock and checks the revision the caller saw: of two concurrent transitions exactly
// one is written, the other is answered 409.

async function obligationOf(tx: StoreTx, packageId: string, obligationId: string): Promise<StoredObligation> {
  const obligation = await tx.findObligation(obligationId);
  // An obligation id of another package in the path is an object-reference probe: audited.
  if (obligation && obligation.packageId !== packageId) throw deniedNotFound(`Package ${packageId} has no obligation ${obligationId}.`, `obligation belongs to package ${obligation.packageId}`);
  if (obligation?.packageId !== packageId) throw problems.notFound(`Package ${packageId} has no obligation ${obligationId}.`);
  return obligation;
}

export const listObligations = defineHandler(routes.listObligations, async (ctx, { params }) => {
  const pkg = await seePackage(ctx, params.id);
  const { store } = ctx.deps;
  const users = await usersById(store);
  return { status: 200, body: { items: (await store.listObligations([pkg.id])).map((o) => obligationView(o, users)) } };
});

export const transitionObligation = defineHandler(routes.transitionObligation, async (ctx, { params, body }) => {
  const user = signedIn(ctx);
  const pkg = await seePackage(ctx, params.id);
  const now = ctx.deps.now();
  const at = now.toISOString();
  const obligation = await ctx.deps.store.transaction(async (tx) => {
    await tx.lockPackage(pkg.id);
    const stored = await obligationOf(tx, pkg.id, params.obligationId);
    const ownerTeam = await ownerTeamOf(tx, pkg);
    // A role delegated by someone of the owner team confirms nothing: the owner team would be
    // confirming its own fulfilment through a colleague (segregation of duties, as at signing).
    const refusal = obligationRefusal(stored, body.to, await moverOf(tx, user, now, { notFrom: ownerTeam }), ownerTeam);
    if (refusal?.kind === 'role') throw new DeniedError(problems.forbidden(refusal.message, [{ pointer: '/to', message: refusal.message }]), `obligation ${stored.id} to ${body.to}: ${refusal.message}`);
    if (stored.revision !== body.revision) throw problems.conflict(`This obligation changed since you opened it (it is at revision ${stored.revision}, you saw ${body.revision}); reload it and try again.`);
    if (refusal) throw problems.validation([{ pointer: '/to', message: refusal.message }], 'This move is not allowed from the obligation’s current status.');

    const by = actorOf(user);
    const role = ownerTeam.has(user.id) ? 'model_owner' : stored.role;
    const next: StoredObligation = {
      ...stored,
      status: body.to,
      evidence: body.to === 'fulfilment_recorded' ? { ...body.evidence, by, at } : stored.evidence,
      review: body.to === 'fulfilment_recorded' ? stored.review : { outcome: body.to === 'confirmed' ? 'confirmed' : 'sent_back', note: body.note, by, at },
      revision: stored.revision + 1,
      updatedAt: at,
    };
    // The lock serialises writers on one database; the revision check holds even without it.
    if (!(await tx.updateObligation(next))) throw problems.conflict('This obligation changed since you opened it; reload it and try again.');
    const note = body.to === 'fulfilment_recorded' ? body.evidence.text : body.note;
    await tx.appendAudit({
      event: {
        action: 'obligation.transitioned',
        subject: pkg.id,
        before: { obligation: stored.id, status: stored.status, revision: stored.revision },
        after: { obligation: stored.id, status: body.to, revision: next.revision, role, note, ...(body.to === 'fulfilment_recorded' ? { evidence: body.evidence } : {}) },
      },
      actorId: user.id,
      at,
    });
    await tx.touchPackage(pkg.id, at);
    return obligationView(next, await usersById(tx));
  });
  return { status: 201, body: obligation };
});
