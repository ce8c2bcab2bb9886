import type { Context, MiddlewareHandler } from 'hono';

/**
 * The one inline style the app needs: the rule React Aria's usePress adds once in a <style>
 * element (touch-action on pressable elements), allowed by the hash of its exact text
 * (docs/decisions/0072-react-aria-style-hash.md). Another React Aria that changes the text
 * shows as a CSP violation in every e2e spec that opens a page with a React Aria button.
 */
const reactAriaPressStyle = "'sha256-38RhXrc7EdReTKsOm23ZPOCUgniTUUcjky8QOOrQx6o='";

/** No inline script, no inline style but the one above, nothing from elsewhere, no framing. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' ${reactAriaPressStyle}`,
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const always: readonly (readonly [string, string])[] = [
  ['content-security-policy', contentSecurityPolicy],
  ['x-content-type-options', 'nosniff'],
  ['referrer-policy', 'no-referrer'],
  ['x-frame-options', 'DENY'],
  ['cross-origin-opener-policy', 'same-origin'],
  ['permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()'],
];
const withHsts: readonly (readonly [string, string])[] = [...always, ['strict-transport-security', 'max-age=63072000; includeSubDomains']];

/** The same headers as one object per scheme, for a response built with them (the API's, 0161). */
const alwaysRecord: Readonly<Record<string, string>> = Object.freeze(Object.fromEntries(always));
const withHstsRecord: Readonly<Record<string, string>> = Object.freeze(Object.fromEntries(withHsts));

/** The security headers a response needs, chosen as the middleware below chooses them. */
export function securityHeaderRecord(publicOrigin: string | undefined, requestUrl: () => string): Readonly<Record<string, string>> {
  return (publicOrigin ?? requestUrl()).startsWith('https:') ? withHstsRecord : alwaysRecord;
}

/**
 * Responses made with `securityHeaderRecord`'s headers among their own: the middleware leaves
 * them as they are. Reading a plain-object response's headers turns them into a WHATWG
 * `Headers`, which the Node adapter then copies and sorts back into an object on the way out.
 */
export const madeWithSecurityHeaders = new WeakSet<Response>();

/**
 * HSTS whenever the public origin is https: behind a TLS-terminating proxy the request reaching
 * this server is plain http, so PUBLIC_URL decides, not the request. Without PUBLIC_URL
 * (development, tests) the request's own scheme does.
 */
export function securityHeadersFor(publicOrigin?: string): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (madeWithSecurityHeaders.has(c.res)) return;
    setHeaders(c, (publicOrigin ?? c.req.url).startsWith('https:') ? withHsts : always);
  };
}

export const securityHeaders: MiddlewareHandler = securityHeadersFor();

function setHeaders(c: Context, headers: readonly (readonly [string, string])[]): void {
  // C.header() on a finished response rebuilds it (a WHATWG Response whose text body
  // becomes a stream, re-encoded and written chunk by chunk): a fifth of a package read's time.
  // The headers are set on the response in place instead; only a response whose headers are
  // immutable (Response.redirect, Response.error) goes through c.header().
  let target = c.res.headers;
  for (const [name, value] of headers) {
    try {
      target.set(name, value);
    } catch {
      c.header(name, value); // rebuilt with headers of its own, which the rest can be set on
      target = c.res.headers;
    }
  }
}
