// The emergency approval path end to end against the real server: on a fresh credit package
// (consumer-credit, whose template lets the committee use the path), the committee member
// signs an emergency approval in the UI by password; the package shows the follow-up banner
// with a VALID signature, the dashboard lists it; once the chain completes (through the API),
// the follow-up shows as completed and the dashboard no longer lists it. Segregation of duties:
// the emergency approval is the committee member's step of the package, so the follow-up's
// committee step is signed by a second committee member, whom an administrator adds.
import type { Page } from '@playwright/test';
import type { PackageDetail } from '#domain/contracts/packages.ts';
import { signDecision, signInActor, type ApiActor } from '#scripts/lib/api-actor.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { loginAs } from './support/login.ts';
import { expect, test } from './support/test.ts';
import { submitAssessedCredit } from './support/assessed-package.ts';

const password = process.env.DEMO_PASSWORD ?? 'demo-password';

/** A fresh version 1 of the demo credit model, no decision on it yet: this spec's own. */
async function freshCreditPackage(origin: string): Promise<string> {
  return submitAssessedCredit(origin, `4.5.0-emergency.${Date.now().toString(36)}`);
}

/** A committee member of this spec's own, added by an administrator; their temporary password replaced, as at a first sign-in. */
async function secondCommitteeMember(origin: string): Promise<{ actor: ApiActor; password: string }> {
  const email = `committee-${Date.now().toString(36)}@example.com`;
  const temporaryPassword = 'amber falcon river stone';
  const own = 'quiet harbour lantern moss';
  const admin = await signInActor(origin, 'admin@example.com', password);
  // The committee decides: the account is a request the second administrator approves (0175).
  const filed = await admin.post<{ id: string }>('/api/admin/account-requests', { kind: 'create_account', email, displayName: 'Amara Osei', title: 'Member, AI Governance Committee', roles: ['committee'], temporaryPassword });
  await (await signInActor(origin, 'admin-deputy@example.com', password)).post(`/api/admin/account-requests/${filed.id}/approval`, null);
  await (await signInActor(origin, email, temporaryPassword)).post('/api/account/password', { currentPassword: temporaryPassword, newPassword: own });
  return { actor: await signInActor(origin, email, own), password: own };
}

async function emergencyRow(page: Page, incident: string) {
  await page.goto('/dashboard');
  const section = page.getByRole('region', { name: /^Emergency approvals awaiting follow-up/ });
  await expect(section).toBeVisible();
  return section.getByRole('row').filter({ hasText: incident });
}

test('a committee member signs an emergency approval; the package and the dashboard show its follow-up until the chain completes it', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const origin = baseURL ?? '';
  const id = await freshCreditPackage(origin);
  const incident = `INC-${Date.now() % 1_000_000}`;

  await loginAs(page, 'committee@example.com', password);
  await page.goto(`/packages/${id}`);
  const path = page.getByRole('region', { name: 'Emergency approval path' });
  await path.getByRole('button', { name: 'Emergency approval…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign: Emergency approval' });
  await expect(dialog).toContainText('This makes version 1 deployable now, before its review chain has completed.');
  await expect(dialog.getByText(/^SHA-256 [0-9a-f]{16}…$/)).toBeVisible();

  // Nothing filled in: each problem beside its field, and the dialog passes axe.
  await dialog.getByRole('button', { name: 'Sign emergency approval' }).click();
  await expect(dialog.getByLabel('Incident reference')).toHaveAccessibleDescription(/for example INC-4821/);
  await expect(dialog.getByLabel('Justification')).toHaveAccessibleDescription(/at least 20 characters/);
  await expectNoAxeViolations(page);

  await dialog.getByLabel('Incident reference').fill(incident);
  await dialog.getByLabel('Justification').fill('The PD model in production mis-scores the new thin-file segment; losses grow daily.');
  await dialog.getByRole('checkbox').check();
  await dialog.getByLabel('Your password').fill(password);
  await dialog.getByRole('button', { name: 'Sign emergency approval' }).click();
  await expect(dialog).toBeHidden();

  const banner = page.getByRole('region', { name: `Emergency approval ${incident}` });
  await expect(banner).toContainText(new RegExp(`Emergency approval by Robert Castellano on .+, incident ${incident}: follow-up review open`));
  await expect(banner.getByText('✓ Signature VALID')).toBeVisible();
  await expect(page.getByText('Emergency approved (follow-up open)').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Emergency approval path' })).toHaveCount(0);

  await expect(await emergencyRow(page, incident)).toContainText('Data governance');

  // The follow-up review: the chain completes, each step by its own reviewer.
  const steps = [
    ['data-governance@example.com', 'data_governance'],
    ['model-risk@example.com', 'model_risk'],
    ['fair-lending@example.com', 'fair_lending'],
  ] as const;
  for (const [email, stepKey] of steps) {
    await signDecision(await signInActor(origin, email, password), { packageId: id, stepKey, decision: 'approve', reason: 'Follow-up review of the emergency approval.', password });
  }
  // Not the emergency approver: one person decides one step of a package.
  const committee = await signInActor(origin, 'committee@example.com', password);
  await expect(signDecision(committee, { packageId: id, stepKey: 'committee', decision: 'approve', reason: 'Follow-up.', password })).rejects.toThrow(/HTTP 403 .*already decided the emergency approval of this package/);
  const member = await secondCommitteeMember(origin);
  await signDecision(member.actor, { packageId: id, stepKey: 'committee', decision: 'approve', reason: 'Follow-up review of the emergency approval.', password: member.password });
  expect((await committee.get<PackageDetail>(`/api/packages/${id}`)).status).toBe('approved');

  await page.goto(`/packages/${id}`);
  await expect(banner).toContainText(new RegExp(`incident ${incident}: follow-up completed on `));
  await expect(banner.getByText('✓ Signature VALID')).toBeVisible();
  await expect(await emergencyRow(page, incident)).toHaveCount(0);
});
