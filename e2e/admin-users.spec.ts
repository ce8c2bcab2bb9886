// Accounts end to end: an administrator creates one; its holder must replace the temporary
// password before anything else; disabling it signs its holder out at their next request. On
// the account page a person ends another of their sessions and changes their password.
// Keyboard and axe are checked on each page.
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { test, expect } from './support/test.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { loginAs } from './support/login.ts';
import { goToAccountPage, goToAdminPage } from './support/header.ts';

const temporaryPassword = 'amber falcon river stone';
const ownPassword = 'seven quiet lanterns over the bay';
const laterPassword = 'orchard wind carries paper boats';

/** A fresh account on the shared server: other specs use the demo accounts, which must stay as they are. */
function newAccount(label: string) {
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  return { email: `e2e-${label}-${stamp}@example.com`, displayName: `Casey ${label} ${stamp.slice(-6)}`, title: 'Privacy Analyst' };
}

/** Signs in with a temporary password: the app takes the person to replace it first, then to the inbox. */
async function replaceTemporaryPassword(page: Page, email: string): Promise<void> {
  await loginAs(page, email, temporaryPassword);
  await expect(page).toHaveURL('/account?password=temporary');
  await expect(page.getByText('Replace your temporary password to continue')).toBeVisible();
  const form = page.getByRole('region', { name: 'Replace your temporary password' });
  await form.getByLabel('Current password').fill(temporaryPassword);
  await form.getByLabel('New password').fill(ownPassword);
  await form.getByRole('button', { name: 'Replace password' }).click();
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
}

/** The demo's second administrator approves a pending request on the Users page, by keyboard, in a browser of their own. */
async function approveAsDeputy(browser: Browser, what: string): Promise<void> {
  const deputy = await signedInPage(browser, 'admin-deputy@example.com', 'demo-password');
  await goToAdminPage(deputy, 'Users');
  const waiting = deputy.getByRole('region', { name: 'Waiting for a second administrator' });
  const approve = waiting.getByRole('button', { name: `Approve: ${what}` });
  await expect(approve).toBeVisible();
  await expectNoAxeViolations(deputy);
  await approve.focus();
  await deputy.keyboard.press('Enter');
  await expect(deputy.getByRole('status').filter({ hasText: `Approved, and done: ${what}.` })).toBeVisible();
  await expect(approve).toHaveCount(0);
  await deputy.context().close();
}

async function signedInPage(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await loginAs(page, email, password);
  return page;
}

async function createThroughApi(request: APIRequestContext, account: ReturnType<typeof newAccount>): Promise<void> {
  const login = await request.post('/api/session', { data: { email: 'admin@example.com', password: 'demo-password' } });
  expect(login.status()).toBe(200);
  // A model owner: created at once (a deciding role would wait for a second administrator, 0175).
  const created = await request.post('/api/admin/users', { data: { ...account, roles: ['model_owner'], temporaryPassword } });
  expect(created.status(), await created.text()).toBe(201);
}

test('an administrator creates an account; its holder replaces the temporary password; disabling it signs them out', async ({ page, browser }) => {
  // Two browsers, two sign-ins and five accessibility checks.
  test.setTimeout(90_000);
  const account = newAccount('created');
  await loginAs(page, 'admin@example.com');
  await goToAdminPage(page, 'Users');
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await expect(page).toHaveTitle('Users · Model Approval');
  await expect(page.getByRole('table', { name: 'Accounts' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A refused submission says what is wrong next to each field, and takes the focus to the first.
  const form = page.getByRole('region', { name: 'Create an account' });
  await form.getByLabel('Email').fill(account.email);
  await form.getByLabel('Temporary password').fill('too short');
  await form.getByRole('button', { name: 'Create account' }).click();
  await expect(form.getByLabel('Name')).toHaveAccessibleDescription(/Enter the name printed on signatures/);
  await expect(form.getByLabel('Name')).toBeFocused();
  await expect(form.getByLabel('Temporary password')).toHaveAccessibleDescription(/Use at least 15 characters/);
  await expectNoAxeViolations(page);

  await form.getByLabel('Name').fill(account.displayName);
  await form.getByLabel('Title (optional)').fill(account.title);
  // Keyboard: Space ticks the checkbox, Enter in a field submits.
  await form.getByRole('checkbox', { name: 'Privacy' }).focus();
  await page.keyboard.press('Space');
  await form.getByLabel('Temporary password').fill(temporaryPassword);
  await form.getByLabel('Temporary password').press('Enter');
  // Privacy decides: the account waits for the second administrator (0175), who approves it by keyboard.
  await expect(page.getByRole('status').filter({ hasText: `Your request is filed: Create the account of ${account.displayName} (${account.email}) with Privacy.` })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: account.email })).toHaveCount(0);
  await approveAsDeputy(browser, `Create the account of ${account.displayName} (${account.email}) with Privacy`);
  await page.reload();
  const row = page.getByRole('row').filter({ hasText: account.email });
  await expect(row).toContainText('Privacy');
  await expect(row).toContainText('Must change password');

  // The holder, in a browser of their own, must replace the temporary password first.
  const holder = await (await browser.newContext()).newPage();
  await replaceTemporaryPassword(holder, account.email);
  await expectNoAxeViolations(holder);

  await page.reload();
  await expect(row).toContainText('Active');
  await expect(row).not.toContainText('Must change password');
  await expect(row.getByRole('cell').nth(3)).toHaveText('1');

  // Disabled after a confirmation, reached by keyboard: the holder's next request is refused.
  await row.getByRole('button', { name: `Disable ${account.displayName}` }).focus();
  await page.keyboard.press('Enter');
  await expect(row.getByRole('button', { name: 'Disable account' })).toBeFocused();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Enter');
  await expect(row).toContainText('Disabled since');
  await expect(row.getByRole('cell').nth(3)).toHaveText('0');

  // Their next request is refused (the account page asks for something not asked before).
  await goToAccountPage(holder, 'Account');
  await expect(holder).toHaveURL('/login?next=%2Faccount');
  await expect(holder.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  // And it cannot sign in again.
  await holder.getByLabel('Email', { exact: true }).fill(account.email);
  await holder.getByLabel('Password', { exact: true }).fill(ownPassword);
  await holder.getByRole('button', { name: 'Sign in' }).click();
  await expect(holder.getByRole('alert').filter({ hasText: 'The email or password is not correct.' })).toBeVisible();
  await holder.context().close();
});

test('the account page ends another session and changes the password', async ({ page, browser, request }) => {
  test.setTimeout(90_000);
  const account = newAccount('account');
  await createThroughApi(request, account);
  await replaceTemporaryPassword(page, account.email);
  const other = await signedInPage(browser, account.email, ownPassword);

  await goToAccountPage(page, 'Account');
  await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();
  await expect(page).toHaveTitle('Account · Model Approval');
  const sessions = page.getByRole('region', { name: 'Your sessions' }).getByRole('listitem');
  await expect(sessions).toHaveCount(2);
  await expect(sessions.filter({ hasText: 'This browser' })).toHaveCount(1);
  await expect(sessions.filter({ hasText: 'This browser' }).getByRole('button')).toHaveCount(0);
  await expect(page.getByLabel('New password')).toHaveAccessibleDescription(/At least 15 characters; any characters, spaces too, and no rules about digits or symbols\./);
  await expectNoAxeViolations(page);

  await sessions.filter({ hasNotText: 'This browser' }).getByRole('button', { name: /^End session signed in / }).click();
  await expect(sessions).toHaveCount(1);
  // Its next request is refused: the page it opens asks for something not asked before.
  await goToAccountPage(other, 'Account');
  await expect(other).toHaveURL('/login?next=%2Faccount');

  // A wrong current password is refused at its field; then the change goes through.
  const form = page.getByRole('region', { name: 'Change your password' });
  await form.getByLabel('Current password').fill('not my password at all');
  await form.getByLabel('New password').fill(laterPassword);
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByLabel('Current password')).toHaveAccessibleDescription('The current password is not correct');
  await expect(form.getByLabel('Current password')).toBeFocused();
  await expectNoAxeViolations(page);
  await form.getByLabel('Current password').fill(ownPassword);
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByRole('status')).toHaveText('Your password is changed, and your other sessions have ended.');
  // This browser stays signed in, on a new session.
  await page.reload();
  await expect(sessions).toHaveCount(1);
  await expect(sessions).toContainText('This browser');

  await loginAs(other, account.email, laterPassword);
  await expect(other.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  await other.context().close();
});

test('a grant of a deciding role waits for a second administrator, who approves it', async ({ page, browser, request }) => {
  test.setTimeout(90_000);
  const account = newAccount('grant');
  await createThroughApi(request, account);
  await loginAs(page, 'admin@example.com');
  await goToAdminPage(page, 'Users');
  const row = page.getByRole('row').filter({ hasText: account.email });
  await row.getByRole('button', { name: `Edit roles of ${account.displayName}` }).click();
  const dialog = page.getByRole('dialog', { name: `Roles of ${account.displayName}` });
  await dialog.getByRole('checkbox', { name: 'Fair lending' }).check();
  await dialog.getByRole('button', { name: 'Save roles' }).click();
  const what = `Change the roles of ${account.displayName} (${account.email}) from Model owner to Model owner, Fair lending`;
  await expect(page.getByRole('status').filter({ hasText: `Your request is filed: ${what}.` })).toBeVisible();
  // The requester sees it waiting, without a button to approve it.
  const waiting = page.getByRole('region', { name: 'Waiting for a second administrator' });
  const item = waiting.getByRole('listitem').filter({ hasText: what });
  await expect(item).toContainText('You filed this request; another administrator approves or rejects it.');
  await expect(item.getByRole('button')).toHaveCount(0);
  await expect(row).not.toContainText('Fair lending');
  // The account's history (0186): Alex created it (and chose its address) and set its password; no passkey since.
  await expect(item.getByText(/^Created by Alex Morgan on .+, who filed this request and chose the account’s email address\.$/)).toBeVisible();
  await expect(item.getByText(/^Its current password was set by the administrator Alex Morgan on .+, not by its holder/)).toBeVisible();
  await expect(item.getByText('No passkey added since then.')).toBeVisible();
  await expectNoAxeViolations(page);
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await item.screenshot({ path: test.info().outputPath(`request-card-${width}.png`) });
  }

  await approveAsDeputy(browser, what);
  await page.reload();
  await expect(row).toContainText('Fair lending');
  await expect(item).toHaveCount(0);
});

test('mail off: a privileged reset asks for no password; the approver alone is shown the generated one, copies it, and the holder must replace it', async ({ page, browser, request, playwright }) => {
  test.setTimeout(120_000);
  const account = newAccount('reset');
  await createThroughApi(request, account);
  // A deciding role through the API: filed by the administrator, approved by the deputy.
  const users = (await (await request.get('/api/admin/users')).json()) as { items: { id: string; email: string }[] };
  const userId = users.items.find((u) => u.email === account.email)?.id ?? '';
  const grant = await request.post('/api/admin/account-requests', { data: { kind: 'set_roles', userId, roles: ['model_owner', 'fair_lending'] } });
  expect(grant.status(), await grant.text()).toBe(201);
  const deputyApi = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await deputyApi.post('/api/session', { data: { email: 'admin-deputy@example.com', password: 'demo-password' } })).status()).toBe(200);
  expect((await deputyApi.post(`/api/admin/account-requests/${((await grant.json()) as { id: string }).id}/approval`, { data: null })).status()).toBe(200);
  await deputyApi.dispose();

  await loginAs(page, 'admin@example.com');
  await goToAdminPage(page, 'Users');
  await page.getByRole('button', { name: `Reset password of ${account.displayName}` }).click();
  const dialog = page.getByRole('dialog', { name: `Reset the password of ${account.displayName}` });
  await expect(dialog).toContainText('shown only to that administrator');
  await expect(dialog.getByLabel('Temporary password')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Ask for the reset' }).click();
  const what = `Reset the password of ${account.displayName}`;
  await expect(page.getByRole('status').filter({ hasText: 'Your request is filed' })).toBeVisible();

  const deputy = await signedInPage(browser, 'admin-deputy@example.com', 'demo-password');
  await deputy.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await goToAdminPage(deputy, 'Users');
  const waiting = deputy.getByRole('region', { name: 'Waiting for a second administrator' });
  const approve = waiting.getByRole('button', { name: new RegExp(`^Approve: ${what}`) });
  await approve.focus();
  await deputy.keyboard.press('Enter');
  const notice = deputy.getByRole('region', { name: `Give ${account.displayName} their temporary password` });
  await expect(notice).toBeVisible();
  // Focus moved to the notice (the approved card is gone), so the next Tab reaches its copy button.
  expect(await notice.evaluate((n) => n.parentElement === document.activeElement)).toBe(true);
  const generated = (await notice.getByLabel(`Temporary password of ${account.displayName}`).textContent()) ?? '';
  expect(generated).toMatch(/^([a-z2-9]{4}-){4}[a-z2-9]{4}$/);
  await expectNoAxeViolations(deputy);
  for (const width of [390, 1280]) {
    await deputy.setViewportSize({ width, height: 900 });
    await notice.screenshot({ path: test.info().outputPath(`generated-password-${width}.png`) });
  }
  await deputy.keyboard.press('Tab');
  await expect(notice.getByRole('button', { name: 'Copy the password' })).toBeFocused();
  await deputy.keyboard.press('Enter');
  await expect(notice.getByRole('status')).toHaveText('Copied to the clipboard.');
  expect(await deputy.evaluate(() => navigator.clipboard.readText())).toBe(generated);
  await notice.getByRole('button', { name: 'I have stored it' }).click();
  await expect(notice).toHaveCount(0);
  await deputy.context().close();

  // The requester was never shown it; the holder signs in with it and must replace it.
  await expect(page.getByText(generated)).toHaveCount(0);
  const holder = await (await browser.newContext()).newPage();
  await loginAs(holder, account.email, generated);
  await expect(holder).toHaveURL('/account?password=temporary');
});
