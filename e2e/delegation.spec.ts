// Delegation in Chromium against the real server: fair lending delegates the role to a
// named colleague (privacy, no step of the credit chain, so segregation of duties allows it)
// on the account page; the colleague signs the fair lending step "as delegate of" its holder;
// the package page and the record say on whose behalf; the holder then revokes the delegation
// (so the shared demo server is left as found). One an administrator made waits for its
// delegator, who accepts it with the keyboard.
import { signInActor } from '#scripts/lib/api-actor.ts';
import { test, expect } from './support/test.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { freshCreditPackage } from './support/fresh-credit-package.ts';
import { tabTo } from './support/keyboard.ts';
import { loginAs } from './support/login.ts';
import { goToAccountPage, signOut } from './support/header.ts';

test('a reviewer delegates to a named colleague, who signs the step on their behalf; the package and the record show it', async ({ page, baseURL }) => {
  const { id } = await freshCreditPackage(baseURL ?? '');

  await loginAs(page, 'fair-lending@example.com');
  await goToAccountPage(page, 'Delegations');
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
  await signOut(page);
  await page.waitForURL((url) => url.pathname === '/login');
  await loginAs(page, 'privacy@example.com');
  await page.goto(`/packages/${id}`);
  await expect(page.getByRole('region', { name: 'Delegations for Fair lending' })).toContainText('Samuel Okafor acts for Dana Whitfield');
  const panel = page.getByRole('region', { name: 'Your decision on Fair lending' });
  await panel.getByRole('button', { name: 'Approve', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign: Approved' });
  await expect(dialog).toContainText('Signing as delegate of Dana Whitfield (Fair lending)');
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
  await signOut(page);
  await page.waitForURL((url) => url.pathname === '/login');
  await loginAs(page, 'fair-lending@example.com');
  await page.goto('/account/delegations');
  const list = page.getByRole('region', { name: 'Given and received' });
  await list.getByRole('button', { name: 'Revoke Fair lending: Dana Whitfield → Samuel Okafor' }).first().click();
  await list.getByRole('button', { name: 'Revoke delegation' }).click();
  await expect(list.getByRole('button', { name: /^Revoke Fair lending/ })).toHaveCount(0);
  await expect(list).toContainText('Revoked');
});

test('a delegation an administrator made waits for its delegator, who accepts it with the keyboard', async ({ page, baseURL }) => {
  // Hannah's security role to Samuel (privacy decides no step of the chains waiting for security), a month out.
  const admin = await signInActor(baseURL ?? '', 'admin@example.com', process.env.DEMO_PASSWORD ?? 'demo-password');
  const day = 86_400_000;
  const reason = `Conference cover ${Date.now().toString(36)}`;
  await admin.post('/api/delegations', { role: 'security', delegatorId: 'usr_security', delegateId: 'usr_privacy', reason, startsAt: new Date(Date.now() + 30 * day).toISOString(), endsAt: new Date(Date.now() + 31 * day).toISOString() });

  await loginAs(page, 'security@example.com');
  await page.goto('/account/delegations');
  const list = page.getByRole('region', { name: 'Given and received' });
  const item = list.getByRole('listitem').filter({ hasText: reason });
  await expect(item).toContainText('Security: Hannah Kim → Samuel Okafor');
  await expect(item).toContainText('Awaiting the delegator’s acceptance');
  await expectNoAxeViolations(page);

  const accept = item.getByRole('button', { name: 'Accept Security: Hannah Kim → Samuel Okafor' });
  await tabTo(page, accept);
  await page.keyboard.press('Enter');
  const confirm = item.getByRole('group', { name: 'Confirm accepting Security: Hannah Kim → Samuel Okafor' });
  await expect(confirm).toContainText('Alex Morgan made this for you.');
  await expect(confirm.getByRole('button', { name: 'Accept delegation' })).toBeFocused();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Enter');
  await expect(item).toContainText('Scheduled');
  await expect(item).toContainText('Made by Alex Morgan, accepted');
  await expect(item.getByRole('button', { name: /^Accept / })).toHaveCount(0);

  // Revoked again, so the shared server is left as found.
  await item.getByRole('button', { name: 'Revoke Security: Hannah Kim → Samuel Okafor' }).click();
  await item.getByRole('button', { name: 'Revoke delegation' }).click();
  await expect(item).toContainText('Revoked');
});
