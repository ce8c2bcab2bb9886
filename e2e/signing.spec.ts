// Signing in Chromium against the real server: a reviewer signs an approval by password and
// sees it VALID beside the decision; then an attacker with access to the database file
// changes the signed version's content, and the page and the verification route both say
// INVALID, with the reason. The attacker's changes stay on a server of this test's own
// (support/isolated-server.ts): the shared server and its immutability trigger are untouched.
import { DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import { test, expect } from './support/isolated-server.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { loginAs } from './support/login.ts';

const retail = 'pkg_retail_credit_pd';

test('a reviewer signs by password; tampering with the stored version makes its signatures INVALID', async ({ page, isolatedServer }) => {
  await loginAs(page, 'fair-lending@example.com');
  await page.goto(`/packages/${retail}`);
  const panel = page.getByRole('region', { name: 'Your decision on Fair lending' });
  await panel.getByRole('button', { name: 'Approve', exact: true }).click();

  const dialog = page.getByRole('dialog', { name: 'Sign: Approved' });
  await expect(dialog.getByText(/^SHA-256 [0-9a-f]{16}…$/)).toBeVisible();
  await expect(dialog).toContainText('Dana Whitfield, Fair Lending Officer — Fair lending');
  await expectNoAxeViolations(page);
  await dialog.getByLabel('Reason (optional)').fill('Ratio now 0.86 on the same holdout; LDA search documented.');
  await dialog.getByLabel('Your password').fill('demo-password');
  await dialog.getByRole('button', { name: 'Sign: Approved' }).click();
  await expect(dialog).toBeHidden();

  const steps = page.getByRole('region', { name: 'Review steps' });
  await expect(steps).toContainText('Approved by Dana Whitfield, Fair Lending Officer · version 2');
  // The new signature verifies; the five seeded before it are demonstration data, never VALID.
  await expect(steps.getByText('✓ Signature VALID')).toHaveCount(1);
  await expect(steps.getByText('Demonstration data, not signed by anyone')).toHaveCount(5);
  await expect(steps.getByText(/Signature INVALID/)).toHaveCount(0);

  // The attacker: past the database's own refusal (they drop the trigger), they make
  // version 2 look better than what was signed.
  const database = new DatabaseSync(path.join(isolatedServer.dataDir, 'model-approval.sqlite'));
  try {
    database.exec('DROP TRIGGER IF EXISTS package_versions_no_update');
    const changed = database.prepare("UPDATE package_versions SET canonical_content = replace(canonical_content, 'Ratio now **0.86**', 'Ratio now **0.91**') WHERE package_id = ? AND number = 2").run(retail);
    expect(changed.changes).toBe(1);
  } finally {
    database.close();
  }

  await page.reload();
  // The three decisions on version 2 no longer verify (the new one among them); version 1's
  // three are unchanged demonstration data.
  await expect(steps.getByText('✓ Signature VALID')).toHaveCount(0);
  await expect(steps.getByText('✕ Signature INVALID:')).toHaveCount(3);
  await expect(steps.getByText('Demonstration data, not signed by anyone')).toHaveCount(3);
  await expect(steps).toContainText('Content changed after signing');
  await expectNoAxeViolations(page);

  const verification = await page.request.get(`/api/packages/${retail}/verification`);
  expect(verification.status()).toBe(200);
  const verdicts = ((await verification.json()) as { decisions: { valid: boolean; demonstration: boolean; reasons: string[] }[] }).decisions;
  expect(verdicts.filter((v) => v.valid)).toHaveLength(0);
  expect(verdicts.filter((v) => v.reasons.some((r) => r.startsWith('Content changed after signing')))).toHaveLength(3);
  expect(verdicts.filter((v) => v.demonstration)).toHaveLength(5);
});
