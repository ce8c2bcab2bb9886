import { z } from 'zod';
import { roleMapSchema } from './auth/oidc-role-map.ts';

// The one place that reads the environment. Everything else receives a Config.

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DEMO_PASSWORD: z.string().min(8, 'DEMO_PASSWORD must have at least 8 characters').default('demo-password'),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  STATIC_DIR: z.string().min(1).default('./dist'),
  LOG_LEVEL: z.enum(['silent', 'info']).default('info'),
  // How often the dispatcher looks for due deliveries, and the retry schedule's base (5 s → 5 s, 30 s, 2 min, 10 min, 1 h, 6 h)
  WEBHOOK_DISPATCH_INTERVAL_MS: z.coerce.number().int().min(10).max(3_600_000).default(1000),
  WEBHOOK_BACKOFF_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(5000),
  // How often each instance looks for approvals whose re-review date has come (also once at start)
  RE_REVIEW_SWEEP_INTERVAL_MS: z.coerce.number().int().min(10).max(86_400_000).default(60_000),
  // Enabled when OIDC_ISSUER is set; see server/auth/oidc-settings.ts
  OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).max(500).optional(),
  // Absent: a public client (PKCE alone); present: a confidential one.
  OIDC_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  OIDC_ROLES_CLAIM: z.string().min(1).max(200).default('roles'),
  OIDC_ROLE_MAP: roleMapSchema.optional(),
  OIDC_DISPLAY_NAME: z.string().trim().min(1).max(60).default('Single sign-on'),
  OIDC_SCOPES: z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/, 'space-separated scope names').default('openid email profile'),
});

export type Config = z.infer<typeof configSchema>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
