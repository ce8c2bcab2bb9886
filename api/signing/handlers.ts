import { sha256Hex } from '#domain/crypto/sha256.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { SignedDecision } from '#domain/contracts/signatures.ts';
import { approvalGateRefusal, describeGateRefusal } from '#domain/workflow/approval-gates.ts';
import { problems } from '../kernel/problems.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { newId } from '../kernel/new-id.ts';
import { blockersOf, loadWorkflowFacts, workflowStateOf } from '../package-access/views.ts';
import { seePackage, signedIn } from '../package-access/package-access.ts';
import { signingRoutes as routes } from './routes.ts';
import { currentServerKey } from './server-key.ts';
import { payloadProblems, payloadRefusal } from './signing-checks.ts';
import { assertGovernanceAllowsApproval, assertGovernancePresent, assertSignedGovernance } from './governance-check.ts';
import { isApprovingDecision } from '#domain/policy/approval-governance.ts';
import { reAuthenticate } from './re-authenticate.ts';
import { consumeNonce, signedVersion } from './signing-preconditions.ts';
import { assertNotTierSetter, decidingCapacity } from './deciding-capacity.ts';
import { writeDecision } from './write-decision.ts';
import { publishReviewDraftsIn } from '../drafts/publish.ts';
import { obligationPayloadProblems, openObligations } from '../obligations/open-obligations.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// Signing a decision: a single-use nonce first, then the signed payload, checked against
// the signer's identity (re-authentication), the version they were shown, their capacity on
// the workflow and the nonce, and recorded with the server's countersignature in one
// transaction.

const nonceTtlMs = 5 * 60_000;

export const issueSigningNonce = defineHandler(routes.issueSigningNonce, async (ctx, { body }) => {
  const user = signedIn(ctx);
  const pkg = await seePackage(ctx, body.packageId);
  const now = ctx.deps.now();
  const nonce = ctx.deps.randomToken();
  const issuedAt = now.toISOString();
  const expiresAt = new Date(now.getTime() + nonceTtlMs).toISOString();
  await ctx.deps.store.transaction(async (tx) => {
    // Stored as a hash: a database reader cannot replay a nonce still in flight.
    await tx.insertNonce({ nonceHash: await sha256Hex(nonce), userId: user.id, packageId: pkg.id, issuedAt, expiresAt, usedAt: null });
    await tx.appendAudit({ event: { action: 'signing.nonce_issued', subject: pkg.id, before: null, after: { expiresAt } }, actorId: user.id, at: issuedAt });
  });
  return { status: 201, body: { nonce, issuedAt, expiresAt } };
});

export const signDecision = defineHandler(routes.signDecision, async (ctx, { params, body }) => {
  const user = signedIn(ctx);
  const pkg = await seePackage(ctx, params.id);
  const { payload } = body;
  const early = payloadProblems(payload, pkg.id, user, null, ctx.deps.now());
  if (early.length > 0) throw payloadRefusal(early);

  const material = await reAuthenticate(ctx, user, pkg, payload, body.authentication);
  const serverKey = await currentServerKey(ctx.deps.store, ctx.deps.now);
  const now = ctx.deps.now();
  const decidedAt = now.toISOString();
  const decisionId = newId(ctx.deps, 'dec');

  const signed = await ctx.deps.store.transaction(async (tx): Promise<SignedDecision | undefined> => {
    // Another instance may be deciding on this package right now; wait for it, then read.
    await tx.lockPackage(pkg.id);
    // The signer's drafted comments and questions are published with the decision, before its
    // checks (a clarification request it points to may be one of them): a refusal keeps them drafts.
    await publishReviewDraftsIn(tx, ctx.deps, { pkg, user, at: decidedAt, decision: decisionId });
    const [facts] = await loadWorkflowFacts(tx, [pkg]);
    if (!facts) throw problems.notFound(`No package ${pkg.id}.`);
    const { version, contentHash } = await signedVersion(tx, pkg, facts, payload);
    await assertSignedGovernance(tx, pkg, payload);
    const problemsFound = [...payloadProblems(payload, pkg.id, user, parseJson(version.canonicalContent) as PackageContent, now), ...(await obligationPayloadProblems(tx, pkg, payload, now))];
    if (problemsFound.length > 0) throw payloadRefusal(problemsFound);

    const { state } = workflowStateOf(facts, now);
    const decided = await decidingCapacity(tx, { facts, state, payload, user, pkg, version, latestNumber: version.number, now });
    if (isApprovingDecision(payload.decision)) await assertNotTierSetter(tx, pkg, { signerId: user.id, delegatorId: decided.delegation?.delegatorId ?? null });
    // The governance gate, which nothing overrides, before the review's gates, which a reason may.
    if (isApprovingDecision(payload.decision)) await assertGovernanceAllowsApproval(tx, pkg, payload.versionNumber);
    const gate = approvalGateRefusal(payload.decision, await blockersOf(tx, facts, payload.versionNumber, now), payload.override);
    if (gate) throw problems.approvalBlocked(describeGateRefusal(gate), gate.blockers);
    if (payload.decision === 'request_clarification') {
      const open = facts.threads.some((t) => t.kind === 'clarification' && t.status !== 'resolved' && t.versionNumber <= payload.versionNumber);
      if (!open) throw problems.validation([{ pointer: '/payload/decision', message: 'Open a clarification request on the section in question first; this decision points the owner to it' }]);
    }
    await assertGovernancePresent(tx, pkg, payload);
    await consumeNonce(tx, payload, { userId: user.id, packageId: pkg.id, now, usedAt: decidedAt });
    const written = await writeDecision(tx, ctx.deps, { decisionId, decidedAt, now, pkg, payload, material, decided, contentHash, statusBefore: state.status, serverKey, actorId: user.id });
    await openObligations(tx, ctx.deps, { pkg, payload, decisionId, stepKey: decided.key, role: decided.role, at: decidedAt, actorId: user.id });
    return written;
  });
  return { status: 201, body: signed };
});
