import { isReviewerRole, roleInProse } from '#domain/contracts/roles.ts';
import { delegationProblems, isActiveAt, needsAcceptance } from '#domain/workflow/delegation.ts';
import { delegationDutyProblems, type PackageInFlight } from '#domain/workflow/segregation-of-duties.ts';
import { delegationView } from './delegation-views.ts';
import { decidedByReader } from '../package-access/decided-by.ts';
import { problems } from '../kernel/problems.ts';
import { delegationsRoutes as routes } from './routes.ts';
import { loadWorkflowFacts, usersById, workflowStateOf } from '../package-access/views.ts';
import type { StoreTx } from '../store/store.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { signedIn } from '../package-access/package-access.ts';
import { deniedNotFound } from '../denials/denials.ts'; // authz: revoking another's delegation is audited
import { newId } from '../kernel/new-id.ts';

// Delegation of a reviewer role while its holder is away: made by the holder for themselves
// (or by an administrator for anyone, acting only once the holder accepts it), bounded in
// time, revocable, never edited, and never to someone segregation of duties keeps off a
// package still waiting for the role (domain/workflow/segregation-of-duties.ts).

/** Every package with a step still to decide, as the delegation duty check reads it. */
async function packagesInFlight(tx: StoreTx, now: Date): Promise<PackageInFlight[]> {
  const facts = await loadWorkflowFacts(tx, await tx.listPackages());
  const asDecided = await decidedByReader(tx, facts.flatMap((f) => f.decisions));
  return facts.map((f) => ({
    label: `${f.pkg.modelKey} ${f.pkg.versionLabel}`,
    template: f.template,
    openStepKeys: workflowStateOf(f, now)
      .state.steps.filter((step) => step.status !== 'approved')
      .map((step) => step.key),
    decisions: f.decisions.map(asDecided),
  }));
}

export const listDelegations = defineHandler(routes.listDelegations, async (ctx, { query }) => {
  const user = signedIn(ctx);
  const now = ctx.deps.now();
  const [all, users] = await Promise.all([ctx.deps.store.listDelegations(), usersById(ctx.deps.store)]);
  const role = query.activeForRole;
  // Who acts for a role right now is shown on every package of that role, so anyone may ask;
  // otherwise people see the delegations they gave or received, administrators all of them.
  const visible = role
    ? all.filter((d) => d.role === role && isActiveAt(d, now))
    : all.filter((d) => user.roles.includes('admin') || d.delegatorId === user.id || d.delegateId === user.id || d.createdBy === user.id);
  return { status: 200, body: { items: visible.map((d) => delegationView(d, users, now)).reverse() } };
});

export const createDelegation = defineHandler(routes.createDelegation, async (ctx, { body }) => {
  const user = signedIn(ctx);
  const isAdmin = user.roles.includes('admin');
  const delegatorId = body.delegatorId ?? user.id;
  if (delegatorId !== user.id && !isAdmin) throw problems.forbidden('Only administrators delegate someone else’s role; delegate your own.');
  const now = ctx.deps.now();
  const createdAt = now.toISOString();
  const id = newId(ctx.deps, 'dlg');

  const created = await ctx.deps.store.transaction(async (tx) => {
    const users = await usersById(tx);
    const delegator = users.get(delegatorId);
    const delegate = users.get(body.delegateId);
    if (!delegator) throw problems.validation([{ pointer: '/delegatorId', message: `There is no user ${delegatorId}` }]);
    if (!delegator.roles.includes(body.role)) {
      throw problems.validation([{ pointer: '/role', message: `${delegator.id === user.id ? 'You do' : `${delegator.displayName} does`} not hold the ${roleInProse(body.role)} role` }]);
    }
    if (!delegate) throw problems.validation([{ pointer: '/delegateId', message: `There is no user ${body.delegateId}` }]);
    // Only reviewers sign decisions: a delegate without a reviewer role could never act.
    if (!delegate.roles.some(isReviewerRole)) throw problems.validation([{ pointer: '/delegateId', message: `${delegate.displayName} is not a reviewer and cannot sign decisions` }]);
    const draft = { role: body.role, delegatorId, delegateId: delegate.id, startsAt: body.startsAt, endsAt: body.endsAt };
    const found = delegationProblems(draft, await tx.listDelegations(), now, (uid) => users.get(uid)?.displayName ?? uid);
    if (found.length > 0) throw problems.validation(found);
    const duties = delegationDutyProblems(body.role, delegate, await packagesInFlight(tx, now));
    if (duties.length > 0) throw problems.validation(duties);

    const record = { id, ...draft, startsAt: new Date(body.startsAt).toISOString(), endsAt: new Date(body.endsAt).toISOString(), reason: body.reason, createdBy: user.id, createdAt };
    // Made for someone else (by an administrator): it waits for its delegator's acceptance.
    const awaitsAcceptance = needsAcceptance(record);
    await tx.insertDelegation(record);
    await tx.appendAudit({
      event: { action: 'delegation.created', subject: id, before: null, after: { role: record.role, delegator: delegatorId, delegate: delegate.id, startsAt: record.startsAt, endsAt: record.endsAt, reason: record.reason, ...(awaitsAcceptance ? { awaitsAcceptance: true as const } : {}) } },
      actorId: user.id,
      at: createdAt,
    });
    return delegationView({ ...record, revokedAt: null, revokedBy: null, acceptedAt: null }, users, now);
  });
  return { status: 201, body: created };
});

export const revokeDelegation = defineHandler(routes.revokeDelegation, async (ctx, { params }) => {
  const user = signedIn(ctx);
  const now = ctx.deps.now();
  const revokedAt = now.toISOString();
  const revoked = await ctx.deps.store.transaction(async (tx) => {
    const found = (await tx.listDelegations()).find((d) => d.id === params.id);
    const mayRevoke = found && (user.roles.includes('admin') || found.delegatorId === user.id || found.createdBy === user.id);
    // A delegation you did not give is answered as absent: its existence is not yours to learn.
    if (!found) throw problems.notFound(`No delegation ${params.id} that you gave.`);
    if (!mayRevoke) throw deniedNotFound(`No delegation ${params.id} that you gave.`, 'delegation given by someone else');
    if (found.revokedAt !== null) throw problems.conflict('This delegation was already revoked.');
    if (Date.parse(found.endsAt) <= now.getTime()) throw problems.conflict('This delegation has already ended; there is nothing to revoke.');
    await tx.insertDelegationRevocation({ delegationId: found.id, revokedAt, revokedBy: user.id });
    await tx.appendAudit({ event: { action: 'delegation.revoked', subject: found.id, before: { role: found.role, delegator: found.delegatorId, delegate: found.delegateId, endsAt: found.endsAt }, after: { revokedAt } }, actorId: user.id, at: revokedAt });
    return delegationView({ ...found, revokedAt, revokedBy: user.id }, await usersById(tx), now);
  });
  return { status: 201, body: revoked };
});

export const acceptDelegation = defineHandler(routes.acceptDelegation, async (ctx, { params }) => {
  const user = signedIn(ctx);
  const now = ctx.deps.now();
  const acceptedAt = now.toISOString();
  const accepted = await ctx.deps.store.transaction(async (tx) => {
    const found = (await tx.listDelegations()).find((d) => d.id === params.id);
    const absent = `No delegation ${params.id} of your role awaits your acceptance.`;
    if (!found) throw problems.notFound(absent);
    // Only the person whose role it is consents; for anyone else it is answered as absent.
    if (found.delegatorId !== user.id) throw deniedNotFound(absent, 'accepting a delegation of someone else’s role');
    if (!needsAcceptance(found)) throw problems.conflict('You made this delegation yourself: it needs no acceptance.');
    if (found.revokedAt !== null) throw problems.conflict('This delegation was revoked; there is nothing to accept.');
    if (Date.parse(found.endsAt) <= now.getTime()) throw problems.conflict('This delegation has already ended; there is nothing to accept.');
    if (found.acceptedAt !== null || !(await tx.insertDelegationAcceptance({ delegationId: found.id, acceptedAt, acceptedBy: user.id }))) {
      throw problems.conflict('You have already accepted this delegation.');
    }
    await tx.appendAudit({ event: { action: 'delegation.accepted', subject: found.id, before: { role: found.role, delegator: found.delegatorId, delegate: found.delegateId, createdBy: found.createdBy }, after: { acceptedAt } }, actorId: user.id, at: acceptedAt });
    return delegationView({ ...found, acceptedAt }, await usersById(tx), now);
  });
  return { status: 201, body: accepted };
});

export const listUserDirectory = defineHandler(routes.listUserDirectory, async (ctx) => {
  signedIn(ctx);
  const users = await ctx.deps.store.listUsers();
  return { status: 200, body: { items: users.map((u) => ({ id: u.id, displayName: u.displayName, title: u.title, roles: u.roles })) } };
});
