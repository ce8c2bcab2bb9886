// Moving through a diff by keyboard, in Chromium against the real server, on the demo's
// retail credit package (version 1 rejected, version 2 resubmitted). "Next change" and j/k
// step from change to change at a wide and a phone width; after the reader scrolls by hand,
// j goes to the first change below where they are, never back; switching to side by side
// keeps the section in the address and on screen.
import type { Page } from '@playwright/test';
import { test, expect } from './support/test.ts';
import { loginAs } from './support/login.ts';
import { tabTo } from './support/keyboard.ts';

const diff = '/packages/pkg_retail_credit_pd/diff';

async function openDiff(page: Page, search = ''): Promise<number> {
  await loginAs(page, 'fair-lending@example.com');
  await page.goto(`${diff}${search}`);
  await expect(page.getByText(/^Compared \d+ sections in/)).toBeVisible();
  const count = page.getByText(/^\d+ places with changes\.$/);
  await expect(count).toBeVisible();
  return Number((await count.textContent())?.split(' ')[0]);
}

const bar = (page: Page) => page.getByRole('group', { name: 'Move between changes' });
const status = (page: Page) => bar(page).getByText(/^Change \d+ of \d+\.$/);
const scrollY = (page: Page) => page.evaluate(() => window.scrollY);
/** How far an element's top edge is from the bottom of the bar (stuck to the top of the window): a change moved to lands right there. */
const offsetBelowBar = (page: Page, selector: string) =>
  page.evaluate((target) => {
    const element = target === ':focus' ? document.activeElement : document.querySelector(target);
    const barElement = document.querySelector('[aria-label="Move between changes"]');
    if (!element || !barElement) return Number.NaN;
    return Math.abs(element.getBoundingClientRect().top - barElement.getBoundingClientRect().bottom);
  }, selector);

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`j, k and "Next change" step through every change at ${viewport.width} px`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const total = await openDiff(page);
    expect(total).toBeGreaterThan(3);

    await page.keyboard.press('j');
    await expect(status(page)).toHaveText(`Change 1 of ${total}.`);
    await page.keyboard.press('j');
    await expect(status(page)).toHaveText(`Change 2 of ${total}.`);
    const second = await scrollY(page);
    await expect.poll(() => offsetBelowBar(page, ':focus')).toBeLessThan(8);

    // The button stays on screen in its bar, and goes on from the change in view. Clicked
    // where it is: Playwright's click() would first scroll the page to the sticky bar's place
    // in the flow, which no reader's click does.
    const next = page.getByRole('button', { name: /^Next change/ });
    await expect(next).toBeInViewport();
    const box = await next.boundingBox();
    if (!box) throw new Error('the Next change button has no box');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(status(page)).toHaveText(`Change 3 of ${total}.`);
    expect(await scrollY(page)).toBeGreaterThan(second);

    await page.keyboard.press('k');
    await expect(status(page)).toHaveText(`Change 2 of ${total}.`);
    await expect.poll(() => scrollY(page)).toBeLessThanOrEqual(second + 8);

    // To the last change and no further, even where the page cannot scroll it to the top.
    for (let n = 3; n <= total; n += 1) {
      await page.keyboard.press('j');
      await expect(status(page)).toHaveText(`Change ${n} of ${total}.`);
    }
    await page.keyboard.press('j');
    await expect(status(page)).toHaveText(`Change ${total} of ${total}.`);
  });
}

test('after scrolling by hand, j goes to the next change below, not back', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const total = await openDiff(page);
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(status(page)).toHaveText(`Change 2 of ${total}.`);

  // Scroll down by hand, well past the change, the way a reader would with the wheel.
  await page.mouse.move(640, 400);
  for (let i = 0; i < 6; i += 1) await page.mouse.wheel(0, 500);
  await expect.poll(() => scrollY(page)).toBeGreaterThan(2500);
  const scrolledTo = await scrollY(page);

  await page.keyboard.press('j');
  await expect(status(page)).not.toHaveText(`Change 2 of ${total}.`);
  const after = await scrollY(page);
  expect(after, 'j moves forward from where the reader is').toBeGreaterThan(scrolledTo);
  const reached = Number((await status(page).textContent())?.match(/\d+/)?.[0]);
  expect(reached).toBeGreaterThan(3);

  // It is the first change below: the one before it is above where the reader was.
  await page.keyboard.press('k');
  await expect(status(page)).toHaveText(`Change ${reached - 1} of ${total}.`);
  expect(await scrollY(page)).toBeLessThanOrEqual(scrolledTo);
});

test('switching to side by side keeps the section in the address and on screen', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const total = await openDiff(page);
  for (let n = 1; n <= 3; n += 1) await page.keyboard.press('j');
  await expect(status(page)).toHaveText(`Change 3 of ${total}.`);
  const hash = new URL(page.url()).hash;
  expect(hash).toMatch(/^#\w+$/);
  const change = `[data-index="${await page.evaluate(() => document.activeElement?.getAttribute('data-index'))}"]`;
  const section = page.locator(`[data-section-key="${hash.slice(1)}"]`);

  const sideBySide = page.getByRole('button', { name: 'Side by side' });
  await tabTo(page, sideBySide, { backwards: true });
  await page.keyboard.press('Enter');
  await expect(sideBySide).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL((url) => url.searchParams.get('mode') === 'side-by-side' && url.hash === hash);
  // The change the reader was on is back below the bar, and still the current one.
  await expect.poll(() => offsetBelowBar(page, change)).toBeLessThan(8);
  await expect(status(page)).toHaveText(`Change 3 of ${total}.`);
  // Focus stays on the layout switch, so the reader can switch back at once.
  await expect(sideBySide).toBeFocused();

  // And back to unified: the same section, still in the address.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Unified' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL((url) => !url.searchParams.has('mode') && url.hash === hash);
  await expect.poll(() => offsetBelowBar(page, change)).toBeLessThan(8);
  await page.keyboard.press('j');
  await expect(status(page)).toHaveText(`Change 4 of ${total}.`);

  // That address, opened afresh, shows the same section in the same layout.
  await page.goto(`${diff}?from=1&to=2&mode=side-by-side${hash}`);
  await expect(section).toBeFocused();
  // Near the bar: what loads above the list after the jump can still move it by a line.
  await expect.poll(() => offsetBelowBar(page, `[data-section-key="${hash.slice(1)}"]`)).toBeLessThan(40);
});
