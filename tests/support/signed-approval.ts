// A card fraud package approved through the real API, every decision signed by password as
// the sign dialog signs it. The demo's own decisions are seeded demonstration data that no
// verifier calls VALID, so a test that needs a genuinely signed record makes one here.
import { handleApiRequest } from '#api/index.ts';
import { submitPackageResponseSchema } from '#api/routes.ts';
import type { SignedObligation } from '#domain/contracts/obligations.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import { cardFraudV1 } from '#demo/index.ts';
import { demoRiskAnswers } from '#demo/demo-risk-assessments.ts';
import type { MockApi } from '#mocks/handlers.ts';
import { demoPassword } from '#mocks/handlers.ts';
import { signDecision, signInActor, type SendRequest } from '#scripts/lib/api-actor.ts';

export const signedScope = 'Card-not-present transactions only';

/** In a mock API: a copy of the card fraud package, submitted and approved through its whole chain. */
export function signedCardFraudApproval(api: MockApi, versionLabel = '7.2.0'): Promise<{ id: string; versionLabel: string }> {
  const send: SendRequest = (url, init) => handleApiRequest(new Request(url, init), api.deps);
  return approveCardFraudCopy({ origin: 'http://localhost', send, password: demoPassword, versionLabel });
}

/** Submits a copy of the card fraud package under a new version label and signs its whole chain, over `send`. */
export async function approveCardFraudCopy(input: {
  origin: string;
  send?: SendRequest;
  password: string;
  versionLabel: string;
  /** Changes the content submitted (a test's own metric values, say). */
  adapt?: (content: PackageContent) => PackageContent;
  /** The conditions as obligations (decision record 0111), owned by the package owner. */
  obligations?: SignedObligation[];
}): Promise<{ id: string; versionLabel: string }> {
  const { origin, password, versionLabel } = input;
  const adapt = input.adapt ?? ((content: PackageContent) => content);
  const content: PackageContent = adapt({
    ...cardFraudV1,
    sections: cardFraudV1.sections.map((section) => (section.kind === 'identification' ? { ...section, versionLabel } : section)),
  });
  const actor = (email: string) => signInActor(origin, email, password, input.send);
  const owner = await actor('owner@example.com');
  const { package: pkg } = submitPackageResponseSchema.parse(await owner.post('/api/packages', { modelKey: 'card-fraud-detection', versionLabel, content }));
  // Approval needs a risk assessment (decision record 0141): model risk's, as the demo's (0165).
  await (await actor('risk-tiering@example.com')).post(`/api/packages/${pkg.id}/risk-assessments`, { answers: demoRiskAnswers('card-fraud-detection') });
  const reReviewOn = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
  await signDecision(await actor('data-governance@example.com'), { packageId: pkg.id, stepKey: 'data_governance', decision: 'approve', reason: 'Transaction and chargeback data are within the approved retention and PCI scope.', password });
  await signDecision(await actor('model-risk@example.com'), {
    packageId: pkg.id,
    stepKey: 'model_risk',
    decision: 'approve_with_conditions',
    reason: 'Performance on card-present transactions is not demonstrated to the same standard.',
    conditions: { scope: signedScope, reReviewOn, text: 'Card-present scoring stays on the incumbent rules engine.' },
    ...(input.obligations ? { obligations: input.obligations } : {}),
    password,
  });
  await signDecision(await actor('security@example.com'), { packageId: pkg.id, stepKey: 'security', decision: 'approve', reason: 'Scoring service controls reviewed; no open findings.', password });
  return { id: pkg.id, versionLabel };
}
