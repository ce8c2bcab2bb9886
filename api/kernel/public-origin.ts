import type { ApiDeps } from './context.ts';

/**
 * The origin users reach the application at: PUBLIC_URL when configured, so a request's Host
 * header (which the client chooses) never decides which origin a write may come from, which
 * origin a passkey signs for, or where a provider redirects back to. Without it (development,
 * tests) the origin the request was addressed to. Secure when that origin is https.
 */
export function publicOriginOf(deps: Pick<ApiDeps, 'publicOrigin'>, requestUrl: string | URL): { origin: string; secure: boolean } {
  const origin = deps.publicOrigin ?? new URL(requestUrl).origin;
  return { origin, secure: origin.startsWith('https:') };
}
