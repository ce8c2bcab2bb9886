// The tokens slice of the storage port: API tokens and their revocations.

// A token as created, stored by its secret's SHA-256.
export interface StoredApiToken {
  id: string;
  modelKey: string;
  name: string;
  tokenHash: string;
  createdBy: string;
  createdAt: string;
}

/** A token with its revocation, if any (revocations are their own append-only rows). */
export interface StoredApiTokenState extends StoredApiToken {
  revocation: { revokedBy: string; revokedAt: string } | null;
}

export interface TokensStore {
  insertApiToken(token: StoredApiToken): Promise<void>;
  /** Every token with its revocation, newest first. */
  listApiTokens(): Promise<StoredApiTokenState[]>;
  findApiToken(id: string): Promise<StoredApiTokenState | null>;
  findApiTokenByHash(tokenHash: string): Promise<StoredApiTokenState | null>;
  /** Revokes once: false if the token was already revoked. */
  insertApiTokenRevocation(revocation: { tokenId: string; revokedBy: string; revokedAt: string }): Promise<boolean>;
}
