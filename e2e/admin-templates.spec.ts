// Workflow template administration by keyboard: an administrator opens the tier 4 template,
// publishes a step with no approvals and sees the server's error beside the field, fixes it,
// confirms, and sees the new version listed. Tier 4 is used because no demo package runs on
// it, so the other specs sharing this server are not affected.
import { test, expect } from './support/test.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { tabTo } from './support/keyboard.ts';
import { loginAs } from './support/login.ts';
import { goToAdminPageByKeyboard } from './support/header.ts';
import { approveAsDeputy, changeAsAdministrators, proposedNotice } from './support/catalogue.ts';

test('an administrator publishes a new template version by keyboard; an invalid step shows its error beside the field', async ({ page, baseURL }) => {
  await loginAs(page, 'admin@example.com');
  await goToAdminPageByKeyboard(page, 'Templates');
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
  await tabTo(page, page.getByRole('button', { name: 'Propose version 2…' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Propose version 2 of Tier 4 (experimental) models?' });
  await expect(dialog).toContainText('A new version applies to packages submitted from now on; existing packages keep theirs.');
  await tabTo(page, dialog.getByRole('button', { name: 'Propose version 2', exact: true }));
  await page.keyboard.press('Enter');

  await expect(dialog).toBeHidden();
  await expect(approvals).toHaveAttribute('aria-invalid', 'true');
  await expect(approvals).toHaveAccessibleDescription('A step needs at least 1 approval');
  await expect(page.getByRole('alert').filter({ hasText: 'Version 2 was not proposed.' })).toContainText('A step needs at least 1 approval');
  await expectNoAxeViolations(page);

  await tabTo(page, approvals);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  // Relaxing segregation of duties is one explicit choice, said on the version afterwards.
  const relax = page.getByRole('checkbox', { name: 'Relax it: one person may decide more than one step of a package' });
  await expect(relax).not.toBeChecked();
  await tabTo(page, relax);
  await page.keyboard.press('Space');
  await expect(relax).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Propose version 2…' }));
  await page.keyboard.press('Enter');
  await tabTo(page, dialog.getByRole('button', { name: 'Propose version 2', exact: true }));
  await page.keyboard.press('Enter');

  // Two administrators (the demo's): the version is proposed, and the deputy approves it (0182).
  await expect(page.getByRole('status').filter({ hasText: proposedNotice })).toBeVisible();
  await approveAsDeputy(baseURL ?? '', 'tier-4');
  await page.goto('/admin/templates/tier-4');
  await expect(page.getByRole('heading', { name: 'Current version: 2' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Current version: 2' })).toContainText('2 approvals');
  await expect(page.getByRole('region', { name: 'Current version: 2' })).toContainText('Segregation of duties: relaxed — one person may decide more than one step of a package.');
  await expect(page.getByRole('region', { name: 'Version history' })).toContainText('Version 1: 1 step');
  await expectNoAxeViolations(page);

  await tabTo(page, page.getByRole('link', { name: 'All workflow templates' }), { backwards: true });
  await page.keyboard.press('Enter');
  await expect(tier4Row).toContainText('Version 2 of 2');
  await expectNoAxeViolations(page);
});

// A new template key from the list page, by keyboard. It covers tier 4 for a business line
// of its own, so no other spec's packages fall under it; the key and line carry a suffix so
// a retry on the same server does not collide with the first attempt.
test('an administrator defines a new template by keyboard; a key already taken is refused beside the key field', async ({ page, baseURL }) => {
  const suffix = Date.now().toString(36);
  // The organisation lists the line first (docs/decisions/0168).
  await changeAsAdministrators(baseURL ?? '', { kind: 'add_business_line', change: { label: `E2E sandbox ${suffix}` } });
  await loginAs(page, 'admin@example.com');
  await goToAdminPageByKeyboard(page, 'Templates');
  await expect(page.getByRole('heading', { level: 1, name: 'Workflow templates' })).toBeVisible();
  await tabTo(page, page.getByRole('link', { name: 'New template' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'New workflow template' })).toBeVisible();
  await expectNoAxeViolations(page);

  const key = page.getByLabel('Key', { exact: true });
  const typeInto = async (field: ReturnType<typeof page.getByLabel>, text: string) => {
    await tabTo(page, field);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
  };
  const check = async (box: ReturnType<typeof page.getByLabel>) => {
    await tabTo(page, box);
    await page.keyboard.press('Space');
    await expect(box).toBeChecked();
  };
  await typeInto(key, 'tier-4');
  await typeInto(page.getByLabel('Name', { exact: true }), 'Sandbox chain');
  await check(page.getByRole('checkbox', { name: 'Tier 4' }));
  await typeInto(page.getByLabel('Business lines'), `E2E sandbox ${suffix}`);
  const step = page.getByRole('group', { name: /^Step 1/ });
  await typeInto(step.getByLabel('Step name'), 'Model risk review');
  await typeInto(step.getByLabel('Step key'), 'model_risk');
  const role = step.getByLabel('Role');
  await tabTo(page, role);
  // A closed select takes type-ahead, as it does for a keyboard user.
  await page.keyboard.type('Model risk');
  await expect(role).toHaveValue('model_risk');
  await check(step.getByRole('checkbox', { name: 'Evaluation against policy thresholds' }));

  await tabTo(page, page.getByRole('button', { name: 'Propose template…' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Propose the new template Sandbox chain?' });
  await expect(dialog).toContainText('version 1 under the key "tier-4"');
  await expectNoAxeViolations(page);
  await tabTo(page, dialog.getByRole('button', { name: 'Propose template', exact: true }));
  await page.keyboard.press('Enter');

  await expect(dialog).toBeHidden();
  await expect(key).toHaveAttribute('aria-invalid', 'true');
  await expect(key).toHaveAccessibleDescription(/The key "tier-4" is already taken by "Tier 4 \(experimental\) models"/);
  await expect(page.getByRole('alert').filter({ hasText: 'The template was not proposed.' })).toContainText('already taken');
  await expectNoAxeViolations(page);

  const newKey = `sandbox-${suffix}`;
  await typeInto(key, newKey);
  await tabTo(page, page.getByRole('button', { name: 'Propose template…' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toContainText(`version 1 under the key "${newKey}"`);
  await tabTo(page, dialog.getByRole('button', { name: 'Propose template', exact: true }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('status').filter({ hasText: proposedNotice })).toBeVisible();
  await approveAsDeputy(baseURL ?? '', newKey);
  await page.goto(`/admin/templates/${newKey}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Sandbox chain' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Current version: 1' })).toContainText(`Risk tier 4, for E2E sandbox ${suffix}`);
  await expect(page.getByRole('region', { name: 'Current version: 1' })).toContainText('Step 1: Model risk review');
  await expectNoAxeViolations(page);

  await tabTo(page, page.getByRole('link', { name: 'All workflow templates' }), { backwards: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('row', { name: /Sandbox chain/ })).toContainText('Version 1 of 1');
});
