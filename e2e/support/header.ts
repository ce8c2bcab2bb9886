// The header keeps one row at every width: the account's pages and signing out are in the
// menu under the user's name, administration in its own menu (in "Menu" on a narrow screen).
// These open them as a user would, by the buttons' names.
import { expect, type Locator, type Page } from '@playwright/test';
import { tabTo } from './keyboard.ts';

export async function openAccountMenu(page: Page): Promise<Locator> {
  await page.getByRole('banner').getByRole('button', { name: /, account menu/ }).click();
  return page.getByRole('menu');
}

/** Follows a link in the menu under the user's name: Account, Passkeys, Delegations, API tokens. */
export async function goToAccountPage(page: Page, name: string): Promise<void> {
  const menu = await openAccountMenu(page);
  await menu.getByRole('menuitem', { name, exact: true }).click();
}

export async function signOut(page: Page): Promise<void> {
  const menu = await openAccountMenu(page);
  await menu.getByRole('menuitem', { name: 'Sign out' }).click();
}

/** Follows a link of the Administration menu (Templates, API tokens, Webhooks, Users). */
export async function goToAdminPage(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Administration/ }).click();
  await page.getByRole('menu').getByRole('menuitem', { name, exact: true }).click();
}

/**
 * The same by keyboard alone: Tab to the Administration button, Enter opens its menu on the
 * first item, the arrow keys move, Enter follows the link.
 */
export async function goToAdminPageByKeyboard(page: Page, name: string): Promise<void> {
  const trigger = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Administration/ });
  await tabTo(page, trigger);
  await page.keyboard.press('Enter');
  const item = page.getByRole('menu').getByRole('menuitem', { name, exact: true });
  for (let i = 0; i < 10 && !(await item.evaluate((element) => element === document.activeElement)); i += 1) await page.keyboard.press('ArrowDown');
  await expect(item).toBeFocused();
  await page.keyboard.press('Enter');
}
