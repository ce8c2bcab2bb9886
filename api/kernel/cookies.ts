/** The session cookie over http (development, tests). */
export const sessionCookieName = 'ma_session';
/**
 * The session cookie whenever the public origin is https. The __Host- prefix makes the browser
 * take it only with Secure, Path=/ and no Domain, so neither a sibling subdomain nor a plain-http
 * response can plant or overwrite it; a cookie without the prefix is then never read.
 */
export const secureSessionCookieName = '__Host-ma_session';
export const sessionCookieNames = [sessionCookieName, secureSessionCookieName] as const;

export function sessionCookieNameFor(secure: boolean): string {
  return secure ? secureSessionCookieName : sessionCookieName;
}

export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** HttpOnly so script cannot read it; SameSite=Strict so other sites cannot send it. */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return [`${sessionCookieNameFor(secure)}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAgeSeconds}`, ...(secure ? ['Secure'] : [])].join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', 0, secure);
}
