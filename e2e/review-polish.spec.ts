// Issue 22, the smaller defects a reviewer meets every day: a cold load of the log-in page logs
// no failed request; the sign dialog fits the window at a phone's and a laptop's size, keeps its
// actions in reach, and after a refusal says what went wrong at its top, with the attempts left
// after a wrong password.
import type { ConsoleMessage, Locator, Page } from '@playwright/test';
import { test, expect } from './support/test.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { loginAs } from './support/login.ts';

const retail = '/packages/pkg_retail_credit_pd';

test('a cold load of the log-in page logs no error: signed out is an answer, not a 401', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const session = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/session');
  await page.goto('/');
  expect((await session).status()).toBe(200);
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(errors).toEqual([]);
});

async function openSignDialog(page: Page, choice: string, title: string) {
  const bar = page.getByRole('region', { name: 'Review bar' });
  await bar.getByRole('button', { name: 'Decide…' }).click();
  await page.getByRole('dialog', { name: /^Your decision on / }).getByRole('button', { name: choice, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** The dialog's frame (the modal around it) lies inside the window: nothing is cut off, it scrolls inside instead. */
async function expectInsideWindow(page: Page, dialog: Locator) {
  const box = await dialog.locator('xpath=..').boundingBox();
  const size = page.viewportSize();
  if (!box || !size) throw new Error('No dialog frame or window size');
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(size.height);
  expect(box.x + box.width).toBeLessThanOrEqual(size.width);
}

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1280, height: 720 },
]) {
  test(`the sign dialog fits at ${viewport.width}×${viewport.height}, with its actions in reach and its problems summarised at the top`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await loginAs(page, 'fair-lending@example.com');
    await page.goto(retail);

    // The longest dialog: a rejection with its concerns.
    const reject = await openSignDialog(page, 'Reject', 'Sign: Rejected');
    await expectInsideWindow(page, reject);
    const sign = reject.getByRole('button', { name: 'Sign: Rejected' });
    await expect(sign).toBeInViewport();
    await sign.click();
    const summary = reject.getByRole('alert').filter({ hasText: 'Not signed' });
    await expect(summary).toBeFocused();
    await expect(summary).toBeInViewport();
    await expect(summary).toContainText('Enter your password to sign');
    // Each problem in the summary goes to its field.
    await summary.getByRole('button', { name: 'Enter your password to sign' }).click();
    await expect(reject.getByLabel('Your password')).toBeFocused();
    await expectNoAxeViolations(page);
    await reject.getByRole('button', { name: 'Cancel' }).click();

    // A wrong password: said at the top, with the attempts left before signing locks.
    const approve = await openSignDialog(page, 'Approve', 'Sign: Approved');
    await expect(approve.getByLabel('Your password')).toBeFocused();
    await page.keyboard.type('not-my-password');
    await page.keyboard.press('Enter');
    const refused = approve.getByRole('alert').filter({ hasText: 'Not signed' });
    await expect(refused).toBeFocused();
    await expect(refused).toBeInViewport();
    await expect(refused).toContainText(/\d attempts? left before signing is locked\./);
    await expectNoAxeViolations(page);
  });
}
