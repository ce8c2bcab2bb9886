import { generateRegistrationOptions, verifyRegistrationResponse } from '@simplewebauthn/server';
import { sha256Hex } from '#domain/crypto/sha256.ts';
import type { PasskeySummary } from '#domain/contracts/passkeys.ts';
import { coseEc2ToJwk } from '#domain/signing/cose-key.ts';
import { problems } from '../kernel/problems.ts';
import { passkeysRoutes as routes } from './routes.ts';
import type { StoredPasskey } from '../store/store.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { signedIn } from '../package-access/package-access.ts';
import { deniedNotFound } from '../denials/denials.ts';
import { requireRecentAuthentication } from '../users/step-up.ts'; // authz: another user's passkey is audited

// Passkey enrolment: the registration ceremony is checked by @simplewebauthn/server (origin,
// RP ID, challenge, user verification, attestation format); we keep the public key as a JWK
// so the stored evidence verifies with WebCrypto anywhere. ES256 only: what every platform
// authenticator offers, and what the verifier checks.

const challengeTtlMs = 5 * 60_000;
const es256 = -7;

const summaryOf = (p: StoredPasskey): PasskeySummary => ({ credentialId: p.credentialId, name: p.name, createdAt: p.createdAt });

export const listPasskeys = defineHandler(routes.listPasskeys, async (ctx) => {
  const user = signedIn(ctx);
  return { status: 200, body: { items: (await ctx.deps.store.listPasskeys(user.id)).map(summaryOf) } };
});

export const passkeyRegistrationOptions = defineHandler(routes.passkeyRegistrationOptions, async (ctx) => {
  const user = signedIn(ctx);
  await requireRecentAuthentication(ctx, user);
  const existing = await ctx.deps.store.listPasskeys(user.id);
  const options = await generateRegistrationOptions({
    rpName: 'Model Approval',
    rpID: new URL(ctx.origin).hostname,
    userName: user.email,
    userDisplayName: user.displayName,
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credentialId })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
    supportedAlgorithmIDs: [es256],
    timeout: challengeTtlMs,
  });
  const expiresAt = new Date(ctx.deps.now().getTime() + challengeTtlMs).toISOString();
  await ctx.deps.store.insertPasskeyChallenge({ challengeHash: await sha256Hex(options.challenge), userId: user.id, expiresAt });
  return { status: 201, body: { ...options } };
});

export const enrolPasskey = defineHandler(routes.enrolPasskey, async (ctx, { body }) => {
  const user = signedIn(ctx);
  await requireRecentAuthentication(ctx, user);
  const at = ctx.deps.now().toISOString();
  const { store } = ctx.deps;
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response: body.response,
      // Single use: the challenge is consumed whether or not the rest checks out.
      expectedChallenge: async (challenge) => store.usePasskeyChallenge(await sha256Hex(challenge), user.id, at),
      expectedOrigin: ctx.origin,
      expectedRPID: new URL(ctx.origin).hostname,
      requireUserVerification: true,
      supportedAlgorithmIDs: [es256],
    });
  } catch (error) {
    throw problems.validation([{ pointer: '/response', message: `The passkey could not be enrolled: ${error instanceof Error ? error.message : 'the registration was not valid'}` }]);
  }
  if (!verification.verified) throw problems.validation([{ pointer: '/response', message: 'The passkey could not be enrolled: the registration was not valid' }]);
  const { credential } = verification.registrationInfo;
  let publicKeyJwk: StoredPasskey['publicKeyJwk'];
  try {
    publicKeyJwk = coseEc2ToJwk(credential.publicKey);
  } catch (error) {
    throw problems.validation([{ pointer: '/response', message: error instanceof Error ? error.message : 'Unsupported passkey' }]);
  }
  const passkey: StoredPasskey = { credentialId: credential.id, userId: user.id, name: body.name, publicKeyJwk, createdAt: at, signCount: credential.counter };
  await store.transaction(async (tx) => {
    if (await tx.findPasskey(credential.id)) throw problems.conflict('This passkey is already enrolled.');
    await tx.insertPasskey(passkey);
    await tx.appendAudit({ event: { action: 'passkey.enrolled', subject: user.id, before: null, after: { credentialId: credential.id, name: body.name } }, actorId: user.id, at });
  });
  return { status: 201, body: summaryOf(passkey) };
});

export const removePasskey = defineHandler(routes.removePasskey, async (ctx, { params }) => {
  const user = signedIn(ctx);
  await requireRecentAuthentication(ctx, user);
  const at = ctx.deps.now().toISOString();
  await ctx.deps.store.transaction(async (tx) => {
    const passkey = await tx.findPasskey(params.credentialId);
    // Someone else's passkey answers as a missing one: its existence is not theirs to learn.
    if (passkey?.userId !== user.id) {
      if (passkey) throw deniedNotFound('You have no passkey with this id.', 'passkey belongs to another user');
      throw problems.notFound('You have no passkey with this id.');
    }
    await tx.deletePasskey(passkey.credentialId);
    await tx.appendAudit({ event: { action: 'passkey.removed', subject: user.id, before: { credentialId: passkey.credentialId, name: passkey.name }, after: null }, actorId: user.id, at });
  });
  return { status: 204 };
});
