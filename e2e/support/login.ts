// Signs in through the real login form (not by planting a cookie), so every test
// that logs in also exercises the form's labels and button names.
import type { Page } from '@playwright/test';

export async function loginAs(page: Page, email: string, password = process.env.DEMO_PASSWORD ?? 'demo-password'): Promise<void> {
  await page.goto('/login');
  // exact: a "Show password" toggle must not match the Password field.
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/login' && !url.pathname.startsWith('/login/'));
}
