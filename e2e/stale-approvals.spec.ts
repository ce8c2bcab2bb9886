// Stale approvals under the consumer-credit template, which lets approvals of untouched steps
// stand ('responsible_sections'): data governance, model risk and fair lending approve version
// 1, the committee asks for a clarification on subgroup fairness, and the owner resubmits with
// only that section changed. Only fair lending's approval goes stale (it is the only approved
// step responsible for subgroup fairness); the others stand, and the package page says so.
import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { PackageDetail } from '#domain/contracts/packages.ts';
import { retailCreditPdV2 } from '#demo/index.ts';
import { signDecision, signInActor } from '#scripts/lib/api-actor.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { freshCreditPackage } from './support/fresh-credit-package.ts';
import { loginAs } from './support/login.ts';
import { expect, test } from './support/test.ts';

const password = process.env.DEMO_PASSWORD ?? 'demo-password';

test('a resubmission changing only subgroup fairness makes only the fair-lending approval stale', async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const origin = baseURL ?? '';
  // Data governance and model risk have approved version 1; fair lending approves it too.
  const { id } = await freshCreditPackage(origin);
  await signDecision(await signInActor(origin, 'fair-lending@example.com', password), { packageId: id, stepKey: 'fair_lending', decision: 'approve', reason: 'Ratio within policy.', password });

  // The committee asks about subgroup fairness and pauses its step for the answer.
  const committee = await signInActor(origin, 'committee@example.com', password);
  const thread = await committee.post<{ id: string }>(`/api/packages/${id}/threads`, { versionNumber: 1, sectionKey: 'subgroup_fairness', kind: 'clarification', body: 'How does the 62+ ratio hold on the latest holdout?' });
  await signDecision(committee, { packageId: id, stepKey: 'committee', decision: 'request_clarification', reason: 'See the question on subgroup fairness.', password });

  // The owner answers with a version that changes the subgroup fairness section and nothing else.
  const owner = await signInActor(origin, 'owner@example.com', password);
  const before = await owner.get<PackageDetail>(`/api/packages/${id}`);
  expect(before.template.key).toBe('consumer-credit');
  const v1 = await owner.get<{ content: PackageContent }>(`/api/packages/${id}/versions/1`);
  const fairness = retailCreditPdV2.sections.find((section) => section.key === 'subgroup_fairness');
  if (!fairness) throw new Error('The demo version 2 has a subgroup fairness section');
  const content: PackageContent = { ...v1.content, sections: v1.content.sections.map((section) => (section.key === 'subgroup_fairness' ? fairness : section)) };
  await owner.post(`/api/packages/${id}/versions`, { content, answers: [{ target: { kind: 'clarification', threadId: thread.id }, answer: 'Recomputed on the latest holdout: 0.86.' }] });

  const after = await owner.get<PackageDetail>(`/api/packages/${id}`);
  expect(after.latestVersion).toBe(2);
  expect(after.steps.map((step) => [step.key, step.status, step.approvals.length, step.staleApprovals.length])).toEqual([
    ['data_governance', 'approved', 1, 0],
    ['model_risk', 'approved', 1, 0],
    ['fair_lending', 'active', 0, 1],
    ['committee', 'waiting', 0, 0],
  ]);
  expect(after.steps.find((step) => step.key === 'fair_lending')?.staleApprovals[0]).toMatchObject({ versionNumber: 1, actor: { displayName: 'Dana Whitfield' } });

  // The page shows it: the two standing approvals as they were, the fair-lending one marked stale.
  await loginAs(page, 'fair-lending@example.com', password);
  await page.goto(`/packages/${id}`);
  const steps = page.getByRole('region', { name: 'Review steps' });
  const items = steps.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
  await expect(items).toHaveCount(4);
  const stale = /no longer stands: a later version changed this step's sections/;
  await expect(steps.getByText(stale)).toHaveCount(1);
  await expect(items.nth(0)).toContainText('Approved');
  await expect(items.nth(0)).not.toContainText(stale);
  await expect(items.nth(1)).toContainText('Approved');
  await expect(items.nth(1)).not.toContainText(stale);
  await expect(items.nth(2)).toContainText('In review');
  await expect(items.nth(2)).toContainText(stale);
  await expect(items.nth(2)).toContainText('Approved by Dana Whitfield');
  // Fair lending decides again, on version 2.
  await expect(page.getByRole('region', { name: 'Your decision on Fair lending' })).toBeVisible();
  await expectNoAxeViolations(page);
});
