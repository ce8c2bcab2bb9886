import { randomBytes } from 'node:crypto';
import type { ApiDeps } from '#api/kernel/context.ts';
import type { RegistryConnectors } from '#api/kernel/registry-port.ts';
import type { Store } from '#api/store/store.ts';
import type { AllowEntry } from '#domain/webhooks/address.ts';
import { scryptPasswords } from './auth/scrypt-passwords.ts';
import { isDatabaseUnavailable } from './db/unavailable-error.ts';
import type { DocumentKey } from './pdf/document-key.ts';
import { createRecordPdfPort } from './pdf/record-pdf-port.ts';
import type { ServerCompute } from './workers/compute-tasks.ts';

export interface ServerDepsOptions {
  sessionTtlHours: number;
  /** SESSION_IDLE_MINUTES: a session unused this long ends; absent, only its absolute end counts. */
  sessionIdleMinutes?: number;
  logError?: (e: unknown) => void;
  /** PUBLIC_URL's origin; absent, each request's own (development, tests). */
  publicOrigin?: string;
  /** WEBHOOK_ALLOWED_HOSTS, parsed. */
  webhookAllowList?: readonly AllowEntry[];
  /** WRITE_RATE_LIMIT_PER_MINUTE; absent, the default of api/throttle/policies.ts. */
  writesPerMinute?: number;
  /** RECORD_RATE_LIMIT_PER_MINUTE; absent, the default of api/throttle/policies.ts. */
  recordBuildsPerMinute?: number;
  /** Where heavy jobs run (server/workers/worker-pool.ts); absent, inline (in-process tests and tools). */
  compute?: ServerCompute;
  /** Email: whether SMTP is configured (SMTP_HOST) and the digest's hour (MAIL_DIGEST_HOUR_UTC). */
  mail?: { enabled: boolean; digestHourUtc: number };
  /** The connected model registries (server/registries/connectors.ts); absent, none. */
  registries?: RegistryConnectors;
  /** MONITORING_WEBHOOK_SECRET(_FILE): the monitoring alert intake's secret; absent, the intake refuses alerts. */
  monitoring?: ApiDeps['monitoring'];
  /** The PDF record's document-signing key from the key file; absent, one is made in memory (tests, tools). */
  documentKey?: DocumentKey;
}

export function serverDeps(store: Store, options: ServerDepsOptions): ApiDeps {
  const { compute } = options;
  return {
    store,
    passwords: scryptPasswords,
    now: () => new Date(),
    randomToken: () => randomBytes(32).toString('base64url'),
    sessionTtlMs: options.sessionTtlHours * 3_600_000,
    ...(options.sessionIdleMinutes === undefined ? {} : { sessionIdleMs: options.sessionIdleMinutes * 60_000 }),
    logError: options.logError ?? ((error) => console.error('[api] unexpected error', error)),
    // Connection-level database failures answer 503 with Retry-After.
    isUnavailable: isDatabaseUnavailable,
    publicOrigin: options.publicOrigin,
    webhookAllowList: options.webhookAllowList ?? [],
    ...(options.writesPerMinute === undefined ? {} : { writesPerMinute: options.writesPerMinute }),
    ...(options.recordBuildsPerMinute === undefined ? {} : { recordBuildsPerMinute: options.recordBuildsPerMinute }),
    ...(options.compute === undefined ? {} : { compute: options.compute }),
    ...(options.mail === undefined ? {} : { mail: options.mail }),
    ...(options.registries === undefined ? {} : { registries: options.registries }),
    ...(options.monitoring === undefined ? {} : { monitoring: options.monitoring }),
    // The PDF is drawn and signed on the compute pool when there is one (server/main.ts), else inline.
    recordPdf: createRecordPdfPort(options.documentKey, compute ? (job) => compute.recordPdf(job) : undefined),
  };
}
