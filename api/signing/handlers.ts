import { sha256Hex } from '#domain/crypto/sha256.ts';
import { canonicalize } from '#domain/json/canonicalize.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import { roleLabels } from '#domain/contracts/roles.ts';
import type { CountersignedRecord, DecisionSignature, SignatureMaterial, SignedDecision, SigningAuthentication, SigningPayload } from '#domain/contracts/signatures.ts';
import { signingChallenge } from '#domain/signing/challenge.ts';
import { countersign } from '#domain/signing/countersign.ts';
import { verifyPasskeyAssertion } from '#domain/signing/verify-passkey.ts';
import type { RequestContext } from '../kernel/context.ts';
import { problems } from '../kernel/problems.ts';
import { signingRoutes as routes } from './routes.ts';
import { currentServerKey } from './server-key.ts';
import type { StoredPackage, StoredUser } from '../store.ts';
import { loadPackageFacts, signedDecisions, summarize } from '../packages/views.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { seePackage, signedIn } from '../packages/package-access.ts';
import { DeniedError } from '../audit/record-denied.ts';
import { attemptsLeft, payloadProblems, signingLockedUntil, signingLockMs } from './signing-checks.ts';
import { actingCapacity, type DelegationFacts } from '#domain/workflow/delegation.ts';
import { decisionEvents } from '#domain/webhooks/events.ts';
import { enqueueWebhookEvents } from '../webhooks/outbox.ts';
import { stepNotActionable } from '#domain/workflow/step-gate.ts';
import { emergencyRefusal, emergencyStepKey } from '#domain/workflow/emergency.ts';
import type { Role } from '#domain/contracts/roles.ts';
import { newId } from '../kernel/new-id.ts';

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

/** Re-authentication at signing; failures are recorded (and audited) whatever happens next. */
async function authenticate(ctx: RequestContext, user: StoredUser, pkg: StoredPackage, payload: SigningPayload, auth: SigningAuthentication): Promise<SignatureMaterial> {
  const { store } = ctx.deps;
  // An account without a password here re-authenticates with a passkey only.
  // Not a failed attempt (nothing was guessed), so it does not count towards the lock.
  if (auth.method === 'password' && user.passwordHash === '') {
    const message = 'Your account signs in through single sign-on and has no password here: sign with a passkey (add one under Passkeys).';
    throw problems.signingRefused(message, [{ pointer: '/authentication/method', message }]);
  }
  const now = ctx.deps.now();
  const since = new Date(now.getTime() - signingLockMs).toISOString();
  const lockedUntil = signingLockedUntil(await store.listSigningAttempts(user.id, since), now);
  if (lockedUntil) throw problems.locked(`Signing is locked for your account until ${lockedUntil.toISOString().slice(11, 16)} UTC after repeated failed attempts.`);

  let failure: string | null = null;
  let material: SignatureMaterial = { method: 'password' };
  if (auth.method === 'password') {
    if (!(await ctx.deps.passwords.verify(auth.password, user.passwordHash))) failure = 'The password is not correct.';
  } else {
    const passkey = await store.findPasskey(auth.credentialId);
    if (passkey?.userId !== user.id) {
      failure = 'This passkey is not registered to your account.';
    } else {
      const verdict = await verifyPasskeyAssertion({
        publicKeyJwk: passkey.publicKeyJwk,
        authenticatorData: auth.authenticatorData,
        clientDataJSON: auth.clientDataJSON,
        signature: auth.signature,
        expectedChallenge: await signingChallenge(payload),
        expectedOrigin: ctx.origin,
        expectedRpId: new URL(ctx.origin).hostname,
      });
      if (!verdict.ok) failure = `The passkey signature was not accepted: ${verdict.reason}`;
      material = { method: 'passkey', credentialId: passkey.credentialId, publicKeyJwk: passkey.publicKeyJwk, authenticatorData: auth.authenticatorData, clientDataJSON: auth.clientDataJSON, signature: auth.signature };
    }
  }

  const at = now.toISOString();
  // The attempt is recorded in its own transaction: a refusal below must not roll it back.
  const left = await store.transaction(async (tx) => {
    await tx.insertSigningAttempt({ id: newId(ctx.deps, 'att'), userId: user.id, at, ok: failure === null });
    if (failure === null) return null;
    const remaining = attemptsLeft(await tx.listSigningAttempts(user.id, since));
    await tx.appendAudit({ event: { action: 'signing.failed', subject: pkg.id, before: null, after: { method: auth.method, reason: failure, attemptsLeft: remaining } }, actorId: user.id, at });
    if (remaining === 0) {
      const until = new Date(now.getTime() + signingLockMs).toISOString();
      await tx.appendAudit({ event: { action: 'signing.locked', subject: user.id, before: null, after: { until } }, actorId: user.id, at });
    }
    return remaining;
  });
  if (failure !== null && left !== null) {
    const pointer = auth.method === 'password' ? '/authentication/password' : '/authentication';
    const tail = left === 0 ? ' Signing is now locked for 15 minutes.' : ` ${left} ${left === 1 ? 'attempt' : 'attempts'} left before signing is locked for 15 minutes.`;
    throw problems.signingRefused(failure + tail, [{ pointer, message: failure }]);
  }
  return material;
}

export const signDecision = defineHandler(routes.signDecision, async (ctx, { params, body }) => {
  const user = signedIn(ctx);
  const pkg = await seePackage(ctx, params.id);
  const { payload } = body;
  const early = payloadProblems(payload, pkg.id, user, null);
  if (early.length > 0) throw problems.validation(early);

  const material = await authenticate(ctx, user, pkg, payload, body.authentication);
  const { key, privateKey } = await currentServerKey(ctx.deps.store, ctx.deps.now);
  const now = ctx.deps.now();
  const decidedAt = now.toISOString();
  const decisionId = newId(ctx.deps, 'dec');

  const signed = await ctx.deps.store.transaction(async (tx): Promise<SignedDecision | undefined> => {
    // Another instance may be deciding on this package right now; wait for it, then read.
    await tx.lockPackage(pkg.id);
    const [facts] = await loadPackageFacts(tx, [pkg]);
    if (!facts) throw problems.notFound(`No package ${pkg.id}.`);
    const latest = facts.versions.at(-1);
    if (!latest) throw new Error('A package has at least one version');
    const diffPath = (from: number) => (from !== latest.number ? `/packages/${pkg.id}/diff?from=${from}&to=${latest.number}` : null);
    if (payload.versionNumber !== latest.number) {
      throw problems.packageChanged(`Version ${payload.versionNumber} has been superseded by version ${latest.number}: review what changed, then sign the latest version.`, diffPath(payload.versionNumber));
    }
    const version = await tx.findVersion(pkg.id, latest.number);
    if (!version) throw problems.notFound(`Package ${pkg.id} has no version ${latest.number}.`);
    // Recomputed from the stored canonical bytes, not read from a column that could lie.
    const storedHash = await sha256Hex(version.canonicalContent);
    if (storedHash !== payload.contentHash) {
      throw problems.packageChanged(`The package changed since you opened it: version ${latest.number} hashes to ${storedHash.slice(0, 12)}…, you were shown ${payload.contentHash.slice(0, 12)}…. Reload it and review the changes.`, diffPath(latest.number - 1));
    }
    const problemsFound = payloadProblems(payload, pkg.id, user, JSON.parse(version.canonicalContent) as PackageContent);
    if (problemsFound.length > 0) throw problems.validation(problemsFound);

    const { state } = summarize(facts, now);
    // Denials are thrown as DeniedError: the pipeline audits them once this transaction has rolled back.
    let decided: { key: string; role: Role; delegation: DelegationFacts | null };
    if (payload.decision === 'emergency_approve') {
      // The emergency path's rules (domain/workflow/emergency.ts), applied here and nowhere else:
      // the signer's own emergency role, not the owner, the latest version, once, not after a decision.
      const refusal = emergencyRefusal({ template: facts.template, status: state.status, decisions: facts.decisions, latestVersion: latest.number, versionNumber: payload.versionNumber, signer: user, role: payload.role, ownerId: pkg.ownerId, submittedBy: version.submittedBy });
      if (refusal?.kind === 'forbidden') throw new DeniedError(problems.forbidden(refusal.message), `emergency approval refused: ${refusal.message}`);
      if (refusal) throw problems.conflict(refusal.message);
      decided = { key: emergencyStepKey, role: payload.role, delegation: null };
    } else {
      const step = state.steps.find((s) => s.key === payload.stepKey);
      if (!step) throw problems.validation([{ pointer: '/payload/stepKey', message: `This package's workflow has no step "${payload.stepKey}"` }]);
      // A holder of the step's role signs as themselves; a delegate only within an active delegation.
      const capacity = step.role === payload.role ? actingCapacity(user, step.role, await tx.listDelegations(), now) : null;
      if (!capacity) {
        throw new DeniedError(problems.forbidden(`${step.name} is decided by the ${roleLabels[step.role].toLowerCase()} role, which you do not hold and no active delegation gives you.`), `signer lacks the ${step.role} role of step ${step.key}`);
      }
      const delegation = capacity.kind === 'delegate' ? capacity.delegation : null;
      if (user.id === pkg.ownerId || user.id === version.submittedBy) {
        throw new DeniedError(problems.forbidden('You submitted or own this package: segregation of duties forbids deciding on it.'), 'segregation of duties: signer owns or submitted the package');
      }
      // Gating is the workflow's rule (domain/workflow/step-gate.ts), applied here and nowhere else.
      const notActionable = stepNotActionable(state, step);
      if (notActionable) throw problems.conflict(notActionable);
      if (step.approvals.some((approval) => approval.actor.id === user.id && approval.versionNumber === payload.versionNumber)) {
        throw problems.conflict(`You have already approved ${step.name} on version ${payload.versionNumber}.`);
      }
      // The delegate acts in the delegator's place, not beside them: one approval between the two.
      if (delegation && step.approvals.some((approval) => approval.actor.id === delegation.delegatorId && approval.versionNumber === payload.versionNumber)) {
        throw problems.conflict(`The person you act for has already approved ${step.name} on version ${payload.versionNumber}.`);
      }
      decided = { key: step.key, role: step.role, delegation };
    }
    const { delegation } = decided;
    if (payload.decision === 'request_clarification') {
      const open = facts.threads.some((t) => t.kind === 'clarification' && t.status !== 'resolved' && t.versionNumber === payload.versionNumber);
      if (!open) throw problems.validation([{ pointer: '/payload/decision', message: 'Open a clarification request on the section in question first; this decision points the owner to it' }]);
    }

    const nonceHash = await sha256Hex(payload.nonce);
    const nonce = await tx.findNonce(nonceHash);
    if (nonce?.userId !== user.id || nonce.packageId !== pkg.id) throw problems.validation([{ pointer: '/payload/nonce', message: 'This nonce was not issued to you for this package; start signing again' }]);
    if (nonce.issuedAt !== payload.issuedAt) throw problems.validation([{ pointer: '/payload/issuedAt', message: 'The time of issue does not match the nonce' }]);
    if (Date.parse(nonce.expiresAt) <= now.getTime()) throw problems.conflict('The signing request expired (after 5 minutes); start signing again.');
    if (!(await tx.useNonce(nonceHash, decidedAt))) throw problems.conflict('This signing request was already used: the decision was recorded once. Reload the package to see it.');

    const record = { id: decisionId, packageId: pkg.id, versionNumber: payload.versionNumber, stepKey: decided.key, role: decided.role, decision: payload.decision, meaning: payload.meaning, reason: payload.reason, conditions: payload.conditions, concerns: payload.concerns, actor: payload.signer, contentHash: storedHash, decidedAt, ...(payload.emergency ? { emergency: payload.emergency } : {}) };
    const countersigned: CountersignedRecord = { type: 'model-approval-countersignature/1', decisionId, decidedAt, payload, signature: material };
    const signature: DecisionSignature = { payload, signature: material, countersignature: await countersign(privateKey, key.keyId, countersigned) };
    await tx.insertDecision(record);
    await tx.insertDecisionSignature(decisionId, canonicalize(signature));
    if (delegation) await tx.insertDecisionDelegation({ decisionId, delegationId: delegation.id, delegatorId: delegation.delegatorId });
    const onBehalfOf = delegation ? { onBehalfOf: { delegation: delegation.id, delegator: delegation.delegatorId } } : {};
    await tx.appendAudit({ event: { action: 'decision.signed', subject: pkg.id, before: null, after: { decision: decisionId, step: decided.key, role: decided.role, kind: payload.decision, version: payload.versionNumber, contentHash: storedHash, method: material.method, countersignedWith: key.keyId, ...onBehalfOf, ...(payload.emergency ? { emergency: { incidentRef: payload.emergency.incidentRef } } : {}) } }, actorId: user.id, at: decidedAt });
    await tx.touchPackage(pkg.id, decidedAt);
    // Queued with the decision, in its transaction.
    const [after] = await loadPackageFacts(tx, [pkg]);
    const statusAfter = after ? summarize(after, now).state.status : state.status;
    const eventData = { packageId: pkg.id, modelKey: pkg.modelKey, version: payload.versionNumber, versionLabel: pkg.versionLabel, step: payload.emergency ? null : decided.key, decision: payload.decision, actor: payload.signer };
    await enqueueWebhookEvents(tx, decisionEvents(payload.decision, statusAfter, eventData), { at: decidedAt, newId: () => newId(ctx.deps) });
    const [signed] = await signedDecisions(tx, [record]);
    return signed;
  });
  return { status: 201, body: signed };
});
