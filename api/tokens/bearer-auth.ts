import { sha256Hex } from '#domain/crypto/sha256.ts';
import type { ViaToken } from '#domain/contracts/api-tokens.ts';
import type { ApiDeps, RequestContext } from '../kernel/context.ts';
import { readCookie, sessionCookieNames } from '../kernel/cookies.ts';
import { problems } from '../kernel/problems.ts';
import type { RouteDef } from '../kernel/route-def.ts';
import type { StoredUser } from '../store/store.ts';
import { appendDenied, auditDenied } from '../denials/denials.ts';

// Bearer authentication with an API token: a pipeline submitting for one model, acting as
// the person who created the token, who must still own that model (so a token never submits
// in someone else's name, docs/decisions/0062-tokens-act-as-their-creator.md). It is accepted
// on the two submit routes only and never mixed with a session cookie. Being a header a
// browser will not send cross-site without a CORS preflight (which this API never grants), it
// needs no CSRF defence of its own.

/** The routes a token may call: its pipeline submits, and asks the deployment gate about its model. */
const bearerRoutes: ReadonlySet<string> = new Set(['submitPackage', 'submitVersion', 'deploymentGate']);

export interface ApiTokenCaller {
  id: string;
  name: string;
  modelKey: string;
}

export interface BearerAuth {
  user: StoredUser;
  tokenHash: null;
  apiToken: ApiTokenCaller;
}

/** The caller behind an `Authorization: Bearer` header, or null when there is none. */
export async function authenticateBearer(request: Request, route: RouteDef, deps: ApiDeps): Promise<BearerAuth | null> {
  const header = request.headers.get('authorization');
  if (header === null) return null;
  const found = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  if (!found?.[1]) throw problems.unauthenticated('The Authorization header must be "Bearer <API token>".');
  // Which identity would act is ambiguous with both: refuse rather than pick one.
  if (sessionCookieNames.some((name) => readCookie(request.headers.get('cookie'), name))) {
    throw problems.unauthenticated('Send either a session cookie or an API token, not both.');
  }
  const token = await deps.store.findApiTokenByHash(await sha256Hex(found[1]));
  if (!token || token.revocation) throw problems.unauthenticated('This API token is unknown or has been revoked.');
  const model = await deps.store.findModel(token.modelKey);
  // The token acts as its creator, and only while they own its model: one made by anyone else
  // (an administrator, before tokens were their owners' own) or kept after a change of owner
  // submits as nobody.
  const owner = model?.ownerId === token.createdBy ? await deps.store.findUserById(token.createdBy) : null;
  if (!owner) throw problems.unauthenticated(`This API token's creator does not own model ${token.modelKey}: a token submits only in its creator's name. Ask the model's owner for a token of their own.`);
  // A disabled account acts no more, by session or by token: the same refusal as a revoked token.
  if (owner.disabledAt) throw problems.unauthenticated('This API token belongs to a disabled account.');
  if (!bearerRoutes.has(route.id)) {
    // A valid token off its two routes is a leaked or misused credential: worth a record.
    const path = new URL(request.url).pathname;
    await appendDenied(deps, { actorId: owner.id, method: request.method, path, reason: `API token ${token.id} may only submit packages and versions and ask the deployment gate` });
    throw problems.forbidden('An API token can only submit packages and versions (POST /api/packages, POST /api/packages/{id}/versions) and ask the deployment gate (GET /api/gate).');
  }
  return { user: owner, tokenHash: null, apiToken: { id: token.id, name: token.name, modelKey: token.modelKey } };
}

/** A token submits only for its own model; checked once the body names the model. */
export async function checkTokenScope(ctx: RequestContext, route: RouteDef, params: unknown, body: unknown): Promise<void> {
  const token = ctx.apiToken;
  if (!token) return;
  let modelKey: string | undefined;
  if (route.id === 'submitPackage') modelKey = (body as { modelKey: string }).modelKey;
  if (route.id === 'submitVersion') {
    const pkg = await ctx.deps.store.findPackage((params as { id: string }).id);
    // A package that is not the owner's is the handler's 404: a 403 would say it exists.
    if (pkg?.ownerId === ctx.user?.id) modelKey = pkg?.modelKey;
  }
  if (modelKey === undefined || modelKey === token.modelKey) return;
  await auditDenied(ctx, `API token ${token.id} is scoped to model ${token.modelKey}`);
  throw problems.forbidden(`This token is scoped to model ${token.modelKey}.`);
}

/** What a submission's audit entry adds when a token made it. */
export function viaOf(ctx: RequestContext): { via?: ViaToken } {
  return ctx.apiToken ? { via: { tokenId: ctx.apiToken.id, tokenName: ctx.apiToken.name } } : {};
}
