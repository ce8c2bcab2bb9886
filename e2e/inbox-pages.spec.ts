// The inbox loads its list a page at a time (decision record 0129). The browser's requests are
// asked for two packages per page instead of 50 (the demo has four), so the real server pages:
// the first page shows with "Load more packages", the button is reached and pressed by
// keyboard, and the next page joins the list until the last. The model filter offers every
// model from the start (GET /api/package-models), not only those of the pages loaded.
import { test, expect } from './support/test.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { loginAs } from './support/login.ts';
import { tabTo } from './support/keyboard.ts';
import { shootAtWidths } from './support/screenshots.ts';

test('the inbox pages: "Load more packages" brings the next page, by keyboard, until the list ends', async ({ page }, testInfo) => {
  await page.route(/\/api\/packages(\?|$)/, async (route) => {
    const url = new URL(route.request().url());
    if (!url.searchParams.has('limit')) url.searchParams.set('limit', '2');
    await route.continue({ url: url.toString() });
  });
  await loginAs(page, 'model-risk@example.com');
  await page.getByRole('navigation', { name: 'Inbox views' }).getByRole('link', { name: /^All/ }).click();
  const rows = page.getByRole('table', { name: /Packages/ }).locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'Packages' }).getByRole('status')).toHaveText(/^2 of \d+ packages shown$/);
  const more = page.getByRole('button', { name: 'Load more packages' });
  await expect(more).toBeVisible();
  // The model filter offers every model the user may see, not only the first page's.
  const modelCells = rows.locator('a[href^="/packages/"]');
  const firstPageModels = new Set(await modelCells.allTextContents());
  const modelOptions = page.getByLabel('Model', { exact: true }).locator('option:not([value=""])');
  await expect.poll(async () => (await modelOptions.allTextContents()).length).toBeGreaterThan(firstPageModels.size);
  const offered = await modelOptions.allTextContents();
  await expectNoAxeViolations(page);
  await shootAtWidths(page, 'inbox-pages', (name) => testInfo.outputPath(name), true);

  await tabTo(page, more);
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(4);
  // Other specs add packages to the shared server: page on until the last.
  while (await more.isVisible()) {
    const shown = await rows.count();
    await more.press('Enter');
    await expect(rows).not.toHaveCount(shown);
  }
  await expect(page.getByRole('region', { name: 'Packages' }).getByRole('status')).toHaveText(/^\d+ packages$/);
  for (const model of ['Retail Credit PD', 'Support Assistant (retrieval-augmented LLM)']) await expect(rows.filter({ hasText: model }).first()).toBeVisible();
  // Every page loaded: the models in the list are exactly those the filter offered from the first page.
  expect([...new Set(await modelCells.allTextContents())].sort()).toEqual([...new Set(offered)].sort());
});
