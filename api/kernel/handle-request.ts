import { holdsPrivilegedRole } from '#domain/accounts/privileged-changes.ts';
import type { z } from 'zod';
import { parseStrictJson } from '#domain/json/strict-json.ts';
import { roleLabels } from '#domain/contracts/roles.ts';
import { problemTypes } from '#domain/contracts/problem.ts';
import { ApiError, problems, zodProblems } from './problems.ts';
import { readBodyText } from './read-body.ts';
import { SerializedJson } from './serialized-json.ts';
import { BinaryBody } from './binary-body.ts';
import { publicOriginOf } from './public-origin.ts';
import type { RouteDef } from './route-def.ts';
import type { Handler } from './define-handler.ts';
import { authenticateSessionCookie } from './session-policy.ts';
import type { ApiDeps, HandlerResult, RequestContext } from './context.ts';
import type { StoredUser } from '../store/store.ts';

// One request pipeline for the real server and the mocks: match the route table, refuse
// cross-site writes, bound and strictly parse the body, validate with the contracts,
// authenticate, check the role, run the handler, answer JSON or problem+json. It knows no
// capability: the routes, their handlers and the hooks below come from createApi().

/** What capabilities add to every request, without the kernel importing them. */
export interface KernelHooks {
  /** A bearer credential standing in for a session (pipeline tokens); null to fall back to the cookie. */
  authenticateBearer(request: Request, route: RouteDef, deps: ApiDeps): Promise<{ user: StoredUser | null; tokenHash: string | null; apiToken: RequestContext['apiToken'] } | null>;
  /** Refuses input outside what the caller's credential is scoped to. */
  checkScope(ctx: RequestContext, route: RouteDef, params: unknown, body: unknown): Promise<void>;
  /** Records a refused attempt (an audit event). */
  auditDenied(ctx: RequestContext, reason: string): Promise<void>;
  /** Records a refusal decided inside a handler, if the error is one. */
  auditRefusal(ctx: RequestContext, error: unknown): Promise<void>;
  /** Refuses a state-changing request over the caller's rate limit (429), before the handler runs. */
  limitWrites(ctx: RequestContext, route: RouteDef): Promise<void>;
}

export interface KernelSpec {
  routes: readonly RouteDef[];
  handlers: Readonly<Record<string, Handler>>;
  hooks: KernelHooks;
}

/** What the server knows of the connection beyond the Request (nothing, in the mocks). */
export interface ConnectionInfo {
  clientAddress: string | null;
  /** Headers every response carries (the server's security headers), set with the response's own. */
  responseHeaders?: Readonly<Record<string, string>>;
}

export type ApiFetch = (request: Request, deps: ApiDeps, connection?: ConnectionInfo) => Promise<Response>;

export function createKernel(spec: KernelSpec): ApiFetch {
  const matcher = compile(spec.routes);
  return async (request, deps, connection) => {
    const base = connection?.responseHeaders ?? noHeaders;
    try {
      return await run(request, deps, spec, matcher, connection?.clientAddress ?? null, base);
    } catch (error) {
      if (error instanceof ApiError) return problemResponse(error, base);
      // A handler that stopped because its client had gone: nobody reads this answer, and it is no fault.
      if (request.signal.aborted && error === request.signal.reason) return new Response(null, { status: 499 });
      // The database is down or locked: say so, and when to come back, instead of a 500.
      if (deps.isUnavailable?.(error)) {
        const unavailable = problems.unavailable();
        return json(unavailable.problem.status, unavailable.problem, [['retry-after', String(unavailableRetryAfterSeconds)]], 'application/problem+json', base);
      }
      deps.logError(error);
      return problemResponse(problems.internal(), base);
    }
  };
}

interface Match {
  route: RouteDef;
  params: Record<string, string>;
}

type Matcher = (method: string, pathname: string) => Match | 'method_not_allowed' | null;

function compile(routes: readonly RouteDef[]): Matcher {
  const compiled = routes.map((route) => {
    const names: string[] = [];
    const pattern = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    return { route, names, regex: new RegExp(`^${pattern}$`) };
  });
  return (method, pathname) => {
    let pathMatched = false;
    for (const { route, names, regex } of compiled) {
      const found = regex.exec(pathname);
      if (!found) continue;
      pathMatched = true;
      if (route.method !== method && !(method === 'HEAD' && route.method === 'GET')) continue;
      const params: Record<string, string> = {};
      names.forEach((name, index) => {
        params[name] = decodePathSegment(found[index + 1] ?? '');
      });
      return { route, params };
    }
    return pathMatched ? 'method_not_allowed' : null;
  };
}

/** Malformed escapes (%zz, bytes that are not UTF-8) would throw URIError; a NUL names nothing and PostgreSQL refuses it. */
function decodePathSegment(segment: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    throw problems.notFound('The path is not validly percent-encoded UTF-8.');
  }
  if (decoded.includes('\u0000')) throw problems.notFound('The path contains a NUL character.');
  return decoded;
}

/** The query as an object; a NUL in a name or value is refused like a NUL in a body. */
function queryObject(url: URL): Record<string, string> {
  const withNul = [...url.searchParams].filter(([name, value]) => name.includes('\u0000') || value.includes('\u0000'));
  if (withNul.length > 0) throw problems.badQuery(withNul.map(([name]) => ({ pointer: `/query/${name.replaceAll('~', '~0').replaceAll('/', '~1').replaceAll('\u0000', '\ufffd')}`, message: 'The NUL character (%00) is not accepted', code: 'nul_character' })));
  return Object.fromEntries(url.searchParams);
}

const noHeaders: Readonly<Record<string, string>> = Object.freeze({});

function json(status: number, body: unknown, headers: [string, string][], contentType: string, base: Readonly<Record<string, string>>): Response {
  // A plain object when the handler added no header (no cookie, which may repeat): the Node
  // adapter writes such a response's headers as they are, where a Headers object is copied,
  // sorted and turned back into an object on every response (0161).
  if (headers.length === 0 && !(body instanceof BinaryBody)) {
    const text = body instanceof SerializedJson ? body.payload : JSON.stringify(body);
    return new Response(status === 204 ? null : text, { status, headers: { ...base, 'content-type': contentType, 'cache-control': 'no-store' } });
  }
  const all = new Headers(headers);
  for (const name in base) all.set(name, base[name] ?? '');
  if (body instanceof BinaryBody) {
    all.set('content-type', body.contentType);
    all.set('cache-control', 'no-store');
    return new Response(body.bytes, { status, headers: all });
  }
  all.set('content-type', contentType);
  all.set('cache-control', 'no-store');
  // A body the handler serialized itself (serialized-json.ts) is sent as it is.
  const text = body instanceof SerializedJson ? body.payload : JSON.stringify(body);
  return new Response(status === 204 ? null : text, { status, headers: all });
}

/** How long a client is asked to wait before retrying while the database is unavailable. */
const unavailableRetryAfterSeconds = 5;

function problemResponse(error: ApiError, base: Readonly<Record<string, string>>): Response {
  return json(error.problem.status, error.problem, error.headers, 'application/problem+json', base);
}

/** A state-changing request must come from our own (public) origin (CSRF defence beside SameSite). */
function assertSameOrigin(request: Request, publicOrigin: string): void {
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') throw problems.crossSite();
  const origin = request.headers.get('origin');
  if (origin && origin !== publicOrigin) throw problems.crossSite();
}

const jsonType = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

function parsePart<T extends z.ZodType>(schema: T, value: unknown, onError: (e: z.ZodError) => ApiError): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw onError(result.error);
  return result.data;
}

function decidesOnAnAdministratorsPassword(ctx: RequestContext): boolean {
  const user = ctx.user;
  return ctx.deps.mail?.enabled === true && user !== null && Boolean(user.passwordSetByAdmin) && user.passwordHash !== '' && holdsPrivilegedRole(user.roles);
}

async function checkAccess(route: RouteDef, ctx: RequestContext, hooks: KernelHooks): Promise<void> {
  if (route.access.kind === 'public') return;
  if (!ctx.user) throw problems.unauthenticated();
  // An administrator's reset (or a new account's temporary password) allows nothing but replacing it.
  if (ctx.user.passwordChangeRequired && !route.allowedBeforePasswordChange) throw problems.passwordChangeRequired();
  // With mail on, an account that decides or administers on a password an administrator set
  // (accounts from before 0181, the bootstrap administrator, a reset filed before mail) changes
  // nothing until its holder sets their own through a link: whoever set it could be signing.
  if (route.method !== 'GET' && !route.allowedBeforePasswordChange && decidesOnAnAdministratorsPassword(ctx)) {
    throw problems.credentialSetByAdministrator('This account decides or administers, and its password was set by an administrator: ask an administrator to send you a set-password link, and set your own password with it before you change anything.');
  }
  if (route.access.kind === 'signed_in') return;
  const allowed = route.access.roles;
  if (ctx.user.roles.some((role) => allowed.includes(role))) return;
  const needed = allowed.map((role) => roleLabels[role]).join(' or ');
  await hooks.auditDenied(ctx, `requires role ${allowed.join('|')}`);
  throw problems.forbidden(`This action needs the ${needed} role.`);
}

async function run(request: Request, deps: ApiDeps, { handlers, hooks }: KernelSpec, match: Matcher, clientAddress: string | null, base: Readonly<Record<string, string>>): Promise<Response> {
  const url = new URL(request.url);
  const found = match(request.method, url.pathname);
  if (found === null) throw problems.notFound(`There is no API route ${url.pathname}.`);
  if (found === 'method_not_allowed') {
    throw new ApiError({ type: problemTypes.methodNotAllowed, title: 'Method not allowed', status: 405, detail: `${request.method} is not supported on ${url.pathname}.` });
  }
  const { route, params } = found;
  const { origin, secure } = publicOriginOf(deps, url);
  if (route.method !== 'GET') assertSameOrigin(request, origin);

  // Who is asking comes before what they sent: anonymous bodies are never parsed.
  // A pipeline's bearer token stands in for the model owner on the submit routes.
  const bearer = await hooks.authenticateBearer(request, route, deps);
  const auth = bearer ?? (await authenticateSessionCookie(request.headers.get('cookie'), deps, secure));
  const ctx: RequestContext = { deps, user: auth.user, sessionTokenHash: auth.tokenHash, apiToken: bearer?.apiToken ?? null, secure, method: request.method, path: url.pathname, origin, clientAddress, cookies: request.headers.get('cookie'), headers: request.headers, clientGone: () => request.signal };
  await checkAccess(route, ctx, hooks);

  const parsedParams: unknown = route.params ? parsePart(route.params, params, (e) => problems.notFound(zodProblems(e, '').map((p) => p.message).join('; '))) : {};
  const parsedQuery: unknown = route.query ? parsePart(route.query, queryObject(url), (e) => problems.badQuery(zodProblems(e, '/query'))) : {};

  // Every write says JSON, even one without a body: a cross-site form or a no-cors fetch can
  // only send text/plain, form or multipart types without a CORS preflight.
  if (route.method !== 'GET' && !jsonType.test(request.headers.get('content-type') ?? '')) throw problems.unsupportedMediaType();
  let parsedBody: unknown = null;
  if (route.body) {
    const text = await readBodyText(request, route.maxBodyBytes);
    ctx.rawBody = text;
    const parsed = parseStrictJson(text, { allowNul: false });
    // A hostile body can hold a million duplicate keys: name the first hundred problems.
    if (!parsed.ok) throw problems.malformedJson(parsed.problems.slice(0, 100).map((p) => ({ pointer: p.path, message: p.message, code: p.code })));
    parsedBody = parsePart(route.body, parsed.value, (e) => problems.validation(zodProblems(e, '')));
  }
  const handler = handlers[route.id];
  if (!handler) throw new Error(`No handler for route ${route.id}`);
  let result: HandlerResult;
  // Counted once the request is well formed: a malformed one writes nothing, and costs no budget.
  if (route.method !== 'GET') await hooks.limitWrites(ctx, route);
  try {
    await hooks.checkScope(ctx, route, parsedParams, parsedBody);
    result = await handler(ctx, { params: parsedParams, query: parsedQuery, body: parsedBody });
  } catch (error) {
    // Denied attempts are audit events, however deep in a handler the refusal was decided.
    await hooks.auditRefusal(ctx, error);
    throw error;
  }
  return json(result.status, result.body ?? null, result.headers ?? [], 'application/json', base);
}
