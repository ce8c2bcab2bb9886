import type { ApiDeps } from '#api/kernel/context.ts';
import { emailSchema } from '#domain/contracts/users.ts';
import type { OidcIdentity } from './oidc-client.ts';
import { claimValues, mapRoles } from './oidc-role-map.ts';
import type { OidcSettings } from './oidc-settings.ts';
import { signInWithExternalIdentity, type SignInOutcome } from './sso-sign-in.ts';

// After the OpenID Provider vouched for someone: its claims read as email, name and roles,
// then the sign-in every provider shares (sso-sign-in.ts).

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

function displayNameOf(claims: Record<string, unknown>, email: string): string {
  const given = [text(claims.given_name), text(claims.family_name)].filter((part) => part !== null).join(' ');
  return (text(claims.name) ?? (given || null) ?? text(claims.preferred_username) ?? email).slice(0, 200);
}

/** Whether the ID token leaves out something we read, so the UserInfo endpoint is asked too. */
export function needsUserInfo(settings: OidcSettings): (claims: Record<string, unknown>) => boolean {
  const top = settings.rolesClaim.split('.')[0] ?? settings.rolesClaim;
  return (claims) => typeof claims.email !== 'string' || typeof claims.name !== 'string' || !Object.hasOwn(claims, top);
}

/** The OpenID Connect side: claims to email, name and roles, then the shared sign-in. */
export async function signInWithIdentity(deps: ApiDeps, settings: OidcSettings, identity: OidcIdentity, plantedSessionHash: string | null): Promise<SignInOutcome> {
  const email = identity.claims.email;
  const parsed = emailSchema.safeParse(email);
  return signInWithExternalIdentity(
    deps,
    {
      via: 'oidc',
      issuer: identity.issuer,
      subject: identity.subject,
      email,
      displayName: parsed.success ? displayNameOf(identity.claims, parsed.data) : null,
      // Unknown claim values grant nothing.
      roles: mapRoles(claimValues(identity.claims, settings.rolesClaim), settings.roleMap),
    },
    plantedSessionHash,
  );
}
