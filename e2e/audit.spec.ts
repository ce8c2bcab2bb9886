// The audit log in Chromium against the real server. The committee member opens the whole
// log, filters it by action, opens an entry, and checks the log's integrity in the browser:
// intact. Then an attacker with access to the database file rewrites one entry, past the
// database's own refusal: the check names that entry and links to it, and the row is marked.
// Both audit pages work from the keyboard alone and pass axe. The attacker works on a server
// of that test's own (support/isolated-server.ts), never on the one the other specs share.
import { DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import { auditPageSchema } from '#domain/contracts/audit.ts';
import { test, expect } from './support/test.ts';
import { test as isolatedTest } from './support/isolated-server.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { tabTo } from './support/keyboard.ts';
import { loginAs } from './support/login.ts';

const retail = 'pkg_retail_credit_pd';

test('the audit log and a package’s audit trail, by keyboard alone', async ({ page }) => {
  await loginAs(page, 'committee@example.com');
  await page.goto('/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await expect(page.getByText(/^[\d,]+ entries, newest first\.$/)).toBeVisible();
  await expectNoAxeViolations(page);

  // Newest first: the first row is the entry with the highest number, the log's size.
  const size = Number(/^([\d,]+) entries/.exec((await page.getByText(/^[\d,]+ entries, newest first\.$/).textContent()) ?? '')?.[1]?.replaceAll(',', ''));
  const first = page.getByRole('table').getByRole('rowheader').first().getByRole('button');
  await expect(first).toHaveText(new RegExp(`Entry #${size}$`));
  // The table's rows are reached with Tab; Enter opens one, the arrow keys move between them.
  await tabTo(page, first);
  await page.keyboard.press('Enter');
  await expect(first).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator(`#audit-entry-${size}-details`)).toContainText('Entry hash (recomputed)');
  await page.keyboard.press('ArrowDown');
  const second = page.getByRole('button', { name: `Entry #${size - 1}`, exact: true });
  await expect(second).toBeFocused();
  await page.keyboard.press('Space');
  await expect(second).toHaveAttribute('aria-expanded', 'true');
  await expectNoAxeViolations(page);

  // The check, started from the keyboard.
  await tabTo(page, page.getByRole('button', { name: 'Check integrity' }), { backwards: true });
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^✓ Intact: [\d,]+ entries, root [0-9a-f]{12}…, tree head signed by key /)).toBeVisible();

  await page.goto(`/packages/${retail}/audit`);
  await expect(page.getByRole('heading', { level: 1, name: 'Audit trail: Retail Credit PD 4.2.0' })).toBeVisible();
  const rows = page.getByRole('table').getByRole('rowheader');
  await expect(rows.first()).toBeVisible();
  const firstHere = rows.first().getByRole('button');
  await tabTo(page, firstHere);
  await page.keyboard.press('Enter');
  await expect(firstHere).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByText('✕ Mismatch')).toHaveCount(0);
  await expectNoAxeViolations(page);
});

isolatedTest('the committee checks the log intact; a row rewritten in the database is named by the check', async ({ page, isolatedServer }) => {
  await loginAs(page, 'committee@example.com');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
  await expect(page).toHaveURL('/audit');
  await expect(page.getByText(/^[\d,]+ entries, newest first\.$/)).toBeVisible();

  // Filter by action, in the address; open an entry.
  await page.getByLabel('Action').selectOption({ label: 'Decision signed' });
  await expect(page).toHaveURL('/audit?action=decision.signed');
  await expect(page.getByText(/^[\d,]+ entr(y|ies) match these filters, newest first\.$/)).toBeVisible();
  const table = page.getByRole('table');
  const rows = table.getByRole('row').filter({ has: page.getByRole('rowheader') });
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await expect(row.getByRole('cell').nth(2)).toHaveText('Decision signed');
  const entry = table.getByRole('rowheader').first().getByRole('button');
  await entry.click();
  const details = page.locator(`#${(await entry.getAttribute('aria-controls')) ?? 'missing'}`);
  await expect(details).toContainText('Entry hash (recomputed)');
  await expect(details).toContainText('✓ matches');
  await expect(details).toContainText('"decision"');
  await expectNoAxeViolations(page);
  await page.goBack();
  await expect(page).toHaveURL('/audit');

  await page.getByRole('button', { name: 'Check integrity' }).click();
  await expect(page.getByText(/^✓ Intact: [\d,]+ entries, root [0-9a-f]{12}…, tree head signed by key \S+ at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\.$/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/^✓ Intact: [\d,]+ entries, root [0-9a-f]{12}…, \d+ published tree heads? checked/)).toBeVisible();
  // Checked again: only the entries added since the checkpoint this browser kept are read.
  await page.getByRole('button', { name: 'Check integrity' }).click();
  await expect(page.getByText(/^✓ Intact: [\d,]+ entries, root [0-9a-f]{12}…\. (Only the [\d,]+ entr(y|ies) added since|Nothing was added since) the checkpoint you verified \([\d,]+ entries\)/)).toBeVisible({ timeout: 30_000 });

  // The attacker: the committee member's own sign-in now says someone else signed in.
  const logins = auditPageSchema.parse(await (await page.request.get('/api/audit?action=session.login_succeeded&actor=usr_committee&limit=10000')).json());
  const target = logins.items.at(-1);
  if (!target) throw new Error('No sign-in of the committee member in the log');
  const database = new DatabaseSync(path.join(isolatedServer.dataDir, 'model-approval.sqlite'));
  try {
    database.exec('DROP TRIGGER IF EXISTS audit_log_no_update');
    const changed = database.prepare('UPDATE audit_log SET after = ? WHERE seq = ?').run(JSON.stringify({ email: 'mallory@example.com' }), target.seq);
    expect(changed.changes).toBe(1);

    await page.reload();
    // The rewritten row is older than the checkpoint the first check kept: "Check integrity"
    // would read only the entries added since (docs/decisions/0125); reading them all finds it.
    await page.getByRole('button', { name: 'Check every entry' }).click();
    const verdict = page.getByText(new RegExp(`^✕ Broken at entry #${target.seq}: Entry #${target.seq} does not match its recorded hash`));
    await expect(verdict).toBeVisible({ timeout: 30_000 });
    // The remembered tree head from the first check catches the rewrite too.
    await expect(page.getByText(/no longer hash to the root you verified on/)).toBeVisible();
    await expect(page.getByText(/^✕ Broken: \d+ problems? in [\d,]+ entries/)).toBeVisible();

    await page.getByRole('link', { name: `Show entry #${target.seq}` }).first().click();
    await expect(page).toHaveURL(`/audit?entry=${target.seq}`);
    const row = page.getByRole('button', { name: `Entry #${target.seq}`, exact: true });
    await expect(row).toBeFocused();
    await expect(row).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator(`#audit-entry-${target.seq}-details`)).toContainText('✕ does not match: this entry was changed after it was written');
    await expect(page.locator(`tr[data-seq="${target.seq}"]`)).toContainText('✕ Mismatch');
    await expectNoAxeViolations(page);
  } finally {
    // Nothing to put back: the server and its folder are thrown away after the test.
    database.close();
  }
});
