// The committee's dashboard against the real server: models by risk tier, pending and
// overdue reviews, a conditional approval coming up for re-review, recent decisions and the
// audit log's integrity as the server states it; axe on the whole page.
import { decisionMeanings } from '#domain/contracts/decisions.ts';
import type { PackageDetail, PackageVersion } from '#domain/contracts/packages.ts';
import { governanceOver } from '#scripts/lib/signed-governance.ts';
import { signingPayloadType, type SigningPayload } from '#domain/contracts/signatures.ts';
import { contentHash } from '#domain/package/content-hash.ts';
import { signInActor, type ApiActor } from '#scripts/lib/api-actor.ts';
import { test, expect } from './support/test.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { freshCreditPackage } from './support/fresh-credit-package.ts';
import { loginAs } from './support/login.ts';

const password = process.env.DEMO_PASSWORD ?? 'demo-password';
const day = 86_400_000;

/** Fair lending approves with conditions by password, as the sign dialog would. */
async function approveWithConditions(actor: ApiActor, packageId: string, reReviewOn: string): Promise<void> {
  const pkg = await actor.get<PackageDetail>(`/api/packages/${packageId}`);
  const version = await actor.get<PackageVersion>(`/api/packages/${packageId}/versions/${pkg.latestVersion}`);
  const nonce = await actor.post<{ nonce: string; issuedAt: string }>('/api/signing/nonces', { packageId });
  const payload: SigningPayload = {
    type: signingPayloadType,
    packageId,
    versionNumber: version.number,
    contentHash: await contentHash(version.content),
    stepKey: 'fair_lending',
    role: 'fair_lending',
    decision: 'approve_with_conditions',
    meaning: decisionMeanings.approve_with_conditions,
    reason: 'Ratio at 0.86; monitor monthly.',
    conditions: { scope: 'Prime segment only', reReviewOn, text: 'Re-test the disparate impact ratio on the next quarter.' },
    concerns: [],
    signer: actor.user,
    nonce: nonce.nonce,
    issuedAt: nonce.issuedAt,
    governance: await governanceOver((path) => actor.get(path), packageId, version.number),
  };
  await actor.post(`/api/packages/${packageId}/decisions`, { payload, authentication: { method: 'password', password } });
}

test('the committee sees the inventory by tier, pending reviews, an upcoming re-review, recent decisions and the log’s integrity', async ({ page, baseURL }) => {
  const origin = baseURL ?? '';
  const fresh = await freshCreditPackage(origin);
  const reReviewOn = new Date(Date.now() + 12 * day).toISOString().slice(0, 10);
  await approveWithConditions(await signInActor(origin, 'fair-lending@example.com', password), fresh.id, reReviewOn);

  await loginAs(page, 'committee@example.com');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page).toHaveURL('/dashboard');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  // Other specs may add packages to the same server: counts are at least the demo's.
  const tiers = page.getByRole('table', { name: /Models per risk tier/ });
  await expect(tiers.getByRole('row')).toHaveCount(5);
  const tier = async (name: string) => (await tiers.getByRole('row', { name: new RegExp(`^${name}`) }).getByRole('cell').allTextContents()).map(Number);
  const [tier1Models = 0, tier1InReview = 0] = await tier('Tier 1');
  expect(tier1Models).toBeGreaterThanOrEqual(2);
  expect(tier1InReview).toBeGreaterThanOrEqual(2);
  const [tier2Models = 0, , tier2Approved = 0] = await tier('Tier 2');
  expect(tier2Models).toBeGreaterThanOrEqual(2);
  expect(tier2Approved).toBeGreaterThanOrEqual(1);

  // The demo's own packages, by version: hostile-content.spec.ts submits more under the clinical model's name.
  const pending = page.getByRole('region', { name: /^Pending reviews/ });
  await expect(pending.getByRole('rowheader', { name: /Clinical Deterioration Risk .* 2\.0\.1$/ })).toBeVisible();
  await expect(pending.getByRole('rowheader', { name: /Support Assistant .* 1\.3\.0$/ })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Overdue reviews/ })).toBeVisible();
  // Its heading counts the whole list; its link opens all of it in the inventory (decision record 0159).
  const pendingTotal = Number(/\((\d+)\)/.exec((await pending.getByRole('heading', { level: 2 }).textContent()) ?? '')?.[1]);
  expect(await pending.getByRole('rowheader').count()).toBe(Math.min(pendingTotal, 10));
  const showAll = pending.getByRole('link', { name: pendingTotal > 10 ? `Show all ${pendingTotal} pending reviews` : 'Open the pending reviews in the inventory' });
  await expect(showAll).toHaveAttribute('href', '/?tab=all&governance=pending');

  const reReviews = page.getByRole('region', { name: /^Re-reviews/ });
  const row = reReviews.getByRole('row', { name: new RegExp(`Retail Credit PD ${fresh.versionLabel.replaceAll('.', '\\.')}`) });
  await expect(row).toContainText('Fair lending');
  await expect(row).toContainText('Dana Whitfield');
  await expect(row).toContainText('Within 30 days');
  await expect(row.getByRole('link', { name: 'Retail Credit PD' })).toHaveAttribute('href', `/packages/${fresh.id}`);

  const recent = page.getByRole('region', { name: 'Recent decisions' }).getByRole('listitem');
  await expect(recent.first()).toBeVisible();
  expect(await recent.count()).toBeLessThanOrEqual(20);

  // The page states the server's verdict on the log, whatever it is.
  const verdict = (await (await page.request.get('/api/audit/verify')).json()) as { valid: boolean };
  const integrity = page.getByRole('region', { name: 'Audit log integrity' });
  await expect(integrity.getByText(verdict.valid ? /^✓ Intact — [\d,]+ entries$/ : /Broken at entry #\d+/)).toBeVisible();
  await expect(integrity.getByRole('link', { name: /audit log/ })).toHaveAttribute('href', '/audit');
  await expectNoAxeViolations(page);
});
