// Delegation in Chromium against the real server: fair lending delegates the role to a
// named colleague (privacy) on the account page; the colleague signs the fair lending step
// "as delegate of" its holder; the package page and the record say on whose behalf; the
// holder then revokes the delegation (so the shared demo server is left as found).
import { test, expect } from './support/test.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { freshCreditPackage } from './support/fresh-credit-package.ts';
import { loginAs } from './support/login.ts';

test('a reviewer delegates to a named colleague, who signs the step on their behalf; the package and the record show it', async ({ page, baseURL }) => {
  const { id } = await freshCreditPackage(baseURL ?? '');

  await loginAs(page, 'fair-lending@example.com');
  await page.getByRole('link', { name: 'Delegations' }).click();
  await expect(page.getByRole('heading', { name: 'Delegations', level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  const form = page.getByRole('region', { name: 'Delegate a role' });
  await expect(form.getByLabel('Role')).toHaveValue('fair_lending');
  await form.getByLabel('Delegate to').selectOption({ label: 'Samuel Okafor, Chief Privacy Officer' });
  // Nothing said why: refused next to the field, nothing made.
  await form.getByRole('button', { name: 'Delegate role' }).click();
  await expect(form.getByText('Say why the role is delegated (for example, the absence)')).toBeVisible();
  await form.getByLabel('Reason').fill('Annual leave');
  await form.getByRole('button', { name: 'Delegate role' }).click();
  await expect(form.getByRole('status')).toHaveText('Fair lending delegated to Samuel Okafor.');
  const given = page.getByRole('region', { name: 'Given and received' });
  await expect(given.getByText('Fair lending: Dana Whitfield → Samuel Okafor').first()).toBeVisible();
  await expectNoAxeViolations(page);

  // The delegate: the package shows who acts for the step's role, and the panel lets them decide.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((url) => url.pathname === '/login');
  await loginAs(page, 'privacy@example.com');
  await page.goto(`/packages/${id}`);
  await expect(page.getByRole('region', { name: 'Delegations for fair lending' })).toContainText('Samuel Okafor acts for Dana Whitfield');
  const panel = page.getByRole('region', { name: 'Your decision on Fair lending' });
  await panel.getByRole('button', { name: 'Approve', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign: Approved' });
  await expect(dialog).toContainText('Signing as delegate of Dana Whitfield (fair lending)');
  await expectNoAxeViolations(page);
  await dialog.getByLabel('Your password').fill('demo-password');
  await dialog.getByRole('button', { name: 'Sign: Approved' }).click();
  await expect(dialog).toBeHidden();

  const steps = page.getByRole('region', { name: 'Review steps' });
  await expect(steps).toContainText('Approved by Samuel Okafor, Chief Privacy Officer on behalf of Dana Whitfield · version 1');

  await page.goto(`/packages/${id}/record`);
  const block = page.getByRole('article').filter({ hasText: 'Samuel Okafor' });
  await expect(block).toContainText('On behalf of');
  await expect(block).toContainText('Dana Whitfield, Fair Lending Officer');
  await expectNoAxeViolations(page);

  // The holder revokes it, with a confirmation; the delegate no longer acts.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((url) => url.pathname === '/login');
  await loginAs(page, 'fair-lending@example.com');
  await page.goto('/account/delegations');
  const list = page.getByRole('region', { name: 'Given and received' });
  await list.getByRole('button', { name: 'Revoke Fair lending: Dana Whitfield → Samuel Okafor' }).first().click();
  await list.getByRole('button', { name: 'Revoke delegation' }).click();
  await expect(list.getByRole('button', { name: /^Revoke Fair lending/ })).toHaveCount(0);
  await expect(list).toContainText('Revoked');
});
