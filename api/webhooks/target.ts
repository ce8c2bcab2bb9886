import { checkWebhookTarget, parseIp, type AllowEntry, type ForbiddenAddressClass } from '#domain/webhooks/address.ts';
import { webhookAttemptFailureSchema, type WebhookAttemptFailure } from '#domain/webhooks/contract.ts';
import { problems } from '../kernel/problems.ts';

// Where an endpoint may point. A host name is resolved and checked at each delivery (the
// dispatcher, server only); an IP literal can be judged at once, so registering one that is
// loopback, private, link-local, metadata or reserved is refused with the field's path.

const classWords: Record<ForbiddenAddressClass, string> = {
  loopback: 'a loopback address (this server itself)',
  private: 'a private network address',
  'link-local': 'a link-local address',
  metadata: 'a cloud metadata address',
  reserved: 'a reserved address',
};

export function refuseForbiddenLiteral(url: string, allowList: readonly AllowEntry[]): void {
  const { hostname } = new URL(url);
  const literal = hostname.replace(/^\[(.*)\]$/, '$1');
  if (!parseIp(literal)) return;
  const verdict = checkWebhookTarget(hostname, [literal], allowList);
  if (verdict.ok) return;
  throw problems.validation([
    { pointer: '/url', message: `${hostname} is ${classWords[verdict.refused]}: webhooks go to public addresses, unless an administrator allows this one (WEBHOOK_ALLOWED_HOSTS)`, code: 'forbidden_address' },
  ]);
}

/** Attempts logged before status classes were raw network errors: shown as a class too. */
export function failureClassOf(stored: string | null): WebhookAttemptFailure | null {
  if (stored === null) return null;
  const known = webhookAttemptFailureSchema.safeParse(stored);
  if (known.success) return known.data;
  return stored === 'timed out' ? 'timeout' : 'connection failed';
}
