// A full review by keyboard alone, deciding from the sticky review bar (issue 22, defect 5):
// fair lending opens the retail credit package (version 2, their step), marks every section
// with r (each folds as it is marked, focus moving to the next), then decides from the bar at
// the end of the page, never scrolling back up to the decision panel. On a server of the
// test's own, as the decision changes the package (support/isolated-server.ts).
import type { Page } from '@playwright/test';
import { test, expect } from './support/isolated-server.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { loginAs } from './support/login.ts';
import { tabTo } from './support/keyboard.ts';

const retail = '/packages/pkg_retail_credit_pd';
const bar = (page: Page) => page.getByRole('region', { name: 'Review bar' });

test('a reviewer marks every section with r and decides from the bar without scrolling back', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await loginAs(page, 'fair-lending@example.com');
  await page.goto(retail);
  const sections = page.locator('[data-section-key]');
  await expect(bar(page)).toContainText(/0 of \d+ sections reviewed/);
  const total = await sections.count();
  expect(total).toBeGreaterThan(5);
  await expect(bar(page)).toContainText(`0 of ${total} sections reviewed`);
  await page.screenshot({ path: test.info().outputPath('review-bar-1280.png') });

  let deepest = 0;
  for (let n = 1; n <= total; n += 1) {
    await page.keyboard.press('r');
    await expect(bar(page)).toContainText(`${n} of ${total} sections reviewed`);
    deepest = Math.max(deepest, await page.evaluate(() => window.scrollY));
  }
  // Every section folded: its body hidden, "Show section" to open it again.
  await expect(page.locator('[data-section-body]:visible')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Show section/ })).toHaveCount(total);

  // After the last, focus is on "Decide…", in the bar, on screen where the reader is.
  const decide = bar(page).getByRole('button', { name: 'Decide…' });
  await expect(decide).toBeFocused();
  await expect(decide).toBeInViewport();
  const before = await page.evaluate(() => window.scrollY);
  expect(before).toBeGreaterThan(300);
  await expectNoAxeViolations(page);
  await page.keyboard.press('Enter');

  const chooser = page.getByRole('dialog', { name: 'Your decision on Fair lending' });
  await expect(chooser).toContainText('You have reviewed every section of this version.');
  await tabTo(page, chooser.getByRole('button', { name: 'Approve', exact: true }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Sign: Approved' });
  await tabTo(page, dialog.getByLabel('Your password'));
  await page.keyboard.type('demo-password');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Review steps' })).toContainText('Approved by Dana Whitfield');
  // The reader never went back up to the panel above the content: the end of the package is
  // still in view and they are still below where the sections begin (the page above may shrink
  // once the decision is recorded, without anything on screen moving).
  await expect(sections.last()).toBeInViewport();
  const contentTop = await page.evaluate(() => (document.querySelector('[data-section-key]')?.getBoundingClientRect().top ?? 0) + window.scrollY);
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(contentTop);
  // Their step is decided: the bar no longer offers a decision.
  await expect(bar(page).getByRole('button', { name: 'Decide…' })).toHaveCount(0);
});

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
]) {
  test(`the review bar fits at ${viewport.width} px and stays on screen while scrolling`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await loginAs(page, 'fair-lending@example.com');
    await page.goto(retail);
    await expect(bar(page)).toContainText(/0 of \d+ sections reviewed/);
    await page.keyboard.press('r');
    await page.keyboard.press('r');
    await expect(bar(page)).toContainText(/2 of \d+ sections reviewed/);
    await page.mouse.wheel(0, 4000);
    await expect(bar(page)).toBeInViewport();
    await expect(bar(page).getByRole('button', { name: 'Decide…' })).toBeInViewport();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: test.info().outputPath(`review-bar-${viewport.width}.png`) });
    await expectNoAxeViolations(page);
  });
}
