// The passkeys slice of the storage port: a user's passkeys and their registration challenges.

export interface StoredPasskey {
  credentialId: string;
  userId: string;
  name: string;
  publicKeyJwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string };
  createdAt: string;
  /** The authenticator's signature counter last seen (0: it keeps none). */
  signCount?: number;
}

export interface PasskeysStore {
  listPasskeys(userId: string): Promise<StoredPasskey[]>;
  /** When each passkey of the given accounts was added, oldest first, in one read (a list of account requests, 0186). */
  listPasskeyDates(userIds: readonly string[]): Promise<{ userId: string; createdAt: string }[]>;
  findPasskey(credentialId: string): Promise<StoredPasskey | null>;
  insertPasskey(passkey: StoredPasskey): Promise<void>;
  deletePasskey(credentialId: string): Promise<boolean>;
  /** Raises the stored signature counter to `signCount`; false (nothing written) unless it grows. */
  raisePasskeySignCount(credentialId: string, signCount: number): Promise<boolean>;

  insertPasskeyChallenge(challenge: { challengeHash: string; userId: string; expiresAt: string }): Promise<void>;
  /** Marks a user's unexpired, unused registration challenge used; false otherwise. */
  usePasskeyChallenge(challengeHash: string, userId: string, at: string): Promise<boolean>;
  /** Housekeeping: registration challenges that expired at or before `at`, used or not; answers how many. */
  deleteExpiredPasskeyChallenges(at: string): Promise<number>;
}
