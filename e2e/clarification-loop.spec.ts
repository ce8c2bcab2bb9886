// The clarification round trip by keyboard alone, in Chromium against the real server (issue
// 22, defects 1 and 2): fair lending asks about subgroup fairness and signs "Request
// clarification"; the owner answers in the thread and keeps "Revise and resubmit"; fair
// lending's step is theirs again and they decide. The request is answered but not resolved,
// so the sign dialog lists it as blocking the approval: signing is refused until the signer
// ticks override and gives a reason, which is then signed and shown with the decision.
import { expectNoAxeViolations } from './support/axe.ts';
import { freshCreditPackage } from './support/fresh-credit-package.ts';
import { answerThreadByKeyboard, pressUntilFocused, tabTo } from './support/keyboard.ts';
import { loginAs } from './support/login.ts';
import { expect, test } from './support/test.ts';

test('ask, the owner answers, the reviewer’s step reopens and they decide, by keyboard', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const { id } = await freshCreditPackage(baseURL ?? '');
  const question = `Does the 62+ ratio hold on the latest holdout (${Date.now().toString(36)})?`;

  // Fair lending asks, from the section in focus (j, then a), and pauses their step for the answer.
  await loginAs(page, 'fair-lending@example.com');
  await page.goto(`/packages/${id}`);
  const fairness = page.getByRole('region', { name: 'Subgroup fairness' });
  await expect(page.getByRole('region', { name: 'Identification' })).toBeVisible();
  await pressUntilFocused(page, 'j', fairness);
  await page.keyboard.press('a');
  const form = fairness.getByRole('form', { name: 'Annotate “Subgroup fairness”' });
  await expect(form.getByRole('radio', { name: /^Clarification request/ })).toBeFocused();
  await tabTo(page, form.getByRole('textbox', { name: 'Your question' }));
  await page.keyboard.type(question);
  await tabTo(page, form.getByRole('button', { name: 'Ask for clarification' }));
  await page.keyboard.press('Enter');
  const thread = fairness.getByRole('article', { name: /^Clarification request/ }).filter({ hasText: question });
  await expect(thread).toBeFocused();

  const panel = page.getByRole('region', { name: 'Your decision on Fair lending' });
  await tabTo(page, panel.getByRole('button', { name: 'Request clarification' }));
  await page.keyboard.press('Enter');
  const ask = page.getByRole('dialog', { name: 'Sign: Clarification requested' });
  await tabTo(page, ask.getByRole('textbox', { name: 'Reason' }));
  await page.keyboard.type('See the question on subgroup fairness.');
  await tabTo(page, ask.getByLabel('Your password'));
  await page.keyboard.type('demo-password');
  await tabTo(page, ask.getByRole('button', { name: 'Sign: Clarification requested' }));
  await page.keyboard.press('Enter');
  await expect(ask).toBeHidden();
  await expect(page.getByText(/^For you: Paused: Fair lending is waiting for the model owner to answer a clarification request\.$/)).toBeVisible();
  await expect(panel).toBeHidden();

  // The owner answers in the thread; it is then the reviewer's turn, and the owner may still revise.
  await page.context().clearCookies();
  await loginAs(page, 'owner@example.com');
  await page.goto(`/packages/${id}`);
  await expect(page.getByText(/^Your turn: A reviewer asked for a clarification: answer it in its thread\.$/)).toBeVisible();
  const ownersView = page.getByRole('region', { name: 'Subgroup fairness' }).getByRole('article', { name: /^Clarification request/ }).filter({ hasText: question });
  await answerThreadByKeyboard(page, ownersView, 'Yes: 0.84 on the 2025 holdout; the table in this section is refreshed.');
  await expect(page.getByText(/^For you: The model owner answered the clarification requests: waiting for fair lending \(Fair lending\) to decide\.$/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Revise and resubmit' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Fair lending's step is theirs again: the banner says so and the decisions are offered.
  await page.context().clearCookies();
  await loginAs(page, 'fair-lending@example.com');
  await page.goto(`/packages/${id}`);
  await expect(page.getByText(/^Your turn: The model owner answered: your step, Fair lending, is open again\./)).toBeVisible();
  await tabTo(page, panel.getByRole('button', { name: 'Approve', exact: true }));
  await page.keyboard.press('Enter');

  // The request is answered, not resolved: the dialog lists it and will not sign without an override.
  const dialog = page.getByRole('dialog', { name: 'Sign: Approved' });
  const blockers = dialog.getByRole('list', { name: 'What blocks this approval' });
  await expect(blockers.getByRole('listitem')).toHaveText([/^☐Clarification request by Dana Whitfield on Subgroup fairness: answered, not resolved$/]);
  await tabTo(page, dialog.getByLabel('Your password'));
  await page.keyboard.type('demo-password');
  await tabTo(page, dialog.getByRole('button', { name: 'Sign: Approved' }));
  await page.keyboard.press('Enter');
  const override = dialog.getByRole('checkbox', { name: 'Override: approve over this open question' });
  await expect(override).toHaveAccessibleDescription('Resolve the open questions first, or tick override and give your reason');
  await tabTo(page, override, { backwards: true });
  await page.keyboard.press('Space');
  await expect(override).toBeChecked();
  await page.keyboard.press('Tab');
  const overrideReason = dialog.getByRole('textbox', { name: 'Reason for the override (signed with the decision)' });
  await expect(overrideReason).toBeFocused();
  await page.keyboard.type('Answer checked against the holdout table; the owner resolves the wording in 4.3.1.');
  await expectNoAxeViolations(page);
  await tabTo(page, dialog.getByRole('button', { name: 'Sign: Approved' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  const steps = page.getByRole('region', { name: 'Review steps' });
  await expect(steps).toContainText('Approved by Dana Whitfield, Fair Lending Officer · version 1');
  await expect(steps).toContainText('Approved over an open question; signed reason: “Answer checked against the holdout table; the owner resolves the wording in 4.3.1.”');
  await expect(page.getByText(/^For you: Your step is approved: nothing more to do on this package\.$/)).toBeVisible();
  await expectNoAxeViolations(page);
});
