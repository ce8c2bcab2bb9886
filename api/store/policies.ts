import type { Policy, PolicyEvaluation } from '#domain/contracts/policies.ts';

// The policies slice of the storage port: governance policy versions (one row per key and
// version, never changed) and each package version's evaluation against one of them.

export interface StoredPolicyVersion {
  policy: Policy;
  publishedAt: string;
  /** Null for a policy seeded with the demo data. */
  publishedBy: string | null;
}

export interface StoredPolicyEvaluation {
  packageId: string;
  version: number;
  evaluation: PolicyEvaluation;
  evaluatedAt: string;
}

/** One of a version's checks: its check at submission (`seq` 0) or its re-check number `seq`. */
export interface StoredPolicyCheck extends StoredPolicyEvaluation {
  seq: number;
}

export interface PoliciesStore {
  /** Serialises publications for the rest of the transaction: scope overlaps are checked against what is committed. */
  lockPolicyCatalogue(): Promise<void>;
  /**
   * Held by every check against a policy (submission, resubmission, re-check after an
   * assessment) until commit, taken before the package lock: a publication (which holds the
   * catalogue exclusively) then sees every check made before it (docs/decisions/0150).
   */
  lockPolicyCatalogueShared(): Promise<void>;
  findPolicyVersion(key: string, version: number): Promise<StoredPolicyVersion | null>;
  listPolicyVersions(): Promise<StoredPolicyVersion[]>;
  insertPolicyVersion(row: StoredPolicyVersion): Promise<void>;
  insertPolicyEvaluation(row: StoredPolicyEvaluation): Promise<void>;
  /** Each version's check as it applies now: its latest re-check (docs/decisions/0141), else its check at submission. */
  listPolicyEvaluations(packageIds: readonly string[]): Promise<StoredPolicyEvaluation[]>;
  /**
   * Every check of a package's versions, by version then number: the check at submission (0)
   * and each re-check (1, 2, …). The last of a version is the one in effect; the earlier ones
   * are what decisions signed before a re-check are bound to (docs/decisions/0169).
   */
  listPolicyChecks(packageId: string): Promise<StoredPolicyCheck[]>;
  /** A version checked again against the policy its assessed tier resolves to; call under the package lock (it numbers the re-checks). */
  insertPolicyReevaluation(row: StoredPolicyEvaluation): Promise<void>;
}
