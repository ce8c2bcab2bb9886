// The audit log at a million entries, in Chromium: taller than the browser can lay out at
// 44 px a row, so the table scrolls through at most 10,000,000 px, mapped onto the rows
// (docs/decisions/0236). Every entry is reached by the scroll bar, the keys and ?entry=,
// the oldest (#1) included. The log is the bench's own generator's, on a server of the test's own.
import type { Page } from '@playwright/test';
import { sqliteFile } from '#server/db/open-store.ts';
import { generateAuditLog } from '../scripts/bench/generate-audit-log.ts';
import { test as isolatedTest } from './support/isolated-server.ts';
import { expect } from './support/test.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { loginAs } from './support/login.ts';
import { shootAtWidths } from './support/screenshots.ts';

const generated = 1_000_000;

/**
 * The entry numbers of the rows the viewport shows any part of, top to bottom (newest first),
 * once every one of them is read (a jump far into the log reads its page first).
 */
async function seqsInView(page: Page): Promise<number[]> {
  // Two frames first: a scroll's render is a task of its own after the scroll event.
  const read = () =>
    page.evaluate(async () => {
      for (let frame = 0; frame < 2; frame += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
      return [...document.querySelectorAll<HTMLElement>('tbody[data-index] > tr[aria-rowindex]')]
        .filter((row) => {
          const box = row.getBoundingClientRect();
          return box.bottom > 0 && box.top < window.innerHeight;
        })
        .map((row) => Number(row.dataset.seq ?? Number.NaN));
    });
  await expect.poll(async () => (await read()).filter((seq) => Number.isNaN(seq)).length, { timeout: 30_000 }).toBe(0);
  return read();
}

/** One after another, with no entry missing. */
function expectConsecutive(seqs: number[]): void {
  expect(seqs.length).toBeGreaterThan(3);
  for (const [at, seq] of seqs.entries()) if (at > 0) expect(seq).toBe((seqs[at - 1] ?? 0) - 1);
}

isolatedTest('a million entries: the oldest reached by the scroll bar, by the keys and by ?entry=', async ({ page, isolatedServer }, testInfo) => {
  isolatedTest.setTimeout(600_000);
  generateAuditLog({ file: sqliteFile(isolatedServer.dataDir), count: generated, seed: 236 });
  await loginAs(page, 'committee@example.com');
  await page.goto('/audit');
  const status = page.getByText(/^[\d,]+ entries, newest first\.$/);
  await expect(status).toBeVisible({ timeout: 60_000 });
  const size = Number(((await status.textContent()) ?? '').replace(/\D/g, ''));
  expect(size).toBeGreaterThan(generated);
  // The newest entry first; the page has not moved on its own (at 720 px the table starts below the fold).
  await expect(page.locator(`tr[data-seq="${size}"]`)).toHaveAttribute('aria-rowindex', '2');
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  // At 44 px a row the table would be 44,000,000 px: the page is well under Blink's limit.
  const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(pageHeight).toBeGreaterThan(9_000_000);
  expect(pageHeight).toBeLessThan(10_100_000);

  // The scroll bar's far end, at each width the app is checked at: the oldest entry, whole, at the bottom.
  for (const width of [1440, 1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
    // The first read of the far end of a million rows, on a loaded machine, may take a while.
    // Whole from top to bottom (at 390 px the table's frame scrolls sideways, so not whole across).
    await expect(page.locator('tr[data-seq="1"]')).toBeInViewport({ timeout: 30_000 });
    const box = await page.locator('tr[data-seq="1"]').evaluate((row) => ({ top: row.getBoundingClientRect().top, bottom: row.getBoundingClientRect().bottom, height: window.innerHeight }));
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(box.height);
    expectConsecutive(await seqsInView(page));
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `the page scrolls sideways at ${width} px`).toBe(true);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: testInfo.outputPath(`audit-million-oldest-${width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 720 });

  // Home and End, on the page itself.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Home');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  await page.keyboard.press('End');
  await expect(page.locator('tr[data-seq="1"]')).toBeInViewport({ ratio: 1 });

  // Page Down and Page Up, half way through the log, pass no entry over: each page starts where the last one ended.
  await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight / 2, behavior: 'instant' }));
  let shown = await seqsInView(page);
  for (let press = 0; press < 4; press += 1) {
    await page.keyboard.press('PageDown');
    await expect.poll(async () => (await seqsInView(page))[0]).toBeLessThan(shown[0] ?? 0);
    const next = await seqsInView(page);
    expectConsecutive(next);
    expect(next[0]).toBeGreaterThanOrEqual((shown.at(-1) ?? 0) - 1);
    shown = next;
  }
  await page.keyboard.press('PageUp');
  await expect.poll(async () => (await seqsInView(page)).at(-1)).toBeGreaterThan(shown.at(-1) ?? 0);
  expect((await seqsInView(page)).at(-1)).toBeLessThanOrEqual((shown[0] ?? 0) + 1);

  // The scroll bar anywhere: three quarters of the way down is three quarters of the way through the log,
  // and a pixel more moves the top row by at most one entry.
  await page.evaluate(() => window.scrollTo({ top: (document.documentElement.scrollHeight - window.innerHeight) * 0.75, behavior: 'instant' }));
  const deep = await seqsInView(page);
  expectConsecutive(deep);
  expect(Math.abs((deep[0] ?? 0) - size / 4)).toBeLessThan(size / 100);
  for (let pixel = 0; pixel < 30; pixel += 1) {
    const before = (await seqsInView(page))[0] ?? 0;
    await page.evaluate(() => window.scrollBy({ top: 1, behavior: 'instant' }));
    const after = (await seqsInView(page))[0] ?? 0;
    expect(before - after).toBeGreaterThanOrEqual(0);
    expect(before - after).toBeLessThanOrEqual(1);
  }

  // The arrow keys in the grid where the scroll is scaled: 25 rows down past the viewport's bottom, each focused in view.
  const middle = await seqsInView(page);
  const below = middle.at(-2) ?? 0;
  await page.getByRole('button', { name: `Entry #${below}`, exact: true }).focus();
  for (let seq = below - 1; seq > below - 26; seq -= 1) {
    await page.keyboard.press('ArrowDown');
    const row = page.getByRole('button', { name: `Entry #${seq}`, exact: true });
    await expect(row).toBeFocused();
    await expect(row).toBeInViewport({ ratio: 1 });
  }

  // The arrow keys in the grid, down to the oldest entry and back up, each row in view as it is focused.
  await page.keyboard.press('End');
  await expect(page.locator('tr[data-seq="1"]')).toBeInViewport({ ratio: 1 });
  await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight - window.innerHeight * 3, behavior: 'instant' }));
  const start = Math.max(...(await seqsInView(page)));
  // Three viewports above the end: some fifty entries from the oldest.
  expect(start).toBeLessThan(120);
  await page.getByRole('button', { name: `Entry #${start}`, exact: true }).focus();
  for (let seq = start - 1; seq >= 1; seq -= 1) {
    await page.keyboard.press('ArrowDown');
    const row = page.getByRole('button', { name: `Entry #${seq}`, exact: true });
    await expect(row).toBeFocused();
    await expect(row).toBeInViewport({ ratio: 1 });
  }
  for (let seq = 2; seq <= 30; seq += 1) {
    await page.keyboard.press('ArrowUp');
    const row = page.getByRole('button', { name: `Entry #${seq}`, exact: true });
    await expect(row).toBeFocused();
    await expect(row).toBeInViewport({ ratio: 1 });
  }

  // ?entry= deep in the part Blink could not lay out: centred, open and focused, and it stays in
  // view as its details open (the rows' new height is taken into the mapping without moving it).
  for (const seq of [5, 123_456]) {
    await page.goto(`/audit?entry=${seq}`);
    const row = page.getByRole('button', { name: `Entry #${seq}`, exact: true });
    await expect(row).toBeFocused({ timeout: 60_000 });
    await expect(row).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator(`#audit-entry-${seq}-details`)).toContainText('Entry hash (recomputed)');
    await expect(page.locator(`tr[data-seq="${seq}"]`)).toBeInViewport({ ratio: 1 });
    await expect(page.locator(`tr[data-seq="${seq + 1}"]`)).toBeInViewport();
  }
  // A shorter viewport (a phone's toolbar coming in) maps the same offset onto the same rows.
  await page.setViewportSize({ width: 1280, height: 660 });
  await expect(page.locator('tr[data-seq="123456"]')).toBeInViewport({ ratio: 1 });
  await expectNoAxeViolations(page);
  await shootAtWidths(page, 'audit-million-entry', (name) => testInfo.outputPath(name), false);
});
