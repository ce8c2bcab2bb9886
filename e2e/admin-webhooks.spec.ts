// An administrator registers a webhook endpoint (a bad address is refused, the secret is
// shown once), opens its delivery log, and disables it after confirming; keyboard and axe.
import { test, expect } from './support/test.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { loginAs } from './support/login.ts';
import { goToAdminPage } from './support/header.ts';

test('register a webhook endpoint, see its secret once, open its log, disable it', async ({ page }) => {
  const url = `https://deploy.example.com/hooks/${Date.now()}`;
  await loginAs(page, 'admin@example.com');
  await goToAdminPage(page, 'Webhooks');
  await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();

  await page.getByLabel('Address').fill('ftp://files.example.com/drop');
  await page.getByRole('checkbox', { name: /Re-review due/ }).check();
  await page.getByRole('checkbox', { name: /Package fully approved/ }).uncheck();
  await page.getByRole('button', { name: 'Register endpoint' }).click();
  await expect(page.getByLabel('Address')).toHaveAccessibleDescription(/http:\/\/ or https:\/\//);

  await page.getByLabel('Address').fill(url);
  await page.getByLabel('Description (optional)').fill('E2E receiver');
  await page.getByLabel('Description (optional)').press('Enter');
  const secret = page.getByLabel('The signing secret', { exact: true });
  await expect(secret).toHaveText(/^whsec_[A-Za-z0-9+/]{43}=$/);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'I have stored it' }).click();
  await expect(secret).toHaveCount(0);

  const item = page.getByRole('listitem').filter({ hasText: url });
  await expect(item).toContainText('Enabled');
  await expect(item).toContainText('package.re_review_due');
  await item.getByRole('button', { name: 'Show deliveries of E2E receiver' }).click();
  await expect(item.getByText('Nothing has been sent to this endpoint yet.')).toBeVisible();

  // Keyboard: the confirmation takes focus; Enter confirms.
  await item.getByRole('button', { name: 'Disable E2E receiver' }).focus();
  await page.keyboard.press('Enter');
  await expect(item.getByRole('button', { name: 'Disable endpoint' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(item).toContainText('Disabled: deliveries wait');
  await expectNoAxeViolations(page);
});
