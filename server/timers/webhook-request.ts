import { lookup } from 'node:dns/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { WebhookAttemptFailure } from '#domain/webhooks/contract.ts';
import { checkWebhookTarget, parseIp, refusalFailure, type AllowEntry } from '#domain/webhooks/address.ts';

// One webhook request, made only to an address that was checked. The host is resolved once,
// every address it resolves to must be public (or allow-listed), and the connection is made to
// the checked address itself: the client is handed a lookup that answers with it, so a DNS
// server that answers "public" to the check and "127.0.0.1" a moment later (DNS rebinding)
// changes nothing. Redirects are answers, not followed. What went wrong is reported as a
// class (webhookAttemptFailures), never as the network error.

export type ResolveHost = (hostname: string) => Promise<{ address: string; family: number }[]>;

/** The system resolver, every address it has (both families, in its order). */
export const systemResolver: ResolveHost = (hostname) => lookup(hostname, { all: true, order: 'verbatim' });

export interface WebhookRequestOptions {
  allowList: readonly AllowEntry[];
  timeoutMs: number;
  resolve: ResolveHost;
}

export type WebhookOutcome = { statusCode: number; failure: null } | { statusCode: null; failure: WebhookAttemptFailure };

const failed = (failure: WebhookAttemptFailure): WebhookOutcome => ({ statusCode: null, failure });

function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
  });
}

const tlsCodes = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|EPROTO$)/;

function failureOf(error: unknown, signal: AbortSignal): WebhookAttemptFailure {
  if (signal.aborted) return 'timeout';
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  return tlsCodes.test(code) ? 'TLS failure' : 'connection failed';
}

export async function postWebhook(url: string, message: { headers: Record<string, string>; body: string }, options: WebhookRequestOptions): Promise<WebhookOutcome> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
  const signal = AbortSignal.timeout(options.timeoutMs);

  let addresses: { address: string; family: number }[];
  const literal = parseIp(host);
  if (literal) {
    addresses = [{ address: host, family: literal.family }];
  } else {
    try {
      addresses = await Promise.race([options.resolve(host), untilAborted(signal)]);
    } catch {
      return failed(signal.aborted ? 'timeout' : 'host not found');
    }
  }
  const verdict = checkWebhookTarget(target.hostname, addresses.map((a) => a.address), options.allowList);
  if (!verdict.ok) return failed(refusalFailure(verdict.refused));
  const [checked] = addresses;
  if (!checked) return failed('host not found');

  const pinned: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, [{ address: checked.address, family: checked.family }]);
    else callback(null, checked.address, checked.family);
  };
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<WebhookOutcome>((resolve) => {
    const request = send(target, {
      method: 'POST',
      headers: { ...message.headers, 'content-length': String(Buffer.byteLength(message.body)) },
      lookup: pinned,
      // A fresh connection each time: no pooled socket outlives the check it was made under.
      agent: false,
      signal,
    });
    request.on('response', (response) => {
      resolve({ statusCode: response.statusCode ?? 0, failure: null });
      // Only the status matters; a receiver streaming a body forever holds nothing open.
      response.destroy();
    });
    request.on('error', (error) => resolve(failed(failureOf(error, signal))));
    request.end(message.body);
  });
}
