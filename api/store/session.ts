import type { Role } from '#domain/contracts/roles.ts';

// The session slice of the storage port: users, sessions, failed sign-ins and the single
// sign-on rows (started OIDC log-ins, external identities).

export interface StoredUser {
  id: string;
  email: string;
  displayName: string;
  title: string;
  roles: Role[];
  /** Empty for an account that signs in only through single sign-on: no password matches it. */
  passwordHash: string;
  /** When an administrator disabled the account: it cannot sign in and its sessions are gone. */
  disabledAt?: string | null;
  /** Set by an administrator's reset (or a new account's temporary password): nothing but changing it is allowed. */
  passwordChangeRequired?: boolean;
  /**
   * The administrator whose temporary password the current password descends from (a change by
   * whoever signed in with it keeps the mark); null when the holder set it through a link sent to
   * their own address, or it came from setup or the seed (docs/decisions/0181).
   */
  passwordSetByAdmin?: string | null;
  /** When the account was created (read; on insert, now when absent). */
  createdAt?: string;
  /** The administrator who chose its address (for a creation request, its requester); null when not recorded (seed, single sign-on, before 064). */
  createdBy?: string | null;
  /** When the credential `passwordSetByAdmin` speaks of was set; null without a usable password here (single sign-on, or a link not used yet) (0186). */
  passwordSetAt?: string | null;
}

export interface StoredSession {
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  /** Last request seen on it (idle timeout); null until the first one after sign-in. */
  lastSeenAt?: string | null;
  /** When the holder last confirmed their password on it (step-up before changing authenticators). */
  steppedUpAt?: string | null;
}

/** A started OIDC log-in: single use, short-lived, found by the SHA-256 of its state. */
export interface StoredOidcLogin {
  stateHash: string;
  /** SHA-256 of the random value the starting browser holds in a cookie. */
  bindingHash: string;
  codeVerifier: string;
  nonce: string;
  returnTo: string;
  redirectUri: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

/** A SAML AuthnRequest sent: single use, short-lived, found by its ID (the response's InResponseTo). */
export interface StoredSamlRequest {
  requestId: string;
  /** SHA-256 of the random value the starting browser holds in a cookie. */
  bindingHash: string;
  returnTo: string;
  /** The AssertionConsumerService URL the request named; the response must be addressed to it. */
  acsUrl: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

/** The local user an identity provider's (issuer, subject) signs in as. */
export interface StoredExternalIdentity {
  issuer: string;
  subject: string;
  userId: string;
  createdAt: string;
}

export interface SessionStore {
  findUserByEmail(email: string): Promise<StoredUser | null>;
  findUserById(id: string): Promise<StoredUser | null>;
  listUsers(): Promise<StoredUser[]>;
  insertUser(user: StoredUser): Promise<void>;

  insertSession(session: StoredSession): Promise<void>;
  findSession(tokenHash: string): Promise<StoredSession | null>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Housekeeping: sessions that expired at or before `at`; answers how many. */
  deleteExpiredSessions(at: string): Promise<number>;

  /** Housekeeping: failures of every email older than `before`, which no lock counts any more; answers how many. */
  deleteLoginFailuresBefore(before: string): Promise<number>;

  insertOidcLogin(login: StoredOidcLogin): Promise<void>;
  findOidcLogin(stateHash: string): Promise<StoredOidcLogin | null>;
  /** Marks an unused, unexpired log-in used; false if it was used already or expired (a replay, or a race lost). */
  useOidcLogin(stateHash: string, at: string): Promise<boolean>;
  /** Housekeeping: forgets log-ins that expired before `before`. */
  deleteExpiredOidcLogins(before: string): Promise<void>;
  insertSamlRequest(request: StoredSamlRequest): Promise<void>;
  findSamlRequest(requestId: string): Promise<StoredSamlRequest | null>;
  /** Marks an unused, unexpired request used; false if it was used already or expired (a replay, or a race lost). */
  useSamlRequest(requestId: string, at: string): Promise<boolean>;
  /** Records an accepted assertion's ID; false if this issuer's assertion with that ID was seen before (a replay). */
  recordSamlAssertion(assertion: { issuer: string; assertionId: string; usedAt: string; expiresAt: string }): Promise<boolean>;
  /** Housekeeping: forgets requests and assertion IDs that expired before `before`. */
  deleteExpiredSamlState(before: string): Promise<void>;
  findExternalIdentity(issuer: string, subject: string): Promise<StoredExternalIdentity | null>;
  insertExternalIdentity(identity: StoredExternalIdentity): Promise<void>;
  /** What the identity provider says about a provisioned user, refreshed at each sign-in. */
  updateUserProfile(id: string, profile: Pick<StoredUser, 'email' | 'displayName' | 'roles'>): Promise<void>;
}
