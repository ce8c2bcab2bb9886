// In-app notifications in Chromium against the real server: once data governance and model
// risk approve a fresh credit package, fair lending finds "your step is now active" in the
// navigation count and on the notifications page, which reads them (the count drops to 0 on
// the server at once), and follows one to the package.
import { test, expect } from './support/test.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { freshCreditPackage } from './support/fresh-credit-package.ts';
import { loginAs } from './support/login.ts';
import { decisionMeanings } from '#domain/contracts/decisions.ts';
import type { PackageDetail, PackageVersion } from '#domain/contracts/packages.ts';
import { governanceOver } from '#scripts/lib/signed-governance.ts';
import { signingPayloadType, type SigningPayload } from '#domain/contracts/signatures.ts';
import { contentHash } from '#domain/package/content-hash.ts';
import { auditPageSchema } from '#domain/contracts/audit.ts';
import { signInActor } from '#scripts/lib/api-actor.ts';

test('fair lending is notified that its step is active; opening the list marks it read; the link opens the package', async ({ page, baseURL }) => {
  const fresh = await freshCreditPackage(baseURL ?? '');

  await loginAs(page, 'fair-lending@example.com');
  const nav = page.getByRole('navigation', { name: 'Main' });
  // The count is in the link's name, e.g. "Notifications, 3 unread".
  await nav.getByRole('link', { name: /^Notifications ?, [1-9]\d* unread$/ }).click();
  await expect(page).toHaveURL('/notifications');
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();

  const list = page.getByRole('list', { name: 'Notifications, newest first' });
  const item = list.getByRole('listitem').filter({ hasText: fresh.versionLabel });
  await expect(item).toHaveCount(1);
  // New on this visit, and read on the server as soon as the list is open.
  await expect(item).toContainText('New');
  await expect(item).toContainText('Your step is active');
  await expect(nav.getByRole('link', { name: /^Notifications ?, 0 unread$/ })).toBeVisible();
  await expect(page.getByText(/^[1-9]\d* new since your last visit, now marked read\./)).toBeVisible();
  await expectNoAxeViolations(page);

  await item.getByRole('link', { name: /Your step, Fair lending, is now active/ }).click();
  await expect(page).toHaveURL(`/packages/${fresh.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // Read is remembered by the server: back on the list (a fresh load), nothing is new.
  await page.goto('/notifications');
  await expect(nav.getByRole('link', { name: /^Notifications ?, 0 unread$/ })).toBeVisible();
  await expect(list.getByRole('listitem').filter({ hasText: fresh.versionLabel })).not.toContainText('New');
  const unread = (await (await page.request.get('/api/notifications')).json()) as { unreadCount: number };
  expect(unread.unreadCount).toBe(0);
  await expectNoAxeViolations(page);
});

/** Fair lending approves with conditions whose re-review date is today (UTC): due at once. */
async function approveWithReReviewToday(origin: string, packageId: string): Promise<string> {
  const password = process.env.DEMO_PASSWORD ?? 'demo-password';
  const dana = await signInActor(origin, 'fair-lending@example.com', password);
  const pkg = await dana.get<PackageDetail>(`/api/packages/${packageId}`);
  const version = await dana.get<PackageVersion>(`/api/packages/${packageId}/versions/${pkg.latestVersion}`);
  const nonce = await dana.post<{ nonce: string; issuedAt: string }>('/api/signing/nonces', { packageId });
  const reReviewOn = new Date().toISOString().slice(0, 10);
  const payload: SigningPayload = {
    type: signingPayloadType,
    packageId,
    versionNumber: version.number,
    contentHash: await contentHash(version.content),
    stepKey: 'fair_lending',
    role: 'fair_lending',
    decision: 'approve_with_conditions',
    meaning: decisionMeanings.approve_with_conditions,
    reason: 'Ratios meet policy on the holdout.',
    conditions: { scope: 'Unsecured personal loans only', reReviewOn, text: 'Re-review with the first quarter of production data.' },
    concerns: [],
    signer: { id: dana.user.id, displayName: dana.user.displayName, title: dana.user.title },
    nonce: nonce.nonce,
    issuedAt: nonce.issuedAt,
    governance: await governanceOver((path) => dana.get(path), packageId, version.number),
  };
  await dana.post(`/api/packages/${packageId}/decisions`, { payload, authentication: { method: 'password', password } });
  return reReviewOn;
}

test('the owner is told when an approval with conditions reaches its re-review date, and opens the package', async ({ page, baseURL }) => {
  const fresh = await freshCreditPackage(baseURL ?? '');
  const reReviewOn = await approveWithReReviewToday(baseURL ?? '', fresh.id);
  // The server's sweep runs every second under e2e (scripts/e2e-server.ts): its audit entry is the
  // event to wait for, not a number of reloads that each get a second (too short on a loaded machine).
  const owner = await signInActor(baseURL ?? '', 'owner@example.com', process.env.DEMO_PASSWORD ?? 'demo-password');
  await expect
    .poll(async () => auditPageSchema.parse(await owner.get(`/api/packages/${fresh.id}/audit?action=package.re_review_due`)).items.length, { timeout: 30_000 })
    .toBe(1);

  await loginAs(page, 'owner@example.com');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: /^Notifications/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const list = page.getByRole('list', { name: 'Notifications, newest first' });
  const item = list.getByRole('listitem').filter({ hasText: 'Re-review of Retail Credit PD' }).filter({ hasText: fresh.versionLabel });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Re-review due');
  await expect(item).toContainText(reReviewOn);
  // Read as soon as it was listed: nothing is left unread.
  await expect(nav.getByRole('link', { name: /^Notifications ?, 0 unread$/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await item.getByRole('link', { name: /Re-review of .* is due/ }).click();
  await expect(page).toHaveURL(`/packages/${fresh.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
