// Issue 22's measure of the review surface: the shortest honest review of the retail credit
// package by fair lending (open it from the inbox, mark every section reviewed with r, decide
// from the bar, sign) takes at most 15 actions. An action is a click or a key press that is not
// typing text (the password is typed, and not counted). The reader never scrolls back up to
// decide, and the signature is confirmed where they are. On a server of the test's own, as the
// decision changes the package (support/isolated-server.ts).
import { test, expect } from './support/isolated-server.ts';
import { loginAs } from './support/login.ts';

test('a reviewer reviews and signs the retail credit package in at most 15 actions, without scrolling back', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await loginAs(page, 'fair-lending@example.com');
  await expect(page).toHaveURL('/');

  const counted: string[] = [];
  const press = async (key: string) => {
    counted.push(key);
    await page.keyboard.press(key);
  };
  const scrollY = () => page.evaluate(() => window.scrollY);

  // 1: open the package from the inbox.
  counted.push('click the package');
  await page.getByRole('link', { name: 'Retail Credit PD', exact: true }).and(page.locator('[href="/packages/pkg_retail_credit_pd"]')).click();
  const bar = page.getByRole('region', { name: 'Review bar' });
  await expect(bar).toContainText(/0 of \d+ sections reviewed/);
  const total = await page.locator('[data-section-key]').count();

  // One r per section: each marks the section in view and moves to the next.
  let deepest = 0;
  for (let n = 1; n <= total; n += 1) {
    await press('r');
    await expect(bar).toContainText(`${n} of ${total} sections reviewed`);
    deepest = Math.max(deepest, await scrollY());
  }

  // After the last, "Decide…" has the focus; Enter opens the choices on Approve.
  const decide = bar.getByRole('button', { name: 'Decide…' });
  await expect(decide).toBeFocused();
  await expect(decide).toBeInViewport();
  const deciding = await scrollY();
  await press('Enter');
  const approve = page.getByRole('dialog', { name: 'Your decision on Fair lending' }).getByRole('button', { name: 'Approve', exact: true });
  await expect(approve).toBeFocused();
  await press('Enter');

  // The sign dialog opens on the password: typed, not counted; Enter signs.
  const dialog = page.getByRole('dialog', { name: 'Sign: Approved' });
  await expect(dialog.getByLabel('Your password')).toBeFocused();
  await page.keyboard.type(process.env.DEMO_PASSWORD ?? 'demo-password');
  await press('Enter');
  await expect(dialog).toBeHidden();

  // Confirmed where the reader is: announced, focused, on screen.
  const confirmation = page.getByRole('status').filter({ hasText: /^✓ Signed: Approved, on Retail Credit PD .+, version \d+\.Dismiss$/ });
  await expect(confirmation).toBeInViewport();
  await expect(page.locator('[data-confirmation]')).toBeFocused();
  await expect(page.getByRole('region', { name: 'Review steps' })).toContainText('Approved by Dana Whitfield');

  expect(counted.length, `actions: ${counted.join(', ')}`).toBeLessThanOrEqual(15);
  // Never back up the page to decide: the end of the package is still in view. (The decision
  // panel above the content goes once the step is decided, so scrollY may drop by its height.)
  expect(deepest).toBeGreaterThan(300);
  await expect(page.locator('[data-section-key]').last()).toBeInViewport();
  expect(await scrollY()).toBeGreaterThan(deciding / 2);
  await page.screenshot({ path: test.info().outputPath('signed-1280.png') });
});
