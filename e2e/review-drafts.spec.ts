// Batched review (issue 22): a reviewer's comment is a draft on the server until they publish
// it. By keyboard alone, fair lending drafts a comment on the retail credit package; the
// review bar counts it; a reload and a second browser (another device, same reviewer) show
// it; the owner sees no thread yet; "Publish 1 comment" publishes it. On a server of the
// test's own, as publishing changes the package (support/isolated-server.ts).
import type { Browser, Page } from '@playwright/test';
import { test, expect } from './support/isolated-server.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { loginAs } from './support/login.ts';
import { tabTo } from './support/keyboard.ts';

const retail = '/packages/pkg_retail_credit_pd';
const bar = (page: Page) => page.getByRole('region', { name: 'Review bar' });

async function openAs(browser: Browser, baseURL: string | undefined, email: string, width = 1280, height = 720): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, ...(baseURL ? { baseURL } : {}) });
  const page = await context.newPage();
  await loginAs(page, email);
  await page.goto(retail);
  return page;
}

test('a drafted comment is saved on the server, counted in the bar, private, and published once', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await loginAs(page, 'fair-lending@example.com');
  await page.goto(retail);
  await expect(page.getByRole('region', { name: 'Identification' })).toBeVisible();

  // j to the training data section, a to annotate it, a comment typed and saved as a draft.
  const training = page.getByRole('region', { name: 'Training data provenance' });
  for (let i = 0; i < 4; i++) await page.keyboard.press('j');
  await expect(training).toBeFocused();
  await page.keyboard.press('a');
  const form = training.getByRole('form', { name: 'Annotate “Training data provenance”' });
  // The kind is a radio group: focus lands on the checked one, arrows choose.
  await expect(form.getByRole('radio', { name: /^Clarification request/ })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(form.getByRole('radio', { name: /^Comment/ })).toBeChecked();
  const comment = `State the bureau snapshot date next to each dataset (${Date.now().toString(36)}).`;
  await tabTo(page, form.getByRole('textbox', { name: 'Your message' }));
  await page.keyboard.type(comment);
  await tabTo(page, form.getByRole('button', { name: 'Save as draft' }));
  await page.keyboard.press('Enter');
  await expect(form).toBeHidden();
  await expect(bar(page).getByRole('button', { name: '1 unpublished' })).toBeVisible();
  // A draft is not a thread: nothing is on the page for anyone to answer.
  await expect(training.getByRole('article').filter({ hasText: comment })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // A reload loses nothing.
  await page.reload();
  await expect(bar(page).getByRole('button', { name: '1 unpublished' })).toBeVisible();

  // Another device of the same reviewer shows it; the owner's does not, and has no thread.
  const phone = await openAs(browser, baseURL, 'fair-lending@example.com', 390, 844);
  const phoneCount = bar(phone).getByRole('button', { name: '1 unpublished' });
  await expect(phoneCount).toBeVisible();
  await phoneCount.click();
  await expect(bar(phone).getByRole('list', { name: 'Unpublished drafts' })).toContainText(`Comment on Training data provenance: “${comment.slice(0, 40)}`);
  await expect.poll(() => phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await phone.screenshot({ path: test.info().outputPath('review-drafts-390.png') });
  await phone.context().close();
  const owner = await openAs(browser, baseURL, 'owner@example.com');
  await expect(owner.getByRole('heading', { level: 1, name: 'Retail Credit PD 4.2.0' })).toBeVisible();
  await expect(owner.getByText(comment)).toHaveCount(0);
  await owner.context().close();

  for (const [width, height] of [
    [1440, 900],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: test.info().outputPath(`review-drafts-${width}.png`) });
  }

  // Published from the bar, by keyboard: the thread appears, the count goes.
  // The page grows with what the demo shows (risk assessment, obligations): allow for a longer Tab path.
  await tabTo(page, bar(page).getByRole('button', { name: 'Publish 1 comment' }), { maxPresses: 250 });
  await page.keyboard.press('Enter');
  await expect(bar(page).getByRole('button', { name: /unpublished/ })).toHaveCount(0);
  await expect(bar(page).getByRole('status').filter({ hasText: '1 comment published.' })).toBeAttached();
  await expect(training.getByRole('article', { name: /^Comment/ }).filter({ hasText: comment })).toBeVisible();
  await expectNoAxeViolations(page);
});
