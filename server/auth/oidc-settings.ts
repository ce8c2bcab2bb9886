import type { OidcConfig } from './oidc-config.ts';
import type { RoleMap } from './oidc-role-map.ts';

// Single sign-on is on when OIDC_ISSUER is set. Everything the OIDC routes need, checked
// once at start so a half-configured provider fails the start-up, not a user's log-in.

export interface OidcSettings {
  issuer: URL;
  clientId: string;
  /** Absent: a public client that proves itself with PKCE alone. */
  clientSecret: string | undefined;
  /** Where the roles are in the claims; a dotted path reaches nested ones (realm_access.roles). */
  rolesClaim: string;
  roleMap: RoleMap | undefined;
  /** The button text: "Sign in with <displayName>". */
  displayName: string;
  scopes: string;
}

/** The issuer as providers write it in tokens: no trailing slash on a bare origin. */
export function issuerName(settings: OidcSettings): string {
  return settings.issuer.pathname === '/' ? settings.issuer.origin : settings.issuer.href;
}

const loopback = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether plain http is acceptable: only for a provider on this machine (tests, local Keycloak). */
export function isLoopback(url: URL): boolean {
  return loopback.has(url.hostname);
}

export function oidcSettingsFrom(config: OidcConfig): OidcSettings | null {
  if (!config.OIDC_ISSUER) {
    if (config.OIDC_CLIENT_ID) throw new Error('Invalid configuration:\n  OIDC_CLIENT_ID is set but OIDC_ISSUER is not');
    return null;
  }
  if (!config.OIDC_CLIENT_ID) throw new Error('Invalid configuration:\n  OIDC_ISSUER is set but OIDC_CLIENT_ID is not');
  const issuer = new URL(config.OIDC_ISSUER);
  if (issuer.protocol !== 'https:' && !isLoopback(issuer)) throw new Error('Invalid configuration:\n  OIDC_ISSUER must use https (plain http is accepted only for localhost)');
  if (!config.OIDC_SCOPES.split(' ').includes('openid')) throw new Error('Invalid configuration:\n  OIDC_SCOPES must include openid');
  return {
    issuer,
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: config.OIDC_CLIENT_SECRET,
    rolesClaim: config.OIDC_ROLES_CLAIM,
    roleMap: config.OIDC_ROLE_MAP,
    displayName: config.OIDC_DISPLAY_NAME,
    scopes: config.OIDC_SCOPES,
  };
}
