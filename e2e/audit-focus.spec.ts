// The audit table keeps the keyboard focus where it is while the page around it changes: an
// entry opened by its link, or a row reached with the arrow keys, is still focused after the
// viewport narrows to a phone's and widens again (the text above the table wraps, the table
// moves down, and the rows in view are others), and after the page is scrolled far from it.
// The table is windowed (only the rows near the viewport are in the document): a row that left
// the document would drop the focus to the page's body. The log is the bench's own generator's,
// 2,000 entries, on a server of the test's own; it is not scaled (docs/decisions/0236).
import type { Page } from '@playwright/test';
import { sqliteFile } from '#server/db/open-store.ts';
import { generateAuditLog } from '../scripts/bench/generate-audit-log.ts';
import { test as isolatedTest } from './support/isolated-server.ts';
import { expect } from './support/test.ts';
import { loginAs } from './support/login.ts';

/** Resizes, then waits for the page to settle: the scroll margin and the window follow a frame or two later. */
async function resize(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
  await page.evaluate(async () => {
    for (let frame = 0; frame < 3; frame += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
  });
}

/** The entry whose row holds the focus, or what holds it instead. */
const focusedEntry = (page: Page) => page.evaluate(() => document.activeElement?.closest<HTMLElement>('tr[data-seq]')?.dataset.seq ?? document.activeElement?.tagName);

isolatedTest('the focused entry keeps the focus as the viewport narrows and widens, and as the page scrolls away', async ({ page, isolatedServer }) => {
  generateAuditLog({ file: sqliteFile(isolatedServer.dataDir), count: 2_000, seed: 239 });
  await page.setViewportSize({ width: 1440, height: 900 });
  await loginAs(page, 'committee@example.com');

  // Opened by its link, on a load of the page: in view, open and focused.
  await page.goto('/audit?entry=1000');
  const linked = page.getByRole('button', { name: 'Entry #1000', exact: true });
  await expect(linked).toBeFocused();
  await expect(linked).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('tr[data-seq="1000"]')).toBeInViewport({ ratio: 1 });
  for (const width of [390, 1280, 1440, 390, 1440]) {
    await resize(page, width);
    expect(await focusedEntry(page), `the focus at ${width} px`).toBe('1000');
  }

  // Reached with the arrow keys, not opened.
  for (let press = 0; press < 5; press += 1) await page.keyboard.press('ArrowDown');
  const reached = page.getByRole('button', { name: 'Entry #995', exact: true });
  await expect(reached).toBeFocused();
  await expect(reached).toHaveAttribute('aria-expanded', 'false');
  for (const width of [390, 1440]) {
    await resize(page, width);
    expect(await focusedEntry(page), `the focus at ${width} px`).toBe('995');
  }

  // Scrolled far from it, the page stays where it was scrolled to and the row keeps the focus;
  // the next arrow key goes on from it.
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  await resize(page, 1440);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expect(page.locator('tr[aria-rowindex="2"]')).toBeInViewport();
  expect(await focusedEntry(page)).toBe('995');
  await page.keyboard.press('ArrowDown');
  const next = page.getByRole('button', { name: 'Entry #994', exact: true });
  await expect(next).toBeFocused();
  await expect(next).toBeInViewport({ ratio: 1 });
});
