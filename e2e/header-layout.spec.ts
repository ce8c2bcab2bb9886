// The header and the page width at the three sizes reviewers use (a 1440 and a 1280 px
// desktop, a 390 px phone), for a reviewer, the committee and an administrator, on the inbox,
// a package, a diff and a record: the header is one row (nothing wraps below the product
// name), and no page scrolls sideways (wide tables scroll in their own frame). A screenshot of
// each is saved with the test's output (not committed) for a person to look at. Then the
// collapsed menu and the menu under the user's name by keyboard alone.
import type { Page } from '@playwright/test';
import { test, expect } from './support/test.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { tabTo } from './support/keyboard.ts';
import { loginAs } from './support/login.ts';

const viewports = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
];
const accounts = [
  { email: 'fair-lending@example.com', who: 'reviewer' },
  { email: 'committee@example.com', who: 'committee' },
  { email: 'admin@example.com', who: 'administrator' },
];
const pages = [
  { name: 'inbox', path: '/', heading: 'Inbox' },
  { name: 'package', path: '/packages/pkg_retail_credit_pd', heading: 'Retail Credit PD 4.2.0' },
  { name: 'diff', path: '/packages/pkg_retail_credit_pd/diff', heading: /^Compare versions: Retail Credit PD/ },
  { name: 'record', path: '/packages/pkg_card_fraud_detection/record', heading: /^Approval record: Card Fraud Detection/ },
];

/** The header's row: its height, and whether its parts (and the links in the main navigation) stand side by side. */
function headerLayout(page: Page) {
  return page.evaluate(() => {
    const header = document.querySelector('header');
    const row = header?.firstElementChild;
    if (!header || !row) return null;
    const boxes = (elements: Iterable<Element>) => [...elements].map((element) => element.getBoundingClientRect()).filter((box) => box.height > 0);
    const sideBySide = (list: DOMRect[]) => list.every((box) => list.every((other) => box.top < other.bottom && other.top < box.bottom));
    const apart = (list: DOMRect[]) => list.every((box, index) => index === 0 || (list[index - 1]?.right ?? 0) <= box.left + 1);
    const nav = header.querySelector('nav[aria-label="Main"]');
    const parts = boxes(row.children);
    return {
      height: header.getBoundingClientRect().height,
      partsInOneRow: sideBySide(parts),
      partsApart: apart(parts) && apart(boxes(header.querySelectorAll('nav[aria-label="Main"] li, nav[aria-label="Main"] > div'))),
      navFits: nav ? nav.scrollWidth <= nav.clientWidth : false,
      linksInOneRow: sideBySide(boxes(header.querySelectorAll('nav[aria-label="Main"] li'))),
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    };
  });
}

// One walk per account, each page loaded once and judged at the three sizes in turn (decision
// 0194); the size a page is first loaded at rotates from page to page, so every size also sees
// pages laid out at it from the start.
for (const account of accounts) {
  test(`one header row and no sideways scroll at ${viewports.map((viewport) => `${viewport.width}×${viewport.height}`).join(', ')} for the ${account.who}`, async ({ page }, testInfo) => {
    test.setTimeout(180_000);
    await loginAs(page, account.email);
    for (const [index, target] of pages.entries()) {
      const order = [...viewports.slice(index % viewports.length), ...viewports.slice(0, index % viewports.length)];
      for (const [step, viewport] of order.entries()) {
        await page.setViewportSize(viewport);
        if (step === 0) await page.goto(target.path);
        await expect(page.getByRole('heading', { level: 1, name: target.heading })).toBeVisible();
        // The content that makes a page wide arrives after its heading.
        if (target.name === 'diff') await expect(page.getByText(/^Compared \d+ sections in/)).toBeVisible();
        if (target.name === 'package') await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
        // A page resized in place re-lays itself out over the next frames (resize observers, then React).
        await page.evaluate(async () => {
          for (let frame = 0; frame < 3; frame += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
        });
        await page.screenshot({ path: testInfo.outputPath(`${target.name}-${account.who}-${viewport.width}.png`) });
        const layout = await headerLayout(page);
        const at = `${target.name} at ${viewport.width} px`;
        expect(layout, `${at}: the header`).not.toBeNull();
        expect(layout?.partsInOneRow, `${at}: the header's parts stand in one row`).toBe(true);
        expect(layout?.linksInOneRow, `${at}: the main links stand in one row`).toBe(true);
        expect(layout?.partsApart, `${at}: nothing in the header overlaps`).toBe(true);
        expect(layout?.navFits, `${at}: the main navigation fits its place`).toBe(true);
        expect(layout?.height, `${at}: the header is one row high`).toBeLessThanOrEqual(80);
        expect(layout?.scrollWidth, `${at}: the page does not scroll sideways`).toBeLessThanOrEqual(layout?.innerWidth ?? 0);
      }
    }
  });
}

test('on a phone, the menu and the account menu work by keyboard alone and pass axe', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await loginAs(page, 'committee@example.com');
  const menuButton = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Menu/ });
  await tabTo(page, menuButton);
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem')).toHaveText([/^Inbox\b/, /^Notifications/, 'Findings', 'Dashboard', 'Audit log', 'Verify a record']);
  await expectNoAxeViolations(page);
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: 'Verify a record' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Audit log' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await expect(page).toHaveURL('/audit');

  const accountButton = page.getByRole('banner').getByRole('button', { name: /^Robert Castellano.*account menu/ });
  await tabTo(page, accountButton, { backwards: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toContainText('AI governance committee');
  await expect(page.getByRole('menuitem', { name: 'Account', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Passkeys' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Passkeys for signing' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});
