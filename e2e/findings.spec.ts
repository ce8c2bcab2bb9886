// A finding's round trip in Chromium against the real server (issue 19): fair lending raises a
// high finding on a passage of Subgroup fairness, by keyboard; their approval is then refused by
// the sign dialog's list of blockers; the owner proposes and completes a remediation; fair
// lending verifies it and the approval is signed with nothing left to override. The findings
// page and the register are checked with axe, and shown at three widths.
import { expectNoAxeViolations } from './support/axe.ts';
import { freshCreditPackage } from './support/fresh-credit-package.ts';
import { tabTo } from './support/keyboard.ts';
import { loginAs } from './support/login.ts';
import { expect, test } from './support/test.ts';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

test('a reviewer raises a high finding, it blocks approval until the owner remediates and the reviewer verifies', async ({ page, baseURL }) => {
  test.setTimeout(150_000);
  const { id } = await freshCreditPackage(baseURL ?? '');
  const title = `Age 62+ ratio under the floor (${Date.now().toString(36)})`;

  // Fair lending raises it from the package's findings page, by keyboard.
  await loginAs(page, 'fair-lending@example.com');
  await page.goto(`/packages/${id}`);
  await page.getByRole('navigation', { name: 'Evidence' }).getByRole('link', { name: 'Findings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Findings: / })).toBeVisible();
  await expect(page.getByText('No findings on this package.')).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Raise a finding' }));
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: 'Raise a finding on version 1' });
  await form.getByRole('combobox', { name: 'Section' }).selectOption({ label: 'Subgroup fairness' });
  await tabTo(page, form.getByRole('textbox', { name: /^Passage/ }));
  await page.keyboard.type('62 and over');
  await tabTo(page, form.getByRole('textbox', { name: 'Title' }));
  await page.keyboard.type(title);
  await page.keyboard.press('Tab');
  await page.keyboard.type('The disparate impact ratio for applicants aged 62 and over is 0.78, under the 0.80 floor.');
  // Sent without a severity first: the refusal sits next to the field, and nothing is stored.
  await tabTo(page, form.getByRole('textbox', { name: 'Due date' }));
  await page.getByRole('textbox', { name: 'Due date' }).fill(inDays(30));
  await tabTo(page, form.getByRole('button', { name: 'Raise the finding' }));
  await page.keyboard.press('Enter');
  const severity = form.getByRole('combobox', { name: 'Severity' });
  await expect(severity).toBeFocused();
  await expect(severity).toHaveAccessibleDescription(/A finding needs a severity/);
  await severity.selectOption('high');
  await expectNoAxeViolations(page);
  await tabTo(page, form.getByRole('button', { name: 'Raise the finding' }));
  await page.keyboard.press('Enter');
  const finding = page.getByRole('article', { name: title });
  await expect(finding).toContainText('High');
  await expect(finding).toContainText('Open');
  await expect(finding).toContainText('62 and over');
  await expectNoAxeViolations(page);

  // The approval is refused: the sign dialog lists the finding before anything is typed.
  await page.goto(`/packages/${id}`);
  const panel = page.getByRole('region', { name: 'Your decision on Fair lending' });
  await tabTo(page, panel.getByRole('button', { name: 'Approve', exact: true }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Sign: Approved' });
  await expect(dialog.getByRole('list', { name: 'What blocks this approval' }).getByRole('listitem')).toHaveText([new RegExp(`^☐High finding by Dana Whitfield on Subgroup fairness, “${title.replace(/[()+]/g, '\\$&')}”: open, not verified$`)]);
  await tabTo(page, dialog.getByRole('button', { name: 'Cancel' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  // The owner proposes a remediation, then says it is done.
  await page.context().clearCookies();
  await loginAs(page, 'owner@example.com');
  await page.goto(`/packages/${id}/findings`);
  await expect(page.getByRole('button', { name: 'Raise a finding' })).toHaveCount(0);
  await tabTo(page, finding.getByRole('button', { name: 'Propose a remediation' }));
  await page.keyboard.press('Enter');
  await expect(finding.getByRole('textbox', { name: 'Remediation plan' })).toBeFocused();
  await page.keyboard.type('Reweight the 62+ band and re-run the holdout.');
  await tabTo(page, finding.getByRole('button', { name: 'Propose a remediation' }));
  await page.keyboard.press('Enter');
  await expect(finding).toContainText('Remediation proposed');
  await tabTo(page, finding.getByRole('button', { name: 'Mark remediated' }));
  await page.keyboard.press('Enter');
  await page.keyboard.type('Ratio now 0.86 on the same holdout; table refreshed.');
  await tabTo(page, finding.getByRole('button', { name: 'Mark remediated' }));
  await page.keyboard.press('Enter');
  await expect(finding.getByText('Remediated', { exact: true })).toBeVisible();
  await expect(finding.getByRole('button', { name: 'Verify and close' })).toHaveCount(0);

  // Fair lending verifies it; the approval goes through without an override.
  await page.context().clearCookies();
  await loginAs(page, 'fair-lending@example.com');
  await page.goto(`/packages/${id}/findings`);
  await tabTo(page, finding.getByRole('button', { name: 'Verify and close' }));
  await page.keyboard.press('Enter');
  await page.keyboard.type('Checked the refreshed table.');
  await tabTo(page, finding.getByRole('button', { name: 'Verify and close' }));
  await page.keyboard.press('Enter');
  await expect(finding).toContainText('Verified and closed');
  await finding.getByText(/^History/).click();
  await expect(finding.getByRole('listitem')).toHaveCount(4);
  await expectNoAxeViolations(page);

  await page.goto(`/packages/${id}`);
  await tabTo(page, panel.getByRole('button', { name: 'Approve', exact: true }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'What blocks this approval' })).toHaveCount(0);
  await tabTo(page, dialog.getByLabel('Your password'));
  await page.keyboard.type('demo-password');
  await tabTo(page, dialog.getByRole('button', { name: 'Sign: Approved' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Review steps' })).toContainText('Approved by Dana Whitfield, Fair Lending Officer · version 1');

  // The register finds it by filter, and links back to it.
  await page.goto('/findings?severity=high&status=verified&sort=severity');
  const row = page.getByRole('row').filter({ hasText: title });
  await expect(row).toBeVisible();
  await expectNoAxeViolations(page);
  for (const width of [390, 1280, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/findings-register-${width}.png`, fullPage: true });
  }
  await row.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/packages/${id}/findings#finding-`));
  for (const width of [390, 1280, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/findings-page-${width}.png`, fullPage: true });
  }
});

test('findings show with their section on the review page and on the committee dashboard', async ({ page }) => {
  test.setTimeout(90_000);
  // The retail credit package's two findings, raised on version 1, carried over to version 2 with their sections.
  await loginAs(page, 'fair-lending@example.com');
  await page.goto('/packages/pkg_retail_credit_pd?version=2#section-subgroup_fairness');
  const group = page.getByRole('group', { name: /^Findings on this section/ }).first();
  await expect(group).toContainText('Carried over from version 1.');
  await expect(group).toContainText('High, verified and closed');
  await tabTo(page, group.getByRole('link').first());
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/packages\/pkg_retail_credit_pd\/findings#finding-/);
  await page.goto('/packages/pkg_retail_credit_pd?version=2#section-subgroup_fairness');
  await expect(page.getByRole('group', { name: /^Findings on this section/ }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  for (const width of [390, 1280, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByRole('group', { name: /^Findings on this section/ }).first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/findings-inline-${width}.png` });
  }

  await page.context().clearCookies();
  await loginAs(page, 'committee@example.com');
  await page.goto('/dashboard');
  const findings = page.getByRole('region', { name: 'Findings' });
  await expect(findings.getByRole('list', { name: 'Open findings by severity' })).toBeVisible();
  await expect(findings).toContainText(/Accepted risks expiring within 30 days/);
  await expectNoAxeViolations(page);
  for (const width of [390, 1280, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await findings.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/findings-dashboard-${width}.png` });
  }
});

test('the version diff shows each section’s findings with it, marked changed or unchanged, and reaches them by keyboard', async ({ page }) => {
  test.setTimeout(90_000);
  // The retail credit package's findings were raised on version 1 and verified on version 2, whose Subgroup fairness changed.
  await loginAs(page, 'fair-lending@example.com');
  await page.goto('/packages/pkg_retail_credit_pd/diff?from=1&to=2#subgroup_fairness');
  const section = page.locator('[data-section-key="subgroup_fairness"]');
  await expect(section).toBeFocused();
  const group = page.getByRole('group', { name: 'Findings on Subgroup fairness (1)' });
  await expect(group).toContainText('Section changed since raised');
  await expect(group).toContainText('High, remediation proposed at version 1 → verified and closed at version 2');
  await expect(group.getByRole('blockquote')).toHaveText('62 and over');
  await expectNoAxeViolations(page);
  // The diff is a virtualized list: at another width, scroll down from the section until the findings are drawn.
  for (const width of [390, 1440, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.reload();
    await expect(section).toBeFocused();
    for (let i = 0; i < 40 && !(await group.isVisible()); i++) await page.mouse.wheel(0, 300);
    await group.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/findings-diff-${width}.png` });
  }
  // From the section, Tab reaches the finding's link; Enter opens it on the findings page.
  await page.reload();
  await expect(section).toBeFocused();
  const link = group.getByRole('link', { name: /^Disparate impact ratio of 0\.78/ });
  await tabTo(page, link, { maxPresses: 120 });
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/packages\/pkg_retail_credit_pd\/findings#finding-/);
  await expect(page.getByRole('heading', { level: 1, name: /^Findings: / })).toBeVisible();
});
