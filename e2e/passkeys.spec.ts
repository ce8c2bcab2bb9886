// Passkeys in Chromium with the DevTools virtual authenticator (a real WebAuthn ceremony,
// user verification included): enrol one, sign a decision with it, see it VALID, remove it.
import { test, expect } from './support/test.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { loginAs } from './support/login.ts';
import { goToAccountPage } from './support/header.ts';

test('enrol a passkey, sign a decision with it, see it VALID, then remove the passkey', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });

  await loginAs(page, 'model-risk@example.com');
  await goToAccountPage(page, 'Passkeys');
  await expect(page.getByRole('heading', { level: 1, name: 'Passkeys for signing' })).toBeVisible();
  await expect(page.getByText('You have no passkey yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(page.getByLabel('Name')).toHaveAccessibleDescription(/Name this passkey/);
  await page.getByLabel('Name').fill('Virtual authenticator');
  await page.getByRole('button', { name: 'Add a passkey' }).click();
  // A session cookie alone may not add an authenticator: the password is confirmed first.
  const stepUp = page.getByRole('form', { name: 'Confirm it is you' });
  await expect(stepUp.getByLabel('Your password')).toBeFocused();
  await expectNoAxeViolations(page);
  await stepUp.getByLabel('Your password').fill('demo-password');
  await stepUp.getByRole('button', { name: 'Confirm password' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Virtual authenticator' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Approve the clinical model with conditions, signed by the passkey.
  await page.goto('/packages/pkg_clinical_deterioration_risk');
  await page.getByRole('region', { name: 'Your decision on Model risk management' }).getByRole('button', { name: 'Approve with conditions' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign: Approved with conditions' });
  await expect(dialog.getByRole('radio', { name: /My passkey/ })).toBeChecked();
  await expect(dialog.getByLabel('Your password')).toHaveCount(0);
  await dialog.getByLabel('Scope the approval is limited to').fill('Adult medical-surgical units at the three pilot hospitals');
  await dialog.getByLabel('Re-review date').fill('2027-06-30');
  await dialog.getByLabel('Reason').fill('AUROC 0.942 on the holdout; alert burden acceptable at the pilot sites only.');
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Sign: Approved with conditions' }).click();
  await expect(dialog).toBeHidden();
  const steps = page.getByRole('region', { name: 'Review steps' });
  await expect(steps).toContainText('Approved with conditions by Elena Vasquez');
  await expect(steps.getByText(/Signature INVALID/)).toHaveCount(0);
  await expect(steps.getByText('✓ Signature VALID')).toHaveCount(1);
  await expect(steps.getByText('Demonstration data, not signed by anyone')).toHaveCount(1);

  const verification = await page.request.get('/api/packages/pkg_clinical_deterioration_risk/verification');
  const verdicts = ((await verification.json()) as { decisions: { valid: boolean; demonstration: boolean }[] }).decisions;
  expect(verdicts.map((v) => [v.valid, v.demonstration])).toEqual([
    [false, true],
    [true, false],
  ]);

  await page.goto('/account/passkeys');
  await page.getByRole('button', { name: 'Remove Virtual authenticator' }).click();
  await page.getByRole('group', { name: 'Confirm removing Virtual authenticator' }).getByRole('button', { name: 'Remove passkey' }).click();
  await expect(page.getByText('You have no passkey yet.')).toBeVisible();
});
