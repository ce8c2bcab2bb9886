// A rollback end to end (issue 23, docs/decisions/0135), on a server of its own (it withdraws
// the demo's approval): the committee opens the card fraud package, the approval in force, and
// rolls it back; a reason too short is refused next to its field; the package then says it was
// rolled back, and the dashboard's "Rollbacks this month" opens the audit entry behind it. Axe
// finds nothing; screenshots at 390, 1280 and 1440 px.
import type { Locator } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.ts';
import { test, expect } from './support/isolated-server.ts';
import { loginAs } from './support/login.ts';
import { shootAtWidths } from './support/screenshots.ts';

const password = process.env.DEMO_PASSWORD ?? 'demo-password';

test.describe.configure({ timeout: 120_000 });

/** A section alone at each width, to look at closely. */
async function shootSection(section: Locator, name: string, outputPath: (name: string) => string) {
  const page = section.page();
  for (const width of [1440, 1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await section.screenshot({ path: outputPath(`${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('the committee rolls back the approval in force with a reason; the package and the dashboard show it', async ({ page }, testInfo) => {
  await loginAs(page, 'committee@example.com', password);
  await page.goto('/packages/pkg_card_fraud_detection');
  const offer = page.getByRole('region', { name: 'Rollback' });
  await expect(offer).toContainText('This is the approval in force for');
  await offer.getByRole('button', { name: 'Roll back this approval' }).click();

  const form = page.getByRole('form', { name: 'Roll back this approval' });
  await expect(form).toContainText('has no earlier approved version');
  await form.getByLabel('Reason').fill('drift');
  await form.getByRole('button', { name: 'Roll back the approval' }).click();
  const reason = form.getByLabel('Reason');
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(reason).toBeFocused();
  await expect(form).toContainText('at least 10 characters');
  await expectNoAxeViolations(page);
  await shootAtWidths(page, 'rollback-form-page', (name) => testInfo.outputPath(name), true);
  await shootSection(form, 'rollback-form', (name) => testInfo.outputPath(name));

  await reason.fill('Chargeback rate doubled after release; withdrawn until revalidated.');
  await form.getByRole('button', { name: 'Roll back the approval' }).click();
  const done = page.getByRole('region', { name: 'Approval rolled back' });
  await expect(done).toContainText('Chargeback rate doubled after release');
  await expect(done).toContainText('Robert Castellano (AI governance committee)');
  await expect(done).toContainText('the model has no approval in force');
  await expectNoAxeViolations(page);
  await shootSection(done, 'rollback-done', (name) => testInfo.outputPath(name));

  // The dashboard's figure and the list behind it.
  await page.goto('/dashboard');
  const governance = page.getByRole('region', { name: 'Governance metrics' });
  const link = governance.getByRole('link', { name: /^Rollbacks this month: show the/ });
  await expect(link).toContainText('Show the 1 audit entry');
  await shootAtWidths(page, 'rollback-dashboard', (name) => testInfo.outputPath(name), true);
  await link.click();
  await expect(page).toHaveURL(/\/audit\?action=package\.rolled_back&from=\d{4}-\d{2}-01$/);
  await expect(page.getByRole('status').filter({ hasText: /match these filters/ })).toHaveText('1 entry match these filters, newest first.');
  await expectNoAxeViolations(page);
});
