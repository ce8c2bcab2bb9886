// A demo account driving the real API over HTTP, as the browser would: sign in, read, write
// with the app's own Origin (the API refuses cross-site writes), and sign a decision by
// password with a payload built exactly as the sign dialog builds it.
import type { SignedObligation } from '#domain/contracts/obligations.ts';
import { decisionMeanings, type Concern, type Conditions, type DecisionKind } from '#domain/contracts/decisions.ts';
import type { PackageDetail, PackageVersion } from '#domain/contracts/packages.ts';
import { governanceOver } from './signed-governance.ts';
import { signingPayloadType, type SigningPayload } from '#domain/contracts/signatures.ts';
import { contentHash } from '#domain/package/content-hash.ts';
import { parseJson } from '#domain/json/parse-json.ts';

export interface ApiActor {
  get: <T>(path: string) => Promise<T>;
  post: <T>(path: string, body: unknown) => Promise<T>;
  user: { id: string; displayName: string; title: string };
}

/** How an actor reaches the API: the network by default, or a mock API's handler in unit tests. */
export type SendRequest = (url: string, init: RequestInit) => Promise<Response>;

export async function signInActor(origin: string, email: string, password: string, send: SendRequest = fetch): Promise<ApiActor> {
  const headers = { 'content-type': 'application/json', origin };
  const login = await send(`${origin}/api/session`, { method: 'POST', headers, body: JSON.stringify({ email, password }) });
  if (!login.ok) throw new Error(`${email} could not sign in: HTTP ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  const session = parseJson(await login.text()) as { user: { id: string; displayName: string; title: string } };
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await send(`${origin}${path}`, { method, headers: { ...headers, cookie }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    if (!response.ok) throw new Error(`${method} ${path} failed: HTTP ${response.status} ${await response.text()}`);
    return parseJson(await response.text()) as T;
  };
  return { get: (path) => call('GET', path), post: (path, body) => call('POST', path, body), user: session.user };
}

/** Signs a decision on the active step of `role`, by password, as the sign dialog does. */
export async function signDecision(actor: ApiActor, input: { packageId: string; stepKey: string; decision: DecisionKind; reason: string; concerns?: Concern[]; conditions?: Conditions; obligations?: SignedObligation[]; password: string }): Promise<{ id: string }> {
  const pkg = await actor.get<PackageDetail>(`/api/packages/${input.packageId}`);
  const step = pkg.steps.find((candidate) => candidate.key === input.stepKey);
  if (!step) throw new Error(`No step ${input.stepKey} on ${input.packageId}`);
  const version = await actor.get<PackageVersion>(`/api/packages/${input.packageId}/versions/${pkg.latestVersion}`);
  const nonce = await actor.post<{ nonce: string; issuedAt: string }>('/api/signing/nonces', { packageId: input.packageId });
  const payload: SigningPayload = {
    type: signingPayloadType,
    packageId: input.packageId,
    versionNumber: version.number,
    contentHash: await contentHash(version.content),
    stepKey: step.key,
    role: step.role,
    decision: input.decision,
    meaning: decisionMeanings[input.decision],
    reason: input.reason,
    conditions: input.conditions ?? null,
    concerns: input.concerns ?? [],
    signer: { id: actor.user.id, displayName: actor.user.displayName, title: actor.user.title },
    nonce: nonce.nonce,
    issuedAt: nonce.issuedAt,
    governance: await governanceOver((path) => actor.get(path), input.packageId, version.number),
    ...(input.obligations && input.obligations.length > 0 ? { obligations: input.obligations } : {}),
  };
  return actor.post<{ id: string }>(`/api/packages/${input.packageId}/decisions`, { payload, authentication: { method: 'password', password: input.password } });
}
