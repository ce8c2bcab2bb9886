// SAML 2.0 single sign-on in Chromium against a real IdP (SimpleSAMLphp, started by the e2e
// server under PHP's built-in web server on another port, encrypting its assertions): the
// IdP's own log-in page, back in the app with the mapped role, a passkey enrolled, a decision
// signed with it (the account has no password here); the admin page shows the configuration.
import { e2eSaml } from '#tests/support/saml-idp.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { test, expect } from './support/test.ts';
import { submitAssessedCredit } from './support/assessed-package.ts';

async function submitFreshPackage(origin: string): Promise<string> {
  return submitAssessedCredit(origin, `4.5.0-saml.${Date.now().toString(36)}`);
}

const name = e2eSaml.user.attributes.displayName[0];

test('sign in at the SAML IdP, come back with the mapped role, enrol a passkey and sign a decision', async ({ page, baseURL }) => {
  const packageId = await submitFreshPackage(baseURL ?? '');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });

  await page.goto(`/login?next=${encodeURIComponent(`/packages/${packageId}`)}`);
  const saml = page.getByRole('link', { name: `Sign in with ${e2eSaml.displayName}` });
  await expect(saml).toBeVisible();
  await expectNoAxeViolations(page);
  await saml.focus();
  await page.keyboard.press('Enter');

  // SimpleSAMLphp's own log-in page, on its own origin.
  await page.waitForURL((url) => url.origin !== new URL(baseURL ?? '').origin);
  await page.locator('input[name="username"]').fill(e2eSaml.login);
  await page.locator('input[name="password"]').fill(e2eSaml.password);
  await page.locator('input[name="password"]').press('Enter');

  // Back in the app (the IdP posted its response to the ACS), signed in with the mapped role only.
  await page.waitForURL(`**/packages/${packageId}`);
  const banner = page.getByRole('banner');
  await expect(banner.getByText(name)).toBeVisible();
  await expect(banner.getByText('Data governance', { exact: true })).toBeVisible();

  // No password here: the sign dialog sends them to enrol a passkey first.
  await page.getByRole('region', { name: 'Your decision on Data governance' }).getByRole('button', { name: 'Approve', exact: true }).click();
  let dialog = page.getByRole('dialog', { name: 'Sign: Approved' });
  await expect(dialog).toContainText('You sign in through single sign-on and have no password here, so you sign with a passkey. You have none yet');
  await expect(dialog.getByLabel('Your password')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await dialog.getByRole('link', { name: 'add a passkey under Passkeys' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Passkeys for signing' })).toBeVisible();
  await page.getByRole('button', { name: 'Add a passkey' }).click();
  await page.getByLabel('Name').fill('SAML laptop');
  await page.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'SAML laptop' })).toBeVisible();

  await page.goto(`/packages/${packageId}`);
  await page.getByRole('region', { name: 'Your decision on Data governance' }).getByRole('button', { name: 'Approve', exact: true }).click();
  dialog = page.getByRole('dialog', { name: 'Sign: Approved' });
  await dialog.getByLabel('Reason (optional)').fill('Lineage checked; signed in through SAML.');
  await dialog.getByRole('button', { name: 'Sign: Approved' }).click();
  await expect(dialog).toBeHidden();
  const steps = page.getByRole('region', { name: 'Review steps' });
  await expect(steps).toContainText(`Approved by ${name}`);
  await expect(steps.getByText('✓ Signature VALID')).toHaveCount(1);
});

test('administrators see the SAML configuration, read-only', async ({ page }, testInfo) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill('admin@example.com');
  await page.getByLabel('Password', { exact: true }).fill(process.env.DEMO_PASSWORD ?? 'demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  await page.goto('/admin/sso');
  await expect(page.getByRole('heading', { level: 1, name: 'Single sign-on (SAML)' })).toBeVisible();
  await expect(page.getByText(e2eSaml.spEntityId)).toBeVisible();
  await expect(page.getByRole('link', { name: /\/api\/auth\/saml\/metadata$/ })).toBeVisible();
  await expectNoAxeViolations(page);
  for (const width of [390, 1280, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: testInfo.outputPath(`saml-admin-${width}.png`), fullPage: true });
  }
});

test('a refused SAML response comes back to the log-in page with a clear message', async ({ page }) => {
  await page.goto('/login');
  // What a forged IdP page would post: not a response to any request of ours.
  await page.evaluate(() => {
    const form = document.createElement('form');
    form.method = 'POST';
    form.action = '/api/auth/saml/acs';
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = 'SAMLResponse';
    input.value = btoa('<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" InResponseTo="_forged"/>');
    form.append(input);
    document.body.append(form);
    form.submit();
  });
  await expect(page).toHaveURL(/\/login\?sso_error=state_invalid$/);
  await expect(page.getByRole('alert')).toHaveText(/did not match a sign-in started in this browser/);
  await expect(page.getByRole('link', { name: `Sign in with ${e2eSaml.displayName}` })).toBeVisible();
  await expectNoAxeViolations(page);
});
