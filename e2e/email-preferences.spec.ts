// Email preferences in Chromium against the real server (which has no SMTP here, and says so):
// reached from the menu under the user's name, one choice per kind of notification, changed
// by keyboard alone, saved, and still there after a reload; no sideways scroll and nothing for
// axe at 1440, 1280 and 390 px, with a screenshot of each saved for a person to look at.
import { test, expect } from './support/test.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { goToAccountPage } from './support/header.ts';
import { loginAs } from './support/login.ts';

const viewports = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
];

test('a reviewer chooses what is mailed to them, by keyboard, and it is kept', async ({ page }) => {
  await loginAs(page, 'privacy@example.com');
  await goToAccountPage(page, 'Email notifications');
  await expect(page).toHaveURL('/account/notifications');
  await expect(page.getByRole('heading', { level: 1, name: 'Email notifications' })).toBeVisible();
  await expect(page.getByText('This server sends no email yet')).toBeVisible();
  await expect(page.getByText('privacy@example.com', { exact: true })).toBeVisible();

  const stepActive = page.getByRole('group', { name: 'Your step is active' });
  const reReview = page.getByRole('group', { name: 'A re-review is due' });
  await expect(stepActive.getByRole('radio', { name: 'At once' })).toBeChecked();
  await expect(reReview.getByRole('radio', { name: 'In the daily digest' })).toBeChecked();

  // By keyboard: focus the checked choice of a group, the arrow keys move the choice.
  await stepActive.getByRole('radio', { name: 'At once' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(stepActive.getByRole('radio', { name: 'In the daily digest' })).toBeChecked();
  await reReview.getByRole('radio', { name: 'In the daily digest' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(reReview.getByRole('radio', { name: 'No email' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Save email preferences' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Your email preferences are saved.');

  await page.reload();
  await expect(page.getByRole('group', { name: 'Your step is active' }).getByRole('radio', { name: 'In the daily digest' })).toBeChecked();
  await expect(page.getByRole('group', { name: 'A re-review is due' }).getByRole('radio', { name: 'No email' })).toBeChecked();
  await expect(page.getByRole('group', { name: 'Your package was approved' }).getByRole('radio', { name: 'At once' })).toBeChecked();

  for (const viewport of viewports) {
    await page.setViewportSize(viewport);
    await expect(page.getByRole('heading', { level: 1, name: 'Email notifications' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: test.info().outputPath(`email-preferences-${viewport.width}.png`), fullPage: true });
  }
});
