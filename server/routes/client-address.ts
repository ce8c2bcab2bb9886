import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/**
 * Who is on the other end: the socket's address, or, behind a proxy the operator said to trust
 * (TRUST_PROXY), the last X-Forwarded-For entry, which that proxy appended itself. Earlier
 * entries are whatever the client claimed and are never used. Null in-process (tests).
 */
export function clientAddressOf(c: Context, trustProxy: boolean): string | null {
  if (trustProxy) {
    const last = (c.req.header('x-forwarded-for') ?? '').split(',').at(-1)?.trim();
    if (last) return last;
  }
  const env = c.env as { incoming?: IncomingMessage } | undefined;
  return env?.incoming?.socket.remoteAddress ?? null;
}
