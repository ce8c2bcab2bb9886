// A fresh copy of the demo credit model (its compliant content, assessed), version 1, waiting for fair lending: the owner
// submits it through the API, data governance and model risk sign their approvals by
// password exactly as the sign dialog would. Each run makes its own (a unique version
// label), so the spec can run again on the same server.
import { signDecision, signInActor } from '#scripts/lib/api-actor.ts';
import { submitAssessedCredit } from './assessed-package.ts';

const password = process.env.DEMO_PASSWORD ?? 'demo-password';

export async function freshCreditPackage(origin: string): Promise<{ id: string; versionLabel: string }> {
  const versionLabel = `4.3.0-rc.${Date.now().toString(36)}`;
  const id = await submitAssessedCredit(origin, versionLabel);
  const dataGovernance = await signInActor(origin, 'data-governance@example.com', password);
  await signDecision(dataGovernance, { packageId: id, stepKey: 'data_governance', decision: 'approve', reason: 'Data sources as in 4.2.0.', password });
  const modelRisk = await signInActor(origin, 'model-risk@example.com', password);
  await signDecision(modelRisk, { packageId: id, stepKey: 'model_risk', decision: 'approve', reason: 'Validation re-performed.', password });
  return { id, versionLabel };
}
