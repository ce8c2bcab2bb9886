// A new package from the demo owner, with model risk's risk assessment: an approval needs one
// (docs/decisions/0141) and the owner's own would be a proposal (0165), so every spec that takes
// a package of its own through approval starts here.
import { submitPackageResponseSchema } from '#api/packages/routes.ts';
import { approvableCreditContent, creditRiskAnswers } from '#demo/fresh-packages.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { CategoryAssessment } from '#domain/contracts/risk-assessment.ts';
import { signInActor } from '#scripts/lib/api-actor.ts';

const password = process.env.DEMO_PASSWORD ?? 'demo-password';

export async function submitAssessed(origin: string, submission: { modelKey: string; versionLabel: string; content: PackageContent; answers: CategoryAssessment[] }): Promise<string> {
  const owner = await signInActor(origin, 'owner@example.com', password);
  const { modelKey, versionLabel, content } = submission;
  const id = submitPackageResponseSchema.parse(await owner.post('/api/packages', { modelKey, versionLabel, content })).package.id;
  // Assessed by the tiering analyst: whoever set the tier does not approve it (0174), and specs approve as Elena.
  const tiering = await signInActor(origin, 'risk-tiering@example.com', password);
  await tiering.post(`/api/packages/${id}/risk-assessments`, { answers: submission.answers });
  return id;
}

/** The demo credit model again under a new version label: compliant content, assessed tier 1. */
export function submitAssessedCredit(origin: string, versionLabel: string): Promise<string> {
  return submitAssessed(origin, { modelKey: 'retail-credit-pd', versionLabel, content: approvableCreditContent(versionLabel), answers: creditRiskAnswers() });
}
