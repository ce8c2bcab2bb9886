import { identificationOf } from '#domain/contracts/package-content.ts';
import { selectTemplate } from '#domain/workflow/default-templates.ts';
import { identificationProblems, prepareVersion } from './prepare-version.ts';
import { businessLineProblems, resubmittedLineProblems } from '../business-lines/line-check.ts';
import { refileUnderListedLine } from './refile-line.ts';
import { modelTypeRequiredProblems, sameModelFilingProblems, unchangedModelTypeProblems } from './model-type-check.ts';
import { problems } from '../kernel/problems.ts';
import { answerProblems, loadAnswerFacts } from './resubmission-answers.ts';
import { answersHash } from '#domain/evidence/thread-audit-check.ts';
import { templateHash } from '#domain/evidence/template-check.ts';
import { packagesRoutes as routes } from './routes.ts';
import { canSeeEveryPackage, canSeePackage, loadPackageFacts, packageDetail, summarize, toActor, versionSummary } from '../package-access/views.ts';
import { matchesSummaryQuery, pageOf } from '../package-access/summary-query.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { SerializedJson } from '../kernel/serialized-json.ts';
import { versionAnswerText } from './version-answer.ts';
import { auditDenied } from '../denials/denials.ts';
import { seePackage, signedIn } from '../package-access/package-access.ts';
import { addThreadMessage } from '../threads/thread-message.ts';
import { viaOf } from '../tokens/bearer-auth.ts'; // The audit entry names the token
import { submissionEvent } from '#domain/package/events.ts';
import { publishPackageEvents } from '../events/publish.ts';
import { resubmissionOpen } from '#domain/workflow/resubmission-window.ts';
import { newId } from '../kernel/new-id.ts';
import { checkSubmission } from '../policies/check-submission.ts';
import type { PolicyEvaluation } from '#domain/contracts/policies.ts';
import { evaluationDigest } from '#domain/policy/signed-governance.ts';
import { carryReviewMarks } from '../section-reviews/carry-marks.ts';
import { approvedStatuses, pendingStatuses } from '#domain/workflow/committee-dashboard.ts';
import { monthStartOf } from '#domain/governance/governance-figures.ts';
import { decodePackageCursor, defaultPackagePageSize, encodePackageCursor, packageStatusSchema } from '#domain/contracts/packages.ts';
import { inboxViewerOf } from '../delegations/acting-roles.ts';
import { inboxTabSelection } from '#domain/package/inbox-tabs.ts';
import type { GovernanceList } from '#domain/contracts/governance.ts';
import type { SummaryKey, SummaryPageQuery, SummaryText } from '../store/package-summaries.ts';
import type { Store, StoredUser } from '../store/store.ts';
import { refreshSummaries, summaryTextOf } from '../package-access/summaries.ts';
import { appliedAssessment } from '../package-access/applied-assessment.ts';
import { tierSetters } from '../package-access/applied-assessment.ts';
import { governanceBlockersOf } from '../risk-assessments/governance-gate.ts';

/** What the audit entry keeps of the policy check: which version, whether the version entered flagged, and the check's digest (0171). */
const policyAudit = async (evaluation: PolicyEvaluation | null) =>
  evaluation && evaluation.outcome !== 'refused' ? { policy: { key: evaluation.policy.key, version: evaluation.policy.version, outcome: evaluation.outcome, evaluationDigest: await evaluationDigest(evaluation) } } : {};

export const listPackages = defineHandler(routes.listPackages, async (ctx, { query }) => {
  const user = signedIn(ctx);
  const { store, now } = ctx.deps;
  const after = query.cursor === undefined ? null : decodePackageCursor(query.cursor);
  if (query.cursor !== undefined && !after) throw problems.validation([{ pointer: '/query/cursor', message: 'Not a position in this list: start again from the first page' }]);
  const at = now();
  const list = query.governance;
  const limit = query.limit ?? defaultPackagePageSize;
  const filters: Omit<SummaryPageQuery, 'after' | 'limit'> = {
    // Owners see their own packages; every other role sees all (canSeePackage).
    ownerId: canSeeEveryPackage(user) ? null : user.id,
    ...(query.status ? { status: query.status } : {}),
    ...(query.riskTier ? { riskTier: query.riskTier } : {}),
    ...(query.model ? { modelKey: query.model } : {}),
    ...(query.stepRole ? { stepRole: query.stepRole } : {}),
    ...(query.revalidationDue ? { revalidationDueBy: dueBy(at, Number(query.revalidationDue)) } : {}),
    ...(list ? await governanceFilter(store, list, at) : {}),
    ...(query.tab && query.tab !== 'all' ? { tab: inboxTabSelection(query.tab, await inboxViewerOf(store, user, at)) } : {}),
  };
  const counted = query.count === 'true';
  // Nothing to refresh: the page, read with that check (decision record 0189).
  const { onlyIds, ...plain } = filters;
  const fresh = onlyIds || counted ? null : await store.pageSummariesIfFresh({ ...plain, after, limit }, at.toISOString());
  // The rows changed since they were computed, or past the instant the clock changes them, first (decision record 0129).
  const writable =
    fresh !== null ||
    (await refreshSummaries(store, at).then(
      () => true,
      (error: unknown) => {
        // Not written back (another connection holds the write lock): this request is answered from the facts instead.
        if (ctx.deps.isUnavailable?.(error)) return false;
        throw error;
      },
    ));
  const [page, total] = fresh ? [fresh, null] : writable ? await Promise.all([store.pageSummaries({ ...filters, after, limit }), counted ? store.countSummaries(filters) : null]) : await pageFromFacts(store, user, filters, after, limit, at);
  const items = page.slice(0, limit);
  const last = items.at(-1);
  const nextCursor = page.length > limit && last ? encodePackageCursor({ updatedAt: last.updatedAt, id: last.id }) : null;
  // The stored summaries' JSON text goes out as it is (packageListSchema's members, in its order).
  return { status: 200, body: new SerializedJson(`{"items":[${items.map((item) => item.json).join(',')}],"nextCursor":${JSON.stringify(nextCursor)},"total":${JSON.stringify(counted ? total : null)}}`) };
});

/** Every model the caller may see a package of: the inbox's model filter offers them all, not those of the pages loaded. */
export const listPackageModels = defineHandler(routes.listPackageModels, async (ctx) => {
  const user = signedIn(ctx);
  const models = await ctx.deps.store.listPackageModels(canSeeEveryPackage(user) ? null : user.id);
  return { status: 200, body: { models } };
});

/** The page and total computed in memory from every visible package's facts (the summary table could not be written). */
async function pageFromFacts(store: Store, user: StoredUser, filters: Omit<SummaryPageQuery, 'after' | 'limit'>, after: SummaryKey | null, limit: number, at: Date): Promise<[SummaryText[], number]> {
  const visible = (await store.listPackages()).filter((pkg) => canSeePackage(user, pkg));
  const matching = (await loadPackageFacts(store, visible)).map((f) => summarize(f, at).summary).filter((s) => matchesSummaryQuery(s, filters));
  return [pageOf(matching, after, limit).map(summaryTextOf), matching.length];
}

/** The last due date within `days` days of `at`'s date (dueWithin's rule, as a bound). */
function dueBy(at: Date, days: number): string {
  const limit = new Date(`${at.toISOString().slice(0, 10)}T00:00:00.000Z`);
  limit.setUTCDate(limit.getUTCDate() + days);
  return limit.toISOString().slice(0, 10);
}

/**
 * A governance list (a figure of the committee dashboard) as the page's filter, by the rule
 * its figure is counted with: workflow states as columns of the summaries, stored rows as ids.
 */
async function governanceFilter(store: Store, list: GovernanceList, at: Date): Promise<Partial<SummaryPageQuery>> {
  switch (list) {
    case 'changed':
      return { onlyIds: new Set(await store.packagesSubmittedSince(monthStartOf(at))) };
    case 'pending':
      return { statuses: pendingStatuses };
    case 'overdue':
      return { statuses: pendingStatuses, stepOverdue: true };
    case 're_review_due':
      return { statuses: packageStatusSchema.options.filter((s) => s !== 'rejected'), reReviewDue: true };
    case 'conditions_lapsed':
      return { conditionsLapsed: true };
    case 'approved': {
      // The model's newest package, through its whole chain, and not rolled back since (inDerivedList's rule).
      const rolledBack = new Set((await store.listPackageRollbacks('all')).map((r) => r.packageId));
      return { statuses: approvedStatuses, onlyIds: new Set((await store.governanceListIds('current')).filter((id) => !rolledBack.has(id))) };
    }
    default:
      return { onlyIds: new Set(await store.governanceListIds(list)) };
  }
}

export const getPackage = defineHandler(routes.getPackage, async (ctx, { params }) => {
  const { store, now } = ctx.deps;
  const pkg = await seePackage(ctx, params.id);
  const [facts] = await loadPackageFacts(store, [pkg]);
  if (!facts) throw problems.notFound(`No package ${params.id}.`);
  const governance = await governanceBlockersOf(store, pkg.id, facts.versions.at(-1)?.number ?? 1);
  return { status: 200, body: await packageDetail(store, facts, now(), governance, await tierSetters(store, pkg.id)) };
});

export const getVersion = defineHandler(routes.getVersion, async (ctx, { params }) => {
  // The same text the Node server's read path sends (version-answer.ts, docs/decisions/0190).
  const answer = await versionAnswerText(ctx.deps.store, params.id, params.n, (id) => seePackage(ctx, id));
  if (answer === null) throw problems.notFound(`Package ${params.id} has no version ${params.n}.`);
  // Kept bytes are shared with other reads (0199): the pipeline's Response gets a copy of its own.
  return { status: 200, body: new SerializedJson(typeof answer === 'string' ? answer : answer.slice()) };
});

export const submitPackage = defineHandler(routes.submitPackage, async (ctx, { body }) => {
  const user = signedIn(ctx);
  const { store, now } = ctx.deps;
  const mismatches = identificationProblems(body.content, body.modelKey, body.versionLabel, '/content');
  if (mismatches.length > 0) throw problems.validation(mismatches);
  const id = identificationOf(body.content);
  const prepared = await prepareVersion(body.content);
  const at = now().toISOString();
  const packageId = newId(ctx.deps, 'pkg');

  const created = await store.transaction(async (tx) => {
    // A policy publication applied to packages in review waits for this check (docs/decisions/0150).
    await tx.lockPolicyCatalogueShared();
    const model = await tx.findModel(body.modelKey);
    if (model && model.ownerId !== user.id) {
      throw problems.forbidden(`Model "${body.modelKey}" belongs to another owner.`);
    }
    if (await tx.findPackageByModelVersion(body.modelKey, body.versionLabel)) {
      throw problems.conflict(`A package for ${body.modelKey} ${body.versionLabel} already exists; submit a new version of it instead.`);
    }
    const unlisted = [...(await businessLineProblems(tx, id.businessLine, '/content')), ...modelTypeRequiredProblems(id.modelType, '/content'), ...(model ? await sameModelFilingProblems(tx, body.modelKey, id, '/content') : [])];
    if (unlisted.length > 0) throw problems.validation(unlisted);
    const template = selectTemplate(await tx.listTemplates(), id.riskTier, id.businessLine);
    if (!template) throw problems.validation([{ pointer: '/content/sections/0/riskTier', message: `No workflow template covers risk tier ${id.riskTier}` }]);
    const evaluation = await checkSubmission(tx, body.content, { packageId: null, riskTier: id.riskTier, businessLine: id.businessLine, modelType: id.modelType }, '/content');
    if (!model) await tx.insertModel({ key: body.modelKey, name: id.modelName, ownerId: user.id });
    const pkg = {
      id: packageId,
      modelKey: body.modelKey,
      modelName: id.modelName,
      versionLabel: body.versionLabel,
      riskTier: id.riskTier,
      businessLine: id.businessLine,
      ownerTeam: id.ownerTeam,
      ownerId: user.id,
      templateKey: template.key,
      templateVersion: template.version,
      createdAt: at,
      updatedAt: at,
    };
    await tx.insertPackage(pkg);
    const version = { packageId, number: 1, ...prepared, submittedBy: user.id, submittedAt: at };
    await tx.insertVersion(version);
    if (evaluation) await tx.insertPolicyEvaluation({ packageId, version: 1, evaluation, evaluatedAt: at });
    await tx.appendAudit({
      event: { action: 'package.submitted', subject: packageId, before: null, after: { modelKey: body.modelKey, versionLabel: body.versionLabel, version: 1, contentHash: prepared.contentHash, template: { key: template.key, version: template.version, hash: await templateHash(template) }, ...viaOf(ctx), ...(await policyAudit(evaluation)) } },
      actorId: user.id,
      at,
    });
    await publishPackageEvents(tx, [submissionEvent({ packageId, modelKey: body.modelKey, version: 1, versionLabel: body.versionLabel, actor: toActor(user, user.id) })], { at, newId: () => newId(ctx.deps) });
    const [facts] = await loadPackageFacts(tx, [pkg]);
    if (!facts) throw new Error('The package just written is missing');
    return { package: summarize(facts, now()).summary, version: versionSummary(version, new Map([[user.id, user]])) };
  });
  return { status: 201, body: created, headers: [['location', `/api/packages/${packageId}`]] };
});

export const submitVersion = defineHandler(routes.submitVersion, async (ctx, { params, body }) => {
  const user = signedIn(ctx);
  const { store, now } = ctx.deps;
  const prepared = await prepareVersion(body.content);
  const at = now().toISOString();

  // The denial is recorded outside the transaction, so refusing does not roll it back.
  const owned = await store.findPackage(params.id);
  if (!owned || owned.ownerId !== user.id) {
    if (owned) await auditDenied(ctx, 'only the package owner may resubmit');
    throw problems.notFound(`No package ${params.id} that you own.`);
  }

  const created = await store.transaction(async (tx) => {
    // Serialised with signing and the threads: an approval of the version before cannot commit
    // after this one is in, unseen by either. The catalogue first, as a publication takes them (0150).
    await tx.lockPolicyCatalogueShared();
    await tx.lockPackage(params.id);
    const pkg = await tx.findPackage(params.id);
    if (!pkg) throw problems.notFound(`No package ${params.id}.`);
    const id = identificationOf(body.content);
    // The package's own line may have been retired since it was filed: it keeps it (0168). One
    // the list does not have at all is left for a listed one (0176).
    const line = await resubmittedLineProblems(tx, id.businessLine, pkg, '/content');
    const mismatches = [...identificationProblems(body.content, pkg.modelKey, pkg.versionLabel, '/content'), ...line.problems, ...(await unchangedModelTypeProblems(tx, pkg.id, id.modelType, '/content'))];
    if (mismatches.length > 0) throw problems.validation(mismatches);
    const [facts] = await loadPackageFacts(tx, [pkg]);
    if (!facts) throw new Error('The package just read is missing');
    const { state } = summarize(facts, now());
    if (!resubmissionOpen(state.status, state.steps)) {
      throw problems.conflict(`A new version can be submitted after a rejection or while clarification is requested; this package is ${state.status.replace(/_/g, ' ')}.`);
    }
    const previous = facts.versions.at(-1);
    if (!previous) throw new Error('A package has at least one version');
    if (previous.contentHash === prepared.contentHash) {
      throw problems.conflict(`This content is identical to version ${previous.number}; change what the concerns ask for before resubmitting.`);
    }
    const wrong = answerProblems(body.answers, await loadAnswerFacts(tx, facts, body.content));
    if (wrong.length > 0) throw problems.validation(wrong);
    // The tier an assessment decided, where there is one: a policy is never picked by the declared tier alone (docs/decisions/0141).
    const riskTier = (await appliedAssessment(tx, pkg.id))?.tier ?? pkg.riskTier;
    const businessLine = line.refiles ? id.businessLine : pkg.businessLine;
    // Re-filed, it is checked as a submission under its new line is: the policy its old spelling chose does not carry over (0176).
    const evaluation = await checkSubmission(tx, body.content, { packageId: line.refiles ? null : pkg.id, riskTier, businessLine, modelType: id.modelType }, '/content');
    const version = { packageId: pkg.id, number: previous.number + 1, ...prepared, submittedBy: user.id, submittedAt: at };
    await tx.insertVersion(version);
    if (evaluation) await tx.insertPolicyEvaluation({ packageId: pkg.id, version: version.number, evaluation, evaluatedAt: at });
    await tx.insertVersionAnswers(pkg.id, version.number, body.answers);
    await carryReviewMarks(tx, pkg.id, previous.number, { number: version.number, content: body.content });
    // The draft this came from is spent: no other tab or device resubmits it again.
    await tx.deleteResubmitDraft(pkg.id, user.id);
    await tx.touchPackage(pkg.id, at);
    await tx.appendAudit({
      event: { action: 'package.version_submitted', subject: pkg.id, before: { version: previous.number, contentHash: previous.contentHash }, after: { version: version.number, contentHash: prepared.contentHash, answers: body.answers.length, answersHash: await answersHash(body.answers), ...viaOf(ctx), ...(await policyAudit(evaluation)) } },
      actorId: user.id,
      at,
    });
    // After the version's entry: the chain it moves to is replayed with the new version in (notifications, the record's template check).
    if (line.refiles) await refileUnderListedLine(tx, pkg, facts.template, businessLine, version.number, at, { actor: toActor(user, user.id), newId: () => newId(ctx.deps) });
    // An answer to a clarification request is also the owner's reply in its thread.
    for (const { target, answer } of body.answers) {
      if (target.kind !== 'clarification') continue;
      const thread = facts.threads.find((t) => t.id === target.threadId);
      if (!thread) throw new Error(`The thread ${target.threadId} just checked is missing`);
      await addThreadMessage(ctx, tx, { pkg, thread, user, body: answer, at });
    }
    // A resubmission is a submission to the receivers.
    await publishPackageEvents(tx, [submissionEvent({ packageId: pkg.id, modelKey: pkg.modelKey, version: version.number, versionLabel: pkg.versionLabel, actor: toActor(user, user.id) })], { at, newId: () => newId(ctx.deps) });
    const [after] = await loadPackageFacts(tx, [(await tx.findPackage(pkg.id)) ?? pkg]);
    if (!after) throw new Error('The package just written is missing');
    return { package: summarize(after, now()).summary, version: versionSummary(version, new Map([[user.id, user]])) };
  });
  return { status: 201, body: created, headers: [['location', `/api/packages/${params.id}/versions/${created.version.number}`]] };
});
