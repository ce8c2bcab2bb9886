import { z } from 'zod';

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
  // webhooks: how often the dispatcher looks for due deliveries, and the retry schedule's base (5 s → 5 s, 30 s, 2 min, 10 min, 1 h, 6 h)
  WEBHOOK_DISPATCH_INTERVAL_MS: z.coerce.number().int().min(10).max(3_600_000).default(1000),
  WEBHOOK_BACKOFF_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(5000),
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
