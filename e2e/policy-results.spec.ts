// Issue 23, review of how a package is checked against the policy (decision records 0143, 0144):
// the approval record lists each version's results against the policy (requirement, policy
// bar, value, owner's bar, result, enforcement, policy version) and what changed from the
// version before; the diff names the results that changed. The retail credit package's
// version 1 failed the blocking fairness bar for applicants aged 62 and over; version 2 passes.
import { test, expect } from './support/test.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { loginAs } from './support/login.ts';
import { expectFitsWidth, shootAtWidths } from './support/screenshots.ts';

const retail = 'pkg_retail_credit_pd';

test('the record lists each version\'s policy results and what changed; the diff names the results that changed', async ({ page }, testInfo) => {
  await loginAs(page, 'committee@example.com');
  await page.goto(`/packages/${retail}/record`);
  const history = page.getByRole('region', { name: /^Version history/ });
  await expect(history.getByRole('heading', { level: 4, name: /^Policy results: Consumer credit models .*\(consumer-credit version 1\), entered review flagged$/ })).toBeVisible();
  // The policy version's terms, from the definition the record carries (0166).
  await expect(history.getByText(/^Policy terms: Applies to risk tiers 1, 2 in Consumer lending; a blocking failure enters review flagged; approval-ratio required for subgroups age-18-24/)).toHaveCount(2);
  const first = history.getByRole('table', { name: 'Policy results of version 1' });
  const older = first.getByRole('row').filter({ hasText: 'approval-ratio, Age band: 62 and over' });
  await expect(older.getByRole('cell')).toHaveText(['at least 0.8', '0.78', 'at least 0.8', 'Fail', 'Blocking']);
  const second = history.getByRole('table', { name: 'Policy results of version 2' });
  await expect(second.getByRole('row').filter({ hasText: /^auc/ }).getByRole('cell')).toHaveText(['at least 0.75', '0.774', 'at least 0.75', 'Pass', 'Blocking']);
  // The owner's bar for PSI is stricter than the policy's: shown, not marked weaker.
  await expect(second.getByRole('row').filter({ hasText: /^psi/ })).not.toContainText('Weaker than policy');
  await expect(history).toContainText('Changed from version 1: approval-ratio (Age band: 62 and over) fail → pass.');
  await expectNoAxeViolations(page);
  // An evidence requirement's long bar wraps: at 1280 px the results table shows Result and Enforcement without scrolling.
  await expectFitsWidth(page, history, 1280);
  await history.getByRole('table', { name: 'Policy results of version 1' }).scrollIntoViewIfNeeded();
  await shootAtWidths(page, 'record-policy-results', (name) => testInfo.outputPath(name), false);

  await page.goto(`/packages/${retail}/diff?from=1&to=2`);
  const results = page.getByRole('region', { name: 'Policy results' });
  await expect(results).toContainText('Both versions were checked against Consumer credit models');
  await expect(results).toContainText('1 requirement changed result.');
  await expect(results.getByRole('table', { name: 'Policy results that changed from Version 1 to Version 2' }).getByRole('row').nth(1).getByRole('cell')).toHaveText(['Blocking', 'Fail (0.78)', 'Pass']);
  await expectNoAxeViolations(page);
  // On a phone the result after the change stays in view: the enforcement is said beside the requirement.
  await expectFitsWidth(page, results);
  await shootAtWidths(page, 'diff-policy-results', (name) => testInfo.outputPath(name), false);
});
