// A model owner creates an API token for their model (it submits in their name), sees its
// secret once, and revokes it; the token is refused from then on. An administrator sees every
// token but creates none for someone else's model. Keyboard and axe checked on the page.
import { test, expect } from './support/test.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { loginAs } from './support/login.ts';
import { goToAccountPage, goToAdminPage } from './support/header.ts';

test('a model owner creates an API token, sees the secret once, and revokes it', async ({ page, request }) => {
  await loginAs(page, 'owner@example.com');
  await goToAccountPage(page, 'API tokens');
  await expect(page.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Nothing chosen: both fields say what is missing, and nothing is created.
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(page.getByLabel('Model')).toHaveAccessibleDescription(/Choose the model/);
  await expect(page.getByLabel('Name')).toHaveAccessibleDescription(/Name this token/);

  await page.getByLabel('Model').selectOption('card-fraud-detection');
  const name = `E2E pipeline ${Date.now()}`;
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Name').press('Enter');

  const notice = page.getByRole('region', { name: `Copy the token “${name}” now` });
  await expect(notice).toContainText('You will not see it again.');
  const secret = (await notice.getByLabel("The token's secret").textContent())?.trim() ?? '';
  expect(secret).toMatch(/^mat_[A-Za-z0-9_-]{43}$/);
  await expectNoAxeViolations(page);

  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('card-fraud-detection');
  await expect(row).toContainText('Active');
  await notice.getByRole('button', { name: 'I have stored it' }).click();
  await expect(notice).toBeHidden();
  await expect(page.getByText(secret)).toHaveCount(0);

  // Revoke, with a confirmation that takes the focus.
  await row.getByRole('button', { name: `Revoke ${name}` }).click();
  const confirm = row.getByRole('group', { name: `Confirm revoking ${name}` });
  await expect(confirm.getByRole('button', { name: 'Revoke token' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(row).toContainText('Revoked');
  await expect(row).toContainText('by Priya Natarajan');

  // The revoked token is refused by the API (a request without the page's session cookie).
  const refused = await request.post('/api/packages', { headers: { authorization: `Bearer ${secret}` }, data: { modelKey: 'card-fraud-detection', versionLabel: '9.9.9', content: {} } });
  expect(refused.status()).toBe(401);
});

test('an administrator sees every token but may create none for a model they do not own', async ({ page }) => {
  await loginAs(page, 'admin@example.com');
  await goToAdminPage(page, 'API tokens');
  await expect(page.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible();
  await expect(page.getByText('You own no model yet: a token is created by the owner of the model it submits for, and submits in their name.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create token' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  // The API says the same: a token an administrator made would submit in the owner's name.
  const minted = await page.request.post('/api/tokens', { data: { modelKey: 'card-fraud-detection', name: 'In the owner’s name' } });
  expect(minted.status()).toBe(403);
  expect(((await minted.json()) as { detail: string }).detail).toBe('This action needs the Model owner role.');
});
