// An administrator publishes the next risk tiering method version (decision record 0137) on a
// server of its own (publishing changes what every later assessment is scored by): a weighted
// scorecard whose weights do not add up to 100 is refused beside the field, corrected, and the
// new version appears as the one scoring new assessments. Keyboard only; axe; three widths.
import { expectNoAxeViolations } from './support/axe.ts';
import { test, expect } from './support/isolated-server.ts';
import { loginAs } from './support/login.ts';
import { shootAtWidths } from './support/screenshots.ts';
import { approveAsDeputy, proposedNotice } from './support/catalogue.ts';

const password = process.env.DEMO_PASSWORD ?? 'demo-password';

test.describe.configure({ timeout: 120_000 });

test('the administrator publishes a weighted scorecard version and it becomes the current tiering method', async ({ page, baseURL }, testInfo) => {
  await loginAs(page, 'admin@example.com', password);
  await page.goto('/admin/risk-tiering');
  const methods = page.getByRole('table', { name: 'Tiering method versions' });
  await expect(methods).toContainText('standard version 1 (scores new assessments)');
  const form = page.getByRole('form', { name: 'Propose method version 2' });

  await form.getByLabel('Name').fill('Weighted fairness scorecard');
  // The kind by keyboard: the radio group is reached with Tab and moved with the arrow keys.
  await form.getByRole('radio', { name: /^Risk matrix/ }).focus();
  await page.keyboard.press('ArrowUp');
  await expect(form.getByRole('radio', { name: /^Weighted scorecard/ })).toBeChecked();
  for (const category of ['Model quality', 'Security', 'Privacy', 'Regulatory']) {
    await form.getByRole('checkbox', { name: category }).focus();
    await page.keyboard.press('Space');
  }
  await form.getByLabel('Fairness (%)').fill('70');
  await form.getByLabel('Data (%)').fill('20');
  await form.getByLabel('Tier 1 from').fill('12');
  await form.getByLabel('Tier 2 from').fill('8');
  await form.getByLabel('Tier 3 from').fill('4');
  await form.getByRole('button', { name: 'Propose method version 2' }).click();
  const weights = form.getByRole('group', { name: /Weights, in percent/ });
  await expect(weights).toHaveAccessibleDescription('The weights add up to 90%, not 100%');
  await expect(methods).not.toContainText('version 2');
  await expectNoAxeViolations(page);
  await shootAtWidths(page, 'tiering-method-refused', (name) => testInfo.outputPath(name), true);

  await form.getByLabel('Data (%)').fill('30');
  await form.getByLabel('Data (%)').press('Enter');
  // Two administrators (the demo's): the version is proposed, and the deputy approves it (0182).
  await expect(page.getByRole('status')).toHaveText(proposedNotice);
  await approveAsDeputy(baseURL ?? '', 'tiering method standard');
  await page.reload();
  await expect(methods).toContainText('standard version 2 (scores new assessments)');
  await expect(methods).toContainText('Weights: data 30 %, fairness 70 %');
  await expect(methods.getByRole('row').filter({ hasText: 'standard version 1' })).not.toContainText('scores new assessments');
  await expect(page.getByRole('button', { name: 'Propose method version 3' })).toBeVisible();
  await expectNoAxeViolations(page);
  await shootAtWidths(page, 'tiering-method-published', (name) => testInfo.outputPath(name), true);
});
