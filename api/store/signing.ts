import type { Decision, DecisionKind } from '#domain/contracts/decisions.ts';

// The signing slice of the storage port: decisions and their signature material, the
// server's countersigning keys, signing nonces and signing attempts.

/**
 * A countersigning key of the server (Ed25519), as the database records it: the public half
 * only. The private half lives in the server's key file, never in the database it protects
 * (docs/decisions/0071).
 */
export interface StoredServerKey {
  keyId: string;
  algorithm: 'Ed25519';
  publicKey: string;
  createdAt: string;
}

/** A private key a database made before 0071 still holds, to be moved to the key file. */
export interface LegacyPrivateKey {
  keyId: string;
  privateKeyPkcs8: string;
}

/** A signing nonce, stored as its hash; single use, short-lived, bound to a user and package. */
export interface StoredNonce {
  nonceHash: string;
  userId: string;
  packageId: string;
  issuedAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface StoredSigningAttempt {
  id: string;
  userId: string;
  at: string;
  ok: boolean;
}

export interface SigningStore {
  listDecisions(packageIds: readonly string[] | 'all'): Promise<Decision[]>;
  /**
   * Decisions of these kinds, or the `newest` (latest first, then by id), across every package
   * (the committee dashboard); or those with conditions, oldest first (the re-review sweep).
   */
  listDecisionsWhere(filter: { kinds: readonly DecisionKind[] } | { newest: number } | { withConditions: true }): Promise<Decision[]>;
  insertDecision(decision: Decision): Promise<void>;

  listServerKeys(): Promise<StoredServerKey[]>;
  insertServerKey(key: StoredServerKey): Promise<void>;
  /** Private halves written by a server before 0071, oldest first; none in a database made since. */
  legacyPrivateKeys(): Promise<LegacyPrivateKey[]>;
  /** Erases them, once they are safe in the key file (the table refuses every other change). */
  forgetLegacyPrivateKeys(): Promise<void>;

  insertNonce(nonce: StoredNonce): Promise<void>;
  findNonce(nonceHash: string): Promise<StoredNonce | null>;
  /** Marks an unused nonce used; false if it was used already (a replay, or a race lost). */
  useNonce(nonceHash: string, at: string): Promise<boolean>;
  /**
   * Housekeeping: nonces that expired at or before `at` without being used; answers how many.
   * A used nonce stays: it is the server's record of having issued the nonce a signed decision carries.
   */
  deleteExpiredUnusedNonces(at: string): Promise<number>;

  /** The append-only history of re-authentications; the throttle itself is api/throttle/. */
  insertSigningAttempt(attempt: StoredSigningAttempt): Promise<void>;

  /** The signature material of a decision, as canonical JSON of a DecisionSignature. */
  insertDecisionSignature(decisionId: string, signature: string): Promise<void>;
  listDecisionSignatures(decisionIds: readonly string[]): Promise<{ decisionId: string; signature: string }[]>;
}
