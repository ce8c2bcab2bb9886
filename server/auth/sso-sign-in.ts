import { sha256Hex } from '#domain/crypto/sha256.ts';
import type { ApiDeps } from '#api/kernel/context.ts';
import type { StoredUser } from '#api/store/store.ts';
import { emailSchema } from '#domain/contracts/users.ts';
import type { Role } from '#domain/contracts/roles.ts';
import { newId } from '#api/kernel/new-id.ts';

// After an identity provider vouched for someone (OpenID Connect or SAML): find the local user
// by (issuer, subject), or provision one; bring email, name and roles up to date (audited when
// they change); start a session exactly as the password log-in does. All in one transaction.

export type SignInOutcome =
  | { ok: true; user: StoredUser; token: string; expiresAt: string }
  | { ok: false; reason: 'missing_email' | 'account_conflict' | 'account_disabled'; email: string | null };

/** What the provider said, already read out of its token or assertion. */
export interface ExternalIdentity {
  via: 'oidc' | 'saml';
  issuer: string;
  subject: string;
  /** Unchecked: not a valid address refuses the log-in (missing_email). */
  email: unknown;
  /** Null: the email stands in. */
  displayName: string | null;
  /** Already mapped from the provider's values; unknown values granted nothing. */
  roles: Role[];
}

const sameRoles = (a: readonly Role[], b: readonly Role[]) => a.length === b.length && a.every((role) => b.includes(role));

export async function signInWithExternalIdentity(deps: ApiDeps, identity: ExternalIdentity, plantedSessionHash: string | null): Promise<SignInOutcome> {
  const parsedEmail = emailSchema.safeParse(identity.email);
  if (!parsedEmail.success) return { ok: false, reason: 'missing_email', email: null };
  const email = parsedEmail.data;
  const displayName = (identity.displayName ?? email).slice(0, 200);
  // No known role value at all still signs in, with no role.
  const { roles, via } = identity;
  const now = deps.now();
  const at = now.toISOString();
  const token = deps.randomToken();
  const expiresAt = new Date(now.getTime() + deps.sessionTtlMs).toISOString();
  const tokenHash = await sha256Hex(token);
  const { issuer, subject } = identity;
  // Identities are keyed by protocol too: an IdP may use one string as its OIDC issuer and its
  // SAML entity id (Keycloak does), and a SAML NameID must never land in an OIDC subject's account.
  const identityIssuer = via === 'saml' ? `saml:${issuer}` : issuer;

  return deps.store.transaction(async (tx): Promise<SignInOutcome> => {
    const known = await tx.findExternalIdentity(identityIssuer, subject);
    let user: StoredUser;
    if (!known) {
      // An existing account with this email is not taken over: linking by email would let
      // whoever controls that address at the provider become a local (perhaps demo) user.
      if (await tx.findUserByEmail(email)) return { ok: false, reason: 'account_conflict', email };
      user = { id: newId(deps, 'usr'), email, displayName, title: '', roles, passwordHash: '' };
      await tx.insertUser(user);
      await tx.insertExternalIdentity({ issuer: identityIssuer, subject, userId: user.id, createdAt: at });
      await tx.appendAudit({ event: { action: 'user.sso_provisioned', subject: user.id, before: null, after: { email, displayName, roles, issuer } }, actorId: user.id, at });
    } else {
      const existing = await tx.findUserById(known.userId);
      if (!existing) throw new Error(`External identity ${issuer} ${subject} points at a missing user ${known.userId}`);
      // Disabled here means disabled, whatever the provider says: no session, no profile update.
      if (existing.disabledAt) return { ok: false, reason: 'account_disabled', email: existing.email };
      // A new email already held by another account is not taken; the old one stays.
      const holder = email === existing.email ? existing : await tx.findUserByEmail(email);
      const next = { email: holder && holder.id !== existing.id ? existing.email : email, displayName, roles };
      if (next.email !== existing.email || next.displayName !== existing.displayName || !sameRoles(next.roles, existing.roles)) {
        await tx.updateUserProfile(existing.id, next);
        await tx.appendAudit({
          event: { action: 'user.sso_profile_updated', subject: existing.id, before: { email: existing.email, displayName: existing.displayName, roles: existing.roles }, after: { ...next, issuer } },
          actorId: existing.id,
          at,
        });
      }
      user = { ...existing, ...next };
    }
    // A session this browser already carried is ended, so a planted cookie cannot be upgraded.
    if (plantedSessionHash) await tx.deleteSession(plantedSessionHash);
    await tx.insertSession({ tokenHash, userId: user.id, createdAt: at, expiresAt });
    await tx.appendAudit({ event: { action: 'session.login_succeeded', subject: user.id, before: null, after: { email: user.email, via, issuer } }, actorId: user.id, at });
    return { ok: true, user, token, expiresAt };
  });
}
