import { join } from 'node:path';
import { z } from 'zod';
import { parseAllowList } from '#domain/webhooks/address.ts';
import { oidcConfigSchema } from './auth/oidc-config.ts';
import { samlConfigSchema } from './auth/saml-config.ts';
import { defaultDigestHourUtc } from '#domain/mail/compose-mail.ts';
import type { SmtpSettings } from './mail/smtp.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// The one place that reads the environment. Everything else receives a Config.

function jsonOrNull(text: string): unknown {
  try {
    return parseJson(text);
  } catch {
    return null;
  }
}

const witnessListSchema = z.array(z.strictObject({ name: z.string().min(1), url: z.url({ protocol: /^https?$/ }), publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/) })).min(1);

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  // The server's signing keys (private halves), never in the database: <DATA_DIR>/server-keys.json by default,
  // written with mode 0600 at the first start. Every instance on one PostgreSQL needs the same file.
  KEY_FILE: z.string().min(1).optional(),
  DEMO_PASSWORD: z.string().min(8, 'DEMO_PASSWORD must have at least 8 characters').default('demo-password'),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  // A session unused this long ends (the absolute end is SESSION_TTL_HOURS after sign-in).
  SESSION_IDLE_MINUTES: z.coerce.number().positive().max(24 * 60).default(30),
  // Demo data and accounts: on by default with the embedded SQLite database, off with PostgreSQL.
  // A production start (DEMO=false, or `npm run start:production`) has no account but the
  // first administrator, created with the setup secret printed at the first start.
  DEMO: z.enum(['true', 'false']).optional(),
  STATIC_DIR: z.string().min(1).default('./dist'),
  LOG_LEVEL: z.enum(['silent', 'info']).default('info'),
  // How often the dispatcher looks for due deliveries, and the retry schedule's base (5 s → 5 s, 30 s, 2 min, 10 min, 1 h, 6 h)
  WEBHOOK_DISPATCH_INTERVAL_MS: z.coerce.number().int().min(10).max(3_600_000).default(1000),
  WEBHOOK_BACKOFF_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(5000),
  // Hosts, addresses and CIDR ranges webhooks may reach although not public ("hooks.internal, 10.20.0.0/16"); none by default
  WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((text, ctx) => {
      const parsed = parseAllowList(text);
      if (parsed.ok) return parsed.entries;
      ctx.addIssue({ code: 'custom', message: parsed.problem });
      return z.NEVER;
    }),
  // The origin users reach the app at (https://approvals.example.com): origin checks, passkeys, sign-in redirects and
  // cookies follow it, never the Host header; https gives a __Host- Secure cookie and HSTS
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .refine((value) => {
      if (!URL.canParse(value)) return true; // z.url() has said so
      const url = new URL(value);
      return url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '' && url.password === '';
    }, 'an origin only, such as https://approvals.example.com (no path, query or credentials)')
    .transform((value) => new URL(value).origin)
    .optional(),
  // Behind a reverse proxy: the client's address is the last X-Forwarded-For entry (the proxy's own), not the socket's
  TRUST_PROXY: z.stringbool().default(false),
  // State-changing requests per signed-in user (or API token) and minute; over it 429 with Retry-After (docs/decisions/0065-throttling.md)
  WRITE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
  // Approval records built per signed-in user (or API token's owner) and minute: JSON exports, PDFs and deployment gate checks; over it 429
  RECORD_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(60),
  // How often expired sessions, signing nonces, passkey challenges and old sign-in failures are deleted (also once at start)
  CLEANUP_INTERVAL_MS: z.coerce.number().int().min(10).max(86_400_000).default(900_000),
  // Heavy jobs (the record export) run on worker threads, never on the thread that answers requests: this many at once,
  // this many more waiting (beyond that 503 with Retry-After), each stopped after its budget, waiting included (503)
  COMPUTE_WORKERS: z.coerce.number().int().min(1).max(64).default(2),
  COMPUTE_QUEUE: z.coerce.number().int().min(0).max(1_000).default(4),
  COMPUTE_BUDGET_SECONDS: z.coerce.number().positive().max(3_600).default(180),
  // How often each instance looks for approvals whose re-review date has come (also once at start)
  RE_REVIEW_SWEEP_INTERVAL_MS: z.coerce.number().int().min(10).max(86_400_000).default(60_000),
  // Single sign-on, enabled when OIDC_ISSUER is set; see server/auth/oidc-config.ts
  ...oidcConfigSchema.shape,
  // SAML 2.0 single sign-on, enabled when SAML_IDP_METADATA_FILE or _URL is set; see server/auth/saml-config.ts
  ...samlConfigSchema.shape,
  // Email (docs/decisions/0076): on when SMTP_HOST is set, and then MAIL_FROM and PUBLIC_URL (the links' base) are needed too
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65_535).default(587),
  // true: TLS from the first byte (port 465); false: STARTTLS when the server offers it (required with SMTP_REQUIRE_TLS)
  SMTP_SECURE: z.stringbool().default(false),
  SMTP_REQUIRE_TLS: z.stringbool().default(false),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(3).optional(),
  MAIL_DIGEST_HOUR_UTC: z.coerce.number().int().min(0).max(23).default(defaultDigestHourUtc),
  // How often each instance turns new notifications into mail and sends what is due, and the retry schedule's base
  MAIL_INTERVAL_MS: z.coerce.number().int().min(10).max(3_600_000).default(10_000),
  MAIL_BACKOFF_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(5000),
  // An MLflow model registry (open source, Databricks, Azure ML), connected when REGISTRY_MLFLOW_URL is set; its token and
  // webhook secret come from here or from a file (the *_FILE forms), never from the database (server/registries/connectors.ts)
  REGISTRY_MLFLOW_ID: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/).default('mlflow'),
  REGISTRY_MLFLOW_URL: z.url({ protocol: /^https?$/ }).optional(),
  REGISTRY_MLFLOW_TOKEN: z.string().min(1).optional(),
  REGISTRY_MLFLOW_TOKEN_FILE: z.string().min(1).optional(),
  REGISTRY_MLFLOW_WEBHOOK_SECRET: z.string().min(16, 'REGISTRY_MLFLOW_WEBHOOK_SECRET must have at least 16 characters').optional(),
  REGISTRY_MLFLOW_WEBHOOK_SECRET_FILE: z.string().min(1).optional(),
  // The Standard Webhooks secret monitoring tools sign alerts with (POST /api/monitoring/alerts); from here or a file, never the database. Unset: the intake refuses every alert.
  MONITORING_WEBHOOK_SECRET: z.string().regex(/^whsec_[A-Za-z0-9+/]{22,}={0,2}$/, 'MONITORING_WEBHOOK_SECRET is a Standard Webhooks secret: whsec_ and base64 of at least 16 bytes').optional(),
  MONITORING_WEBHOOK_SECRET_FILE: z.string().min(1).optional(),
  // The alias moved to an approved version (e.g. champion); none: tags only
  REGISTRY_MLFLOW_ALIAS: z.string().regex(/^[A-Za-z0-9_-]{1,255}$/).optional(),
  // Who owns a draft for a new model whose version has no `owner` tag naming a model owner here
  REGISTRY_MLFLOW_DEFAULT_OWNER: z.email().optional(),
  // The registered models the polling fallback searches (comma-separated); none: every model
  REGISTRY_MLFLOW_POLL_MODELS: z.string().min(1).optional(),
  // A SageMaker Model Registry, connected when REGISTRY_SAGEMAKER_REGION is set; AWS credentials come from the SDK's default
  // chain (environment, shared files, the instance or task role); the EventBridge API destination's secret from here or a file
  REGISTRY_SAGEMAKER_ID: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/).default('sagemaker'),
  REGISTRY_SAGEMAKER_REGION: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/).optional(),
  REGISTRY_SAGEMAKER_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  REGISTRY_SAGEMAKER_EVENT_SECRET: z.string().min(16, 'REGISTRY_SAGEMAKER_EVENT_SECRET must have at least 16 characters').optional(),
  REGISTRY_SAGEMAKER_EVENT_SECRET_FILE: z.string().min(1).optional(),
  // The model package groups the polling fallback lists (comma-separated)
  REGISTRY_SAGEMAKER_GROUPS: z.string().min(1).optional(),
  REGISTRY_SAGEMAKER_DEFAULT_OWNER: z.email().optional(),
  // The polling fallback: how often each registry is asked for versions created in the last REGISTRY_POLL_LOOKBACK_HOURS
  REGISTRY_POLL_INTERVAL_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(300_000),
  REGISTRY_POLL_LOOKBACK_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(72),
  // How often queued registry write-backs are looked for; retries follow WEBHOOK_BACKOFF_BASE_MS's schedule
  REGISTRY_WRITEBACK_INTERVAL_MS: z.coerce.number().int().min(10).max(3_600_000).default(5_000),
  // C2SP tlog-witnesses that cosign the audit log's checkpoints (docs/decisions/0105): a JSON array of
  // {name, url (its add-checkpoint endpoint), publicKey (raw Ed25519, base64url)}; needs PUBLIC_URL (the log's origin)
  WITNESSES: z
    .string()
    .transform((text, ctx) => {
      const parsed = witnessListSchema.safeParse(jsonOrNull(text));
      if (parsed.success) return parsed.data;
      ctx.addIssue({ code: 'custom', message: 'WITNESSES is a JSON array of {name, url, publicKey}' });
      return z.NEVER;
    })
    .optional(),
  WITNESS_INTERVAL_MS: z.coerce.number().int().min(10).max(86_400_000).default(60_000),
})
  .refine((config) => !config.TRUST_PROXY || config.PUBLIC_URL !== undefined, {
    path: ['TRUST_PROXY'],
    message: 'behind a proxy, set PUBLIC_URL too: the origin is never taken from Host or X-Forwarded-Host',
  })
  .refine((config) => config.SMTP_HOST === undefined || config.MAIL_FROM !== undefined, { path: ['MAIL_FROM'], message: 'with SMTP_HOST, set MAIL_FROM (the address mail comes from)' })
  .refine((config) => config.SMTP_HOST === undefined || config.PUBLIC_URL !== undefined, { path: ['PUBLIC_URL'], message: 'with SMTP_HOST, set PUBLIC_URL: links in mail point there' })
  .refine((config) => config.WITNESSES === undefined || config.PUBLIC_URL !== undefined, { path: ['PUBLIC_URL'], message: 'with WITNESSES, set PUBLIC_URL: it names the log the witnesses cosign' })
  .refine((config) => (config.SMTP_USER === undefined) === (config.SMTP_PASSWORD === undefined), { path: ['SMTP_PASSWORD'], message: 'set SMTP_USER and SMTP_PASSWORD together' })
  .refine((config) => !config.REGISTRY_MLFLOW_URL || config.REGISTRY_MLFLOW_WEBHOOK_SECRET !== undefined || config.REGISTRY_MLFLOW_WEBHOOK_SECRET_FILE !== undefined, {
    path: ['REGISTRY_MLFLOW_WEBHOOK_SECRET'],
    message: 'an MLflow registry needs the secret its webhooks are signed with (REGISTRY_MLFLOW_WEBHOOK_SECRET or REGISTRY_MLFLOW_WEBHOOK_SECRET_FILE)',
  })
  .refine((config) => !config.REGISTRY_SAGEMAKER_REGION || config.REGISTRY_SAGEMAKER_EVENT_SECRET !== undefined || config.REGISTRY_SAGEMAKER_EVENT_SECRET_FILE !== undefined, {
    path: ['REGISTRY_SAGEMAKER_EVENT_SECRET'],
    message: 'a SageMaker registry needs the secret its EventBridge API destination sends (REGISTRY_SAGEMAKER_EVENT_SECRET or REGISTRY_SAGEMAKER_EVENT_SECRET_FILE)',
  })
  .refine((config) => !config.REGISTRY_SAGEMAKER_REGION || !config.REGISTRY_MLFLOW_URL || config.REGISTRY_SAGEMAKER_ID !== config.REGISTRY_MLFLOW_ID, { path: ['REGISTRY_SAGEMAKER_ID'], message: 'the SageMaker and MLflow connectors need different ids' });

export type Config = z.infer<typeof configSchema>;

/** Whether this start writes demo accounts and packages into an empty database. */
export function demoWanted(config: Pick<Config, 'DEMO' | 'DATABASE_URL'>): boolean {
  return config.DEMO === undefined ? config.DATABASE_URL === undefined : config.DEMO === 'true';
}

/** Where the server's signing keys are: KEY_FILE, or server-keys.json in the data folder. */
export function keyFilePath(config: Pick<Config, 'KEY_FILE' | 'DATA_DIR'>): string {
  return config.KEY_FILE ?? join(config.DATA_DIR, 'server-keys.json');
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The settings from the configuration, or null when mail is off (no SMTP_HOST). */
export function smtpSettingsFrom(config: Config): SmtpSettings | null {
  if (!config.SMTP_HOST || !config.MAIL_FROM || !config.PUBLIC_URL) return null;
  return {
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_SECURE,
    requireTls: config.SMTP_REQUIRE_TLS,
    auth: config.SMTP_USER && config.SMTP_PASSWORD ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD } : null,
    from: config.MAIL_FROM,
    domain: new URL(config.PUBLIC_URL).hostname,
  };
}
