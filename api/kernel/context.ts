import type { FindingSeverity } from '#domain/contracts/findings.ts';
import type { MonitoringAlertKind } from '#domain/contracts/monitoring.ts';
import type { AllowEntry } from '#domain/webhooks/address.ts';
import type { SamlSettingsView } from '#domain/contracts/sso.ts';
import type { ComputePort } from './compute.ts';
import type { RegistryConnectors } from './registry-port.ts';
import type { RecordPdfPort } from './record-pdf-port.ts';
import type { Store, StoredUser } from '../store/store.ts';

/** Hashes and checks passwords: scrypt on the server, something cheap in the mocks. */
export interface PasswordPort {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}

export interface ApiDeps {
  store: Store;
  passwords: PasswordPort;
  now: () => Date;
  /** Unguessable ids and tokens. */
  randomToken: () => string;
  sessionTtlMs: number;
  /** A session unused this long ends (idle timeout); absent: only its absolute end counts. */
  sessionIdleMs?: number;
  /** Where unexpected errors go; never to the client. */
  logError: (error: unknown) => void;
  /** Whether an error means storage is unreachable (answered 503, not logged as a bug); absent in the mocks. */
  isUnavailable?: (error: unknown) => boolean;
  /** Writes per user and minute (WRITE_RATE_LIMIT_PER_MINUTE); absent: api/throttle/policies.ts's default. */
  writesPerMinute?: number;
  /** Approval records built per caller and minute (RECORD_RATE_LIMIT_PER_MINUTE); absent: api/throttle/policies.ts's default. */
  recordBuildsPerMinute?: number;
  /**
   * The origin users reach the application at (PUBLIC_URL), e.g. https://approvals.example.com:
   * the only origin a write may come from and a passkey may sign for, whatever Host a request
   * carries. Absent (development, tests): the origin each request was addressed to.
   */
  publicOrigin?: string;
  /** Hosts and address ranges a webhook may reach although they are not public (WEBHOOK_ALLOWED_HOSTS). */
  webhookAllowList?: readonly AllowEntry[];
  /** SAML single sign-on as configured, shown to administrators; absent or null: off. */
  samlSettings?: Omit<SamlSettingsView, 'acsUrl' | 'metadataUrl'> | null;
  /** Email (server only): whether SMTP is configured, and the digest's hour (UTC). Absent: no mail (mocks, tests). */
  mail?: { enabled: boolean; digestHourUtc: number };
  /** Where CPU-heavy jobs run (the record export): worker threads on the server; absent (mocks, tests): inline. */
  compute?: ComputePort;
  /** Draws and signs the approval record as a PDF (server only); absent (mocks): the PDF is not offered. */
  recordPdf?: RecordPdfPort;
  /** The model registries an administrator connected (REGISTRY_* settings); absent: none. */
  registries?: RegistryConnectors;
  /** Monitoring alert intake (MONITORING_WEBHOOK_SECRET, a whsec_ secret); absent: every alert is refused. */
  monitoring?: { secret: string; severities?: Readonly<Record<MonitoringAlertKind, FindingSeverity>> };
}

export interface RequestContext {
  deps: ApiDeps;
  user: StoredUser | null;
  sessionTokenHash: string | null;
  /** The API token a pipeline called with (acting as the model's owner); absent for sessions. */
  apiToken?: { id: string; name: string; modelKey: string } | null;
  /** Whether the public origin is https: the session cookie is then __Host- and Secure. */
  secure: boolean;
  method: string;
  path: string;
  /** The public origin (see ApiDeps.publicOrigin): what a passkey assertion must be made for. */
  origin: string;
  /** The client's network address when the server knows it (the socket's, or a trusted proxy's X-Forwarded-For); null in the mocks. */
  clientAddress: string | null;
  /** The request's Cookie header, for a handler that reads a cookie of its own (the trusted-device cookie at sign-in). */
  cookies: string | null;
  /** The request's headers, for a handler that checks a signature over the body (registry webhooks). */
  headers?: Headers;
  /** The body exactly as received, when the route has one: what a sender's HMAC was computed over. */
  rawBody?: string;
  /** Aborted once the client has gone (its connection closed before the answer): for a handler whose work only the asker wants. Made when first asked for. */
  clientGone?: () => AbortSignal;
}

export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: [string, string][];
}
