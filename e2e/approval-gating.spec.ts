// The governance gate in the browser (docs/decisions/0141): a package whose version fails a
// blocking requirement of its policy, entered review flagged, cannot be approved; the decision
// panel says why and leaves Reject open, and the server refuses the approval too.
import { submitPackageResponseSchema } from '#api/packages/routes.ts';
import { creditRiskAnswers } from '#demo/fresh-packages.ts';
import { retailCreditPdV1 } from '#demo/index.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import { signDecision, signInActor } from '#scripts/lib/api-actor.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { loginAs } from './support/login.ts';
import { expect, test } from './support/test.ts';

const password = process.env.DEMO_PASSWORD ?? 'demo-password';

test('a flagged blocking failure disables Approve with its reasons; the server refuses the approval; Reject stays open', async ({ page, baseURL }, testInfo) => {
  const origin = baseURL ?? '';
  const versionLabel = `4.6.0-gate.${Date.now().toString(36)}`;
  const content: PackageContent = { ...retailCreditPdV1, sections: retailCreditPdV1.sections.map((s) => (s.kind === 'identification' ? { ...s, versionLabel } : s)) };
  const owner = await signInActor(origin, 'owner@example.com', password);
  const id = submitPackageResponseSchema.parse(await owner.post('/api/packages', { modelKey: 'retail-credit-pd', versionLabel, content })).package.id;
  await (await signInActor(origin, 'risk-tiering@example.com', password)).post(`/api/packages/${id}/risk-assessments`, { answers: creditRiskAnswers() });

  const dataGovernance = await signInActor(origin, 'data-governance@example.com', password);
  await expect(signDecision(dataGovernance, { packageId: id, stepKey: 'data_governance', decision: 'approve', reason: 'Looks fine.', password })).rejects.toThrow(/HTTP 409 .*approval-ratio.*consumer-credit version 1/);

  await loginAs(page, 'data-governance@example.com', password);
  await page.goto(`/packages/${id}`);
  const panel = page.getByRole('region', { name: /^Your decision on / });
  const note = panel.getByRole('note', { name: 'Why approval is unavailable' });
  await expect(note).toContainText('approval-ratio');
  await expect(note).toContainText('policy consumer-credit version 1');
  await expect(panel.getByRole('button', { name: 'Approve', exact: true })).toBeDisabled();
  await expect(panel.getByRole('button', { name: 'Approve with conditions' })).toBeDisabled();
  await expect(panel.getByRole('button', { name: 'Reject' })).toBeEnabled();
  await expectNoAxeViolations(page);
  for (const width of [390, 1280, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await note.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`approval-gate-${width}.png`) });
  }
});
