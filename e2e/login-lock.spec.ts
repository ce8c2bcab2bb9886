// What only a browser can show about sign-in hardening: the session cookie is out of
// script's reach and never sent cross-site, and the sign-in lock is explained on the page.
// The lock is tried on an email no account has: it is answered exactly like a real one (see
// tests/integration/attacks-login.test.ts), and the demo accounts other specs use stay open.
import { test, expect } from './support/test.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { loginAs } from './support/login.ts';

test('the session cookie is HttpOnly and SameSite=Strict: page script cannot read it', async ({ page, context }) => {
  await loginAs(page, 'committee@example.com');
  const session = (await context.cookies()).find((c) => c.name === 'ma_session');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  expect(await page.evaluate(() => document.cookie)).not.toContain('ma_session');
});

test('after five failed sign-ins the page says the account is locked and until when', async ({ page }) => {
  const email = `locked-${Date.now()}@example.com`;
  await page.goto('/login');
  await page.getByLabel('Email', { exact: true }).fill(email);
  const password = page.getByLabel('Password', { exact: true });
  const submit = page.getByRole('button', { name: 'Sign in' });
  const alert = page.getByRole('alert');
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await password.fill(`wrong-${attempt}`);
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/session') && r.request().method() === 'POST');
    await submit.click();
    expect((await answered).status()).toBe(401);
    await expect(alert).toHaveText('The email or password is not correct.');
  }
  await password.fill('demo-password');
  await submit.click();
  await expect(alert).toHaveText(/^Too many failed sign-ins for this account; try again after \d{2}:\d{2} UTC\.$/);
  await expect(page).toHaveURL(/\/login/);
  await expectNoAxeViolations(page);
});
