// Single sign-on in Chromium against a real OpenID Provider (oidc-provider, started by the
// e2e server on another localhost port): sign in at the provider's own page, land in the app
// with the mapped role, then sign a decision, which for an account with no password here
// takes a passkey (the DevTools virtual authenticator, a real WebAuthn ceremony).
import { e2eSso } from '#tests/support/oidc-provider.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { test, expect } from './support/test.ts';
import { submitAssessedCredit } from './support/assessed-package.ts';

/** A new credit model version from the demo owner, waiting on its first step (data governance). */
async function submitFreshPackage(origin: string): Promise<string> {
  return submitAssessedCredit(origin, `4.4.0-sso.${Date.now().toString(36)}`);
}

test('sign in through the identity provider, enrol a passkey, and sign a decision with it (no password)', async ({ page, baseURL }) => {
  const packageId = await submitFreshPackage(baseURL ?? '');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });

  // The log-in page offers the provider beside the password form, and stays accessible.
  await page.goto(`/login?next=${encodeURIComponent(`/packages/${packageId}`)}`);
  const sso = page.getByRole('link', { name: `Sign in with ${e2eSso.displayName}` });
  await expect(sso).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expectNoAxeViolations(page);
  // Keyboard: the link is reachable and followed with Enter.
  await sso.focus();
  await page.keyboard.press('Enter');

  // The provider's own page, on its own origin.
  await page.waitForURL((url) => url.origin !== new URL(baseURL ?? '').origin);
  await page.getByPlaceholder('Enter any login').fill(e2eSso.login);
  await page.getByPlaceholder('and password').fill('whatever the provider wants');
  await page.getByRole('button', { name: 'Sign-in' }).click();

  // Back in the app, on the page asked for, signed in with the mapped role only.
  await page.waitForURL(`**/packages/${packageId}`);
  const banner = page.getByRole('banner');
  await expect(banner.getByText(e2eSso.account.name)).toBeVisible();
  await expect(banner.getByText('Data governance', { exact: true })).toBeVisible();

  // Without a passkey, the sign dialog says what to do and offers no password.
  const panel = page.getByRole('region', { name: 'Your decision on Data governance' });
  await panel.getByRole('button', { name: 'Approve', exact: true }).click();
  let dialog = page.getByRole('dialog', { name: 'Sign: Approved' });
  await expect(dialog).toContainText('You sign in through single sign-on and have no password here, so you sign with a passkey. You have none yet');
  await expect(dialog.getByLabel('Your password')).toHaveCount(0);
  await expect(dialog.getByRole('radio', { name: 'My password' })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Sign: Approved' })).toBeDisabled();
  await expectNoAxeViolations(page);
  await dialog.getByRole('link', { name: 'add a passkey under Passkeys' }).click();

  // Enrol a passkey, as any reviewer would.
  await expect(page.getByRole('heading', { level: 1, name: 'Passkeys for signing' })).toBeVisible();
  await page.getByRole('button', { name: 'Add a passkey' }).click();
  await page.getByLabel('Name').fill('SSO laptop');
  await page.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'SSO laptop' })).toBeVisible();

  // Sign with the passkey.
  await page.goto(`/packages/${packageId}`);
  await page.getByRole('region', { name: 'Your decision on Data governance' }).getByRole('button', { name: 'Approve', exact: true }).click();
  dialog = page.getByRole('dialog', { name: 'Sign: Approved' });
  await expect(dialog).toContainText('You sign in through single sign-on and have no password here, so you sign with a passkey.');
  await expect(dialog.getByLabel('Your password')).toHaveCount(0);
  await dialog.getByLabel('Reason (optional)').fill('Data lineage and authorizations as documented.');
  await dialog.getByRole('button', { name: 'Sign: Approved' }).click();
  await expect(dialog).toBeHidden();
  const steps = page.getByRole('region', { name: 'Review steps' });
  await expect(steps).toContainText(`Approved by ${e2eSso.account.name}`);
  await expect(steps.getByText('✓ Signature VALID')).toHaveCount(1);

  const verification = await page.request.get(`/api/packages/${packageId}/verification`);
  const verdicts = ((await verification.json()) as { decisions: { valid: boolean }[] }).decisions;
  expect(verdicts.map((v) => v.valid)).toEqual([true]);
});

test('a refused single sign-on comes back to the log-in page with a clear message', async ({ page }) => {
  // A callback that no log-in in this browser started: the state is unknown.
  await page.goto('/api/auth/oidc/callback?code=forged&state=forged');
  await expect(page).toHaveURL(/\/login\?sso_error=state_invalid$/);
  await expect(page.getByRole('alert')).toHaveText(/did not match a sign-in started in this browser/);
  await expect(page.getByRole('link', { name: `Sign in with ${e2eSso.displayName}` })).toBeVisible();
  await expectNoAxeViolations(page);
});
