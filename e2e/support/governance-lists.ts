// The committee dashboard's governance figures and the lists they link to: a figure's link
// opens the inventory filtered to the set it counts, which must have that many rows.
import type { Locator, Page } from '@playwright/test';
import { expect } from './test.ts';

export const governance = (page: Page) => page.getByRole('region', { name: 'Governance metrics' });

/** The figure a link states ("Show the 3 packages"). */
export async function figureOf(link: Locator): Promise<number> {
  const text = (await link.textContent()) ?? '';
  const n = /Show the (\d+) /.exec(text)?.[1];
  if (n === undefined) throw new Error(`no figure in “${text}”`);
  return Number(n);
}

export async function openDashboard(page: Page) {
  await page.goto('/dashboard');
  await expect(governance(page).getByRole('heading', { name: 'Coverage' })).toBeVisible();
}

/** Follows a figure's link to the inventory and counts the packages listed; returns the list's region. */
export async function expectInventoryRows(page: Page, label: string, list: string): Promise<Locator> {
  await openDashboard(page);
  const link = governance(page).getByRole('link', { name: new RegExp(`^${label}: show the`) });
  const n = await figureOf(link);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`[?&]governance=${list}`));
  await expect(page.getByLabel('Governance list')).toHaveValue(list);
  const results = page.getByRole('region', { name: 'Packages' });
  if (n === 0) {
    await expect(results.getByRole('status')).toHaveText('No packages match these filters');
    return results;
  }
  await expect(results.getByRole('status')).toHaveText(n === 1 ? '1 package' : `${n} packages`);
  await expect(results.locator('tbody tr')).toHaveCount(n);
  return results;
}
