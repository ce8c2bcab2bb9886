// A fresh copy of the demo credit model, version 1, waiting for fair lending: the owner
// submits it through the API, data governance and model risk sign their approvals by
// password exactly as the sign dialog would. Each run makes its own (a unique version
// label), so the spec can run again on the same server.
import { approvableCreditContent, creditRiskAnswers } from '#demo/fresh-packages.ts';
import { submitPackageResponseSchema } from '#api/routes.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import { signDecision, signInActor } from '#scripts/lib/api-actor.ts';

const password = process.env.DEMO_PASSWORD ?? 'demo-password';

export async function freshCreditPackage(origin: string): Promise<{ id: string; versionLabel: string }> {
  const versionLabel = `4.3.0-rc.${Date.now().toString(36)}`;
  const content: PackageContent = approvableCreditContent(versionLabel);
  const owner = await signInActor(origin, 'owner@example.com', password);
  const submitted = submitPackageResponseSchema.parse(await owner.post('/api/packages', { modelKey: 'retail-credit-pd', versionLabel, content }));
  const id = submitted.package.id;
  // An approval needs a risk assessment (docs/decisions/0141).
  await owner.post(`/api/packages/${id}/risk-assessments`, { answers: creditRiskAnswers() });
  const dataGovernance = await signInActor(origin, 'data-governance@example.com', password);
  await signDecision(dataGovernance, { packageId: id, stepKey: 'data_governance', decision: 'approve', reason: 'Data sources as in 4.2.0.', password });
  const modelRisk = await signInActor(origin, 'model-risk@example.com', password);
  await signDecision(modelRisk, { packageId: id, stepKey: 'model_risk', decision: 'approve', reason: 'Validation re-performed.', password });
  return { id, versionLabel };
}
