import { locateQuote } from '#domain/annotations/section-text.ts';
import { dayOf, futureDateProblem, moverRole, transitionRefusal } from '#domain/findings/lifecycle.ts';
import type { FieldProblem } from '#domain/contracts/problem.ts';
import { problems } from '../kernel/problems.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { newId } from '../kernel/new-id.ts';
import type { StoredFinding, StoredPackage, StoreTx } from '../store/store.ts';
import { moverOf } from '../delegations/acting-roles.ts';
import { actorOf, assertNotDecided, ownerTeamOf, seePackage, sectionOf, signedIn } from '../package-access/package-access.ts';
import { canSeePackage } from '../package-access/views.ts';
import { deniedNotFound, DeniedError } from '../denials/denials.ts';
import { roleFor } from '../threads/thread-message.ts';
import { findingView, findingViews } from './finding-views.ts';
import { findingsRoutes as routes } from './routes.ts';

// Findings (decision record 0073): raised by a reviewer, remediated by the owner team, verified
// or accepted as a risk by the raising role. Every write takes the package lock (as signing
// does, so the approval gate sees a finding either before or after it moved, never half) and
// checks the revision the caller saw: of two concurrent transitions exactly one is written.

async function findingOf(tx: StoreTx, packageId: string, findingId: string): Promise<StoredFinding> {
  const finding = await tx.findFinding(findingId);
  // A finding id of another package in the path is an object-reference probe: audited.
  if (finding && finding.packageId !== packageId) throw deniedNotFound(`Package ${packageId} has no finding ${findingId}.`, `finding belongs to package ${finding.packageId}`);
  if (finding?.packageId !== packageId) throw problems.notFound(`Package ${packageId} has no finding ${findingId}.`);
  return finding;
}

export const listFindings = defineHandler(routes.listFindings, async (ctx, { params }) => {
  const pkg = await seePackage(ctx, params.id);
  const { store } = ctx.deps;
  return { status: 200, body: { items: await findingViews(store, new Map([[pkg.id, pkg]]), await store.listFindings([pkg.id]), ctx.deps.now()) } };
});

export const raiseFinding = defineHandler(routes.raiseFinding, async (ctx, { params, body }) => {
  const user = signedIn(ctx);
  const pkg = await seePackage(ctx, params.id);
  const now = ctx.deps.now();
  const at = now.toISOString();
  const dueProblem = futureDateProblem(body.dueDate, dayOf(now), 'due date');
  if (dueProblem) throw problems.validation([{ pointer: '/dueDate', message: dueProblem }]);
  const finding = await ctx.deps.store.transaction(async (tx) => {
    await tx.lockPackage(pkg.id);
    const ownerTeam = await ownerTeamOf(tx, pkg);
    // The owner team answers findings; it does not raise them against itself.
    if (ownerTeam.has(user.id)) throw new DeniedError(problems.forbidden('The package’s owner team remediates findings; a reviewer raises them.'), 'owner team raising a finding');
    const versions = await tx.listVersionFacts([pkg.id]);
    const latest = Math.max(...versions.map((v) => v.number));
    if (body.versionNumber !== latest && versions.some((v) => v.number === body.versionNumber)) {
      throw problems.conflict(`Version ${body.versionNumber} has been superseded by version ${latest}; raise the finding on the latest version.`);
    }
    await assertNotDecided(tx, pkg, body.versionNumber, now);
    const section = await sectionOf(tx, pkg.id, body.versionNumber, body.sectionKey, '/sectionKey');
    const found: FieldProblem[] = [];
    if (body.anchor && locateQuote(section, body.anchor) === -1) found.push({ pointer: '/anchor/exact', message: `The quoted text does not occur in section "${section.title}"` });
    if (!ownerTeam.has(body.ownerId)) found.push({ pointer: '/ownerId', message: 'The owner must be a person of the package’s owner team' });
    if (found.length > 0) throw problems.validation(found);
    const role = roleFor(user, pkg.ownerId);
    const stored: StoredFinding = {
      id: newId(ctx.deps, 'fnd'),
      packageId: pkg.id,
      versionNumber: body.versionNumber,
      sectionKey: body.sectionKey,
      anchor: body.anchor,
      title: body.title,
      description: body.description,
      severity: body.severity,
      type: body.type,
      ownerId: body.ownerId,
      dueDate: body.dueDate,
      remediationPlan: body.remediationPlan,
      status: 'open',
      raisedBy: actorOf(user),
      raisedRole: role,
      acceptance: null,
      revision: 0,
      createdAt: at,
      updatedAt: at,
    };
    await tx.insertFinding(stored);
    await tx.insertFindingEvent({ id: newId(ctx.deps, 'fev'), findingId: stored.id, position: 0, at, by: actorOf(user), role, from: null, to: 'open', versionNumber: body.versionNumber, note: body.description });
    await tx.appendAudit({
      event: { action: 'finding.raised', subject: pkg.id, before: null, after: { finding: stored.id, version: body.versionNumber, section: body.sectionKey, quote: body.anchor?.exact ?? null, title: body.title, severity: body.severity, type: body.type, owner: body.ownerId, dueDate: body.dueDate, role } },
      actorId: user.id,
      at,
    });
    return findingView(tx, pkg, stored, now);
  });
  return { status: 201, body: finding };
});

export const transitionFinding = defineHandler(routes.transitionFinding, async (ctx, { params, body }) => {
  const user = signedIn(ctx);
  const pkg = await seePackage(ctx, params.id);
  const now = ctx.deps.now();
  const at = now.toISOString();
  if (body.to === 'risk_accepted') {
    const expiry = futureDateProblem(body.expiresOn, dayOf(now), 'expiry date');
    if (expiry) throw problems.validation([{ pointer: '/expiresOn', message: expiry }]);
  }
  const finding = await ctx.deps.store.transaction(async (tx) => {
    await tx.lockPackage(pkg.id);
    const stored = await findingOf(tx, pkg.id, params.findingId);
    const ownerTeam = await ownerTeamOf(tx, pkg);
    const mover = await moverOf(tx, user, now);
    const refusal = transitionRefusal(stored, body.to, mover, ownerTeam);
    if (refusal?.kind === 'role') throw new DeniedError(problems.forbidden(refusal.message, [{ pointer: '/to', message: refusal.message }]), `finding ${stored.id} to ${body.to}: ${refusal.message}`);
    if (stored.revision !== body.revision) throw problems.conflict(`This finding changed since you opened it (it is at revision ${stored.revision}, you saw ${body.revision}); reload it and try again.`);
    if (refusal) throw problems.validation([{ pointer: '/to', message: refusal.message }], 'This move is not allowed from the finding’s current status.');

    const versions = await tx.listVersionFacts([pkg.id]);
    const latest = Math.max(...versions.map((v) => v.number));
    const role = moverRole(stored, mover, ownerTeam);
    const note = body.to === 'remediation_proposed' ? body.plan : body.to === 'risk_accepted' ? body.rationale : body.note;
    const next: StoredFinding = {
      ...stored,
      status: body.to,
      remediationPlan: body.to === 'remediation_proposed' ? body.plan : stored.remediationPlan,
      acceptance: body.to === 'risk_accepted' ? { rationale: body.rationale, role, expiresOn: body.expiresOn, by: actorOf(user), at } : body.to === 'open' ? null : stored.acceptance,
      revision: stored.revision + 1,
      updatedAt: at,
    };
    // The lock serialises writers on one database; the revision check holds even without it.
    if (!(await tx.updateFinding(next))) throw problems.conflict('This finding changed since you opened it; reload it and try again.');
    await tx.insertFindingEvent({ id: newId(ctx.deps, 'fev'), findingId: stored.id, position: next.revision, at, by: actorOf(user), role, from: stored.status, to: body.to, versionNumber: latest, note });
    await tx.appendAudit({
      event: {
        action: 'finding.transitioned',
        subject: pkg.id,
        before: { finding: stored.id, status: stored.status, revision: stored.revision },
        after: { finding: stored.id, status: body.to, revision: next.revision, role, version: latest, note, ...(body.to === 'risk_accepted' ? { expiresOn: body.expiresOn } : {}) },
      },
      actorId: user.id,
      at,
    });
    return findingView(tx, pkg, next, now);
  });
  return { status: 201, body: finding };
});

export const findingRegister = defineHandler(routes.findingRegister, async (ctx, { query }) => {
  const user = signedIn(ctx);
  const { store } = ctx.deps;
  const now = ctx.deps.now();
  // Filtered, ordered and paged in the database (the order of domain/findings/register.ts), so
  // a page of a large register costs one page of views, not the whole inventory's.
  const { offset, limit, sort, ...filters } = query;
  const packageOwnerId = user.roles.some((role) => role !== 'model_owner') ? null : user.id;
  const page = await store.findingRegisterPage({ ...filters, packageOwnerId, today: dayOf(now), sort, limit, offset });
  const found = await Promise.all([...new Set(page.items.map((f) => f.packageId))].map((id) => store.findPackage(id)));
  const packages = new Map(found.filter((pkg): pkg is StoredPackage => pkg !== null && canSeePackage(user, pkg)).map((pkg) => [pkg.id, pkg]));
  return { status: 200, body: { items: await findingViews(store, packages, page.items.filter((f) => packages.has(f.packageId)), now), total: page.total } };
});
