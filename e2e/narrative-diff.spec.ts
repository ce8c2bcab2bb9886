// A narrative's diff reads as prose (issue 22, defect 4): the retail credit package's design
// and methodology, version 1 against version 2, shows its headings, bold and lists rendered,
// with the changes marked inside them, never the raw Markdown (`##`, `**`) word by word.
import type { Page } from '@playwright/test';
import { test, expect } from './support/test.ts';
import { loginAs } from './support/login.ts';
import { expectNoAxeViolations } from './support/axe.ts';

async function openDesignDiff(page: Page, mode = '') {
  await page.setViewportSize({ width: 1280, height: 900 });
  await loginAs(page, 'fair-lending@example.com');
  await page.goto(`/packages/pkg_retail_credit_pd/diff?from=1&to=2${mode}#design_methodology`);
  await expect(page.getByText(/^Compared \d+ sections in/)).toBeVisible();
}

const designDiff = (page: Page) => page.locator('[data-markdown-diff]').filter({ hasText: 'Changes in resubmission 2' }).first();

test('a narrative diff shows rendered prose with its changes marked, not raw Markdown', async ({ page }) => {
  await openDesignDiff(page);
  const diff = designDiff(page);
  await expect(diff).toBeVisible();
  // The heading added in version 2 is a heading, marked as inserted; the bold is bold.
  await expect(diff.getByRole('heading', { name: 'Changes in resubmission 2 (fair lending remediation)' })).toBeVisible();
  await expect(diff.locator('ins').filter({ hasText: 'Changes in resubmission 2' }).first()).toBeVisible();
  await expect(diff.locator('strong').filter({ hasText: '38 features' }).first()).toBeVisible();
  // A small edit inside a list item is marked word by word: the old count struck, the new underlined.
  const trees = diff.getByRole('listitem').filter({ hasText: 'trees (early stopping' });
  await expect(trees.locator('del')).toHaveText('150');
  await expect(trees.locator('ins')).toHaveText('180');
  // A list item mostly rewritten shows the old item, then the new one.
  await expect(diff.getByRole('listitem').filter({ hasText: 'Monotonic constraints on 21 features' }).locator('del')).toHaveCount(1);
  await expect(diff.getByRole('listitem').filter({ hasText: '(21 in the first submission)' }).locator('strong ins')).toHaveText('38 features');
  const text = (await page.locator('[data-markdown-diff]').allTextContents()).join('\n');
  expect(text).not.toMatch(/(^|\s)##/);
  expect(text).not.toContain('**');
  await diff.getByRole('heading', { name: 'Training configuration' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('narrative-diff-1280.png') });
  await expectNoAxeViolations(page);
});

test('side by side, each column renders its own version of the prose', async ({ page }) => {
  await openDesignDiff(page, '&mode=side-by-side');
  const diff = page.locator('[data-markdown-diff="side-by-side"]').filter({ hasText: 'Changes in resubmission 2' }).first();
  await expect(diff).toBeVisible();
  const [before, after] = [diff.locator(':scope > div').nth(0), diff.locator(':scope > div').nth(1)];
  await expect(after.getByRole('heading', { name: 'Changes in resubmission 2 (fair lending remediation)' })).toBeVisible();
  await expect(before.getByRole('heading', { name: 'Changes in resubmission 2 (fair lending remediation)' })).toHaveCount(0);
  await expect(before.locator('ins')).toHaveCount(0);
  await expect(after.locator('del')).toHaveCount(0);
  expect((await diff.textContent()) ?? '').not.toContain('**');
  await expectNoAxeViolations(page);
});
