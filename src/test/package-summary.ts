import type { PackageSummary } from '#domain/contracts/packages.ts';

/** A summary of a package in review with no active step; tests set what they look at. */
export function summaryFixture(id: string, overrides: Partial<PackageSummary> = {}): PackageSummary {
  return {
    id,
    modelKey: id,
    modelName: id,
    versionLabel: '1.0.0',
    riskTier: 2,
    businessLine: 'Retail',
    ownerTeam: 'Team',
    status: 'in_review',
    latestVersion: 1,
    currentStep: null,
    turn: { party: 'nobody', stepKey: null, reason: 'decided', unanswered: 0 },
    openThreads: 0,
    openClarifications: 0,
    reReviewDue: false,
    submittedAt: '2025-03-01T00:00:00.000Z',
    updatedAt: '2025-03-01T00:00:00.000Z',
    ...overrides,
  };
}
