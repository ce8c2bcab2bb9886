// A card fraud package rejected, resubmitted with the concern answered, then approved by the
// whole chain, over the real API (each decision signed by password): what a registry must
// end up saying is the last outcome, Approved, with the approved content's hash.
import { submitPackageResponseSchema } from '#api/routes.ts';
import { cardFraudV1 } from '#demo/index.ts';
import { demoRiskAnswers } from '#demo/demo-risk-assessments.ts';
import { signDecision, signInActor, type SendRequest } from '#scripts/lib/api-actor.ts';

/** `afterRejection` runs once the rejection is signed, before the resubmission (a test runs its dispatcher there). */
export async function rejectResubmitApprove(input: { send: SendRequest; versionLabel: string; password?: string; afterRejection?: () => Promise<void> }): Promise<{ packageId: string }> {
  const password = input.password ?? 'demo-password';
  const actor = (email: string) => signInActor('http://localhost', email, password, input.send);
  const owner = await actor('owner@example.com');
  const content = { ...cardFraudV1, sections: cardFraudV1.sections.map((s) => (s.kind === 'identification' ? { ...s, versionLabel: input.versionLabel } : s)) };
  const { package: pkg } = submitPackageResponseSchema.parse(await owner.post('/api/packages', { modelKey: 'card-fraud-detection', versionLabel: input.versionLabel, content }));
  // Approval needs a risk assessment (decision record 0141): model risk's, as the demo's (0165).
  await (await actor('risk-tiering@example.com')).post(`/api/packages/${pkg.id}/risk-assessments`, { answers: demoRiskAnswers('card-fraud-detection') });
  const rejection = await signDecision(await actor('data-governance@example.com'), { packageId: pkg.id, stepKey: 'data_governance', decision: 'reject', reason: 'Retention basis missing.', concerns: [{ sectionKey: 'training_data', concern: 'No retention basis for chargebacks.', requiredChange: 'State the retention basis.' }], password });
  await input.afterRejection?.();
  const revised = { ...content, sections: content.sections.map((s) => (s.kind === 'identification' ? { ...s, changeSummary: `${s.changeSummary} Retention basis stated.` } : s)) };
  await owner.post(`/api/packages/${pkg.id}/versions`, { content: revised, answers: [{ target: { kind: 'concern', decisionId: rejection.id, index: 0 }, answer: 'Retention basis stated in the training data section.' }] });
  await signDecision(await actor('data-governance@example.com'), { packageId: pkg.id, stepKey: 'data_governance', decision: 'approve', reason: 'Retention basis now stated.', password });
  await signDecision(await actor('model-risk@example.com'), { packageId: pkg.id, stepKey: 'model_risk', decision: 'approve', reason: 'Performance within policy.', password });
  await signDecision(await actor('security@example.com'), { packageId: pkg.id, stepKey: 'security', decision: 'approve', reason: 'Controls reviewed.', password });
  return { packageId: pkg.id };
}
