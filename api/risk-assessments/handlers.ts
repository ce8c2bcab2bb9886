import type { RiskAssessment, TieringMethod } from '#domain/contracts/risk-assessment.ts';
import type { PolicyEvaluation } from '#domain/contracts/policies.ts';
import type { Role } from '#domain/contracts/roles.ts';
import { roleLabels } from '#domain/contracts/roles.ts';
import { overrideConfirmerRole, overrideRequestRefusal } from '#domain/policy/override-roles.ts';
import { computeTier, overrideProblem } from '#domain/policy/risk-tiering.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { problems } from '../kernel/problems.ts';
import { seePackage, signedIn } from '../package-access/package-access.ts';
import { toActor, usersById } from '../package-access/views.ts';
import type { StoredPackage, StoredRiskAssessment, StoredTierOverride, StoredUser, StoreTx } from '../store/store.ts';
import { riskAssessmentsRoutes as routes } from './routes.ts';
import { appliedAssessment, tierFactsOf } from '../package-access/applied-assessment.ts';
import { reresolvePolicy } from './reresolve-policy.ts';
import { applyTier, type TierMover } from './apply-tier.ts';
import { newId } from '../kernel/new-id.ts';
import type { ApiDeps } from '../kernel/context.ts';
import { evaluationDigest } from '#domain/policy/signed-governance.ts';
import { advanceRevalidation } from './advance-revalidation.ts';
import { assertApproverDoesNotLoosen } from './approver-sets-no-tier.ts';
import { checkMethodPublication, currentMethod } from './publish-method.ts';
import { assertDirectCatalogueChange, changeTime } from '../kernel/catalogue-change.ts';

/** The audit's note of a re-check: the policy now applied, the check's digest (0171) and the policy before. */
async function recheckAudit(evaluation: PolicyEvaluation | null) {
  if (!evaluation) return {};
  const { key, version } = evaluation.policy;
  const from = evaluation.reresolved?.from ?? null;
  return { policy: { key, version, outcome: evaluation.outcome === 'pass' ? ('pass' as const) : ('flagged' as const), evaluationDigest: await evaluationDigest(evaluation), from: from && { key: from.key, version: from.version } } };
}

// Risk tiering (decision record 0106): an assessment is scored by the current method version
// and kept with it; a tier override applies only once model risk management confirms it (0167).
// The tier that applies re-selects the workflow: after a decision, only a stricter one (0167).

async function viewsOf(tx: StoreTx, pkg: StoredPackage): Promise<RiskAssessment[]> {
  const [assessments, overrides, users] = await Promise.all([tx.listRiskAssessments(pkg.id), tx.listTierOverrides(pkg.id), usersById(tx)]);
  const methods = new Map<string, TieringMethod>();
  const views: RiskAssessment[] = [];
  for (const a of assessments) {
    const methodKey = `${a.result.method.key}@${a.result.method.version}`;
    if (!methods.has(methodKey)) {
      const row = await tx.findTieringMethod(a.result.method.key, a.result.method.version);
      if (!row) throw new Error(`Tiering method ${methodKey} of an assessment of ${pkg.id} is missing`);
      methods.set(methodKey, row.method);
    }
    const method = methods.get(methodKey);
    if (!method) throw new Error('unreachable');
    views.push(viewOf(a, overrides.find((o) => o.number === a.number) ?? null, method, users, pkg.ownerId));
  }
  return views;
}

function viewOf(a: StoredRiskAssessment, o: StoredTierOverride | null, method: TieringMethod, users: ReadonlyMap<string, StoredUser>, ownerId: string): RiskAssessment {
  const facts = tierFactsOf(a, o, ownerId);
  const inRole = (id: string, role: Role) => ({ ...toActor(users.get(id), id), role });
  const override = o
    ? {
        tier: o.tier,
        reason: o.reason,
        requestedBy: inRole(o.requestedBy, o.requestedRole),
        requestedAt: o.requestedAt,
        confirmedBy: o.confirmedBy && o.confirmedRole ? inRole(o.confirmedBy, o.confirmedRole) : null,
        confirmedAt: o.confirmedAt,
      }
    : null;
  return {
    packageId: a.packageId,
    number: a.number,
    method: { key: method.key, version: method.version, name: method.name, kind: method.kind },
    answers: a.answers,
    scores: a.result.scores,
    score: a.result.score,
    computedTier: a.result.computedTier,
    override,
    effectiveTier: facts.effectiveTier,
    proposal: facts.proposal,
    assessedBy: toActor(users.get(a.assessedBy), a.assessedBy),
    assessedAt: a.assessedAt,
  };
}

/** The one a caller names must be theirs: the override's two people are told apart by role. */
function assertHolds(user: StoredUser, role: Role) {
  if (!user.roles.includes(role)) throw problems.validation([{ pointer: '/role', message: `You do not hold the role ${roleLabels[role]}`, code: 'role_not_held' }]);
}

/**
 * The assessment an override is asked for or confirmed on (0172): a tier-deciding one, and the
 * latest of those. The owner's proposal decides no tier (0165), so an override on it would let a
 * confirmation replace model risk's stricter tier; nor does a later proposal replace the
 * assessment a pending override was asked on.
 */
async function overridableOf(tx: StoreTx, pkg: StoredPackage, number: number): Promise<StoredRiskAssessment> {
  const assessments = await tx.listRiskAssessments(pkg.id);
  const target = assessments.find((a) => a.number === number);
  if (!target) throw problems.notFound(`Package ${pkg.id} has no risk assessment ${number}.`);
  const deciding = assessments.filter((a) => a.assessedBy !== pkg.ownerId);
  if (!deciding.includes(target)) {
    throw problems.validation([{ pointer: '', message: `Assessment ${number} is the owner's proposal and decides no tier; another tier is asked for on model risk management's assessment`, code: 'proposal_not_overridable' }]);
  }
  const latest = deciding.at(-1);
  if (latest && latest.number !== number) throw problems.conflict(`Assessment ${number} was replaced by assessment ${latest.number}; act on the latest one.`);
  return target;
}

/** The signed-in user as the mover of a tier (apply-tier.ts), with the ids its events take. */
function moverOf(ctx: { deps: Pick<ApiDeps, 'randomToken'> }, user: StoredUser): TierMover {
  return { actor: toActor(user, user.id), newId: () => newId(ctx.deps) };
}

async function viewAfter(tx: StoreTx, pkg: StoredPackage, number: number): Promise<RiskAssessment> {
  const view = (await viewsOf(tx, pkg)).find((v) => v.number === number);
  if (!view) throw new Error('The risk assessment just written is missing');
  return view;
}

export const listRiskAssessments = defineHandler(routes.listRiskAssessments, async (ctx, { params }) => {
  const pkg = await seePackage(ctx, params.id);
  const { store } = ctx.deps;
  return { status: 200, body: { method: await currentMethod(store), items: await viewsOf(store, pkg) } };
});

export const recordRiskAssessment = defineHandler(routes.recordRiskAssessment, async (ctx, { params, body }) => {
  const pkg = await seePackage(ctx, params.id);
  const user = ctx.user;
  if (!user) throw problems.unauthenticated();
  if (pkg.ownerId !== user.id && !user.roles.includes('model_risk')) throw problems.forbidden('Only the package owner or model risk management assess its risk.');
  const at = ctx.deps.now().toISOString();
  const view = await ctx.deps.store.transaction(async (tx) => {
    // Assessments are numbered per package: two at once must not take the same number. The
    // catalogue first: the policy may be checked again, and a publication must see it (0150).
    await tx.lockPolicyCatalogueShared();
    await tx.lockPackage(pkg.id);
    const method = await currentMethod(tx);
    const result = computeTier(body.answers, method);
    const number = (await tx.listRiskAssessments(pkg.id)).length + 1;
    await tx.insertRiskAssessment({ packageId: pkg.id, number, answers: body.answers, result, assessedBy: user.id, assessedAt: at });
    // The owner's own assessment is a proposal (0165): the tier, chain and policy stay as they are.
    const proposal = pkg.ownerId === user.id;
    // The tier that now applies: the new score, unless a confirmed override is stricter.
    const applied = proposal ? null : await appliedAssessment(tx, pkg.id);
    const tier = proposal ? null : (applied?.tier ?? result.computedTier);
    // Not laxer by the hand of someone who approved the latest version (0174, amended).
    if (tier !== null) await assertApproverDoesNotLoosen(tx, pkg, user.id, tier);
    const template = tier === null ? undefined : await applyTier(tx, pkg, { tier, assessment: applied?.number ?? number }, at, moverOf(ctx, user));
    // After final approval a stricter tier brings the revalidation forward instead (0172).
    if (tier !== null) await advanceRevalidation(tx, pkg, { tier, assessment: applied?.number ?? number }, at, user.id);
    // The policy follows the assessed tier, not the declared one (docs/decisions/0141).
    const rechecked = tier === null ? null : await reresolvePolicy(tx, pkg, { tier, assessment: number }, at);
    await tx.appendAudit({
      event: { action: 'risk.assessed', subject: pkg.id, before: null, after: { number, method: result.method, score: result.score, computedTier: result.computedTier, ...(proposal ? { proposal } : {}), ...(template ? { template } : {}), ...(await recheckAudit(rechecked)) } },
      actorId: user.id,
      at,
    });
    return viewAfter(tx, pkg, number);
  });
  return { status: 201, body: view, headers: [['location', `/api/packages/${pkg.id}/risk-assessments`]] };
});

export const requestTierOverride = defineHandler(routes.requestTierOverride, async (ctx, { params, body }) => {
  const pkg = await seePackage(ctx, params.id);
  const user = ctx.user;
  if (!user) throw problems.unauthenticated();
  assertHolds(user, body.role);
  // Who asks, in which role (0167): the owner as model owner only; model risk re-assesses instead.
  const refusal = overrideRequestRefusal(user, pkg.ownerId, body.role);
  if (refusal?.status === 403) throw problems.forbidden(`${refusal.message}.`);
  if (refusal) throw problems.validation([{ pointer: '/role', message: refusal.message, code: 'role_not_allowed' }]);
  const at = ctx.deps.now().toISOString();
  const view = await ctx.deps.store.transaction(async (tx) => {
    await tx.lockPackage(pkg.id);
    const target = await overridableOf(tx, pkg, params.number);
    if ((await tx.listTierOverrides(pkg.id)).some((o) => o.number === target.number)) throw problems.conflict(`Assessment ${target.number} already has an override; record a new assessment to ask again.`);
    if (body.tier === target.result.computedTier) throw problems.validation([{ pointer: '/tier', message: `The method already computes tier ${body.tier}; an override names another tier`, code: 'same_tier' }]);
    await tx.insertTierOverride({ packageId: pkg.id, number: target.number, tier: body.tier, reason: body.reason, requestedBy: user.id, requestedRole: body.role, requestedAt: at, confirmedBy: null, confirmedRole: null, confirmedAt: null });
    await tx.appendAudit({
      event: { action: 'risk.override_requested', subject: pkg.id, before: { computedTier: target.result.computedTier }, after: { number: target.number, tier: body.tier, reason: body.reason, role: body.role } },
      actorId: user.id,
      at,
    });
    return viewAfter(tx, pkg, target.number);
  });
  return { status: 201, body: view };
});

export const confirmTierOverride = defineHandler(routes.confirmTierOverride, async (ctx, { params, body }) => {
  const pkg = await seePackage(ctx, params.id);
  const user = ctx.user;
  if (!user) throw problems.unauthenticated();
  assertHolds(user, body.role);
  // The second person is model risk management (0167): not another reviewer, not an
  // administrator, and never the owner whose package's workflow the tier decides.
  if (pkg.ownerId === user.id) throw problems.forbidden('The package owner cannot confirm a tier override on their own package.');
  if (body.role !== overrideConfirmerRole) throw problems.validation([{ pointer: '/role', message: `An override is confirmed by ${roleLabels[overrideConfirmerRole]}, not as ${roleLabels[body.role]}`, code: 'role_not_allowed' }]);
  const at = ctx.deps.now().toISOString();
  const view = await ctx.deps.store.transaction(async (tx) => {
    await tx.lockPolicyCatalogueShared();
    await tx.lockPackage(pkg.id);
    const target = await overridableOf(tx, pkg, params.number);
    const override = (await tx.listTierOverrides(pkg.id)).find((o) => o.number === target.number);
    if (!override) throw problems.notFound(`Assessment ${target.number} of package ${pkg.id} has no override to confirm.`);
    if (override.confirmedBy) throw problems.conflict(`The override of assessment ${target.number} is confirmed already.`);
    const problem = overrideProblem({ tier: override.tier, reason: override.reason, requestedBy: { userId: override.requestedBy, role: override.requestedRole }, confirmedBy: { userId: user.id, role: body.role } });
    if (problem && override.requestedBy === user.id) throw problems.forbidden(`${problem}.`);
    if (problem) throw problems.validation([{ pointer: '/role', message: `${problem}: it was asked for as ${roleLabels[override.requestedRole]}`, code: 'same_role' }]);
    // Two confirmations at once: the first one's update wins, the second finds it confirmed.
    if (!(await tx.confirmTierOverride(pkg.id, target.number, user.id, body.role, at))) throw problems.conflict(`The override of assessment ${target.number} is confirmed already.`);
    // Overrides are on tier-deciding assessments only (0172); an earlier stricter one may still hold.
    const applied = await appliedAssessment(tx, pkg.id);
    const tier = applied?.tier ?? override.tier;
    await assertApproverDoesNotLoosen(tx, pkg, user.id, tier);
    const template = await applyTier(tx, pkg, { tier, assessment: applied?.number ?? target.number }, at, moverOf(ctx, user));
    await advanceRevalidation(tx, pkg, { tier, assessment: applied?.number ?? target.number }, at, user.id);
    const rechecked = await reresolvePolicy(tx, pkg, { tier, assessment: target.number }, at);
    await tx.appendAudit({
      event: { action: 'risk.override_confirmed', subject: pkg.id, before: { computedTier: target.result.computedTier }, after: { number: target.number, tier: override.tier, role: body.role, ...(template ? { template } : {}), ...(await recheckAudit(rechecked)) } },
      actorId: user.id,
      at,
    });
    return viewAfter(tx, pkg, target.number);
  });
  return { status: 200, body: view };
});

/** An administrator publishes the next method version (publish-method.ts); once two administrators exist, another approves it (0182). */
export const publishTieringMethod = defineHandler(routes.publishTieringMethod, async (ctx, { body }) => {
  const user = signedIn(ctx);
  const when = changeTime(ctx);
  const published = await ctx.deps.store.transaction(async (tx) => {
    await assertDirectCatalogueChange(tx);
    return (await checkMethodPublication(tx, body, user.id, when)).write();
  });
  return { status: 201, body: { method: published, publishedAt: when.at, current: true }, headers: [['location', '/api/risk-tiering-methods']] };
});
