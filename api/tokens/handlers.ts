import { apiTokenPrefix, type ApiTokenSummary } from '#domain/contracts/api-tokens.ts';
import { sha256Hex } from '#domain/crypto/sha256.ts';
import { toBase64Url } from '#domain/signing/base64url.ts';
import { problems } from '../kernel/problems.ts';
import { tokensRoutes as routes } from './routes.ts';
import type { StoredApiTokenState, StoredUser } from '../store/store.ts';
import { toActor } from '../package-access/views.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { signedIn } from '../package-access/package-access.ts';
import { deniedNotFound } from '../denials/denials.ts';

// API tokens for pipeline submission. A token acts as the person who created it, so only a
// model's owner creates one, for their own model; they see and revoke their tokens, and an
// administrator sees and revokes every token but submits as nobody through one
// (docs/decisions/0062-tokens-act-as-their-creator.md). The secret exists in memory for one
// response; the store and the audit log only ever see its SHA-256.

function summaryOf(token: StoredApiTokenState, users: ReadonlyMap<string, StoredUser>): ApiTokenSummary {
  return {
    id: token.id,
    modelKey: token.modelKey,
    name: token.name,
    createdBy: toActor(users.get(token.createdBy), token.createdBy),
    createdAt: token.createdAt,
    revoked: token.revocation ? { by: toActor(users.get(token.revocation.revokedBy), token.revocation.revokedBy), at: token.revocation.revokedAt } : null,
  };
}

/** 32 random bytes (Web Crypto, on the server and in the mocks alike). */
function newSecret(): string {
  return apiTokenPrefix + toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
}

export const listApiTokens = defineHandler(routes.listApiTokens, async (ctx) => {
  const user = signedIn(ctx);
  const { store } = ctx.deps;
  const [tokens, models, users] = await Promise.all([store.listApiTokens(), store.listModels(), store.listUsers()]);
  const byId = new Map(users.map((u) => [u.id, u]));
  // Administrators oversee every token; an owner sees their own. A token is made only for a model of one's own.
  const visible = user.roles.includes('admin') ? tokens : tokens.filter((t) => t.createdBy === user.id);
  const own = models.filter((m) => m.ownerId === user.id);
  return { status: 200, body: { items: visible.map((t) => summaryOf(t, byId)), models: own.map((m) => ({ key: m.key, name: m.name })) } };
});

export const createApiToken = defineHandler(routes.createApiToken, async (ctx, { body }) => {
  const owner = signedIn(ctx);
  const { store, now } = ctx.deps;
  const secret = newSecret();
  const tokenHash = await sha256Hex(secret);
  const at = now().toISOString();
  const id = `tok_${ctx.deps.randomToken().replace(/[^A-Za-z0-9]/g, '').slice(0, 20)}`;

  const created = await store.transaction(async (tx) => {
    const model = await tx.findModel(body.modelKey);
    if (!model) throw problems.validation([{ pointer: '/modelKey', message: `There is no model "${body.modelKey}".` }]);
    // A token submits in its creator's name: only the model's owner may make one for it.
    if (model.ownerId !== owner.id) throw problems.forbidden(`Model "${body.modelKey}" belongs to another owner: a token submits in its creator's name, so only the model's owner creates one.`);
    const token = { id, modelKey: body.modelKey, name: body.name, tokenHash, createdBy: owner.id, createdAt: at };
    await tx.insertApiToken(token);
    await tx.appendAudit({ event: { action: 'api_token.created', subject: id, before: null, after: { tokenId: id, modelKey: body.modelKey, name: body.name } }, actorId: owner.id, at });
    return summaryOf({ ...token, revocation: null }, new Map([[owner.id, owner]]));
  });
  return { status: 201, body: { token: created, secret }, headers: [['location', `/api/tokens/${id}`]] };
});

export const revokeApiToken = defineHandler(routes.revokeApiToken, async (ctx, { params }) => {
  const user = signedIn(ctx);
  const { store, now } = ctx.deps;
  const at = now().toISOString();

  const revoked = await store.transaction(async (tx) => {
    const token = await tx.findApiToken(params.id);
    if (!token) throw problems.notFound(`No API token ${params.id}.`);
    // Another owner's token is answered as absent: its existence is not theirs to learn.
    if (token.createdBy !== user.id && !user.roles.includes('admin')) throw deniedNotFound(`No API token ${params.id}.`, `API token ${token.id} was created by someone else`);
    if (token.revocation || !(await tx.insertApiTokenRevocation({ tokenId: token.id, revokedBy: user.id, revokedAt: at }))) {
      throw problems.conflict(`The API token "${token.name}" is already revoked.`);
    }
    await tx.appendAudit({ event: { action: 'api_token.revoked', subject: token.id, before: { tokenId: token.id, modelKey: token.modelKey, name: token.name }, after: null }, actorId: user.id, at });
    const creator = await tx.findUserById(token.createdBy);
    const users = new Map<string, StoredUser>([[user.id, user]]);
    if (creator) users.set(creator.id, creator);
    return summaryOf({ ...token, revocation: { revokedBy: user.id, revokedAt: at } }, users);
  });
  return { status: 201, body: revoked };
});
