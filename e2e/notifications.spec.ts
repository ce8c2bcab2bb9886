// In-app notifications in Chromium against the real server: once data governance and model
// risk approve a fresh credit package, fair lending finds "your step is now active" in the
// navigation count and on the notifications page, opens it and lands on the package; then
// marks everything read.
import { test, expect } from './support/test.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { freshCreditPackage } from './support/fresh-credit-package.ts';
import { loginAs } from './support/login.ts';

test('fair lending is notified that its step is active, opens the package, and marks all read', async ({ page, baseURL }) => {
  const fresh = await freshCreditPackage(baseURL ?? '');

  await loginAs(page, 'fair-lending@example.com');
  const nav = page.getByRole('navigation', { name: 'Main' });
  // The count is in the link's name, e.g. "Notifications, 3 unread".
  await nav.getByRole('link', { name: /^Notifications ?, [1-9]\d* unread$/ }).click();
  await expect(page).toHaveURL('/notifications');
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();

  const list = page.getByRole('list', { name: 'Notifications, newest first' });
  const item = list.getByRole('listitem').filter({ hasText: fresh.versionLabel });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Unread');
  await expect(item).toContainText('Your step is active');
  await expectNoAxeViolations(page);

  await item.getByRole('link', { name: /Your step, Fair lending, is now active/ }).click();
  await expect(page).toHaveURL(`/packages/${fresh.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await nav.getByRole('link', { name: /^Notifications/ }).click();
  await page.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(nav.getByRole('link', { name: /^Notifications ?, 0 unread$/ })).toBeVisible();
  await expect(item).not.toContainText('Unread');
  await expect(page.getByRole('button', { name: 'Mark all as read' })).toBeHidden();
  await expectNoAxeViolations(page);
});
