import type { ConcernAnswer } from '#domain/contracts/revisions.ts';

// The packages slice of the storage port: models, packages, their versions and the answers
// submitted with a version.

export interface StoredPackage {
  id: string;
  modelKey: string;
  modelName: string;
  versionLabel: string;
  riskTier: number;
  businessLine: string;
  ownerTeam: string;
  ownerId: string;
  templateKey: string;
  templateVersion: number;
  createdAt: string;
  updatedAt: string;
}

/** A version without its content: enough for workflow state and listings. */
export interface StoredVersionFacts {
  packageId: string;
  number: number;
  contentHash: string;
  sectionDigests: Record<string, string>;
  submittedBy: string;
  submittedAt: string;
}

export interface StoredVersion extends StoredVersionFacts {
  /** The exact RFC 8785 canonical bytes (as text) the hash was computed over. */
  canonicalContent: string;
}

/** What a version's answer names beside its content: the row but its section digests. */
export type VersionResponseFacts = Omit<StoredVersion, 'sectionDigests'>;

/** What a version answer's head is made of: the answer's facts but the content. */
export type VersionHeadFacts = Omit<VersionResponseFacts, 'canonicalContent'>;

/**
 * A version answer's JSON text, or its UTF-8 bytes when kept whole (docs/decisions/0199). Kept
 * bytes are shared by every read that hits them: sent as they are, never written to.
 */
export type VersionAnswer = string | Uint8Array<ArrayBuffer>;

/**
 * The version read route's answer, where the database has a clock: SQLite's kept while its change
 * clock says the database has not changed (server/db/version-responses.ts, 0161), PostgreSQL's
 * content kept with the row version it was read at (server/db/pg-version-rows.ts, 0214).
 */
export interface VersionResponses {
  /**
   * The answer: `head(version)` (every member but the content, without the closing brace,
   * ending in `"content":`), the version's stored content, and the brace. Null when there is no
   * such version.
   */
  answer(packageId: string, number: number, head: (version: VersionHeadFacts) => Promise<string>): Promise<VersionAnswer | null>;
}

export interface StoredModel {
  key: string;
  name: string;
  ownerId: string;
}

export interface PackagesStore {
  findModel(key: string): Promise<StoredModel | null>;
  insertModel(model: StoredModel): Promise<void>;
  /** Every model, by key: what a token can be scoped to. */
  listModels(): Promise<StoredModel[]>;

  /** Every package, by id; with `ownerId`, only that owner's (what a model owner may see). */
  listPackages(ownerId?: string): Promise<StoredPackage[]>;
  /** The models of the packages owned by `ownerId` (null: of every package), each once with its newest package's name, by name then key. */
  listPackageModels(ownerId: string | null): Promise<{ key: string; name: string }[]>;
  findPackage(id: string): Promise<StoredPackage | null>;
  /** The packages with these ids (those that exist), any order. */
  listPackagesById(ids: readonly string[]): Promise<StoredPackage[]>;
  findPackageByModelVersion(modelKey: string, versionLabel: string): Promise<StoredPackage | null>;
  /** The model's newest package (by creation), null for a model with none. */
  findLatestPackageOfModel(modelKey: string): Promise<StoredPackage | null>;
  insertPackage(pkg: StoredPackage): Promise<void>;
  touchPackage(id: string, updatedAt: string): Promise<void>;
  /** Files a package under another business line and the chain it selects: only a package filed under a line not on the list, by its owner's new version (docs/decisions/0176). */
  refilePackageLine(id: string, businessLine: string, template: { key: string; version: number }, updatedAt: string): Promise<void>;
  /**
   * Holds the package for the rest of the transaction, so two decisions on it (from two API
   * instances) are checked and written one after the other. No-op where there is one writer.
   */
  lockPackage(id: string): Promise<void>;

  listVersionFacts(packageIds: readonly string[] | 'all'): Promise<StoredVersionFacts[]>;
  findVersion(packageId: string, number: number): Promise<StoredVersion | null>;
  insertVersion(version: StoredVersion): Promise<void>;
  /** The answers submitted with a version, in their order; written once, never changed. */
  insertVersionAnswers(packageId: string, versionNumber: number, answers: readonly ConcernAnswer[]): Promise<void>;
  /** A version's answers in submission order ([] when it came with none). */
  listVersionAnswers(packageId: string, versionNumber: number): Promise<ConcernAnswer[]>;
}
