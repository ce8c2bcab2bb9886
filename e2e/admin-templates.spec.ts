// Workflow template administration by keyboard: an administrator opens the tier 4 template,
// publishes a step with no approvals and sees the server's error beside the field, fixes it,
// confirms, and sees the new version listed. Tier 4 is used because no demo package runs on
// it, so the other specs sharing this server are not affected.
import { test, expect } from './support/test.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { tabTo } from './support/keyboard.ts';
import { loginAs } from './support/login.ts';

test('an administrator publishes a new template version by keyboard; an invalid step shows its error beside the field', async ({ page }) => {
  await loginAs(page, 'admin@example.com');
  await tabTo(page, page.getByRole('link', { name: 'Templates', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Workflow templates' })).toBeVisible();
  const tier4Row = page.getByRole('row', { name: /Tier 4 \(experimental\) models/ });
  await expect(tier4Row).toContainText('Version 1 of 1');
  await expectNoAxeViolations(page);

  await tabTo(page, page.getByRole('link', { name: 'Tier 4 (experimental) models' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Tier 4 (experimental) models' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Current version: 1' })).toBeVisible();
  await expectNoAxeViolations(page);

  await tabTo(page, page.getByRole('link', { name: 'Create version 2' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'New version of Tier 4 (experimental) models' })).toBeVisible();

  const step = page.getByRole('group', { name: 'Step 1: Model risk management' });
  const approvals = step.getByLabel('Approvals required');
  await tabTo(page, approvals);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('0');
  await tabTo(page, page.getByRole('button', { name: 'Publish version 2…' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Publish version 2 of Tier 4 (experimental) models?' });
  await expect(dialog).toContainText('A new version applies to packages submitted from now on; existing packages keep theirs.');
  await tabTo(page, dialog.getByRole('button', { name: 'Publish version 2', exact: true }));
  await page.keyboard.press('Enter');

  await expect(dialog).toBeHidden();
  await expect(approvals).toHaveAttribute('aria-invalid', 'true');
  await expect(approvals).toHaveAccessibleDescription('A step needs at least 1 approval');
  await expect(page.getByRole('alert').filter({ hasText: 'Version 2 was not published.' })).toContainText('A step needs at least 1 approval');
  await expectNoAxeViolations(page);

  await tabTo(page, approvals);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  await tabTo(page, page.getByRole('button', { name: 'Publish version 2…' }));
  await page.keyboard.press('Enter');
  await tabTo(page, dialog.getByRole('button', { name: 'Publish version 2', exact: true }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('status').filter({ hasText: 'Version 2 published.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Current version: 2' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Current version: 2' })).toContainText('2 approvals');
  await expect(page.getByRole('region', { name: 'Version history' })).toContainText('Version 1: 1 step');
  await expectNoAxeViolations(page);

  await tabTo(page, page.getByRole('link', { name: 'All workflow templates' }), { backwards: true });
  await page.keyboard.press('Enter');
  await expect(tier4Row).toContainText('Version 2 of 2');
  await expectNoAxeViolations(page);
});
