import type { CategoryAssessment, TieringMethod } from '#domain/contracts/risk-assessment.ts';
import type { Role } from '#domain/contracts/roles.ts';
import type { TierResult } from '#domain/policy/risk-tiering.ts';

// The risk assessments slice of the storage port: tiering method versions (never changed), each
// package's assessments (never changed; a reassessment is the next number) and the tier
// override asked for on an assessment, confirmed once by a second person.

export interface StoredTieringMethod {
  method: TieringMethod;
  publishedAt: string;
}

export interface StoredRiskAssessment {
  packageId: string;
  number: number;
  answers: CategoryAssessment[];
  /** The scores and tier as computed when it was recorded, by the method version it names. */
  result: TierResult;
  assessedBy: string;
  assessedAt: string;
}

/** An assessment as the tier's rules read it: without its answers. */
export type TierAssessment = Omit<StoredRiskAssessment, 'answers'>;

export interface StoredTierOverride {
  packageId: string;
  /** The assessment it overrides. */
  number: number;
  tier: number;
  reason: string;
  requestedBy: string;
  requestedRole: Role;
  requestedAt: string;
  confirmedBy: string | null;
  confirmedRole: Role | null;
  confirmedAt: string | null;
}

export interface RiskAssessmentsStore {
  /** The newest published version of the tiering method: what new assessments are scored by. */
  currentTieringMethod(): Promise<StoredTieringMethod | null>;
  findTieringMethod(key: string, version: number): Promise<StoredTieringMethod | null>;
  /** Every method version, oldest published first. */
  listTieringMethods(): Promise<StoredTieringMethod[]>;
  /** Publishes a method version; false when that version exists already (another publication took it). */
  insertTieringMethod(row: StoredTieringMethod): Promise<boolean>;
  listRiskAssessments(packageId: string): Promise<StoredRiskAssessment[]>;
  insertRiskAssessment(row: StoredRiskAssessment): Promise<void>;
  listTierOverrides(packageId: string): Promise<StoredTierOverride[]>;
  /**
   * The assessments (their answers left out) and overrides of these packages, or of every
   * package: who set each one's tier, read for many summaries at once (docs/decisions/0183).
   */
  listTierFacts(packageIds: readonly string[] | 'all'): Promise<{ assessments: TierAssessment[]; overrides: StoredTierOverride[] }>;
  insertTierOverride(row: StoredTierOverride): Promise<void>;
  /** Records the confirmation; false when the override was confirmed already (the first one wins). */
  confirmTierOverride(packageId: string, number: number, by: string, role: Role, at: string): Promise<boolean>;
  /** The assessed tier and the workflow template it selects, for a package no one has decided on yet. */
  setPackageTier(packageId: string, riskTier: number, template: { key: string; version: number }, at: string): Promise<void>;
}
