// The organisation's business lines (docs/decisions/0168), by keyboard: an administrator adds a
// line, sees a second spelling of it refused beside the field, and retires it. The line carries
// a suffix of this run's own, so no other spec's packages or policies name it.
import { test, expect } from './support/test.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { tabTo } from './support/keyboard.ts';
import { loginAs } from './support/login.ts';
import { goToAdminPageByKeyboard } from './support/header.ts';
import { shootAtWidths } from './support/screenshots.ts';
import { approveAsDeputy, proposedNotice } from './support/catalogue.ts';

test('an administrator adds a business line by keyboard, a second spelling is refused beside the field, and the line is retired', async ({ page, baseURL }, testInfo) => {
  const suffix = Date.now().toString(36);
  const label = `Auto loans ${suffix}`;
  await loginAs(page, 'admin@example.com');
  await goToAdminPageByKeyboard(page, 'Business lines');
  await expect(page.getByRole('heading', { level: 1, name: 'Business lines' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Consumer lending', exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  const field = page.getByLabel('Business line', { exact: true });
  const add = async (text: string) => {
    await tabTo(page, field);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  };
  // Two administrators (the demo's): the line is proposed, and the deputy approves it (0182).
  await add(label);
  await expect(page.getByRole('status').filter({ hasText: proposedNotice })).toBeVisible();
  await expect(field).toHaveValue('');
  await approveAsDeputy(baseURL ?? '', label.toLowerCase());
  await page.reload();
  await expect(page.getByRole('heading', { level: 3, name: label, exact: true })).toBeVisible();

  await add(`  ${label.toLowerCase()} `);
  await expect(field).toHaveAccessibleDescription(/already on the list/);
  await expectNoAxeViolations(page);
  await shootAtWidths(page, 'business-lines', (name) => testInfo.outputPath(name), true);

  const retire = page.getByRole('button', { name: `Propose retiring ${label}` });
  await tabTo(page, retire);
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('button', { name: 'Propose retiring the business line' });
  await tabTo(page, confirm);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: proposedNotice })).toBeVisible();
  await approveAsDeputy(baseURL ?? '', label.toLowerCase());
  await page.reload();
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: label, exact: true }) });
  await expect(item).toContainText('Retired');
  await expect(page.getByRole('button', { name: `Propose retiring ${label}` })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
