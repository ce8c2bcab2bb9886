// The governance metrics of the committee dashboard against the real server (issue 23): each
// figure's link opens the list it counts (changes this month: the inventory's `changed` list, decision 0156), and the list has that many rows; the trend's table
// alternative opens by keyboard; axe finds nothing; screenshots at 390, 1280 and 1440 px.
import { test, expect } from './support/test.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { tabTo } from './support/keyboard.ts';
import { loginAs } from './support/login.ts';
import { shootAtWidths } from './support/screenshots.ts';
import { expectInventoryRows, governance, openDashboard } from './support/governance-lists.ts';

test('every governance figure followed opens a list with that many rows; the trend table opens by keyboard; axe finds nothing', async ({ page }, testInfo) => {
  await loginAs(page, 'committee@example.com');
  await openDashboard(page);
  await expect(governance(page).getByRole('list', { name: 'Policy violations' }).getByRole('listitem')).toHaveCount(3);
  await expectNoAxeViolations(page);
  await shootAtWidths(page, 'governance-metrics', (name) => testInfo.outputPath(name), true);
  // The section itself, at each width, to look at closely.
  for (const width of [1440, 1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await governance(page).screenshot({ path: testInfo.outputPath(`governance-section-${width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  await expectInventoryRows(page, 'Pending approval', 'pending');
  await shootAtWidths(page, 'inventory-pending', (name) => testInfo.outputPath(name), false);
  await expectInventoryRows(page, 'Tier 1 \\(critical\\)', 'current');
  await expectInventoryRows(page, 'With all approvals', 'approved');
  await expectNoAxeViolations(page);

  // Changes this month: new packages and resubmissions, the inventory's list of packages with a version submitted since the 1st.
  await expectInventoryRows(page, 'Changes this month', 'changed');
  await expect(page.getByLabel('Governance list').locator('option:checked')).toHaveText('Submitted or resubmitted this month');

  // Audit chain integrity: a trend of the signed tree heads, and the audit log behind it.
  await openDashboard(page);
  const chain = governance(page).getByRole('list', { name: 'Audit chain integrity' });
  await expect(chain.getByRole('listitem')).toContainText('of the last 12');
  await chain.getByRole('link', { name: 'Audit chain integrity: open the audit log' }).click();
  await expect(page).toHaveURL(/\/audit$/);

  // By keyboard: to a figure's link, Enter opens its list; on the way back, a trend's table.
  await openDashboard(page);
  const assessed = governance(page).getByRole('link', { name: /^With a risk assessment: show the/ });
  await tabTo(page, assessed, { maxPresses: 120 });
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/governance=assessed/);

  await openDashboard(page);
  const pendingCard = governance(page).getByRole('listitem').filter({ hasText: 'Pending approval' });
  const summary = pendingCard.getByText('Last 12 months');
  await tabTo(page, summary, { maxPresses: 120 });
  await page.keyboard.press('Enter');
  const table = pendingCard.getByRole('table', { name: /Versions submitted for review, per month/ });
  await expect(table).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(13);
  await expectNoAxeViolations(page);
});
