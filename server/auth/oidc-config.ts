import { z } from 'zod';
import { roleMapSchema } from './oidc-role-map.ts';

// The OIDC_* variables, parsed by server/config.ts with the rest of the environment (still the
// one place that reads it). Declared beside the OpenID Connect code that uses them so that
// auth/ need not import the start-up's Config: server/ composes auth/, not the other way round.
// Single sign-on is enabled when OIDC_ISSUER is set; see oidc-settings.ts.

export const oidcConfigSchema = z.object({
  OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).max(500).optional(),
  // Absent: a public client (PKCE alone); present: a confidential one.
  OIDC_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  OIDC_ROLES_CLAIM: z.string().min(1).max(200).default('roles'),
  OIDC_ROLE_MAP: roleMapSchema.optional(),
  OIDC_DISPLAY_NAME: z.string().trim().min(1).max(60).default('Single sign-on'),
  OIDC_SCOPES: z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/, 'space-separated scope names').default('openid email profile'),
});

export type OidcConfig = z.infer<typeof oidcConfigSchema>;
