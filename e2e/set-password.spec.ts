// The page a set-password link opens (docs/decisions/0181), as its holder meets it: the token is
// the URL's fragment and leaves the address bar once read; a weak password is refused at the
// field before any round trip; a token the server does not know (used, replaced, expired) is
// refused with a way forward. Keyboard only; axe; 390 and 1280 px. The e2e server runs without
// mail, so no real link is mailed here: the contract scenarios cover links end to end.
import { test, expect } from './support/test.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { shootAtWidths } from './support/screenshots.ts';

test('a set-password link: the token leaves the address bar; a weak password and an unknown token are refused next to what to do', async ({ page }, testInfo) => {
  await page.goto('/set-password#not-a-mailed-token');
  await expect(page.getByRole('heading', { level: 1, name: 'Set your password' })).toBeVisible();
  await expect(page).toHaveURL('/set-password');
  await expectNoAxeViolations(page);

  const field = page.getByLabel('New password');
  await field.focus();
  await page.keyboard.type('short');
  await page.keyboard.press('Enter');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toBeFocused();

  await field.fill('');
  await page.keyboard.type('copper meadow violet harbour');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('This link is not valid');
  await expectNoAxeViolations(page);
  await shootAtWidths(page, 'set-password-refused', (name) => testInfo.outputPath(name), true);

  await page.goto('/set-password');
  await expect(page.getByRole('alert')).toContainText('This page needs the link from your mail');
  await expectNoAxeViolations(page);
  await shootAtWidths(page, 'set-password-no-token', (name) => testInfo.outputPath(name), true);
});
